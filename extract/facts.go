package extract

import (
	"sort"
	"strings"

	"github.com/trialwatch/trialwatch/rules"
)

// outcomeRef is a decision verb in a sentence and the people it governs.
type outcomeRef struct {
	start, end int
	class      string // convict, acquit, sentence, sentence_weak, appeal, appeal_overturn
	rule       string
	clause     int
	grp        *group
	kind       string // for sentences: custodial, suspended, noncustodial, life…
}

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

// people are the personal names an article uses: each word of a full
// name ("Gerry Maliban") maps to the name's key, so that a later "Maliban"
// is the same person; victims are the keys of names told as victims.
type people struct {
	key    map[string]string
	victim map[string]bool
}

// knownPeople collects the personal names of an article.
func knownPeople(f *rules.Facts, title rawSentence, sents []rawSentence) *people {
	p := &people{key: map[string]string{}, victim: map[string]bool{}}
	all := append([]rawSentence{title}, sents...)
	for _, r := range all {
		t := r.text
		victims := false
		for _, p := range f.ByKind("victims") {
			if p.CouldText(r.ft) {
				victims = true
				break
			}
		}
		for _, g := range findNamesToks(f, t, r.toks, nil, victims) {
			for _, k := range g.names {
				if g.victim {
					p.victim[k] = true
				}
			}
		}
		for _, span := range nameSpans(f, t, r.toks) {
			words := strings.Fields(t[span[0]:span[1]])
			for len(words) > 0 && f.Is("court_strip", strings.ToLower(words[0])) {
				words = words[1:]
			}
			if len(words) < 2 || !personName(f, words) || isJudge(f, words) {
				continue
			}
			words = stripTitles(f, words)
			key := nameKey(words)
			for _, w := range []string{words[0], words[len(words)-1]} {
				lw := strings.ToLower(stripPossessive(strings.TrimSuffix(w, ".")))
				if len(lw) > 2 && !f.Is("not_places", lw) && f.CountryOf(w) == "" && f.Months[lw] == 0 {
					if _, ok := p.key[lw]; !ok {
						p.key[lw] = key
					}
				}
			}
		}
	}
	return p
}

// analyze finds the facts of one sentence.
func analyze(f *rules.Facts, text string, para int, known *people) *sent {
	return analyzeText(f, rawSentence{text, para, tokenize(text), rules.NewText(text)}, known)
}

