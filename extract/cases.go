package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// Cases reads the court decisions an article reports. It segments the text
// into mentions of decisions (a sentence with a decision verb, and the
// sentences after it that add terms, victims, dates or places), merges
// mentions of one decision, keeps mentions of different decisions (another
// court, date, stage, or a cue such as "in another trial") apart, and fills
// each case's fields with the sentence and rule they came from. It needs no
// network, database or clock: dates resolve against a.Published.
func Cases(a trialwatch.Article, rs *rules.Set) []trialwatch.Case {
	f := rs.Lang(language(a.Title, a.Text))
	if f == nil {
		return nil
	}
	ar := newTokenArena(len(a.Text) + len(a.Title))
	defer ar.release()
	raw := splitArticle(f, a, ar)
	title := prepareIn(ar, f, a.Title, -1)
	known := knownPeople(f, title, raw)
	sents := make([]*sent, len(raw))
	for i, r := range raw {
		sents[i] = analyzeText(f, r, known)
	}
	b := builder{f: f, published: a.Published}
	for i, s := range sents {
		var prev *sent
		if i > 0 && sents[i-1].para == s.para {
			prev = sents[i-1]
		}
		b.add(s, prev)
	}
	if a.Title != "" {
		if t := analyzeText(f, title, known); t.anchor() {
			b.title = b.mention(t, nil)
		}
	}
	for _, s := range sents {
		if s.para < 3 {
			if city, country := dateline(f, s.text); city != "" || country != "" {
				b.datelineCity, b.datelineCountry = city, country
				b.datelineText = s.text
				break
			}
		}
	}
	b.articleCountry = majorityCountry(f, a.Title, sents)
	return b.finish()
}

