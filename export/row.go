package export

import (
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/trialwatch/trialwatch"
)

// row is a stored case read for CSV and Atom: only the fields they write,
// its texts as bytes that point into the stored JSON (or into arena, where
// a text had escapes), so reading a case allocates next to nothing.
// Decoding the whole trialwatch.StoredCase with encoding/json was most of
// the cost of those formats.
type row struct {
	id, stage, appealOf []byte
	// texts are court, location, country, decision_date, defendant_role.
	texts [nTexts]optText
	// ints are defendants, convicted, acquitted, imprisoned, suspended,
	// sentence_min_months, sentence_max_months, victims.
	ints     [nInts]optInt
	charges  [][]byte
	evidence []pair // sorted by key, no key twice
	// firstSeen and updated are the times in UTC, as RFC 3339 text to the
	// second.
	firstSeen, updated []byte
	sources            []sourceRef
	// disputes are the disputed fields, sorted by key, as the fast reader
	// reads them; disputed holds them instead where encoding/json read the
	// case.
	disputes       []dispute
	dvals          []dvalue
	dsrcs          [][]byte
	disputed       map[string][]trialwatch.FieldValue
	arena, scratch []byte
	seen           uint32 // bits of the keys read, by key number
	// update is the "update" key an exported case may carry (the API's
	// form of a case marked as changed); it is no field of a stored case.
	update bool
}

// dispute is one disputed field: the values the sources gave are
// dvals[lo:hi]; null is set where the list itself was null.
type dispute struct {
	key    []byte
	lo, hi int
	null   bool
}

// dvalue is one trialwatch.FieldValue: a string, a whole number, true,
// false or null (kinds 's', 'n', 't', 'f', 0), given by the sources
// dsrcs[lo:hi], or by null in place of a list.
type dvalue struct {
	kind    byte
	s       []byte
	n       int
	lo, hi  int
	srcNull bool
}

// optText is a text field of the record: ok is false where it is null.
type optText struct {
	b  []byte
	ok bool
}

// optInt is a whole-number field of the record: ok is false where it is
// null.
type optInt struct {
	n  int
	ok bool
}

type pair struct{ k, v []byte }

type sourceRef struct{ url, outlet, title, published []byte }

const (
	tCourt = iota
	tLocation
	tCountry
	tDate
	tRole
	nTexts
)

const (
	iDefendants = iota
	iConvicted
	iAcquitted
	iImprisoned
	iSuspended
	iMin
	iMax
	iVictims
	nInts
)

var rows = sync.Pool{New: func() any { return new(row) }}

func getRow() *row { return rows.Get().(*row) }

func putRow(r *row) {
	if cap(r.arena) > 1<<20 || cap(r.scratch) > 1<<20 {
		return // an outsized case: let its buffers go
	}
	rows.Put(r)
}

func (r *row) reset() {
	*r = row{
		charges:  r.charges[:0],
		evidence: r.evidence[:0],
		sources:  r.sources[:0],
		disputes: r.disputes[:0],
		dvals:    r.dvals[:0],
		dsrcs:    r.dsrcs[:0],
		arena:    r.arena[:0],
		scratch:  r.scratch[:0],
		// A time not given is the zero time.
		firstSeen: zeroTime,
		updated:   zeroTime,
	}
}

var zeroTime = []byte("0001-01-01T00:00:00Z")

// errSlow says the fast reader met something it leaves to encoding/json
// (a key it does not know or that comes twice, a number that is not a
// plain int, a disputed value that is neither a string, a whole number nor
// a literal, a syntax error); encoding/json then settles what the case
// means or says what is wrong with it.
var errSlow = errors.New("export: case needs the full decoder")

// decode reads a stored case. Whatever the input, it gives what decoding
// it into a trialwatch.StoredCase with encoding/json would give, or the
// same error.
func (r *row) decode(data []byte) error {
	r.reset()
	if err := r.fast(data); err == nil {
		return nil
	}
	r.reset()
	return r.slow(data)
}

// slow reads a case with encoding/json into a full StoredCase and keeps
// what the formats use.
func (r *row) slow(data []byte) error {
	var sc trialwatch.StoredCase
	if err := json.Unmarshal(data, &sc); err != nil {
		return err
	}
	sc.Normalize()
	r.fromStored(&sc)
	return nil
}

