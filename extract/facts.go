package extract

import (
	"sort"

	"github.com/trialwatch/trialwatch/rules"
)

// marker is a word that says what kind of term is near it.
type marker struct {
	start, end int
	class      string
}

// sent is one sentence with the facts found in it.
type sent struct {
	f         *rules.Facts
	text      string
	lower     string
	ft        *rules.Text
	para      int
	toks      []token
	clauses   [][2]int
	skipped   []bool
	aggregate bool
	newCase   bool
	weak      bool
	weakOut   bool
	outcomes  []outcomeRef
	groups    []*group
	terms     []term
	markers   []marker
	dates     []dateRef
	courts    []courtRef
	places    []placeRef
	countries []string
	// courtCountries are the countries tied to a court or place ("a Kazakh
	// court", "Supreme Court of Kyrgyzstan").
	courtCountries []string
	context        bool // a sentencing context (terms are sentences)
	noneJailed     bool // "none of them was jailed": no one imprisoned, said so
	later          bool // courts, places and dates not read yet (courtsLater)
	// cands are the decision verbs matched before clauses are known; a
	// term's kind is never read across one.
	cands []candidate
}

// anchor reports whether the sentence tells of a decision.
func (s *sent) anchor() bool { return len(s.outcomes) > 0 && !s.aggregate }

// clauseOf returns the index of the clause holding byte offset pos.
func (s *sent) clauseOf(pos int) int {
	for i, c := range s.clauses {
		if pos >= c[0] && pos < c[1] {
			return i
		}
	}
	return len(s.clauses) - 1
}

// analyze finds the facts of one sentence.
func analyze(f *rules.Facts, text string, para int, known *people) *sent {
	return analyzeText(f, prepare(f, text, para), known)
}

