package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
)

// A case is stored as an 8-byte revision (its place in the change log)
// followed by the JSON export form of the stored case, so exports can copy
// it out without decoding.

func decodeCase(v []byte) (trialwatch.StoredCase, uint64, error) {
	var sc trialwatch.StoredCase
	if len(v) < 8 {
		return sc, 0, fmt.Errorf("short case record")
	}
	if err := json.Unmarshal(v[8:], &sc); err != nil {
		return sc, 0, err
	}
	sc.Normalize()
	return sc, binary.BigEndian.Uint64(v[:8]), nil
}

// caseStamps is the part of a stored case that a new revision keeps.
type caseStamps struct {
	FirstSeen time.Time `json:"first_seen"`
	Updated   time.Time `json:"updated"`
	AppealOf  string    `json:"appeal_of"`
}

// decodeStamps reads the stamps and revision of a stored case record
// without decoding the rest of it.
func decodeStamps(v []byte) (caseStamps, uint64, error) {
	var st caseStamps
	if len(v) < 8 {
		return st, 0, fmt.Errorf("short case record")
	}
	if err := json.Unmarshal(v[8:], &st); err != nil {
		return st, 0, err
	}
	return st, binary.BigEndian.Uint64(v[:8]), nil
}

// marshalCase encodes a stored case as exports give it: without the HTML
// escaping of <, > and & that encoding/json does by default, so evidence
// reads as written.
func marshalCase(sc *trialwatch.StoredCase) ([]byte, error) {
	return encodeStoredCase(sc)
}

func contribKey(id, articleURL string) []byte {
	return append(append([]byte(id), 0), articleURL...)
}

func getContrib(tx *bolt.Tx, id, articleURL string) (contrib, bool, error) {
	v := tx.Bucket(bContrib).Get(contribKey(id, articleURL))
	if v == nil {
		return contrib{}, false, nil
	}
	var c contrib
	if err := json.Unmarshal(v, &c); err != nil {
		return c, false, fmt.Errorf("case %s source %s: %w", id, articleURL, err)
	}
	return c, true, nil
}

func putContrib(tx *bolt.Tx, id, articleURL string, c contrib) error {
	return tx.Bucket(bContrib).Put(contribKey(id, articleURL), encodeContrib(&c))
}

func contribsOf(tx *bolt.Tx, id string) ([]contrib, error) {
	pfx := append([]byte(id), 0)
	c := tx.Bucket(bContrib).Cursor()
	var out []contrib
	for k, v := c.Seek(pfx); k != nil && bytes.HasPrefix(k, pfx); k, v = c.Next() {
		var cb contrib
		if err := json.Unmarshal(v, &cb); err != nil {
			return nil, fmt.Errorf("case %s source %s: %w", id, k[len(pfx):], err)
		}
		out = append(out, cb)
	}
	return out, nil
}

// getFeatures reads the dedup features of stored case id. The features it
// returns may share memory with other callers': read them, never change them.
func getFeatures(tx *bolt.Tx, id string) (features, error) {
	v := tx.Bucket(bFeat).Get([]byte(id))
	if v == nil {
		return features{}, fmt.Errorf("case %s: no dedup features", id)
	}
	if f, ok := featMemo.get(v); ok {
		return f, nil
	}
	var f features
	if err := json.Unmarshal(v, &f); err != nil {
		return f, fmt.Errorf("case %s features: %w", id, err)
	}
	featMemo.put(v, f)
	return f, nil
}

// featMemo remembers decoded features by their stored bytes: each new
// report is scored against the same recent cases of its place and month
// again and again, and decoding their JSON was most of the cost of a save.
// Keyed by the bytes themselves, an entry is right for any database and
// whatever a rolled-back transaction did.
var featMemo = memo{m: map[string]features{}}

// memoSize bounds the entries kept; when full the memo starts again.
const memoSize = 1 << 14

type memo struct {
	mu sync.Mutex
	m  map[string]features
}

func (m *memo) get(raw []byte) (features, bool) {
	m.mu.Lock()
	f, ok := m.m[string(raw)]
	m.mu.Unlock()
	return f, ok
}

func (m *memo) put(raw []byte, f features) {
	m.mu.Lock()
	if len(m.m) >= memoSize {
		clear(m.m)
	}
	m.m[string(raw)] = f
	m.mu.Unlock()
}

// decodesAsMade reports whether decoding the encoding of f gives f: its
// texts are valid UTF-8 (JSON would replace bad bytes) and none of its
// lists is empty but not nil (an empty list is left out).
func decodesAsMade(f *features) bool {
	for _, list := range [][]string{{f.Stage}, f.Countries, f.Dates, f.Places, f.Roles} {
		if list != nil && len(list) == 0 {
			return false
		}
		for _, s := range list {
			if !utf8.ValidString(s) {
				return false
			}
		}
	}
	for _, ns := range f.Ints {
		if ns != nil && len(ns) == 0 {
			return false
		}
	}
	return true
}

