package extract

import (
	"strings"

	"github.com/trialwatch/trialwatch/rules"
)

type groupKind int

const (
	gCount   groupKind = iota // "three officers", "all six", "Three of them"
	gOrdinal                  // "a fourth defendant": one person, and at least four tried
	gNames                    // "Aike Beishekeeva and Aktilek Kaparov"
	gOne                      // "him", "the director", "a young man"
	gRef                      // "them", "the men": a group told before
)

// group is a mention of people in a sentence.
type group struct {
	start, end int
	size       int
	kind       groupKind
	whole      int  // the whole group it is part of ("four of the 11"), or an ordinal's rank
	defendants bool // counted by a noun of the tried ("six defendants")
	decisions  bool // counted by a noun of decisions ("twelve acquittals")
	part       bool // "three others", "Three of them"
	same       bool // "the same six men"
	victim     bool
	names      []string
	noun       string // the person noun of a count
	skipped    bool   // in a clause that tells of no decision
}

// findGroups returns the mentions of people in a sentence, in order, with
// the spans of courts and places left out of name search.
func findGroups(f *rules.Facts, s string, toks []token, masks [][2]int, known *people, ft *rules.Text) []*group {
	victims := false
	for _, p := range f.ByKind("victims") {
		if p.CouldText(ft) {
			victims = true
		}
	}
	var out []*group
	masked := func(start, end int) bool {
		for _, m := range masks {
			if start < m[1] && end > m[0] {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(toks); i++ {
		if !toks[i].word || masked(toks[i].start, toks[i].end) {
			continue
		}
		if g, next := countAt(f, toks, i); g != nil {
			// "Ahmedov and his two co-defendants": the surname before them.
			if i >= 2 && g.part && toks[i].in(f, rules.LexOne) && toks[i-1].low != "," && toks[i-1].in(f, rules.LexAnd) && surnameTok(f, toks[i-2]) && !inGroups(out, toks[i-2].start) {
				out = append(out, &group{start: toks[i-2].start, end: toks[i-2].end, size: 1, kind: gNames, names: []string{strings.ToLower(stripPossessive(toks[i-2].text))}})
			}
			out = append(out, g)
			i = next - 1
			continue
		}
		if n := phraseAtLex(f, rules.LexGroup, toks, i); n > 0 {
			out = append(out, &group{start: toks[i].start, end: toks[i+n-1].end, kind: gRef})
			i += n - 1
			continue
		}
		if g, next := restAt(f, toks, i); g != nil {
			out = append(out, g)
			i = next - 1
			continue
		}
		if (toks[i].in(f, rules.LexWhole) || toks[i].in(f, rules.LexEach)) && i+1 < len(toks) && (toks[i+1].in(f, rules.LexBareVerbs) || decisionWord(f, toks[i+1].text)) {
			// "all received suspended sentences": the group told before.
			out = append(out, &group{start: toks[i].start, end: toks[i].end, kind: gRef})
			continue
		}
		if w := toks[i].low; (w == "the" || w == "these" || w == "those") && i+1 < len(toks) && toks[i+1].word && (!toks[i+1].in(f, rules.LexDeterminers) || !toks[i+1].in(f, rules.LexOne) && !toks[i+1].in(f, rules.LexGroup) && i+2 < len(toks) && toks[i+2].word) {
			// "the guards", "the former police officers": a group told
			// before.
			if noun, kn := personAfter(f, toks, i+1); noun != "" && kn <= i+3 && !f.Is("singular", stripPossessive(noun)) {
				out = append(out, &group{start: toks[i].start, end: toks[kn].end, kind: gRef, noun: noun})
				i = kn
				continue
			}
		}
		if toks[i].in(f, rules.LexOne) {
			out = append(out, &group{start: toks[i].start, end: toks[i].end, size: 1, kind: gOne})
			continue
		}
		if w := toks[i].low; toks[i].upper && (w[len(w)-1] == 's' || w[len(w)-1] == '\'' || w[len(w)-1] == 0x99) {
			if g := possessiveSurname(f, s, toks, i); g != nil {
				out = append(out, g)
				continue
			}
		}
		if g := bareNoun(f, toks, i); g != nil {
			out = append(out, g)
			continue
		}
		if toks[i].in(f, rules.LexDeterminers) || toks[i].low == "a" || toks[i].low == "an" {
			// "the director", "a Metropolitan police firearms officer",
			// "a 17-year-old"
			for k := i + 1; k < len(toks) && k <= i+5; k++ {
				if !toks[k].word {
					break
				}
				if toks[k].in(f, rules.LexSingular) || isPossessive(toks[k].low) && f.Is("singular", stripPossessive(toks[k].low)) || strings.HasSuffix(toks[k].low, "-year-old") && (k+1 >= len(toks) || !toks[k+1].in(f, rules.LexSingular) && !toks[k+1].in(f, rules.LexPersons)) {
					out = append(out, &group{start: toks[i].start, end: toks[k].end, size: 1, kind: gOne})
					i = k
					break
				}
				if toks[k].in(f, rules.LexPersons) || toks[k].in(f, rules.LexDeterminers) || stopWord(toks[k].low) || isCourtHead(f, toks[k].text) || toks[k].in(f, rules.LexJudges) {
					break // "the court sentenced one officer" is no person
				}
				if _, _, ok := numberAt(f, toks, k); ok {
					break
				}
			}
		}
	}
	names := findNamesToks(f, s, toks, masks, victims, ft)
	out = append(out, names...)
	// A single word of a name told in full elsewhere ("Maliban").
	if known != nil {
		for _, t := range toks {
			if !t.word || !t.upper || overlapsAny(t.start, t.end, masks) {
				continue
			}
			var buf [64]byte
			key, ok := known.key[string(rules.AppendLower(buf[:0], stripPossessive(t.text)))]
			if !ok || inGroups(out, t.start) {
				continue
			}
			g := &group{start: t.start, end: t.end, size: 1, kind: gNames, names: []string{key}}
			g.victim = known.victim[key]
			out = append(out, g)
		}
	}
	out = mergeGroups(f, s, sortGroups(out))
	for _, g := range out {
		if victims && !g.victim && !(g.kind == gOne && f.Is("one", strings.ToLower(s[g.start:g.end]))) {
			g.victim = isVictim(f, s, ft, g)
		}
		if known != nil && g.kind == gNames && len(g.names) == 1 && known.victim[g.names[0]] {
			g.victim = true
		}
		if !g.victim && g.kind == gCount && !g.part && isTried(f, s, g) {
			g.defendants = true // "перед судом предстали 13 человек"
		}
	}
	return out
}

// countAt reads a counted group at toks[i]: "[all|the|other] N [adjectives]
// noun", "N of them", "N of the M noun", "the remaining N", "N were…", and
// ordinals ("a fourth defendant", "the fourth").
// onHeap returns a copy of g to keep: countAt builds its group on the
// stack and makes one only for a count it found.
func (g group) onHeap() *group { return &g }

func countAt(f *rules.Facts, toks []token, i int) (*group, int) {
	if g, next := halfAt(f, toks, i); g != nil {
		return g, next
	}
	j := i
	g := group{start: toks[i].start, kind: gCount}
	flagged := false
	for j < len(toks) && j < i+3 {
		t := &toks[j]
		w := t.low
		switch {
		case t.in(f, rules.LexWhole) && w != "both" && w != "every":
			flagged = true
		case t.in(f, rules.LexSame):
			g.same, flagged = true, true
		case t.in(f, rules.LexPart):
			g.part, flagged = true, true
		case t.in(f, rules.LexDeterminers) || w == "each" || w == "of":
			flagged = flagged || w == "the"
			// "his four accomplices": people other than the one named.
			g.part = g.part || t.in(f, rules.LexOne)
		default:
			goto number
		}
		j++
	}
number:
	if j > i && (toks[j-1].low == "a" || toks[j-1].low == "an" || toks[j-1].in(f, rules.LexDeterminers)) || bareOrdinal(f, toks, i, j) {
		if o, ok := f.Ordinals[toksLow(toks, j)]; ok {
			k := j + 1
			// "a fourth defendant", "a fifth was", "gave a fifth a
			// suspended sentence", "and a sixth."
			if k >= len(toks) || toks[k].in(f, rules.LexPersons) || toks[k].in(f, rules.LexBareVerbs) || !toks[k].word || stopWord(toks[k].low) || toks[k].low == "a" || toks[k].low == "an" {
				end := toks[j].end
				if toks[k].in(f, rules.LexPersons) {
					end = toks[k].end
					k++
				}
				return &group{start: toks[i].start, end: end, size: 1, kind: gOrdinal, whole: o, part: true}, k
			}
			return nil, i
		}
	}
	if j > 0 && (toks[j-1].in(f, rules.LexApprox) || toks[j-1].in(f, rules.LexVague)) {
		return nil, i
	}
	n, k, ok := numberAt(f, toks, j)
	if !ok || n != float64(int(n)) || n <= 0 || n > 10000 || isYearTok(toks[j]) {
		return nil, i
	}
	if j > 0 && toks[j-1].upper && f.Months[strings.TrimSuffix(toks[j-1].low, ".")] > 0 || k < len(toks) && (toks[k].upper || isDigitTok(toks[j])) && f.Months[strings.TrimSuffix(toks[k].low, ".")] > 0 {
		return nil, i // "February 27", "17 October", "18 марта"
	}
	if j < len(toks) && strings.Contains(toks[j].low, "-") && !isNumberCompound(f, toks[j].low) {
		return nil, i // "three-year", "seven-member"
	}
	if k < len(toks) {
		if _, ok := unitAt(f, toks, k); ok {
			return nil, i
		}
		if toks[k].in(f, rules.LexVague) || toks[k].in(f, rules.LexThings) {
			return nil, i // "a few dozen", "all seven charges"
		}
	}
	g.size = int(n)
	// "N of them", "N of the M noun", "N of his co-accused"
	if k+1 < len(toks) && (toks[k].low == "of" || toks[k].in(f, rules.LexOf)) {
		k2 := k + 1
		if toks[k2].in(f, rules.LexGroup) || toks[k2].low == "those" || toks[k2].in(f, rules.LexRelatives) {
			g.part, g.end = true, toks[k2].end
			return g.onHeap(), k2 + 1
		}
		if toks[k2].in(f, rules.LexDeterminers) {
			if m, k3, ok := numberAt(f, toks, k2+1); ok {
				g.whole, g.part = int(m), true
				end, next := toks[k3-1].end, k3
				if noun, kn := personAfter(f, toks, k3); noun != "" {
					end, next = toks[kn].end, kn+1
					g.noun = noun
				}
				g.end = end
				return g.onHeap(), next
			}
			if noun, kn := personAfter(f, toks, k2+1); noun != "" {
				g.part, g.end = true, toks[kn].end
				return g.onHeap(), kn + 1
			}
		}
		// "a trio of officers", "a pair of former guards": a word that
		// counts, then its people.
		if _, isWord := f.Numbers[toks[j].low]; isWord && j > i && (toks[j-1].low == "a" || toks[j-1].in(f, rules.LexDeterminers)) {
			if noun, kn := personAfter(f, toks, k2); noun != "" {
				g.noun, g.end = noun, toks[kn].end
				g.defendants = f.Is("defendant_nouns", noun)
				return g.onHeap(), kn + 1
			}
		}
		return nil, i
	}
	if noun, kn := personAfter(f, toks, k); noun != "" {
		g.end = toks[kn].end
		g.defendants = f.Is("defendant_nouns", noun)
		g.noun = noun
		return g.onHeap(), kn + 1
	}
	if noun, kn := nounAfter(f, rules.LexDecisionNouns, toks, k); noun != "" {
		g.end, g.decisions = toks[kn].end, true
		return g.onHeap(), kn + 1
	}
	if k < len(toks) && (toks[k].in(f, rules.LexPart)) {
		g.part, g.end = true, toks[k].end
		return g.onHeap(), k + 1
	}
	if j > 0 && (toks[j-1].low == "," || toks[j-1].low == ":" || toks[j-1].low == ";" || toks[j-1].low == "and") && k+1 < len(toks) && toks[k].low == "to" && mayStartTerm(f, &toks[k+1]) {
		g.end = toks[k-1].end // "…to 5 years, two to 6 years and one to 9"
		return g.onHeap(), k
	}
	if j > 0 && (k >= len(toks) || !toks[k].word) && decisionWord(f, toks[j-1].text) {
		g.end = toks[k-1].end // "and acquitted two."
		return g.onHeap(), k
	}
	if flagged || (k < len(toks) && (toks[k].in(f, rules.LexBareVerbs) || decisionWord(f, toks[k].text)) && (j == 0 || !toks[j-1].word || toks[j-1].in(f, rules.LexAnd) || toks[j-1].low == "while")) {
		g.end = toks[k-1].end
		return g.onHeap(), k
	}
	return nil, i
}

// possessiveSurname reads one capitalised word with a possessive mark
// before a word of sentences or decisions ("Ivanov's sentence was
// reduced", "upheld Petrov's conviction"): one person named by surname.
func possessiveSurname(f *rules.Facts, s string, toks []token, i int) *group {
	t := toks[i]
	if !t.upper || !t.word || i+1 >= len(toks) || !isPossessive(t.low) {
		return nil
	}
	name := stripPossessive(t.text)
	bare := token{text: name, low: strings.ToLower(name), word: true, upper: true}
	if !surnameTok(f, bare) || isCourtHead(f, name) || i > 0 && toks[i-1].upper && toks[i-1].word {
		return nil // "Kazakhstan's", "the Court's", "Ivan Petrov's" (a full name)
	}
	end := toks[min(i+2, len(toks)-1)].end
	next := s[toks[i+1].start:end]
	if !matchAny(f.ByKind("sentence_noun"), next) && !matchAny(f.ByKind("weak"), next) {
		return nil
	}
	return &group{start: t.start, end: t.end, size: 1, kind: gNames, names: []string{bare.low}}
}

// halfAt reads half of a counted group ("half of the 12 officers"): a
// part of it, the whole being the count; "half a dozen officers" is six.
func halfAt(f *rules.Facts, toks []token, i int) (*group, int) {
	// "half a dozen officers": half of the number, the whole group.
	if i+3 < len(toks) && toks[i].in(f, rules.LexHalf) && (toks[i+1].low == "a" || toks[i+1].low == "an") {
		if m, ok := f.Numbers[toks[i+2].low]; ok && m >= 2 && m%2 == 0 {
			if noun, kn := personAfter(f, toks, i+3); noun != "" {
				return &group{start: toks[i].start, end: toks[kn].end, size: m / 2, kind: gCount, noun: noun, defendants: f.Is("defendant_nouns", noun)}, kn + 1
			}
		}
	}
	if i+3 >= len(toks) || !toks[i].in(f, rules.LexHalf) || toks[i+1].low != "of" && !toks[i+1].in(f, rules.LexOf) {
		return nil, i
	}
	k := i + 2
	if toks[k].in(f, rules.LexDeterminers) {
		k++
	}
	m, next, ok := numberAt(f, toks, k)
	if !ok || m < 2 || m != float64(int(m)) || int(m)%2 != 0 || isYearTok(toks[k]) {
		return nil, i
	}
	g := &group{start: toks[i].start, end: toks[next-1].end, size: int(m) / 2, kind: gCount, whole: int(m), part: true}
	if noun, kn := personAfter(f, toks, next); noun != "" {
		g.end, g.noun, next = toks[kn].end, noun, kn+1
	}
	return g, next
}

// restAt reads the rest of a group, whose size is not written ("the rest",
// "the others": a group of its own that counts no one), and "another"
// ("another officer", "and another to five years": one more person).
func restAt(f *rules.Facts, toks []token, i int) (*group, int) {
	w := toks[i].low
	if w == "another" {
		k := i + 1
		if noun, kn := personAfter(f, toks, k); noun != "" && kn <= i+3 {
			return &group{start: toks[i].start, end: toks[kn].end, size: 1, kind: gCount, part: true, noun: noun}, kn + 1
		}
		if k >= len(toks) || !toks[k].word || toks[k].low == "to" || toks[k].in(f, rules.LexBareVerbs) || decisionWord(f, toks[k].text) {
			return &group{start: toks[i].start, end: toks[i].end, size: 1, kind: gCount, part: true}, k
		}
		return nil, i
	}
	if w != "the" || i+1 >= len(toks) || !toks[i+1].in(f, rules.LexPart) {
		return nil, i
	}
	k := i + 2
	if _, _, ok := numberAt(f, toks, k); ok {
		return nil, i // "the remaining three"
	}
	if noun, kn := personAfter(f, toks, k); noun != "" && kn <= k+2 {
		k = kn + 1
	}
	return &group{start: toks[i].start, end: toks[k-1].end, kind: gCount, part: true}, k
}

// decisionWord reports a word that is a decision verb by itself ("and two
// acquitted").
func decisionWord(f *rules.Facts, w string) bool {
	lw := strings.ToLower(w)
	for _, p := range f.ByKind("outcome") {
		if p.Class != "sentence_weak" && p.Could(lw) && p.Regexp.FindString(w) == w {
			return true
		}
	}
	return false
}

// isCourtHead reports the head word of a court's name ("court").
func isCourtHead(f *rules.Facts, w string) bool {
	for _, h := range f.CourtHeads {
		if strings.EqualFold(w, h) {
			return true
		}
	}
	return false
}

func toksLow(toks []token, i int) string {
	if i < len(toks) {
		return toks[i].low
	}
	return ""
}

func isNumberCompound(f *rules.Facts, w string) bool {
	_, ok := numberWord(f, w)
	return ok
}

// personAfter finds a person noun within four modifier words after
// toks[k] ("three former police officers").
func personAfter(f *rules.Facts, toks []token, k int) (string, int) {
	return nounAfter(f, rules.LexPersons, toks, k)
}

func nounAfter(f *rules.Facts, lexicon rules.Lex, toks []token, k int) (string, int) {
	for m := k; m < len(toks) && m < k+5; m++ {
		t := &toks[m]
		if !t.word {
			return "", 0
		}
		if t.in(f, lexicon) || isPossessive(t.low) && f.Words(stripPossessive(t.low)).Has(lexicon) {
			// "police officers": take the last noun of the run; "the
			// two officers' sentences".
			if m+1 < len(toks) && toks[m+1].in(f, lexicon) {
				continue
			}
			return t.low, m
		}
		if m+1 < len(toks) && f.Words(t.low+" "+toks[m+1].low).Has(lexicon) {
			return t.low + " " + toks[m+1].low, m + 1
		}
		if _, ok := unitAt(f, toks, m); ok || t.in(f, rules.LexAnd) && m == k {
			return "", 0
		}
		if _, _, ok := numberAt(f, toks, m); ok {
			return "", 0
		}
		if stopWord(t.low) {
			return "", 0
		}
	}
	return "", 0
}

func sortGroups(gs []*group) []*group {
	for i := 1; i < len(gs); i++ {
		for j := i; j > 0 && gs[j].start < gs[j-1].start; j-- {
			gs[j], gs[j-1] = gs[j-1], gs[j]
		}
	}
	return gs
}

// mergeGroups folds appositions into one group: "the director, Makhabat
// Tazhibek kyzy", "journalist Duman Mukhammedkarim", "Three bakery workers
// – A, B and C –", keeping the larger count. Overlapping groups keep the
// first.
func mergeGroups(f *rules.Facts, s string, gs []*group) []*group {
	var out []*group
	for _, g := range gs {
		if len(out) == 0 {
			out = append(out, g)
			continue
		}
		last := out[len(out)-1]
		if g.start < last.end {
			if g.kind == gNames && last.kind == gOne {
				out[len(out)-1] = g
			}
			continue
		}
		gap := s[last.end:g.start]
		// Names told one by one join into a list ("Jenkins and Parker").
		if last.kind == gNames && g.kind == gNames && (last.victim == g.victim || last.victim && len(g.names) == 1) && matchAny(f.ByKind("name_gap"), gap) {
			last.size += g.size
			last.names = append(last.names, g.names...)
			last.end = g.end
			continue
		}
		if last.kind == gCount && !last.part && last.whole == 0 && last.size > 0 && g.kind == gOne && joined(f, gap, last, &group{kind: gCount, size: 1}) {
			if w := strings.ToLower(s[g.start:g.end]); strings.HasPrefix(w, "a ") || strings.HasPrefix(w, "an ") {
				// "four police officers and a doctor": one group.
				last.size++
				last.end = g.end
				continue
			}
		}
		if joined(f, gap, last, g) {
			// "the main defendant and his four accomplices", "a former
			// police chief and three of his subordinates": one group.
			*last = group{start: last.start, end: g.end, size: last.size + g.size, kind: gCount, noun: g.noun, defendants: g.defendants}
			continue
		}
		if apposition(gap, last, g) {
			if g.size > last.size || last.kind == gOne && g.kind == gNames {
				last.size = g.size
			}
			if g.kind == gNames {
				last.names = g.names
				if last.kind == gOne {
					last.kind = gNames
				}
			}
			last.end = g.end
			continue
		}
		out = append(out, g)
	}
	return out
}

// joined reports two groups of people joined by "and" into one group told
// together: a person or a counted group, then a counted group.
func joined(f *rules.Facts, gap string, a, b *group) bool {
	if b.kind != gCount || b.size <= 0 || b.whole > 0 || b.decisions || a.size <= 0 || a.whole > 0 || a.decisions {
		return false
	}
	if a.kind != gOne && a.kind != gNames && a.kind != gCount || len(gap) > 12 {
		return false
	}
	w := strings.Fields(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(gap), ",")))
	return len(w) == 1 && w[0] != "," && f.Is("and", strings.ToLower(w[0]))
}

// apposition reports whether two groups with gap between them name the
// same people.
func apposition(gap string, a, b *group) bool {
	t := strings.TrimSpace(gap)
	if a.kind == gRef || b.kind == gRef || b.kind == gCount || a.kind == gNames && b.kind == gNames {
		return false
	}
	switch t {
	case "", ",", "–", "—", "-", "(", ":":
		return true
	}
	// "journalist and blogger Daler Imomali", "the founder of the outlet,"
	if a.kind == gOne && b.kind == gNames && len(strings.Fields(t)) <= 3 && !strings.ContainsAny(t, ",;") {
		return true
	}
	// "Three bakery workers who joined the attack – A, B and C –"
	if a.kind == gCount && b.kind == gNames && b.size == a.size && (strings.HasSuffix(t, "–") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, "-")) {
		return true
	}
	return false
}

func matchAny(ps []*rules.Pattern, s string) bool {
	if len(ps) == 0 {
		return false
	}
	return matchAnyText(ps, s, rules.NewText(s))
}

// matchAnyText is matchAny for a prepared text.
func matchAnyText(ps []*rules.Pattern, s string, ft *rules.Text) bool {
	for _, p := range ps {
		if p.Match(ft) {
			return true
		}
	}
	return false
}

// isYearTok reports a four-digit year, which counts no one ("2022
// detainees").
func isYearTok(t token) bool {
	v, ok := digits(t.low)
	return ok && len(t.low) == 4 && v >= 1900 && v <= 2100
}

// stopWord reports words that end a noun phrase.
func stopWord(w string) bool {
	switch w {
	case "of", "to", "in", "for", "on", "at", "by", "with", "from", "than", "who", "were", "was", "had",
		"when", "as", "after", "before", "while", "since", "that", "which", "and", "or", "but", "is", "are":
		return true
	}
	return false
}