// analyzeText is analyze for a sentence already tokenized and prepared.
func analyzeText(f *rules.Facts, r rawSentence, known *people) *sent {
	text, para, toks, ft := r.text, r.para, r.toks, r.ft
	s := &sent{f: f, text: text, lower: ft.Folded, ft: ft, para: para, toks: toks}
	s.clauses = [][2]int{{0, len(text) + 1}}
	raw := findTerms(f, text, s.ft, s.toks)
	cands := s.outcomeCandidates(f)
	s.cands = cands
	if len(cands) == 0 {
		s.weak = matchAnyText(f.ByKind("weak"), text, s.ft)
		if len(raw) > 0 && !matchAnyText(f.ByKind("term_context"), text, s.ft) {
			raw = nil // lengths of time that are no sentences ("three days later")
		}
		if !s.weak && len(raw) == 0 && !(hasNumber(f, s.toks) && peopleCue(f, s.ft)) {
			// Nothing of a decision here: only the countries count. A
			// court it names is read when a decision told next needs it
			// (courtsLater).
			s.countries = findCountries(f, s.toks)
			s.later = true
			return s
		}
		s.weakOut = s.weak && matchAnyText(f.ByKind("weak_exclude"), text, s.ft)
	}
	s.clauses = splitClauses(f, text, s.ft)
	s.skipped = make([]bool, len(s.clauses))
	for _, p := range f.ByKind("skip") {
		for _, m := range p.FindAll(s.ft) {
			s.skipped[s.clauseOf(m[0])] = true
			s.noneJailed = s.noneJailed || p.Class == "none_jailed"
		}
	}
	s.aggregate = matchAnyText(f.ByKind("aggregate"), text, s.ft)

	s.courts = findCourts(f, text, s.ft)
	for _, c := range s.courts {
		if c.country != "" {
			s.countries = append(s.countries, c.country)
		}
	}
	s.courtCountries = append([]string(nil), s.countries...)

	// Markers of term kinds; an earlier pattern wins where two overlap
	// ("non-custodial" over "custodial").
	if len(raw) > 0 || len(cands) > 0 {
		for _, p := range f.ByKind("term_type") {
		next:
			for _, m := range p.FindAll(s.ft) {
				for _, o := range s.markers {
					if m[0] < o.end && m[1] > o.start {
						continue next
					}
				}
				s.markers = append(s.markers, marker{start: m[0], end: m[1], class: p.Class})
			}
		}
		sort.Slice(s.markers, func(i, j int) bool { return s.markers[i].start < s.markers[j].start })
	}
	for _, t := range raw {
		if s.skipped[s.clauseOf(t.start)] {
			continue
		}
		t.kind = s.termKind(t.start, t.end)
		s.terms = append(s.terms, t)
	}
	s.matchOutcomes(cands)
	if s.aggregate && len(s.clauses) > 1 && !s.aggregateWithDecision() {
		s.aggregate = false // "sentenced him to 10 years; he had been in custody since 2022"
	}
	decision := len(s.outcomes) > 0 && !s.aggregate
	if !decision && len(cands) > 0 {
		s.weak = matchAnyText(f.ByKind("weak"), text, s.ft)
		s.weakOut = s.weak && matchAnyText(f.ByKind("weak_exclude"), text, s.ft)
	}

	// Places, people and dates matter only where a decision, a court or
	// a victim may be told of.
	if decision || s.weak || len(s.courts) > 0 {
		var countries []string
		s.places, countries = findPlaces(f, text, s.ft, "court")
		s.places = append(placesAfterCourts(f, text, s.courts), s.places...)
		s.courtCountries = append(s.courtCountries, countries...)
		s.countries = append(s.countries, countries...)
	}
	if decision || hasNumber(f, s.toks) && peopleCue(f, s.ft) {
		var masks [][2]int
		for _, c := range s.courts {
			masks = append(masks, [2]int{c.start, c.end})
		}
		for _, p := range s.places {
			masks = append(masks, [2]int{p.start, p.end})
		}
		s.groups = findGroups(f, text, s.toks, masks, known, s.ft)
		for _, g := range s.groups {
			g.skipped = s.skipped[s.clauseOf(g.start)]
		}
	}
	if decision || s.weak || len(s.courts) > 0 {
		for _, d := range findDates(f, text, s.toks) {
			if !excludedDate(f, text, s.ft, d) {
				s.dates = append(s.dates, d)
			}
		}
	}
	s.countries = append(s.countries, findCountries(f, s.toks)...)
	s.resolveOutcomes(f)
	if !decision && len(s.outcomes) == 0 && !s.weak {
		s.weak = matchAnyText(f.ByKind("weak"), text, s.ft)
		s.weakOut = s.weak && matchAnyText(f.ByKind("weak_exclude"), text, s.ft)
	}
	// Life terms have no length: a life marker in a clause with a decision
	// is a term of its own.
	lifeIn := map[int]int{} // clause → end of its last life or death marker + 1
	for _, m := range s.markers {
		if m.class != "life" && m.class != "death" {
			continue
		}
		c := s.clauseOf(m.start)
		if s.skipped[c] || lifeIn[c] > 0 && !s.groupBetween(lifeIn[c]-1, m.start) {
			continue // "reclusion perpetua, … life imprisonment" is one term
		}
		lifeIn[c] = m.end + 1
		if s.termJustBefore(m.start) {
			continue // "15 years to life": the term told already
		}
		for _, o := range s.outcomes {
			if o.clause == c {
				start := m.start
				for _, g := range s.groups {
					if g.start < start && g.end > start && g.end < m.end {
						start = g.end // "and a third to death": the term after its people
					}
				}
				s.terms = append(s.terms, term{start: start, end: m.end, kind: m.class})
				break
			}
		}
	}
	sort.Slice(s.terms, func(i, j int) bool { return s.terms[i].start < s.terms[j].start })
	if len(s.terms) > 0 {
		s.context = matchAnyText(f.ByKind("term_context"), text, s.ft)
	}
	if s.anchor() {
		s.newCase = matchAnyText(f.ByKind("new_case"), text, s.ft)
		// "in X" next to a decision verb: only decision sentences need it.
		generic, cs := findPlaces(f, text, s.ft, "generic")
		for _, p := range generic {
			if !s.afterVictim(p.start) {
				s.places = append(s.places, p)
			}
		}
		s.courtCountries = append(s.courtCountries, cs...)
	}
	if !s.anchor() && !s.context {
		s.terms = nil
	}
	s.assignPersons(f)
	return s
}

// courtsLater reads the courts, their seats and the dates of a sentence
// that tells of no decision, when the decision told next names no court
// or place of its own ("The case was heard by a military court in Aktobe.
// Two conscripts were jailed…").
func (s *sent) courtsLater() {
	if !s.later {
		return
	}
	s.later = false
	f, text := s.f, s.text
	if !f.CourtRe().CouldText(s.ft) {
		return
	}
	s.courts = findCourts(f, text, s.ft)
	var countries []string
	s.places, countries = findPlaces(f, text, s.ft, "court")
	s.places = append(placesAfterCourts(f, text, s.courts), s.places...)
	for _, c := range s.courts {
		if c.country != "" {
			s.courtCountries = append(s.courtCountries, c.country)
		}
	}
	s.courtCountries = append(s.courtCountries, countries...)
	if len(s.courts) == 0 && len(s.places) == 0 {
		return
	}
	for _, d := range findDates(f, text, s.toks) {
		if !excludedDate(f, text, s.ft, d) {
			s.dates = append(s.dates, d)
		}
	}
}

// groupBetween reports people named between two offsets: "two were
// sentenced to death and a third to life" gives the second term to others.
func (s *sent) groupBetween(from, to int) bool {
	for _, g := range s.groups {
		if g.start >= from && g.start < to && !g.victim && g.size > 0 {
			return true
		}
	}
	return false
}

// aggregateWithDecision reports whether a statistics cue shares a clause
// with a decision verb.
func (s *sent) aggregateWithDecision() bool {
	for _, p := range s.f.ByKind("aggregate") {
		for _, m := range p.FindAll(s.ft) {
			c := s.clauseOf(m[0])
			for _, o := range s.outcomes {
				if o.clause == c {
					return true
				}
			}
		}
	}
	return len(s.outcomes) == 0
}