// language guesses the language of texts from their script.
func language(texts ...string) string {
	cyr, lat := 0, 0
	for _, s := range texts {
		for i := 0; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf {
				if c|0x20 >= 'a' && c|0x20 <= 'z' {
					lat++
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			switch {
			case unicode.Is(unicode.Cyrillic, r):
				cyr++
			case unicode.IsLetter(r):
				lat++
			}
		}
	}
	if cyr > lat {
		return "ru"
	}
	return "en"
}

// rawSentence is a sentence of the article with its paragraph and tokens.
type rawSentence struct {
	text string
	para int
	toks []token
	ft   *rules.Text
}

// splitArticle splits the article into sentences, keeping the paragraph of
// each; an article without text uses its sentences, one paragraph each.
func splitArticle(f *rules.Facts, a trialwatch.Article, ar *tokenArena) []rawSentence {
	var out []rawSentence
	if strings.TrimSpace(a.Text) != "" {
		for p, para := range splitParagraphs(a.Text) {
			for _, s := range splitParagraph(para, nil) {
				out = append(out, prepareIn(ar, f, s, p))
			}
		}
		return out
	}
	for i, s := range a.Sentences {
		out = append(out, prepareIn(ar, f, s, i))
	}
	return out
}

// prepare tokenizes a sentence and makes its prefilter text. Both need its
// lower case, which is made once; a sentence whose white space is single
// spaces already is its own folded form.
func prepare(f *rules.Facts, s string, para int) rawSentence {
	return prepareIn(nil, f, s, para)
}

// prepareIn is prepare with the tokens in arena ar (nil: their own array).
func prepareIn(ar *tokenArena, f *rules.Facts, s string, para int) rawSentence {
	lower, same := lowerKeepingOffsets(s)
	toks := annotate(f, ar.tokens(s, lower, same))
	if same && foldsToLower(s) {
		return rawSentence{s, para, toks, rules.NewTextLower(s, lower)}
	}
	return rawSentence{s, para, toks, rules.NewText(s)}
}

// foldsToLower reports whether rules.Fold(s) is the lower case of s: s is
// valid UTF-8 (lowerKeepingOffsets checks it) and holds no white space but
// single ASCII spaces.
func foldsToLower(s string) bool {
	for i := 0; i < len(s); i++ {
		switch foldClass[s[i]] {
		case foldSpace:
			if i+1 < len(s) && s[i+1] == ' ' {
				return false
			}
		case foldOtherSpace:
			return false
		case foldLead:
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}

// The classes of bytes foldsToLower tells apart: a space, the other ASCII
// white space, and the lead bytes of the other white space (U+0085,
// U+00A0, U+1680, U+2000–U+205F, U+3000).
const (
	foldPlain = iota
	foldSpace
	foldOtherSpace
	foldLead
)

var foldClass = [256]uint8{
	' ': foldSpace, '\t': foldOtherSpace, '\n': foldOtherSpace, '\r': foldOtherSpace, '\f': foldOtherSpace, '\v': foldOtherSpace,
	0xc2: foldLead, 0xe1: foldLead, 0xe2: foldLead, 0xe3: foldLead,
}

// majorityCountry is the country the article names most often.
func majorityCountry(f *rules.Facts, title string, sents []*sent) string {
	count := map[string]int{}
	first := map[string]int{}
	n := 0
	add := func(cs []string, w int) {
		for _, c := range cs {
			if _, ok := first[c]; !ok {
				first[c] = n
				n++
			}
			count[c] += w
		}
	}
	add(findCountries(f, tokenize(title)), 2)
	for _, s := range sents {
		add(s.countries, 1)
	}
	best := ""
	for c, k := range count {
		if best == "" || k > count[best] || k == count[best] && first[c] < first[best] {
			best = c
		}
	}
	return best
}

// mention is what one decision sentence (with what it borrows from the
// sentence before) says.
type mention struct {
	s          *sent
	stage      string
	court      *courtRef
	place      string
	courtPlace string
	generic    string
	date       string
	dateRule   string
	countries  []string
	newCase    bool
	// prevSize is how many people the sentence before counted ("the two
	// officers had beaten him. They were jailed…"), for a group that
	// refers back with no size of its own.
	prevSize int
}

// builder groups mentions into cases.
type builder struct {
	f               *rules.Facts
	published       string
	cases           []*caseAcc
	cur             *caseAcc
	pending         []*sent // sentences before the first decision
	title           *mention
	datelineCity    string
	datelineCountry string
	datelineText    string
	articleCountry  string
}

// add reads one sentence into the cases.
func (b *builder) add(s, prev *sent) {
	if s.anchor() {
		m := b.mention(s, prev)
		c := b.target(m)
		if c == nil {
			c = newCaseAcc(b.f)
			b.cases = append(b.cases, c)
			if len(b.cases) == 1 {
				for _, p := range b.pending {
					c.addDetails(p, b.published)
				}
				b.pending = nil
				if m.date != "" && c.date != "" && !strings.HasPrefix(m.date, c.date) {
					// The decision's own date wins over one told before
					// it ("(Berlin, March 20) … On March 18, the court…").
					c.date = ""
					delete(c.ev, "decision_date")
				}
			}
		}
		c.addMention(m, b)
		b.cur = c
		return
	}
	if s.aggregate {
		return
	}
	if b.cur == nil {
		b.pending = append(b.pending, s)
		return
	}
	b.cur.addDetails(s, b.published)
}

// mention builds the mention of a decision sentence. When the sentence
// names no court or place, it takes them (and a missing date) from the
// sentence before it in the paragraph ("Eighteen months later, the X Court
// has given its answer. On June 30 the judge found…").
func (b *builder) mention(s, prev *sent) *mention {
	m := &mention{s: s, stage: string(trialwatch.StageVerdict), newCase: s.newCase}
	for _, o := range s.outcomes {
		if o.class == "appeal" || o.class == "appeal_overturn" {
			m.stage = string(trialwatch.StageAppeal)
		}
	}
	if m.stage != string(trialwatch.StageAppeal) && s.appealCue() {
		m.stage = string(trialwatch.StageAppeal)
	}
	first := s.outcomes[0]
	m.court = nearestCourt(s.courts, first.start)
	m.place, m.courtPlace, m.generic = placesOf(s, m.court)
	m.date, m.dateRule = decisionDate(s, b.published)
	m.countries = s.courtCountries
	if prev != nil && !prev.anchor() && !prev.aggregate {
		for _, g := range prev.groups {
			if !g.victim && !g.skipped && !g.part && g.size > 0 && (g.kind == gCount || g.kind == gNames) {
				m.prevSize = g.size
			}
		}
	}
	if prev != nil && !prev.anchor() && !prev.weakOut && !prev.aggregate && m.court == nil && m.place == "" {
		prev.courtsLater()
		if c := nearestCourt(prev.courts, len(prev.text)); c != nil {
			m.court = c
		}
		p, cp, _ := placesOf(prev, m.court)
		m.place, m.courtPlace = p, cp
		if m.court != nil || p != "" {
			if m.date == "" {
				m.date, m.dateRule = decisionDate(prev, b.published)
			}
			m.countries = append(append([]string(nil), m.countries...), prev.courtCountries...)
		}
	}
	return m
}

// nearestCourt is the court named last before pos, else the first after.
func nearestCourt(cs []courtRef, pos int) *courtRef {
	var best *courtRef
	for i := range cs {
		if cs[i].start <= pos {
			best = &cs[i]
		}
	}
	if best == nil && len(cs) > 0 {
		best = &cs[0]
	}
	return best
}

// placesOf returns the seat of the court a sentence names: from a place
// pattern tied to a court, from the court's name, or a plain "in X".
func placesOf(s *sent, c *courtRef) (place, courtPlace, generic string) {
	for _, p := range s.places {
		if p.class == "court" && place == "" {
			place = p.name
		}
		if p.class == "generic" && generic == "" {
			generic = p.name
		}
	}
	if c != nil {
		courtPlace = c.place
	}
	return place, courtPlace, generic
}

// decisionDate is the date nearest to a decision verb of the sentence.
func decisionDate(s *sent, published string) (string, string) {
	best, bestScore := -1, math.MaxInt
	anchors := s.outcomes
	for i, d := range s.dates {
		dist := math.MaxInt
		if len(anchors) == 0 {
			dist = 0
		}
		for _, o := range anchors {
			x := d.start - o.end
			if d.end <= o.start {
				x = o.start - d.end
				if inRelative(s, d.start, o.start) {
					continue // "officers who arrested him in February 2017 were convicted"
				}
			}
			if x < 0 {
				x = 0
			}
			dist = min(dist, x)
		}
		if dist > 90 {
			continue // a date far from the verb dates something else
		}
		score := dist - 25*d.precision()
		if score < bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return "", ""
	}
	return s.dates[best].resolve(published), "date-nearest-decision"
}

// inRelative reports whether pos lies in a relative clause that ends
// before the verb at verb ("who arrested him in 2017 were convicted").
func inRelative(s *sent, pos, verb int) bool {
	c := s.clauses[s.clauseOf(verb)]
	for _, t := range s.toks {
		if t.start >= pos || t.start < c[0] {
			continue
		}
		if t.in(s.f, rules.LexRelatives) {
			// "which in October 2024 convicted": the date opens the clause
			// of the verb itself.
			words := 0
			for _, u := range s.toks {
				if u.start >= t.end && u.end <= pos && u.word {
					words++
				}
			}
			return words >= 2
		}
	}
	return false
}

// target returns the case a mention belongs to, or nil for a new one.
func (b *builder) target(m *mention) *caseAcc {
	if m.newCase && b.cur != nil && (m.court != nil || m.place != "" || m.date != "" || len(b.cases) > 0) {
		return nil
	}
	if b.cur != nil && b.cur.compatible(b.f, m) {
		return b.cur
	}
	for i := len(b.cases) - 1; i >= 0; i-- {
		c := b.cases[i]
		if c != b.cur && c.compatible(b.f, m) && (m.court != nil || m.place != "" || m.date != "") && c.agrees(b.f, m) {
			return c
		}
	}
	// A mention with no court, place or date of its own ("The court
	// rejected the officers' appeals") tells more of the latest decision
	// of its stage.
	if m.court == nil && m.place == "" && m.date == "" && !m.newCase {
		for i := len(b.cases) - 1; i >= 0; i-- {
			if c := b.cases[i]; c != b.cur && c.stage == m.stage && c.compatible(b.f, m) {
				return c
			}
		}
	}
	return nil
}

// finish turns the cases into records.
func (b *builder) finish() []trialwatch.Case {
	if len(b.cases) > 0 && b.title != nil && b.cases[0].compatible(b.f, b.title) {
		b.cases[0].addTitle(b.title, b)
	}
	if len(b.cases) == 0 && b.title != nil {
		// Only the headline tells the decision ("Officer gets 8 years
		// for torture"); the text adds its details.
		c := newCaseAcc(b.f)
		c.addMention(b.title, b)
		for _, p := range b.pending {
			c.addDetails(p, b.published)
		}
		b.cases = append(b.cases, c)
	}
	b.inheritUpheld()
	var out []trialwatch.Case
	var primary *caseAcc
	for i, c := range b.cases {
		if i == 0 {
			primary = c
		}
		rec, ok := c.record(b, primary, i == 0)
		if ok {
			out = append(out, rec)
		}
	}
	return out
}

// inheritUpheld gives an appeal that upheld a verdict without restating
// it the sentences of that verdict, told elsewhere in the article: the
// appeal leaves them in force. Only one verdict of the same people may be
// the source.
func (b *builder) inheritUpheld() {
	for _, c := range b.cases {
		if c.court == "" && c.location() == "" && c.generic == "" && c.date == "" {
			continue // no decision of its own told: nothing to complete
		}
		if c.stage != string(trialwatch.StageAppeal) || !c.upheld || c.overturned || len(c.terms) > 0 || c.count("imprisoned")+c.count("suspended") > 0 {
			continue
		}
		var src *caseAcc
		n := 0
		for _, v := range b.cases {
			if v.stage != string(trialwatch.StageVerdict) || len(v.terms) == 0 && v.count("imprisoned")+v.count("suspended") == 0 {
				continue
			}
			if c.groupSize() > 0 && v.groupSize() > 0 && c.groupSize() != v.groupSize() {
				continue
			}
			src = v
			n++
		}
		if n != 1 {
			continue
		}
		c.terms = append(c.terms, src.terms...)
		for k, v := range src.hasTerm {
			c.hasTerm[k] = c.hasTerm[k] || v
		}
		for _, f := range []string{"imprisoned", "suspended", "noncustodial"} {
			if k := src.count(f); k > 0 {
				c.explicit[f] = k
				c.ev[f], c.rules[f] = src.ev[f], "upheld-verdict"
			}
		}
		for _, f := range []string{"sentence_min_months", "sentence_max_months"} {
			if e, ok := src.ev[f]; ok {
				c.ev[f], c.rules[f] = e, "upheld-verdict"
			}
		}
	}
}

// termKey identifies one term for counting people: the same term told
// twice is one set of people.
func termKey(t term) string {
	return strings.Join([]string{t.kind, itoa(months(t.min)), itoa(months(t.max))}, "/")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
