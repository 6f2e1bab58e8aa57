package extract

import "github.com/trialwatch/trialwatch/rules"

// bareOrdinal reports an ordinal that counts one more person without an
// article before it, as languages without articles write it ("Четвёртый
// подсудимый получил…", "третий — 3 года", "а третьего — к трём годам"):
// at the start of a clause or after a word that opens one (a conjunction
// of the "and" or "court_strip" lexicons), and followed by a person noun,
// a bare verb or a dash.
func bareOrdinal(f *rules.Facts, toks []token, i, j int) bool {
	if j != i || j >= len(toks) || (i > 0 && toks[i-1].word && !toks[i-1].in(f, rules.LexAnd) && !toks[i-1].in(f, rules.LexCourtStrip)) {
		return false
	}
	if _, ok := f.Ordinals[toks[j].low]; !ok || j+1 >= len(toks) {
		return false
	}
	next := toks[j+1]
	return f.Is("persons", next.low) || f.Is("bare_verbs", next.low) || next.low == "—" || next.low == "–"
}

// smallerUnitNext reports a number and a unit smaller than unit at
// toks[j]: the next part of a term written without a joiner ("3 года 6
// месяцев").
func smallerUnitNext(f *rules.Facts, toks []token, j int, unit float64) bool {
	_, next, ok := numberAt(f, toks, j)
	if !ok || unit == 0 {
		return false
	}
	u, ok := unitAt(f, toks, next)
	return ok && u > 0 && u < unit
}

// bareNoun reads a person noun without a number in a language without
// articles: a singular noun is one person ("приговорил полицейского"), a
// plural one a group told before ("признал полицейских виновными"), and a
// number that is also a person noun counts people by itself, as collective
// numerals do ("приговорил двоих к пожизненному сроку", "оправдал
// троих").
func bareNoun(f *rules.Facts, toks []token, i int) *group {
	if !f.NoArticles || !toks[i].word {
		return nil
	}
	w := toks[i].low
	if i+1 < len(toks) && (f.Is("persons", toks[i+1].low) || f.Is("singular", toks[i+1].low)) {
		return nil // the last noun of a run names the people
	}
	if n, ok := f.Numbers[w]; ok && n > 0 && f.Is("persons", w) {
		return &group{start: toks[i].start, end: toks[i].end, size: n, kind: gCount}
	}
	switch {
	case f.Is("singular", w):
		return &group{start: toks[i].start, end: toks[i].end, size: 1, kind: gOne, noun: w}
	case f.Is("persons", w) && !f.Is("defendant_nouns", w):
		return &group{start: toks[i].start, end: toks[i].end, kind: gRef, noun: w}
	}
	return nil
}

// isTried reports a count of people the text before it says were tried
// ("перед судом предстали 13 человек", "на скамье подсудимых оказались
// пятеро"), with the "tried" patterns of the language (class before). The
// text is read in a window of letters, not bytes, so that scripts of
// two-byte letters see as far as Latin ones.
func isTried(f *rules.Facts, s string, g *group) bool {
	ps := f.ByKind("tried")
	if len(ps) == 0 {
		return false
	}
	b := lastLetters(s[:g.start], 50)
	for _, p := range ps {
		if p.Class == "before" && p.Regexp.MatchString(b) {
			return true
		}
	}
	return false
}

// isDigitTok reports a token written in digits: a day before a month name
// in lower case ("18 марта") is a date, not a count of people.
func isDigitTok(t token) bool { return t.low != "" && t.low[0] >= '0' && t.low[0] <= '9' }
