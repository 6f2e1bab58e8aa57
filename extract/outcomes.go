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
	next:
		for _, m := range p.FindAll(s.ft) {
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
		end := m.end
		for _, t := range s.toks {
			if t.start < end && end < t.end && t.start > m.start {
				// The pattern looked at the first letter of the next word
				// ("sentencing Ivanov"): the verb ends before it.
				end = m.start + len(strings.TrimRight(s.text[m.start:t.start], " "))
				break
			}
		}
		o := outcomeRef{start: m.start, end: end, class: p.Class, rule: p.Name, clause: c}
		if (p.Class == "convict" || p.Class == "acquit") && s.adjective(m.start) {
			continue // "a convicted felon", "the convicted officers"
		}
		if p.Class == "fine" {
			o.kind = "fine"
		}
		if p.Class == "sentence" || p.Class == "sentence_weak" {
			o.kind = s.sentenceKind(o)
			if p.Class == "sentence_weak" && (o.kind == "" || !s.sentenceAfter(o)) {
				continue // "received a letter", "received $250,000 fines"
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
	s.partialAcquittals()
	// A fine tells of a sentence only when it is given to people ("fined
	// two others"), not to a club or a company.
	kept := s.outcomes[:0]
	for _, o := range s.outcomes {
		if o.class != "fine" || o.grp != nil {
			kept = append(kept, o)
		}
	}
	s.outcomes = kept
}

// partialAcquittals leaves uncounted an acquittal of some charges of
// people the same sentence convicts ("found the officer not guilty of
// torture but convicted him of abuse of office"): they are convicted, not
// acquitted.
func (s *sent) partialAcquittals() {
	for i := range s.outcomes {
		a := &s.outcomes[i]
		if a.class != "acquit" || a.grp == nil {
			continue
		}
		for _, o := range s.outcomes {
			if o.start <= a.start || o.class == "acquit" || o.class == "appeal" || o.class == "appeal_overturn" || o.grp == nil {
				continue
			}
			// "acquitted X of torture but convicted him": the acquittal
			// names a charge before the next verb.
			if gap := s.text[a.start:o.start]; !strings.Contains(gap, " of ") {
				break
			}
			if o.grp == a.grp || o.grp.kind == gRef || o.grp.kind == gOne && s.f.Is("one", strings.ToLower(s.text[o.grp.start:o.grp.end])) {
				a.grp = nil
				break
			}
		}
	}
}

// givesSentence reports decision verbs whose object is the sentenced
// person ("jailed Ivanov", "fined two others").
func givesSentence(class string) bool {
	return class == "sentence" || class == "sentence_weak" || class == "fine"
}

// sentenceKind is the kind of the first term after a sentencing verb in its
// clause, or of the first marker after it.
func (s *sent) sentenceKind(o outcomeRef) string {
	cl := s.clauses[o.clause]
	for _, t := range s.terms {
		if t.start >= o.end && t.start < cl[1] && t.start-o.end < 120 && !s.verbBetween(o.end, t.start) {
			// "sentenced two men to death and a third to 20 years": a
			// death or life sentence told first is the verb's.
			for _, m := range s.markers {
				if (m.class == "death" || m.class == "life") && m.start >= o.start && m.start < t.start {
					return m.class
				}
			}
			return t.kind
		}
	}
	// "seven were jailed", "sentenced to death": the verb itself says the
	// kind.
	for _, m := range s.markers {
		if m.start >= o.start && m.start < o.end {
			return m.class
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

// verbBetween reports a decision verb between two offsets ("received
// suspended sentences and a fourth was jailed for three years": the term
// is the second verb's).
func (s *sent) verbBetween(from, to int) bool {
	for _, c := range s.cands {
		if c.start >= from && c.end <= to {
			return true
		}
	}
	return false
}

// governed returns the group a decision verb applies to: its object for an
// active verb ("convicted four officers"), its subject for a passive one
// ("Three of them were given…"). Victims are never governed.
func (s *sent) governed(f *rules.Facts, o outcomeRef) *group {
	cl := s.clauses[o.clause]
	passive := passiveBefore(s.text[max(cl[0], o.start-14):o.start]) || receiverVerb(s.text[o.start:o.end]) || s.f.Is("receive_verbs", strings.ToLower(s.text[o.start:o.end]))
	if !passive {
		// The object stands before the term it is given ("gave Ivanov 15
		// years and fined both men": not "both men").
		limit := cl[1]
		for _, t := range s.terms {
			if givesSentence(o.class) && t.start >= o.end && t.start < limit {
				limit = t.start
				break
			}
		}
		for _, g := range s.groups {
			if g.start > o.start && g.start < limit && !g.victim && g.start-o.end < 90 {
				return s.resolve(g)
			}
		}
		// "handed down sentences of four years to two officers"
		if limit < cl[1] && givesSentence(o.class) {
			for _, t := range s.terms {
				if t.start < limit {
					continue
				}
				for _, g := range s.groups {
					if g.start < t.end || g.victim {
						continue
					}
					if givenTo(s.f, s.text[t.end:g.start]) {
						return s.resolve(g) // "…to two officers", "imposed … on three of them"
					}
				}
				// "sentences of six, eight and 10 years to the three
				// officers": the people come after the last of a list.
				if next := termAfter(s.terms, t.end); next == nil || !s.listGap(t.end, next.start) {
					break
				}
			}
		}
		// One capitalised word: a person named by surname ("gave Ivanov"),
		// past one noun of a person ("sentenced officer Ivanov").
		for i, t := range s.toks {
			if t.start >= o.end && givesSentence(o.class) {
				if t.word && !t.upper && t.in(s.f, rules.LexSingular) && i+1 < len(s.toks) && s.toks[i+1].upper {
					continue
				}
				if t.word && t.upper && t.start < limit && !t.in(s.f, rules.LexCourtStrip) && s.f.CountryOf(t.text) == "" {
					g := &group{start: t.start, end: t.end, size: 1, kind: gNames, names: []string{strings.ToLower(stripPossessive(t.text))}}
					// "gave Ivanov and Petrov six years each"
					for k := i; k+2 < len(s.toks) && (s.toks[k+1].low == "and" || s.toks[k+1].low == ",") && s.toks[k+2].start < limit && surnameTok(s.f, s.toks[k+2]) &&
						(k+3 >= len(s.toks) || !s.toks[k+3].word || !s.toks[k+3].upper); k += 2 {
						g.names = append(g.names, strings.ToLower(stripPossessive(s.toks[k+2].text)))
						g.size, g.end = len(g.names), s.toks[k+2].end
					}
					return g
				}
				break
			}
		}
		if g := s.surnameObject(o, limit); g != nil {
			return g
		}
		if g := s.headlineObject(o, limit); g != nil {
			return g
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
		// "…, while Rakhimov got eight": a surname of the clause comes
		// before a group of an earlier clause.
		if g := s.surnameBefore(o); g != nil {
			return g
		}
		for _, g := range s.groups {
			if g.end <= o.start && !g.victim {
				cands = append(cands, g)
			}
		}
		if len(cands) == 0 {
			if g := s.surnameBefore(o); g != nil {
				return g
			}
			return s.headlineNoun(o)
		}
		return s.resolve(cands[len(cands)-1])
	}
	chosen := cands[len(cands)-1]
	// "Eleven people, including six police officers, were convicted":
	// the part named after "including" is not the subject.
	for i := len(cands) - 1; i > 0; i-- {
		if k := s.tokenBefore(cands[i].start); k < 0 || !s.toks[k].in(s.f, rules.LexIncluding) {
			break
		}
		chosen = cands[i-1]
	}
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

// surnameObject reads a person named by surname alone as the object of a
// verdict ("convicted Ivanov", "found officer Ivanov guilty"): the first
// word after the verb, past one noun of a person.
func (s *sent) surnameObject(o outcomeRef, limit int) *group {
	if o.class != "convict" && o.class != "acquit" {
		return nil
	}
	k := s.tokenBefore(o.start) + 2 // the word after the verb's first word
	if k < len(s.toks) && s.toks[k].in(s.f, rules.LexSingular) {
		k++
	}
	if k >= len(s.toks) || s.toks[k].start >= limit {
		return nil
	}
	g := &group{start: s.toks[k].start, kind: gNames}
	// "Ivanov, Petrov and Sidorov"
	for ; k < len(s.toks) && s.toks[k].start < limit; k += 2 {
		t := s.toks[k]
		if !t.word || !t.upper || t.in(s.f, rules.LexCourtStrip) || t.in(s.f, rules.LexDeterminers) || t.in(s.f, rules.LexNotPlaces) ||
			t.in(s.f, rules.LexOrgWords) || t.in(s.f, rules.LexJudges) || s.f.CountryOf(t.text) != "" || t.in(s.f, rules.LexPersons) || t.in(s.f, rules.LexSingular) ||
			k+1 < len(s.toks) && s.toks[k+1].word && s.toks[k+1].upper { // a name of more words is read by the name finder
			break
		}
		g.names = append(g.names, strings.ToLower(stripPossessive(t.text)))
		g.size, g.end = len(g.names), t.end
		if k+2 >= len(s.toks) || s.toks[k+1].low != "and" && s.toks[k+1].low != "," {
			break
		}
	}
	if g.size == 0 {
		return nil
	}
	return g
}

// termAfter returns the first term starting at or after pos, or nil.
func termAfter(ts []term, pos int) *term {
	for i := range ts {
		if ts[i].start >= pos {
			return &ts[i]
		}
	}
	return nil
}

// listGap reports text between two terms of one list: a comma or a word of
// the language's "and".
func (s *sent) listGap(from, to int) bool {
	for _, t := range s.toks {
		if t.start >= from && t.end <= to && !t.in(s.f, rules.LexAnd) {
			return false
		}
	}
	return true
}

// givenTo reports the text between a term and the people it is given to:
// "to" or "on", after at most three words of a sentence noun ("a seven-year
// sentence to the officer").
func givenTo(f *rules.Facts, gap string) bool {
	w := strings.Fields(gap)
	if n := len(w); n > 1 && f.Is("determiners", strings.ToLower(w[n-1])) {
		w = w[:n-1] // "to the former officer": the group starts at "former"
	}
	if len(w) == 0 || len(w) > 4 || w[len(w)-1] != "to" && w[len(w)-1] != "on" {
		return false
	}
	return len(w) == 1 || matchAny(f.ByKind("sentence_noun"), strings.Join(w[:len(w)-1], " "))
}

// surnameBefore reads the subject of a receiving or passive verb written
// as one capitalised word ("Ivanov received seven years", "Sadykov was
// sentenced"), or nil.
func (s *sent) surnameBefore(o outcomeRef) *group {
	k := s.tokenBefore(o.start)
	plural := false
	if !receiverVerb(s.text[o.start:o.end]) && !s.f.Is("receive_verbs", strings.ToLower(s.text[o.start:o.end])) {
		// "Sadykov was sentenced": the subject of a passive verb.
		if k < 0 || s.toks[k].low != "was" && s.toks[k].low != "were" {
			return nil
		}
		plural = s.toks[k].low == "were"
		k--
	}
	// "Kassymov, 45, was jailed": an age between commas.
	if k >= 3 && s.toks[k].low == "," && s.toks[k-2].low == "," && isDigitTok(s.toks[k-1]) {
		k -= 3
	}
	if k < 0 {
		return nil
	}
	t := s.toks[k]
	if !surnameTok(s.f, t) {
		return nil
	}
	g := &group{start: t.start, end: t.end, size: 1, kind: gNames, names: []string{strings.ToLower(stripPossessive(t.text))}}
	// "Ivanov and Petrov were jailed", "Ivanov, Petrov and Sidorov got"
	for k >= 2 && (s.toks[k-1].low == "and" || s.toks[k-1].low == ",") && surnameTok(s.f, s.toks[k-2]) && (k < 3 || !s.toks[k-3].word || !s.toks[k-3].upper) {
		k -= 2
		g.names = append(g.names, strings.ToLower(stripPossessive(s.toks[k].text)))
		g.start, g.size = s.toks[k].start, len(g.names)
	}
	if plural && g.size < 2 {
		return nil
	}
	return g
}

// headlineNoun reads the subject of a headline, written without an
// article ("Kyrgyz officer gets 8 years", "Former guard jailed"): a noun
// of one person that opens the sentence, after capitalised words only.
func (s *sent) headlineNoun(o outcomeRef) *group {
	k := s.tokenBefore(o.start)
	if k >= 0 && (s.toks[k].low == "was" || s.toks[k].low == "is") {
		k--
	}
	if k < 0 || !s.toks[k].in(s.f, rules.LexSingular) {
		return nil
	}
	for _, t := range s.toks[:k] {
		if !t.word || !t.upper {
			return nil
		}
	}
	return &group{start: s.toks[0].start, end: s.toks[k].end, size: 1, kind: gOne, noun: s.toks[k].low}
}

// headlineObject reads the object of a headline's verb, written without
// an article ("Court acquits police officer", "jails ex-guard"): a noun
// of one person within three words after the verb, with no determiner.
func (s *sent) headlineObject(o outcomeRef, limit int) *group {
	if s.para != -1 || o.class == "appeal" || o.class == "appeal_overturn" {
		return nil
	}
	k := s.tokenBefore(o.end) + 1
	for i := k; i < len(s.toks) && i < k+3 && s.toks[i].start < limit; i++ {
		t := s.toks[i]
		if !t.word || t.in(s.f, rules.LexDeterminers) || t.low == "a" || t.low == "an" {
			return nil
		}
		if t.in(s.f, rules.LexSingular) && (i+1 >= len(s.toks) || !s.toks[i+1].in(s.f, rules.LexSingular)) {
			return &group{start: s.toks[k].start, end: t.end, size: 1, kind: gOne, noun: t.low}
		}
	}
	return nil
}

// surnameTok reports a capitalised word that may be a person's surname:
// no article, title, court, organisation, country or noun of people.
func surnameTok(f *rules.Facts, t token) bool {
	return t.word && t.upper && !t.in(f, rules.LexCourtStrip) && !t.in(f, rules.LexDeterminers) && !t.in(f, rules.LexNotPlaces) &&
		!t.in(f, rules.LexOrgWords) && !t.in(f, rules.LexJudges) && f.CountryOf(t.text) == "" && !t.in(f, rules.LexPersons) && !t.in(f, rules.LexSingular)
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
		// The auxiliary must be a word of its own: "in Paris convicted"
		// is active.
		if n := len(s) - len(aux); n >= 0 && s[n:] == aux && (n == 0 || !isWordRune(lastRune(s[:n]))) {
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
	given := make([]*group, len(s.terms))
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
		t.own = g != nil && o != nil && g != o.grp
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
		k := s.tokenBefore(t.start)
		if k >= 2 && (s.toks[k].low == "-" || s.toks[k].low == "–" || s.toks[k].low == "—" || s.toks[k].low == ":") && surnameTok(s.f, s.toks[k-1]) && !s.toks[k-2].word {
			k-- // "Ivanov - 8 years, Petrov - 6 years"
		} else if k >= 2 && s.toks[k].low == "to" && surnameTok(s.f, s.toks[k-1]) && (!s.toks[k-2].word || s.toks[k-2].low == "and") {
			k-- // "the officers: Ivanov to 8 years, Petrov to 6 years"
		}
		if k >= 0 && s.toks[k].upper && s.toks[k].word && (g == nil || g.end <= s.toks[k].start) && !s.toks[k].in(s.f, rules.LexCourtStrip) {
			g = &group{start: s.toks[k].start, end: s.toks[k].end, size: 1, kind: gNames} // "and Petrov 12"
			t.own = true
			// "and Petrov and Sidorov to five years each"
			for j := k; j >= 2 && (s.toks[j-1].low == "and" || s.toks[j-1].low == ",") && surnameTok(s.f, s.toks[j-2]) && (o == nil || s.toks[j-2].start >= o.end); j -= 2 {
				g.start, g.size = s.toks[j-2].start, g.size+1
			}
		}
		if g != nil && g.size > 0 {
			t.persons = g.size
		}
		given[i] = g
		each := false
		for _, tk := range s.toks {
			if tk.start >= s.clauses[c][0] && tk.end <= s.clauses[c][1] && tk.in(f, rules.LexEach) {
				each = true
			}
		}
		// One term told of a whole group ("sentenced seven journalists to
		// 7.5-9 years") overlaps the terms told of each of them; a part
		// ("Four of his co-accused") adds to them.
		t.collective = (t.byRange || t.hasMin != t.hasMax) && !each && g != nil && (g.kind == gCount || g.kind == gRef) && g.size > 1 && !g.part
	}
	s.shareTerms(f, given)
}

// shareTerms deals a list of terms given to one group among its members:
// "two guards were given terms of six and eight years" is one term each;
// "five officers got six and eight years" tells of five people, not ten.
func (s *sent) shareTerms(f *rules.Facts, given []*group) {
	for i, g := range given {
		if g == nil || s.terms[i].collective || s.terms[i].byRange {
			continue
		}
		c := s.clauseOf(s.terms[i].start)
		// "sentenced the defendants to 5, 6 and 7 years respectively":
		// as many people as terms.
		respective := g.kind == gRef && g.size == 0 && matchAnyText(f.ByKind("respectively"), s.text, s.ft)
		if g.size < 2 && !respective || s.hasEach(f, c) {
			continue
		}
		var same []int
		for k := i; k < len(given); k++ {
			if given[k] == g && !s.terms[k].byRange && s.terms[k].kind == s.terms[i].kind && s.clauseOf(s.terms[k].start) == c {
				same = append(same, k)
			}
		}
		if len(same) < 2 {
			continue
		}
		for _, k := range same {
			given[k] = nil
			if len(same) == g.size || respective {
				s.terms[k].persons = 1
			} else {
				s.terms[k].collective = true
			}
		}
	}
}

// hasEach reports whether clause c says each person got the term ("each",
// "apiece").
func (s *sent) hasEach(f *rules.Facts, c int) bool {
	for _, tk := range s.toks {
		if tk.start >= s.clauses[c][0] && tk.end <= s.clauses[c][1] && tk.in(f, rules.LexEach) {
			return true
		}
	}
	return false
}

// tokenBefore returns the index of the last token ending before pos, or -1.
func (s *sent) tokenBefore(pos int) int {
	k := -1
	for i, t := range s.toks {
		if t.end <= pos {
			k = i
		}
	}
	return k
}

// adjective reports a decision word used as an adjective after a
// determiner ("a convicted felon").
func (s *sent) adjective(pos int) bool {
	k := s.tokenBefore(pos)
	return k >= 0 && (s.toks[k].in(s.f, rules.LexDeterminers) || s.toks[k].low == "a" || s.toks[k].low == "an")
}

// sentenceAfter reports whether a giving verb is followed, in its clause,
// by a term or a word of sentences ("received a suspended sentence", not
// "received a one-game suspension").
func (s *sent) sentenceAfter(o outcomeRef) bool {
	cl := s.clauses[o.clause]
	for _, t := range s.terms {
		if t.start >= o.end && t.start < cl[1] {
			return true
		}
	}
	rest := s.text[o.end:min(cl[1], len(s.text))]
	return matchAny(s.f.ByKind("sentence_noun"), rest)
}
