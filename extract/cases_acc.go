package extract

import (
	"strings"

	"github.com/trialwatch/trialwatch/rules"
)

// caseAcc gathers what the mentions of one decision say.
type caseAcc struct {
	f          *rules.Facts
	stage      string
	court      string
	place      string
	courtPlace string
	generic    string
	date       string
	countries  []string

	explicit   map[string]int            // field → largest count told at once
	coll       map[string]int            // field → people given one term together
	indiv      map[string]map[string]int // field → term → people given it
	names      map[string]map[string]bool
	anon       map[string]int
	defs       int
	victims    int
	vPrio      int
	terms      []term
	hasTerm    map[string]bool // term kinds seen
	ref        bool            // refers to a group told before ("the men")
	noneJailed bool            // the article says none of them was jailed
	upheld     bool            // an appeal left a verdict in force
	overturned bool            // an appeal overturned or changed a verdict
	same       bool            // "the same six men"

	ev    map[string]string
	rules map[string]string
}

func newCaseAcc(f *rules.Facts) *caseAcc {
	return &caseAcc{
		f: f, explicit: map[string]int{}, coll: map[string]int{},
		indiv: map[string]map[string]int{}, names: map[string]map[string]bool{},
		anon: map[string]int{}, hasTerm: map[string]bool{},
		ev: map[string]string{}, rules: map[string]string{},
	}
}

func (c *caseAcc) evidence(field, sentence, rule string) {
	if _, ok := c.ev[field]; !ok {
		c.ev[field] = sentence
		c.rules[field] = rule
	}
}

// location is the best place known so far.
func (c *caseAcc) location() string {
	switch {
	case c.place != "":
		return c.place
	case c.courtPlace != "":
		return c.courtPlace
	}
	return ""
}

// compatible reports whether a mention can be of this case: same stage, and
// no other court, place or date.
func (c *caseAcc) compatible(f *rules.Facts, m *mention) bool {
	if c.stage != "" && c.stage != m.stage {
		return false
	}
	if c.court != "" && m.court != nil && !placeEqual(f, c.court, m.court.name) {
		return false
	}
	loc := m.place
	if loc == "" {
		loc = m.courtPlace
	}
	if l := c.location(); l != "" && loc != "" && !placeEqual(f, l, loc) {
		return false
	}
	if c.date != "" && m.date != "" && !strings.HasPrefix(c.date, m.date) && !strings.HasPrefix(m.date, c.date) {
		return false
	}
	return true
}

// agrees reports whether a mention shares a court, place or date with the
// case.
func (c *caseAcc) agrees(f *rules.Facts, m *mention) bool {
	if c.court != "" && m.court != nil && placeEqual(f, c.court, m.court.name) {
		return true
	}
	if l := c.location(); l != "" && (m.place != "" && placeEqual(f, l, m.place) || m.courtPlace != "" && placeEqual(f, l, m.courtPlace)) {
		return true
	}
	return c.date != "" && c.date == m.date
}

// addMention adds what a decision sentence says.
func (c *caseAcc) addMention(m *mention, b *builder) {
	s := m.s
	if c.stage == "" {
		c.stage = m.stage
		c.evidence("stage", s.text, m.s.outcomes[0].rule)
	}
	if c.court == "" && m.court != nil {
		c.court = m.court.name
		c.evidence("court", s.text, "court-name")
	}
	if c.place == "" && m.place != "" {
		c.place = m.place
		c.evidence("location", s.text, "court-place")
	}
	if c.courtPlace == "" && m.courtPlace != "" {
		c.courtPlace = m.courtPlace
		c.evidence("location", s.text, "court-name-place")
	}
	if c.generic == "" && m.generic != "" {
		c.generic = m.generic
		c.evidence("location", s.text, "in-place")
	}
	if c.date == "" && m.date != "" || len(m.date) > len(c.date) && strings.HasPrefix(m.date, c.date) {
		c.date = m.date
		c.ev["decision_date"], c.rules["decision_date"] = s.text, m.dateRule
	}
	c.countries = append(c.countries, m.countries...)
	c.noneJailed = c.noneJailed || s.noneJailed
	for _, o := range s.outcomes {
		c.addOutcome(o, s, b, m.prevSize)
		switch o.class {
		case "appeal":
			c.upheld = true
		case "appeal_overturn":
			c.overturned = true
		}
	}
	for _, g := range victimsTold(c.f, s) {
		c.addGroupFacts(g, s.text, true)
	}
	c.addTerms(s)
}