// appealCue reports whether a clause holding a decision verb says the
// decision was taken on appeal ("On appeal, the court acquitted…").
func (s *sent) appealCue() bool {
	for _, p := range s.f.ByKind("appeal_cue") {
		for _, m := range p.FindAll(s.ft) {
			c := s.clauseOf(m[0])
			if s.skipped[c] {
				continue
			}
			for _, o := range s.outcomes {
				if o.clause == c {
					return true
				}
			}
		}
	}
	return false
}

// afterVictim reports whether pos follows a victim closely ("torturing
// protesters in Almaty"): the place is where the crime was done.
func (s *sent) afterVictim(pos int) bool {
	for _, g := range s.groups {
		if g.victim && g.end <= pos && pos-g.end <= 3 {
			return true
		}
	}
	before := s.text[max(0, pos-60):pos]
	return matchAny(s.f.ByKind("place_exclude"), before)
}

// splitClauses cuts a sentence at clause breaks.
func splitClauses(f *rules.Facts, text string, ft *rules.Text) [][2]int {
	var breaks [][2]int
	for _, p := range f.ByKind("clause") {
		for _, m := range p.FindAllSubmatch(ft) {
			// A pattern with a group breaks at the group only: the words
			// after it ("…: all received") open the next clause.
			if len(m) >= 4 && m[2] >= 0 {
				m = m[2:4]
			}
			breaks = append(breaks, [2]int{m[0], m[1]})
		}
	}
	sort.Slice(breaks, func(i, j int) bool { return breaks[i][0] < breaks[j][0] })
	var out [][2]int
	start := 0
	for _, m := range breaks {
		if m[0] > start {
			out = append(out, [2]int{start, m[0]})
			start = m[1]
		}
	}
	return append(out, [2]int{start, len(text) + 1})
}

// termKind says what kind of term lies at [start, end): the nearest marker
// within reach decides, except that a custodial word gives way to a
// suspension written just after the term ("a one-year prison term,
// suspended in full").
func (s *sent) termKind(start, end int) string {
	best, bestDist := "", 1<<30
	var bestAt marker
	suspendedAfter := false
	for _, m := range s.markers {
		if m.class == "fine" {
			continue // a fine has no length of time
		}
		var d int
		switch {
		case m.start >= end:
			d = m.start - end
			if d > 45 || !s.plainGap(end, m.start) {
				continue // "… years and gave two others restricted freedom"
			}
			if m.class != "suspended" && m.class != "noncustodial" && hasWord(s.toks, end, m.start, "and") {
				continue // "… years and banned from": a penalty of its own
			}
			if (m.class == "suspended" || m.class == "noncustodial") && d <= 30 && s.plainGap(end, m.start) && !hasWord(s.toks, end, m.start, "and") {
				suspendedAfter = true
			}
		case m.end <= start:
			d = start - m.end
			if d > 60 || !s.plainGap(m.end, start) {
				continue
			}
			d += d / 5
		default:
			d = 0
		}
		if d < bestDist {
			best, bestDist, bestAt = m.class, d, m
		}
	}
	if best == "custodial" && suspendedAfter {
		return "suspended"
	}
	if best == "custodial" {
		// "a suspended prison sentence": the suspension qualifies the
		// custodial word written just after it.
		for _, m := range s.markers {
			if m.class == "suspended" && m.end < bestAt.start && isBlank(s.text[m.end:bestAt.start]) {
				return "suspended"
			}
		}
	}
	if best == "" {
		return "custodial"
	}
	return best
}

// hasWord reports whether a token between two offsets is w.
func hasWord(toks []token, from, to int, w string) bool {
	for _, t := range toks {
		if t.start >= from && t.end <= to && t.low == w {
			return true
		}
	}
	return false
}

// plainGap reports whether the text between two offsets holds no number,
// ordinal and no verb of its own ("prison term, suspended" but not "four
// years, two were given suspended", "five years and gave a fifth a
// suspended sentence").
func (s *sent) plainGap(from, to int) bool {
	for i, t := range s.toks {
		if t.start < from || t.end > to {
			continue
		}
		if _, _, ok := numberAt(s.f, s.toks, i); ok || t.in(s.f, rules.LexBareVerbs) {
			return false
		}
		if _, ok := s.f.Ordinals[t.low]; ok || t.in(s.f, rules.LexPart) {
			return false // "to life and another to 25 years"
		}
	}
	for _, c := range s.cands {
		if c.start >= from && c.end <= to {
			return false
		}
	}
	return true
}

// termJustBefore reports a term that ends right before pos, with only
// spaces between.
func (s *sent) termJustBefore(pos int) bool {
	for _, t := range s.terms {
		if t.end <= pos && isBlank(s.text[t.end:pos]) {
			return true
		}
	}
	return false
}

// isBlank reports text of white space only.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\n' {
			return false
		}
	}
	return true
}