// analyzeText is analyze for a sentence already tokenized and prepared.
func analyzeText(f *rules.Facts, r rawSentence, known *people) *sent {
	text, para, toks, ft := r.text, r.para, r.toks, r.ft
	s := &sent{f: f, text: text, lower: ft.Folded, ft: ft, para: para, toks: toks}
	s.clauses = [][2]int{{0, len(text) + 1}}
	raw := findTerms(f, text, s.toks)
	cands := s.outcomeCandidates(f)
	if len(cands) == 0 {
		s.weak = matchAnyText(f.ByKind("weak"), text, s.ft)
		if !s.weak && len(raw) == 0 && !(hasNumber(f, s.toks) && peopleCue(f, s.ft)) {
			// Nothing of a decision here: only the countries count.
			s.countries = findCountries(f, s.toks)
			return s
		}
		s.weakOut = s.weak && matchAnyText(f.ByKind("weak_exclude"), text, s.ft)
	}
	s.clauses = splitClauses(f, text, s.ft)
	s.skipped = make([]bool, len(s.clauses))
	for _, p := range f.ByKind("skip") {
		if !p.CouldText(s.ft) {
			continue
		}
		for _, m := range p.Regexp.FindAllStringIndex(text, -1) {
			s.skipped[s.clauseOf(m[0])] = true
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
			if !p.CouldText(s.ft) {
				continue
			}
		next:
			for _, m := range p.Regexp.FindAllStringIndex(text, -1) {
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
			if !excludedDate(f, text, d) {
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
	lifeIn := map[int]bool{}
	for _, m := range s.markers {
		if m.class != "life" && m.class != "death" {
			continue
		}
		c := s.clauseOf(m.start)
		if s.skipped[c] || lifeIn[c] {
			continue // "reclusion perpetua, … life imprisonment" is one term
		}
		lifeIn[c] = true
		for _, o := range s.outcomes {
			if o.clause == c {
				s.terms = append(s.terms, term{start: m.start, end: m.end, kind: m.class})
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
		s.places = append(s.places, generic...)
		s.courtCountries = append(s.courtCountries, cs...)
	}
	if !s.anchor() && !s.context {
		s.terms = nil
	}
	s.assignPersons(f)
	return s
}

// splitClauses cuts a sentence at clause breaks.
func splitClauses(f *rules.Facts, text string, ft *rules.Text) [][2]int {
	var out [][2]int
	start := 0
	for _, p := range f.ByKind("clause") {
		if !p.CouldText(ft) {
			continue
		}
		for _, m := range p.Regexp.FindAllStringIndex(text, -1) {
			if m[0] > start {
				out = append(out, [2]int{start, m[0]})
				start = m[1]
			}
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
	suspendedAfter := false
	for _, m := range s.markers {
		var d int
		switch {
		case m.start >= end:
			d = m.start - end
			if d > 45 || !s.plainGap(end, m.start) {
				continue // "… years and gave two others restricted freedom"
			}
			if (m.class == "suspended" || m.class == "noncustodial") && d <= 30 && s.plainGap(end, m.start) {
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
			best, bestDist = m.class, d
		}
	}
	if best == "custodial" && suspendedAfter {
		return "suspended"
	}
	if best == "" {
		return "custodial"
	}
	return best
}

// plainGap reports whether the text between two offsets holds no number
// and no verb of its own ("prison term, suspended" but not "four years,
// two were given suspended").
func (s *sent) plainGap(from, to int) bool {
	for i, t := range s.toks {
		if t.start < from || t.end > to {
			continue
		}
		if _, _, ok := numberAt(s.f, s.toks, i); ok || s.f.Is("bare_verbs", t.low) {
			return false
		}
	}
	return true
}

// hasNumber reports whether a sentence writes a number: a count of
// victims or defendants outside a decision sentence needs one.
func hasNumber(f *rules.Facts, toks []token) bool {
	for _, t := range toks {
		if !t.word {
			continue
		}
		if c := t.low[0]; c >= '0' && c <= '9' {
			return true
		}
		a, _, _ := strings.Cut(t.low, "-")
		if _, ok := f.Numbers[a]; ok {
			return true
		}
	}
	return false
}

// peopleCue reports whether a sentence may count victims or defendants.
func peopleCue(f *rules.Facts, ft *rules.Text) bool {
	for _, p := range f.ByKind("victims") {
		if p.CouldText(ft) {
			return true
		}
	}
	for _, w := range f.DefendantNouns {
		if strings.Contains(ft.Folded, w) {
			return true
		}
	}
	return false
}

// candidate is a match of an outcome pattern, before clauses are known.
type candidate struct {
	start, end int
	p          *rules.Pattern
}

// outcomeCandidates matches the outcome patterns; an earlier pattern wins
// where two overlap.
func (s *sent) outcomeCandidates(f *rules.Facts) []candidate {
	var out []candidate
	for _, p := range f.ByKind("outcome") {
		if !p.CouldText(s.ft) {
			continue
		}
	next:
		for _, m := range p.Regexp.FindAllStringIndex(s.text, -1) {
			for _, o := range out {
				if m[0] < o.end && m[1] > o.start {
					continue next
				}
			}
			out = append(out, candidate{m[0], m[1], p})
		}
	}
	return out
}

// matchOutcomes keeps the decision verbs outside skipped clauses.
func (s *sent) matchOutcomes(cands []candidate) {
	for _, m := range cands {
		p := m.p
		c := s.clauseOf(m.start)
		if s.skipped[c] {
			continue
		}
		o := outcomeRef{start: m.start, end: m.end, class: p.Class, rule: p.Name, clause: c}
		if p.Class == "sentence" || p.Class == "sentence_weak" {
			o.kind = s.sentenceKind(o)
			if p.Class == "sentence_weak" && o.kind == "" {
				continue // "received a letter"
			}
		}
		s.outcomes = append(s.outcomes, o)
	}
	sort.Slice(s.outcomes, func(i, j int) bool { return s.outcomes[i].start < s.outcomes[j].start })
}

// resolveOutcomes finds the group each decision verb governs.
func (s *sent) resolveOutcomes(f *rules.Facts) {
	for i := range s.outcomes {
		o := &s.outcomes[i]
		// "were convicted …, and were handed": the same subject.
		if i > 0 && matchAny(f.ByKind("coordination"), s.text[:o.start]) {
			o.grp = s.outcomes[i-1].grp
			continue
		}
		o.grp = s.governed(f, *o)
	}
}

// sentenceKind is the kind of the first term after a sentencing verb in its
// clause, or of the first marker after it.
func (s *sent) sentenceKind(o outcomeRef) string {
	cl := s.clauses[o.clause]
	for _, t := range s.terms {
		if t.start >= o.end && t.start < cl[1] && t.start-o.end < 120 {
			return t.kind
		}
	}
	for _, m := range s.markers {
		if m.start >= o.end && m.start < cl[1] && m.start-o.end < 80 {
			return m.class
		}
	}
	if o.class == "sentence" {
		return "generic"
	}
	return ""
}

// governed returns the group a decision verb applies to: its object for an
// active verb ("convicted four officers"), its subject for a passive one
// ("Three of them were given…"). Victims are never governed.
func (s *sent) governed(f *rules.Facts, o outcomeRef) *group {
	cl := s.clauses[o.clause]
	passive := passiveBefore(s.text[max(cl[0], o.start-14):o.start]) || receiverVerb(s.text[o.start:o.end])
	if !passive {
		for _, g := range s.groups {
			if g.start > o.start && g.start < cl[1] && !g.victim && g.start-o.end < 90 {
				return s.resolve(g)
			}
		}
	}
	// Subject: the nearest group before the verb; but a group followed by a
	// relative clause ("The three officers who arrested Luhaka … were")
	// is the subject of what follows the clause, with any names joined to
	// it by "and".
	var cands []*group
	for _, g := range s.groups {
		if g.end <= o.start && g.start >= cl[0] && !g.victim {
			cands = append(cands, g)
		}
	}
	if len(cands) == 0 {
		for _, g := range s.groups {
			if g.end <= o.start && !g.victim {
				cands = append(cands, g)
			}
		}
		if len(cands) == 0 {
			return nil
		}
		return s.resolve(cands[len(cands)-1])
	}
	chosen := cands[len(cands)-1]
	for i, g := range cands[:len(cands)-1] {
		if !matchAny(f.ByKind("relative"), s.text[g.end:]) {
			continue
		}
		c := *s.resolve(g)
		for _, h := range cands[i+1:] {
			if h.kind == gNames && c.kind == gNames && strings.Contains(s.text[c.end:h.start], ", and ") {
				c.size += h.size
				c.names = append(append([]string(nil), c.names...), h.names...)
			}
		}
		return &c
	}
	return s.resolve(chosen)
}

// resolve gives a group that refers back ("them") the size of the nearest
// group before it in the sentence.
func (s *sent) resolve(g *group) *group {
	if g.kind != gRef || g.size > 0 {
		return g
	}
	for k := len(s.groups) - 1; k >= 0; k-- {
		h := s.groups[k]
		if h.end <= g.start && !h.victim && h.kind != gRef && h.size > 0 {
			c := *g
			c.size = h.size
			if h.kind == gCount && h.whole == 0 {
				c.size = h.size
			}
			return &c
		}
	}
	return g
}

func passiveBefore(s string) bool {
	for _, aux := range []string{"was ", "were ", "been ", "be ", "being ", "is ", "are ", "was also ", "were also ", "were each ", "were all ", "was then "} {
		if len(s) >= len(aux) && s[len(s)-len(aux):] == aux {
			return true
		}
	}
	return false
}

// receiverVerb reports verbs whose subject receives the sentence
// ("received", "got", "drew").
func receiverVerb(v string) bool {
	switch v {
	case "received", "receiving", "receives", "got", "gets", "drew", "Received", "Got":
		return true
	}
	return false
}

func containsAnd(f *rules.Facts, gap string) bool {
	for _, t := range tokenize(gap) {
		if t.low == "and" {
			return true
		}
	}
	return false
}

// assignPersons says how many people received each term: the group named
// between the verb and the term ("sentenced officer A to 10 years and his
// colleague B to 8"), else the group the verb governs, else one.
func (s *sent) assignPersons(f *rules.Facts) {
	for i := range s.terms {
		t := &s.terms[i]
		c := s.clauseOf(t.start)
		var o *outcomeRef
		for k := range s.outcomes {
			if s.outcomes[k].start < t.start && s.outcomes[k].clause == c {
				o = &s.outcomes[k]
			}
		}
		lo := s.clauses[c][0]
		if o != nil {
			lo = o.end
		}
		var g *group
		for _, h := range s.groups {
			if h.start >= lo && h.end <= t.start && !h.victim && h.kind != gRef {
				g = h
			}
		}
		if g == nil && o != nil {
			g = o.grp
		}
		if g == nil && o == nil {
			for _, h := range s.groups {
				if h.end <= t.start && h.start >= s.clauses[c][0] && !h.victim {
					g = s.resolve(h)
				}
			}
		}
		t.persons = 0 // unknown: counts no one
		if g != nil && g.size > 0 {
			t.persons = g.size
		}
		each := false
		for _, tk := range s.toks {
			if tk.start >= s.clauses[c][0] && tk.end <= s.clauses[c][1] && f.Is("each", tk.low) {
				each = true
			}
		}
		// One term told of a whole group ("sentenced seven journalists to
		// 7.5-9 years") overlaps the terms told of each of them; a part
		// ("Four of his co-accused") adds to them.
		t.collective = (t.byRange || t.hasMin != t.hasMax) && !each && g != nil && (g.kind == gCount || g.kind == gRef) && g.size > 1 && !g.part
	}
}