// fromStored fills r from a decoded case.
func (r *row) fromStored(sc *trialwatch.StoredCase) {
	r.id, r.stage, r.appealOf = []byte(sc.ID), []byte(sc.Stage), []byte(sc.AppealOf)
	for i, p := range [nTexts]*string{sc.Court, sc.Location, sc.Country, sc.DecisionDate, sc.DefendantRole} {
		if p != nil {
			r.texts[i] = optText{[]byte(*p), true}
		}
	}
	for i, p := range [nInts]*int{sc.Defendants, sc.Convicted, sc.Acquitted, sc.Imprisoned, sc.Suspended,
		sc.SentenceMinMonths, sc.SentenceMaxMonths, sc.Victims} {
		if p != nil {
			r.ints[i] = optInt{*p, true}
		}
	}
	for _, c := range sc.Charges {
		r.charges = append(r.charges, []byte(c))
	}
	for k, v := range sc.Evidence {
		r.evidence = append(r.evidence, pair{[]byte(k), []byte(v)})
	}
	sortPairs(r.evidence)
	a := r.arena
	n := len(a)
	a = sc.FirstSeen.UTC().AppendFormat(a, time.RFC3339)
	r.firstSeen, n = a[n:], len(a)
	a = sc.Updated.UTC().AppendFormat(a, time.RFC3339)
	r.updated, r.arena = a[n:], a
	for _, s := range sc.Sources {
		r.sources = append(r.sources, sourceRef{[]byte(s.URL), []byte(s.Outlet), []byte(s.Title), []byte(s.Published)})
	}
	r.disputed = sc.Disputed
}

// sortedUnique sorts the items of a JSON object by key and reports whether
// no key came twice (encoding/json would keep the last; the fast reader
// leaves that to it).
func sortedUnique[T pair | dispute](items []T) bool {
	key := func(t *T) []byte {
		switch v := any(t).(type) {
		case *pair:
			return v.k
		case *dispute:
			return v.key
		}
		return nil
	}
	sorted := true
	for i := 1; i < len(items) && sorted; i++ {
		sorted = compareBytes(key(&items[i-1]), key(&items[i])) < 0
	}
	if sorted {
		return true
	}
	slices.SortFunc(items, func(a, b T) int { return compareBytes(key(&a), key(&b)) })
	for i := 1; i < len(items); i++ {
		if string(key(&items[i-1])) == string(key(&items[i])) {
			return false
		}
	}
	return true
}

func sortPairs(ps []pair) {
	slices.SortFunc(ps, func(a, b pair) int { return compareBytes(a.k, b.k) })
}

func compareBytes(a, b []byte) int {
	switch {
	case string(a) < string(b):
		return -1
	case string(a) > string(b):
		return 1
	}
	return 0
}

// The top-level keys the fast reader knows, by bit.
const (
	kID = iota
	kStage
	kCourt
	kLocation
	kCountry
	kDate
	kDefendants
	kConvicted
	kAcquitted
	kImprisoned
	kSuspended
	kMin
	kMax
	kVictims
	kCharges
	kRole
	kEvidence
	kRules
	kFirstSeen
	kUpdated
	kSources
	kDisputed
	kAppealOf
	kUpdate
)

func keyNumber(k []byte) int {
	switch string(k) {
	case "id":
		return kID
	case "stage":
		return kStage
	case "court":
		return kCourt
	case "location":
		return kLocation
	case "country":
		return kCountry
	case "decision_date":
		return kDate
	case "defendants":
		return kDefendants
	case "convicted":
		return kConvicted
	case "acquitted":
		return kAcquitted
	case "imprisoned":
		return kImprisoned
	case "suspended":
		return kSuspended
	case "sentence_min_months":
		return kMin
	case "sentence_max_months":
		return kMax
	case "victims":
		return kVictims
	case "charges":
		return kCharges
	case "defendant_role":
		return kRole
	case "evidence":
		return kEvidence
	case "rules":
		return kRules
	case "first_seen":
		return kFirstSeen
	case "updated":
		return kUpdated
	case "sources":
		return kSources
	case "disputed":
		return kDisputed
	case "appeal_of":
		return kAppealOf
	case "update":
		return kUpdate
	}
	return -1
}

// fast reads the JSON the store writes, and any JSON of the same keys
// with plain strings and ints; it returns errSlow for anything else.
func (r *row) fast(data []byte) error {
	s := scanner{b: data, r: r}
	if !s.object(func(key []byte) bool {
		k := keyNumber(key)
		if k < 0 || r.seen&(1<<k) != 0 {
			return false
		}
		r.seen |= 1 << k
		return s.field(k)
	}) {
		return errSlow
	}
	s.ws()
	if s.i != len(s.b) {
		return errSlow
	}
	if !sortedUnique(r.evidence) {
		return errSlow
	}
	if !sortedUnique(r.disputes) {
		return errSlow
	}
	return nil
}

