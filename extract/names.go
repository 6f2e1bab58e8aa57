package extract

import (
	"strings"
	"unicode"

	"github.com/trialwatch/trialwatch/rules"
)

// findNames returns lists of personal names ("Aike Beishekeeva and Aktilek
// Kaparov") as groups.
func findNames(f *rules.Facts, s string, masks [][2]int) []*group {
	return findNamesToks(f, s, tokenize(s), masks, true, nil)
}

// findNamesToks is findNames for a tokenized sentence; victims says
// whether the sentence may name victims at all.
func findNamesToks(f *rules.Facts, s string, toks []token, masks [][2]int, victims bool, ft *rules.Text) []*group {
	var names []*group
	var buf [64]byte
	if !hasUpperAfterStart(s) {
		return nil
	}
	for _, m := range nameSpans(f, s, toks) {
		start, end := m[0], m[1]
		words := strings.Fields(s[start:end])
		// Drop leading words that open a sentence ("In March", "The").
		for len(words) > 0 && (isLower(f, "court_strip", words[0]) || f.Months[string(rules.AppendLower(buf[:0], words[0]))] > 0) {
			start += strings.Index(s[start:], words[0]) + len(words[0])
			start += len(s[start:]) - len(strings.TrimLeft(s[start:], " "))
			words = words[1:]
		}
		if len(words) < 2 || overlapsAny(start, end, masks) || !personName(f, words) || isJudge(f, words) {
			continue
		}
		key := nameKey(words)
		g := &group{start: start, end: end, size: 1, kind: gNames, names: []string{key}}
		g.victim = victims && isVictim(f, s, ft, g)
		names = append(names, g)
	}
	// Join lists.
	var out []*group
	gaps := f.ByKind("name_gap")
	for _, n := range names {
		if len(out) > 0 {
			last := out[len(out)-1]
			// "the killings of A, B and C": a list goes on after a victim.
			if last.kind == gNames && n.start >= last.end && (last.victim == n.victim || last.victim) && matchAny(gaps, s[last.end:n.start]) {
				last.end = n.end
				last.size++
				last.names = append(last.names, n.names...)
				continue
			}
		}
		out = append(out, n)
	}
	for _, g := range out {
		extendBySurname(f, s, toks, g)
	}
	return out
}

// extendBySurname adds to a list of names a last one written as a surname
// alone ("Officers Ivanov and Petrov were…").
func extendBySurname(f *rules.Facts, s string, toks []token, g *group) {
	for i, t := range toks {
		if t.start < g.end {
			continue
		}
		if t.low != "and" || strings.TrimSpace(s[g.end:t.start]) != "" || i+1 >= len(toks) {
			return
		}
		n := toks[i+1]
		if !n.word || !n.upper || n.in(f, rules.LexCourtStrip) || n.in(f, rules.LexDeterminers) || n.in(f, rules.LexNotPlaces) ||
			n.in(f, rules.LexOrgWords) || f.CountryOf(n.text) != "" || n.in(f, rules.LexTitles) || f.Months[n.low] > 0 {
			return
		}
		if i+2 < len(toks) && toks[i+2].upper && toks[i+2].word {
			return // a full name, found on its own
		}
		g.end = n.end
		g.size++
		g.names = append(g.names, strings.ToLower(stripPossessive(n.text)))
		return
	}
}

// personName reports whether capitalised words look like a person's name
// rather than an organisation, a place or a date.
func personName(f *rules.Facts, words []string) bool {
	words = stripTitles(f, words)
	plain := 0
	for _, w := range words {
		if r := []rune(w); len(r) == 2 && r[1] == '.' && unicode.IsUpper(r[0]) {
			plain++ // an initial ("A. Bekov")
			continue
		}
		w = stripPossessive(strings.TrimSuffix(w, "."))
		var buf [64]byte
		lw := string(rules.AppendLower(buf[:0], w))
		// The lexicons of lw, looked up once, tell which maps may hold it;
		// a country's word of ASCII letters is in the lexicon of countries.
		ws := f.Words(lw)
		if ws.Has(rules.LexOrgWords) || w != lw && f.Is("org_words", w) {
			return false
		}
		if ws.Has(rules.LexMonthWords) && f.Months[lw] > 0 || ws.Has(rules.LexWeekdayWords) && f.Weekdays[lw] > 0 ||
			(ws.Has(rules.LexCountry) || !isASCII(w)) && f.CountryOf(w) != "" {
			continue
		}
		if ws.Has(rules.LexWeekdayWords) {
			continue
		}
		if ws.Has(rules.LexNotPlaces) {
			continue
		}
		plain++
	}
	return plain >= 2 || plain >= 1 && len(words) >= 3
}

func overlapsAny(start, end int, masks [][2]int) bool {
	for _, m := range masks {
		if start < m[1] && end > m[0] {
			return true
		}
	}
	return false
}

func inGroups(gs []*group, pos int) bool {
	for _, g := range gs {
		if pos >= g.start && pos < g.end {
			return true
		}
	}
	return false
}

// stripTitles drops ranks and honorifics before a name ("Police Staff
// Sergeant Gerry Maliban").
func stripTitles(f *rules.Facts, words []string) []string {
	for len(words) > 1 && isLower(f, "titles", strings.TrimSuffix(words[0], ".")) {
		words = words[1:]
	}
	return words
}

// nameKey identifies a person by the last word of the name.
func nameKey(words []string) string {
	return strings.ToLower(stripPossessive(strings.TrimSuffix(words[len(words)-1], ".")))
}

// isJudge reports a name with a judge's title ("Judge Tom Lee").
func isJudge(f *rules.Facts, words []string) bool {
	for _, w := range words {
		if isLower(f, "judges", strings.TrimSuffix(w, ".")) {
			return true
		}
	}
	return false
}

// isLower is f.Is(lexicon, strings.ToLower(w)), without making the
// lower-case string.
func isLower(f *rules.Facts, lexicon, w string) bool {
	var buf [64]byte
	return f.Is(lexicon, string(rules.AppendLower(buf[:0], w)))
}

// hasUpperAfterStart reports an upper-case letter after the first one: a
// name of two capitalised words needs one.
func hasUpperAfterStart(s string) bool {
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// nameSpans returns runs of two or more capitalised words, with name
// particles ("de", "kyzy") and the dot of a short title ("Lt.") inside,
// and a possessive at the end.
func nameSpans(f *rules.Facts, s string, toks []token) [][2]int {
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		if !toks[i].word || !toks[i].upper {
			continue
		}
		j, words, last := i, 1, i
		for k := i + 1; k < len(toks); k++ {
			t := toks[k]
			gap := s[toks[k-1].end:t.start]
			if t.text == "." && gap == "" && len(toks[k-1].text) <= 3 && k+1 < len(toks) {
				continue // "Lt. Jeffrey"
			}
			if strings.TrimSpace(gap) != "" || gap == "" && toks[k-1].text != "." {
				break
			}
			if t.word && t.upper {
				words++
				last = k
				continue
			}
			if t.word && t.in(f, rules.LexNameParticles) && k+1 < len(toks) && toks[k+1].upper {
				continue
			}
			break
		}
		j = last
		if words >= 2 {
			out = append(out, [2]int{toks[i].start, toks[j].end})
		}
		i = j
	}
	return out
}