// refresh recomputes stored case id from its contributions: it deletes the
// case when none is left, and otherwise writes it (with a new revision and
// updated time) only when what it shows has changed. A non-empty appealOf
// sets the verdict the case reviews.
func (db *DB) refresh(tx *bolt.Tx, id string, now time.Time, appealOf string) error {
	cs, err := contribsOf(tx, id)
	if err != nil {
		return err
	}
	return db.refreshFrom(tx, id, now, appealOf, cs, nil)
}

// refreshFrom is refresh given the case's contributions, all of them: for
// a case just made, the one report that made it. feat, if not nil, holds
// the dedup features of those contributions, already read.
func (db *DB) refreshFrom(tx *bolt.Tx, id string, now time.Time, appealOf string, cs []contrib, feat *features) error {
	cases, feats := tx.Bucket(bCases), tx.Bucket(bFeat)
	var err error
	oldVal := cases.Get([]byte(id))
	var old caseStamps
	var oldRev uint64
	if oldVal != nil {
		if old, oldRev, err = decodeStamps(oldVal); err != nil {
			return fmt.Errorf("case %s: %w", id, err)
		}
	}
	var oldFeat []byte
	if v := feats.Get([]byte(id)); v != nil {
		oldFeat = clone(v)
	}
	if len(cs) == 0 {
		if oldVal == nil {
			return nil
		}
		if err := dropCase(tx, id, oldRev, oldFeat); err != nil {
			return err
		}
		return addCount(tx, "cases", -1)
	}
	merged, refs, disputed := mergeCase(cs)
	sc := trialwatch.StoredCase{
		ID: id, Case: merged, Sources: refs, Disputed: disputed,
		FirstSeen: now, Updated: now, AppealOf: appealOf,
	}
	if oldVal != nil {
		sc.FirstSeen, sc.Updated = old.FirstSeen, old.Updated
		if sc.AppealOf == "" {
			sc.AppealOf = old.AppealOf
		}
		body, err := marshalCase(&sc)
		if err != nil {
			return err
		}
		if bytes.Equal(body, oldVal[8:]) {
			return nil
		}
	}
	sc.Updated = now
	body, err := marshalCase(&sc)
	if err != nil {
		return err
	}
	revs := tx.Bucket(bRevs)
	rev, err := revs.NextSequence()
	if err != nil {
		return err
	}
	if oldVal != nil {
		if err := revs.Delete(u64(oldRev)); err != nil {
			return err
		}
	} else if err := addCount(tx, "cases", 1); err != nil {
		return err
	}
	if err := revs.Put(u64(rev), []byte(id)); err != nil {
		return err
	}
	if err := cases.Put([]byte(id), append(u64(rev), body...)); err != nil {
		return err
	}
	var f features
	if feat != nil {
		f = *feat
	} else {
		for i := range cs {
			f.add(&cs[i].Case)
		}
	}
	fb := encodeFeatures(&f)
	if bytes.Equal(fb, oldFeat) {
		return nil
	}
	if oldFeat != nil {
		var of features
		if err := json.Unmarshal(oldFeat, &of); err != nil {
			return fmt.Errorf("case %s features: %w", id, err)
		}
		if err := deleteIndex(tx, &of, id); err != nil {
			return err
		}
	}
	if err := feats.Put([]byte(id), fb); err != nil {
		return err
	}
	// The next reports of the case's place and month are scored against
	// these features: they need not decode what was just encoded.
	if decodesAsMade(&f) {
		featMemo.put(fb, f)
	}
	return putIndex(tx, &f, id)
}

// dropCase removes a case that no source reports any more.
func dropCase(tx *bolt.Tx, id string, rev uint64, feat []byte) error {
	if feat != nil {
		var f features
		if err := json.Unmarshal(feat, &f); err != nil {
			return fmt.Errorf("case %s features: %w", id, err)
		}
		if err := deleteIndex(tx, &f, id); err != nil {
			return err
		}
	}
	for _, b := range []struct {
		bucket []byte
		key    []byte
	}{{bCases, []byte(id)}, {bFeat, []byte(id)}, {bRevs, u64(rev)}} {
		if err := tx.Bucket(b.bucket).Delete(b.key); err != nil {
			return err
		}
	}
	return nil
}

func sortPairs(ps []pair) {
	slices.SortStableFunc(ps, func(a, b pair) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		case a.i != b.i:
			return a.i - b.i
		}
		return bytes.Compare([]byte(a.id), []byte(b.id))
	})
}