// victimsTold returns the groups of a sentence with its victims told one
// after another summed into the first ("torturing three inmates and
// humiliating two others", "stabbing two men and robbing a woman"); a
// victim told again with a definite article ("the man") is not new.
func victimsTold(f *rules.Facts, s *sent) []*group {
	n := 0
	for _, g := range s.groups {
		if g.victim {
			n++
		}
	}
	if n < 2 {
		return s.groups
	}
	var first *group
	var out []*group
	for _, g := range s.groups {
		if !g.victim || g.skipped || g.size <= 0 {
			out = append(out, g)
			continue
		}
		if first == nil {
			c := *g
			first = &c
			out = append(out, first)
			continue
		}
		w, _, _ := strings.Cut(strings.ToLower(s.text[g.start:g.end]), " ")
		if f.Is("determiners", w) && !f.Is("one", w) && w != "a" && w != "an" || g.kind == gNames && first.kind == gNames && overlapNames(first.names, g.names) {
			continue
		}
		first.size += g.size
		if first.kind != gCount {
			first.kind, first.noun = gCount, g.noun
		}
	}
	return out
}

// overlapNames reports a name told in both lists.
func overlapNames(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// fieldsOf returns the fields a decision verb counts people into.
func fieldsOf(o outcomeRef) []string {
	switch o.class {
	case "convict":
		return []string{"convicted"}
	case "acquit":
		return []string{"acquitted"}
	case "appeal":
		return []string{"defendants", "convicted"}
	case "appeal_overturn", "decision":
		return []string{"defendants"}
	}
	if o.class == "fine" {
		// A fine often comes on top of another sentence for the same
		// people ("was also fined"); only others fined ("fined two
		// others") add to those sentenced.
		if o.grp != nil && o.grp.part {
			return []string{"noncustodial"}
		}
		return []string{"fined"}
	}
	switch o.kind {
	case "custodial", "life":
		return []string{"imprisoned"}
	case "suspended":
		return []string{"suspended"}
	case "noncustodial", "restriction", "fine":
		return []string{"noncustodial"}
	case "death":
		return []string{"death"}
	}
	return []string{"convicted"}
}

func (c *caseAcc) addOutcome(o outcomeRef, s *sent, b *builder, prevSize int) {
	g := o.grp
	if g == nil {
		return
	}
	size := g.size
	if g.kind == gRef && size == 0 {
		size = c.groupSize()
		if size == 0 {
			size = prevSize // "the two officers had beaten him. They were jailed"
		}
		if size == 0 && len(b.cases) > 0 {
			size = b.cases[0].groupSize()
		}
		c.ref = true
	}
	if g.same {
		c.same = true
	}
	if size == 0 && g.kind == gCount && g.part {
		size = restSize(c, s, g) // "and the rest received suspended sentences"
	}
	if size <= 0 {
		return
	}
	if g.decisions {
		c.addDefs(size, s.text, o.rule)
		return
	}
	fields := fieldsOf(o)
	if o.class == "fine" && fields[0] == "fined" && othersFined(c.f, s, o) {
		fields = []string{"noncustodial"}
	}
	if o.class == "appeal" && matchAny(c.f.ByKind("appeal_object"), s.text[o.end:min(len(s.text), o.end+60)]) {
		fields = []string{"defendants", "acquitted"} // "upheld the acquittal of two officers"
	}
	for _, field := range fields {
		if field == "defendants" {
			c.addDefs(size, s.text, o.rule)
			continue
		}
		if g.kind == gRef && c.count(field) > 0 {
			continue // "the officers" may be some of those counted
		}
		switch g.kind {
		case gCount, gRef:
			if size > c.explicit[field] {
				c.explicit[field] = size
				c.ev[field], c.rules[field] = s.text, o.rule
			}
		case gNames:
			if c.names[field] == nil {
				c.names[field] = map[string]bool{}
			}
			for _, n := range g.names {
				c.names[field][n] = true
			}
			c.evidence(field, s.text, o.rule)
		default:
			c.anon[field] = 1
			c.evidence(field, s.text, o.rule)
		}
	}
}

// restSize is the size of the rest of a group whose whole is known ("half
// of the 12 officers were acquitted and the rest…"): the whole less the
// people the sentence's other verbs count; 0 when it cannot be told.
func restSize(c *caseAcc, s *sent, rest *group) int {
	governed := map[*group]bool{}
	for _, o := range s.outcomes {
		governed[o.grp] = true
	}
	whole := c.defs
	for _, h := range s.groups {
		if h.kind == gCount && !h.victim {
			whole = max(whole, h.whole)
			if !governed[h] && !h.part {
				whole = max(whole, h.size) // "Of the seven officers, four…"
			}
		}
	}
	told := 0
	seen := map[*group]bool{}
	for _, o := range s.outcomes {
		h := o.grp
		if h == nil || h == rest || seen[h] || h.kind != gCount && h.kind != gOrdinal || h.size <= 0 || h.size >= whole {
			continue
		}
		seen[h] = true
		told += h.size
	}
	if told == 0 || told >= whole {
		return 0
	}
	return whole - told
}

// othersFined reports a fine given to a counted group other than the one
// another verb of the sentence sentenced ("nine received prison sentences
// and two were fined"), not to the same people ("and fined both men").
func othersFined(f *rules.Facts, s *sent, o outcomeRef) bool {
	g := o.grp
	if g == nil || g.kind != gCount {
		return false
	}
	first := strings.ToLower(strings.Fields(s.text[g.start:g.end])[0])
	if f.Is("whole", first) || first == "both" {
		return false
	}
	for _, p := range s.outcomes {
		if p.class != "fine" && p.grp != nil && p.grp != g && p.grp.kind == gCount && p.grp.size > 0 {
			return true
		}
	}
	return false
}

func (c *caseAcc) addDefs(n int, sentence, rule string) {
	if n > c.defs {
		c.defs = n
		c.ev["defendants"], c.rules["defendants"] = sentence, rule
	}
}

// addGroupFacts reads head counts that need no verb: victims, "the eleven
// defendants", "four of the 11 journalists", "a fourth defendant".
func (c *caseAcc) addGroupFacts(g *group, sentence string, anchor bool) {
	if g.skipped {
		return // "attacking a police officer … is punishable by"
	}
	if g.victim {
		prio := 1 // one named victim
		if g.kind == gCount {
			prio = 2 // "torturing the two men"
			if g.noun != "" && matchAny(victimNouns(c.f), g.noun) {
				prio = 3 // "44 victims"
			}
		}
		if g.size > 0 && (prio > c.vPrio || prio == c.vPrio && c.victims == 0) {
			c.victims, c.vPrio = g.size, prio
			c.ev["victims"], c.rules["victims"] = sentence, "victims"
		}
		return
	}
	if g.defendants && g.size > 0 {
		c.addDefs(g.size, sentence, "defendant-noun")
	}
	if g.whole > 0 && (anchor || c.f.Is("defendant_nouns", g.noun)) {
		c.addDefs(g.whole, sentence, "part-of-whole")
	}
}

func victimNouns(f *rules.Facts) []*rules.Pattern {
	var out []*rules.Pattern
	for _, p := range f.ByKind("victims") {
		if p.Class == "noun" {
			out = append(out, p)
		}
	}
	return out
}

// addDetails adds what a sentence without a decision verb says of the
// case told before it.
func (c *caseAcc) addDetails(s *sent, published string) {
	c.noneJailed = c.noneJailed || s.noneJailed
	if s.weak && !s.weakOut {
		if c.court == "" {
			if ct := nearestCourt(s.courts, len(s.text)); ct != nil {
				c.court = ct.name
				c.evidence("court", s.text, "court-name")
				if c.courtPlace == "" && ct.place != "" {
					c.courtPlace = ct.place
				}
			}
		}
		p, _, _ := placesOf(s, nil)
		if c.place == "" && p != "" {
			c.place = p
			c.evidence("location", s.text, "court-place")
		}
		if c.date == "" {
			if d, rule := decisionDate(s, published); d != "" {
				c.date = d
				c.evidence("decision_date", s.text, rule)
			}
		}
		c.countries = append(c.countries, s.courtCountries...)
	}
	for _, g := range victimsTold(c.f, s) {
		c.addGroupFacts(g, s.text, false)
	}
	c.addTerms(s)
}

// addTerms adds the terms of a sentence and the people who received them.
func (c *caseAcc) addTerms(s *sent) {
	sums := map[string]map[string]int{}
	for _, t := range s.terms {
		field := ""
		switch t.kind {
		case "custodial", "life":
			field = "imprisoned"
		case "suspended":
			field = "suspended"
		case "death":
			// Sentenced to death: convicted, never imprisoned.
			field = "death"
		case "restriction", "noncustodial":
			// Bans and restrictions often come with another sentence;
			// only a decision verb counts their people, or a group named
			// for this term alone ("and another to five years of
			// restricted freedom").
			c.hasTerm[t.kind] = true
			if !t.own || t.persons == 0 {
				continue
			}
			field = "noncustodial"
		default:
			c.hasTerm[t.kind] = true
			continue
		}
		c.hasTerm[t.kind] = true
		if t.kind == "custodial" {
			c.terms = append(c.terms, t)
			c.evidence("sentence_min_months", s.text, "term")
			c.evidence("sentence_max_months", s.text, "term")
		}
		if t.collective {
			if t.persons > c.coll[field] {
				c.coll[field] = t.persons
				c.evidence(field, s.text, "term-group")
			}
			continue
		}
		if sums[field] == nil {
			sums[field] = map[string]int{}
		}
		sums[field][termKey(t)] += t.persons
	}
	for field, m := range sums {
		if c.indiv[field] == nil {
			c.indiv[field] = map[string]int{}
		}
		for k, n := range m {
			if n > c.indiv[field][k] {
				c.indiv[field][k] = n
				c.evidence(field, s.text, "term-person")
			}
		}
	}
}

// addTitle fills what the headline adds to the article's first case.
func (c *caseAcc) addTitle(m *mention, b *builder) {
	t := newCaseAcc(c.f)
	t.addMention(m, b)
	for f, v := range t.explicit {
		if c.count(f) == 0 && v > 0 {
			c.explicit[f] = v
			c.evidence(f, m.s.text, t.rules[f])
		}
	}
	if c.victims == 0 && t.victims > 0 {
		c.victims, c.vPrio = t.victims, t.vPrio
		c.evidence("victims", m.s.text, "victims")
	}
	if c.defs == 0 && t.defs > 0 {
		c.addDefs(t.defs, m.s.text, "title")
	}
	if len(c.terms) == 0 && len(t.terms) > 0 {
		c.terms = t.terms
		c.hasTerm["custodial"] = true
	}
	if c.court == "" && t.court != "" {
		c.court = t.court
		c.evidence("court", m.s.text, "court-name")
	}
	c.countries = append(c.countries, t.countries...)
}

// count is the number of people in a field: the largest group told at once,
// or the sum of people given distinct terms, or the named people.
func (c *caseAcc) count(field string) int {
	n := c.explicit[field]
	n = max(n, c.coll[field])
	sum := 0
	for _, k := range sortedKeys(c.indiv[field]) {
		sum += c.indiv[field][k]
	}
	n = max(n, sum)
	if len(c.names[field]) > 0 {
		n = max(n, len(c.names[field]))
	} else {
		n = max(n, c.anon[field])
	}
	return n
}

// groupSize is the size of the case's group of defendants as known so far.
func (c *caseAcc) groupSize() int {
	n := c.defs
	for _, f := range []string{"convicted", "acquitted", "imprisoned", "suspended"} {
		n = max(n, c.count(f))
	}
	return n
}