// fieldValue reads one trialwatch.FieldValue whose value is a string, a
// whole number, true, false or null.
func (s *scanner) fieldValue() bool {
	r := s.r
	v := dvalue{lo: len(r.dsrcs), srcNull: true}
	var seen uint8
	ok := s.object(func(key []byte) bool {
		switch string(key) {
		case "value":
			if seen&1 != 0 {
				return false
			}
			seen |= 1
			return s.anyValue(&v)
		case "sources":
			if seen&2 != 0 {
				return false
			}
			seen |= 2
			if s.null() {
				return true
			}
			v.srcNull = false
			v.lo = len(r.dsrcs)
			return s.array(func() bool {
				u, ok := s.str()
				r.dsrcs = append(r.dsrcs, u)
				return ok
			})
		}
		return false
	})
	v.hi = len(r.dsrcs)
	r.dvals = append(r.dvals, v)
	return ok
}

// anyValue reads a value decoded into an interface: a string, a whole
// number of at most 15 digits (so float64 holds it exactly), or a literal.
func (s *scanner) anyValue(v *dvalue) bool {
	if s.null() {
		v.kind = 0
		return true
	}
	if s.i >= len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		var ok bool
		v.kind = 's'
		v.s, ok = s.str()
		return ok
	case c == 't' && len(s.b)-s.i >= 4 && string(s.b[s.i:s.i+4]) == "true":
		v.kind = 't'
		s.i += 4
		return true
	case c == 'f' && len(s.b)-s.i >= 5 && string(s.b[s.i:s.i+5]) == "false":
		v.kind = 'f'
		s.i += 5
		return true
	}
	start := s.i
	n, ok := s.int()
	if !ok || s.i-start > 15 || string(s.b[start:s.i]) == "-0" {
		return false
	}
	v.kind, v.n = 'n', n.n
	return true
}

// field reads the value of top-level key k.
func (s *scanner) field(k int) bool {
	r := s.r
	var ok bool
	switch k {
	case kID:
		r.id, ok = s.plain()
	case kStage:
		r.stage, ok = s.plain()
	case kUpdate:
		if s.null() {
			return true
		}
		switch {
		case len(s.b)-s.i >= 4 && string(s.b[s.i:s.i+4]) == "true":
			r.update, ok = true, true
			s.i += 4
		case len(s.b)-s.i >= 5 && string(s.b[s.i:s.i+5]) == "false":
			ok = true
			s.i += 5
		}
	case kAppealOf:
		r.appealOf, ok = s.plain()
	case kCourt:
		r.texts[tCourt], ok = s.text()
	case kLocation:
		r.texts[tLocation], ok = s.text()
	case kCountry:
		r.texts[tCountry], ok = s.text()
	case kDate:
		r.texts[tDate], ok = s.text()
	case kRole:
		r.texts[tRole], ok = s.text()
	case kDefendants, kConvicted, kAcquitted, kImprisoned, kSuspended, kMin, kMax, kVictims:
		r.ints[k-kDefendants], ok = s.int()
	case kCharges:
		ok = s.null() || s.array(func() bool {
			v, ok := s.str()
			r.charges = append(r.charges, v)
			return ok
		})
	case kEvidence:
		ok = s.pairs(&r.evidence)
	case kRules:
		// Not exported, but read so that a malformed value fails as it
		// would in encoding/json.
		ok = s.pairs(nil)
	case kFirstSeen:
		ok = s.time(&r.firstSeen)
	case kUpdated:
		ok = s.time(&r.updated)
	case kSources:
		ok = s.null() || s.array(func() bool {
			var src sourceRef
			var seen uint8
			ok := s.object(func(key []byte) bool {
				var p *[]byte
				var bit uint8
				switch string(key) {
				case "url":
					p, bit = &src.url, 1
				case "outlet":
					p, bit = &src.outlet, 2
				case "title":
					p, bit = &src.title, 4
				case "published":
					p, bit = &src.published, 8
				default:
					return false
				}
				if seen&bit != 0 {
					return false
				}
				seen |= bit
				var ok bool
				*p, ok = s.plain()
				return ok
			})
			r.sources = append(r.sources, src)
			return ok
		})
	case kDisputed:
		ok = s.null() || s.object(func(key []byte) bool {
			d := dispute{key: key, lo: len(r.dvals)}
			if s.null() {
				d.null = true
			} else if !s.array(s.fieldValue) {
				return false
			}
			d.hi = len(r.dvals)
			r.disputes = append(r.disputes, d)
			return true
		})
	}
	return ok
}
