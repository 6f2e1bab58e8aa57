package extract

import (
	"math"
	"strings"

	"github.com/trialwatch/trialwatch/rules"
)

// term is a length of time read from a sentence: one value ("four years"),
// a range ("from four to six years"), a maximum ("up to nine years") or a
// minimum ("at least a decade"), in months.
type term struct {
	start, end int // byte span in the sentence
	min, max   float64
	hasMin     bool
	hasMax     bool
	kind       string // custodial, suspended, restriction, fine, life, death, noncustodial
	persons    int    // how many people received it
	byRange    bool   // a range ("four to six years")
	collective bool   // told of a whole group at once
	own        bool   // its people are named just before it, apart from the verb's ("and another to five years")
}

// value is one parsed duration.
type value struct {
	months  float64
	unit    float64 // months of the last unit, 0 when none was written
	next    int
	precise bool // more than one unit ("23 years, one month and nine days")
}

// unitAt reads a unit of time at toks[i] ("years", "years'").
func unitAt(f *rules.Facts, toks []token, i int) (float64, bool) {
	if i >= len(toks) || !toks[i].word {
		return 0, false
	}
	w := strings.TrimRight(toks[i].low, "'’")
	m, ok := f.Units[w]
	return unitMonths(m), ok
}

// unitMonths turns a unit of the rules into months: a positive unit is
// months ("years": 12), a negative one days ("weeks": -7), so that "12
// weeks" is 84 days, about three months.
func unitMonths(m int) float64 {
	if m < 0 {
		return float64(-m) * 12 / 365.25
	}
	return float64(m)
}

// hyphenTerm reads "three-year", "12-month" or "one-year"; "17-year-old" is
// an age, not a term.
func hyphenTerm(f *rules.Facts, t token) (float64, float64, bool) {
	if !strings.Contains(t.low, "-") {
		return 0, 0, false
	}
	parts := strings.Split(t.low, "-")
	if len(parts) < 2 {
		return 0, 0, false
	}
	if len(parts) > 2 && parts[len(parts)-1] == "old" {
		return 0, 0, false
	}
	unit, ok := f.Units[strings.TrimRight(parts[len(parts)-1], "'’")]
	if !ok || unit == 0 {
		return 0, 0, false
	}
	u := unitMonths(unit)
	half := 0.0
	if n := len(parts); n >= 5 && parts[n-4] == "and" && (parts[n-3] == "a" || parts[n-3] == "one") && f.Is("half", parts[n-2]) {
		parts = append(parts[:n-4:n-4], parts[n-1]) // "five-and-a-half-year"
		half = 0.5
	}
	numText := strings.Join(parts[:len(parts)-1], "-")
	n, ok := digits(numText)
	if !ok {
		v, ok2 := numberWord(f, numText)
		if !ok2 {
			if numText == "a" || numText == "one" {
				v = 1
			} else {
				return 0, 0, false
			}
		}
		n = float64(v)
	}
	return (n + half) * u, u, true
}

// bareAt reads a number with an optional "and a half" but no unit.
func bareAt(f *rules.Facts, toks []token, i int) (float64, int, bool) {
	// "seven-and-a-half"
	if i < len(toks) {
		if a, ok := strings.CutSuffix(toks[i].low, "-and-a-half"); ok {
			if v, ok := numberWord(f, a); ok {
				return float64(v) + 0.5, i + 1, true
			}
			if v, ok := digits(a); ok {
				return v + 0.5, i + 1, true
			}
		}
	}
	if i < len(toks) {
		if a, ok := strings.CutSuffix(toks[i].low, "½"); ok {
			if v, ok := digits(a); ok {
				return v + 0.5, i + 1, true // "22½"
			}
		}
	}
	n, next, ok := numberAt(f, toks, i)
	if !ok {
		return 0, i, false
	}
	// "22 1/2", "22 ½"
	if next+2 < len(toks) && toks[next].low == "1" && toks[next+1].low == "/" && toks[next+2].low == "2" && toks[next].end == toks[next+1].start && toks[next+1].end == toks[next+2].start {
		return n + 0.5, next + 3, true
	}
	if next < len(toks) && toks[next].low == "½" {
		return n + 0.5, next + 1, true
	}
	if next+2 < len(toks) && toks[next].in(f, rules.LexAnd) && (toks[next+1].low == "a" || toks[next+1].low == "one") && toks[next+2].in(f, rules.LexHalf) {
		return n + 0.5, next + 3, true
	}
	if next+1 < len(toks) && toks[next].in(f, rules.LexAnd) && toks[next+1].in(f, rules.LexHalf) {
		return n + 0.5, next + 2, true // "три с половиной"
	}
	return n, next, true
}

// simpleAt reads one duration: "four years", "three and a half years",
// "four years and six months", "23 years, one month and nine days",
// "a decade", "three-year".
func simpleAt(f *rules.Facts, toks []token, i int) (value, bool) {
	if i >= len(toks) {
		return value{}, false
	}
	var v value
	if m, u, ok := hyphenTerm(f, toks[i]); ok {
		v = value{months: m, unit: u, next: i + 1}
	} else if u, ok := unitAt(f, toks, i+1); ok && u > 0 && toks[i].in(f, rules.LexOneAndHalf) {
		v = value{months: 1.5 * u, unit: u, next: i + 2} // "полтора года"
	} else if (toks[i].low == "a" || toks[i].low == "an" || toks[i].low == "one") && i+1 < len(toks) {
		u, ok := unitAt(f, toks, i+1)
		if !ok || u == 0 {
			return value{}, false
		}
		v = value{months: u, unit: u, next: i + 2}
		// "a year and a half"
		if i+4 < len(toks) && toks[i+2].in(f, rules.LexAnd) && toks[i+3].low == "a" && toks[i+4].in(f, rules.LexHalf) {
			v.months += u / 2
			v.next = i + 5
		}
	} else {
		n, next, ok := bareAt(f, toks, i)
		if !ok {
			return value{}, false
		}
		u, ok := unitAt(f, toks, next)
		if !ok || u == 0 {
			return value{}, false
		}
		v = value{months: n * u, unit: u, next: next + 1}
		// "three years and a half"
		if next+3 < len(toks) && toks[next+1].in(f, rules.LexAnd) && toks[next+2].low == "a" && toks[next+3].in(f, rules.LexHalf) {
			v.months += u / 2
			v.next = next + 4
		}
	}
	// Compound: ", one month and nine days", " and six months".
	for {
		j := v.next
		for j < len(toks) && toks[j].in(f, rules.LexAnd) {
			j++
		}
		if j == v.next && !smallerUnitNext(f, toks, j, v.unit) {
			break
		}
		n, next, ok := numberAt(f, toks, j)
		if !ok {
			break
		}
		u, ok := unitAt(f, toks, next)
		if !ok || (u >= v.unit && v.unit > 0) {
			break
		}
		v.months += n * u
		v.next = next + 1
		v.precise = true
		if u > 0 {
			v.unit = u
		}
	}
	return v, true
}

// mayStartTerm is a quick test of whether a term can start at toks[i].
func mayStartTerm(f *rules.Facts, t *token) bool {
	if !t.word {
		return false
	}
	w := t.low
	if w[0] >= '0' && w[0] <= '9' || w == "a" || w == "an" || t.in(f, rules.LexRangeFrom) || t.in(f, rules.LexOneAndHalf) ||
		t.starts(f, rules.LexUpTo) || t.starts(f, rules.LexAtLeast) {
		return true
	}
	return isNumberWordStart(f, t)
}

// isNumberWordStart reports whether the token is a number word or starts
// with one before a hyphen ("twenty-one", "five-year").
func isNumberWordStart(f *rules.Facts, t *token) bool {
	if i := strings.IndexByte(t.low, '-'); i >= 0 {
		_, ok := f.Numbers[t.low[:i]]
		return ok
	}
	return t.in(f, rules.LexNumber)
}

// termAt reads a term, a range, a maximum or a minimum at toks[i].
func termAt(f *rules.Facts, toks []token, i int) (term, int, bool) {
	if !mayStartTerm(f, &toks[i]) {
		return term{}, i, false
	}
	w := toks[i].low
	if i > 0 && toks[i-1].upper && f.Months[strings.TrimSuffix(toks[i-1].low, ".")] > 0 && w[0] >= '0' && w[0] <= '9' {
		return term{}, i, false // "on October 2 to five years": a day of a month
	}
	// "up to nine years", "at least a decade"
	for _, lex := range []rules.Lex{rules.LexUpTo, rules.LexAtLeast} {
		if n := phraseAtLex(f, lex, toks, i); n > 0 {
			if v, ok := simpleAt(f, toks, i+n); ok {
				t := term{start: toks[i].start, end: toks[v.next-1].end}
				if lex == rules.LexUpTo {
					t.max, t.hasMax = v.months, true
				} else {
					t.min, t.hasMin = v.months, true
				}
				return t, v.next, true
			}
		}
	}
	// "4-6 years", "7.5-9 years"
	if a, b, ok := strings.Cut(w, "-"); ok {
		x, ok1 := digits(a)
		y, ok2 := digits(b)
		if ok1 && ok2 && x <= y {
			if u, ok := unitAt(f, toks, i+1); ok && u > 0 {
				return term{start: toks[i].start, end: toks[i+1].end, min: x * u, max: y * u, hasMin: true, hasMax: true, byRange: true}, i + 2, true
			}
		}
	}
	// "from four to six years", "between three and five years", "ranging from"
	j := i
	from := false
	for j < len(toks) && toks[j].in(f, rules.LexRangeFrom) {
		j++
		from = true
	}
	var a value
	aUnit := false
	if v, ok := simpleAt(f, toks, j); ok {
		a, aUnit = v, true
	} else if n, next, ok := bareAt(f, toks, j); ok {
		a = value{months: n, next: next}
	} else {
		return term{}, i, false
	}
	k := a.next
	if !aUnit && !from && i > 0 && (toks[i-1].in(f, rules.LexWhole) || toks[i-1].in(f, rules.LexDeterminers) || toks[i-1].in(f, rules.LexPart) || !toks[i-1].word && toks[i-1].low != "(" || toks[i-1].low == "and") {
		// "sentenced all six to seven years"; "six officers: two to 10
		// years, two to eight"; "another two to three years": a head
		// count, not a range.
		return term{}, i, false
	}
	if k < len(toks) && toks[k].in(f, rules.LexRangeTo) && (from || toks[k].low != "and") {
		if aUnit && from && a.unit > 0 {
			// "from eight years to six": the second takes the first's unit;
			// going down, it is the term a reduction leaves.
			if n, next, ok := bareAt(f, toks, k+1); ok {
				if _, unit := unitAt(f, toks, next); !unit {
					b := n * a.unit
					if b < a.months {
						return term{start: toks[k+1].start, end: toks[next-1].end, min: b, max: b, hasMin: true, hasMax: true}, next, true
					}
					return term{start: toks[i].start, end: toks[next-1].end, min: a.months, max: b, hasMin: true, hasMax: true, byRange: true}, next, true
				}
			}
		}
		if b, ok := simpleAt(f, toks, k+1); ok {
			lo := a.months
			if !aUnit {
				lo = a.months * b.unit
			}
			if lo <= b.months {
				return term{start: toks[i].start, end: toks[b.next-1].end, min: lo, max: b.months, hasMin: true, hasMax: true, byRange: true}, b.next, true
			}
			if from && aUnit {
				// "from eight years to six years": going down, it is the
				// term a reduction leaves.
				return term{start: toks[k+1].start, end: toks[b.next-1].end, min: b.months, max: b.months, hasMin: true, hasMax: true}, b.next, true
			}
		}
	}
	if aUnit && !from {
		return term{start: toks[i].start, end: toks[a.next-1].end, min: a.months, max: a.months, hasMin: true, hasMax: true}, a.next, true
	}
	return term{}, i, false
}

// phraseAtLex reports how many tokens of a multi-word entry of lexicon l
// ("up to") start at toks[i], or 0.
func phraseAtLex(f *rules.Facts, lexicon rules.Lex, toks []token, i int) int {
	if i >= len(toks) {
		return 0
	}
	if !toks[i].starts(f, lexicon) {
		if toks[i].in(f, lexicon) {
			return 1
		}
		return 0
	}
	var buf [64]byte
	for n := 3; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		phrase := buf[:0]
		for k := i; k < i+n; k++ {
			if k > i {
				phrase = append(phrase, ' ')
			}
			phrase = append(phrase, toks[k].low...)
		}
		if f.WordsOf(phrase).Has(lexicon) {
			return n
		}
	}
	return 0
}

// findTerms returns the durations of a sentence, including elliptical ones
// ("Makhabat received six years and Azamat Ishenbekov five"), which take
// the unit of the term before them.
func findTerms(f *rules.Facts, s string, ft *rules.Text, toks []token) []term {
	var out []term
	for i := 0; i < len(toks); {
		if !mayStartTerm(f, &toks[i]) {
			i++
			continue
		}
		t, next, ok := termAt(f, toks, i)
		if !ok {
			if list, after, ok := listAt(f, toks, i); ok {
				if !excludedTerm(f, s, ft, term{start: list[0].start, end: list[len(list)-1].end}) {
					out = append(out, list...)
				}
				i = after
				continue
			}
			i++
			continue
		}
		if excludedTerm(f, s, ft, t) {
			i = next
			continue
		}
		if t.byRange && toks[i].in(f, rules.LexRangeFrom) && changedTerm(f, s, t) {
			// "increased the sentence from three to six years": the
			// term the change leaves, not a range.
			t.min, t.byRange = t.max, false
		}
		out = append(out, t)
		i = next
		// Ellipsis: "and <up to four words> [for|to] five" at a clause end,
		// told again for each further person ("Petrov five and Sidorov
		// three").
		unit := 0.0
		for t.hasMin && t.min == t.max {
			if unit == 0 {
				unit = unitOfTerm(f, toks, next)
			}
			next = termTail(f, s, toks, next)
			if next+1 < len(toks) && toks[next].low == "," && toks[next+1].low != "," && toks[next+1].in(f, rules.LexAnd) {
				next++ // ", and his colleague five"
			}
			// ", Petrov five": a comma alone joins a name and a bare number.
			// ", the others to five": the rest of a group likewise.
			comma := next+1 < len(toks) && toks[next].low == "," && (toks[next+1].upper && toks[next+1].word ||
				next+2 < len(toks) && toks[next+1].low == "the" && toks[next+2].in(f, rules.LexPart))
			if next >= len(toks) || !toks[next].in(f, rules.LexAnd) || toks[next].low == "," && !comma {
				break
			}
			if unit == 0 {
				unit = unitOfTerm(f, toks, next)
			}
			found := false
			for k := next + 1; k < len(toks) && k <= next+9; k++ {
				n, after, ok := numberAt(f, toks, k)
				if !ok {
					if !toks[k].word && toks[k].low != "," {
						break // ", and his deputy, Serik Kaliev, to eight"
					}
					continue
				}
				if after < len(toks) && toks[after].word && toks[after].low != "and" && toks[after].low != "for" {
					break // "and two officers"
				}
				if unit > 0 {
					out = append(out, term{start: toks[k].start, end: toks[after-1].end, min: n * unit, max: n * unit, hasMin: true, hasMax: true})
				}
				i, next, found = after, after, true
				break
			}
			if !found || unit == 0 {
				break
			}
		}
	}
	return append(out, objectEllipsis(f, toks, out)...)
}

// objectEllipsis reads a bare number given to a person after a term told
// earlier in the sentence ("Prosecutors had demanded eight years, but the
// court gave him five"): it takes that term's unit.
func objectEllipsis(f *rules.Facts, toks []token, terms []term) []term {
	if len(terms) == 0 {
		return nil
	}
	var out []term
	for k := 1; k < len(toks); k++ {
		// "gave him five", "gave the officer 11", "while Rakhimov got
		// eight", "sentenced him to seven", "jailed the officer for six"
		p := toks[k-1]
		if (p.low == "to" || p.low == "for") && k >= 2 {
			p = toks[k-2]
			if receiverVerb(p.text) || p.in(f, rules.LexReceiveVerbs) {
				continue
			}
		}
		if !p.in(f, rules.LexOne) && !p.in(f, rules.LexGroup) && !p.in(f, rules.LexSingular) && !receiverVerb(p.text) && !p.in(f, rules.LexReceiveVerbs) {
			continue
		}
		n, after, ok := numberAt(f, toks, k)
		if !ok || after < len(toks) && toks[after].word || termAfter(terms, toks[k].start) != nil && termAfter(terms, toks[k].start).start == toks[k].start {
			continue // read already ("and his brother to seven")
		}
		var unit float64
		for _, t := range terms {
			if t.end <= toks[k].start {
				unit = unitOfTermAt(f, toks, t.end)
			}
		}
		if unit > 0 {
			out = append(out, term{start: toks[k].start, end: toks[after-1].end, min: n * unit, max: n * unit, hasMin: true, hasMax: true})
		}
	}
	return out
}

// unitOfTermAt returns the unit written just before byte offset end.
func unitOfTermAt(f *rules.Facts, toks []token, end int) float64 {
	for i, t := range toks {
		if t.end > end {
			return unitOfTerm(f, toks, i)
		}
	}
	return unitOfTerm(f, toks, len(toks))
}

// listAt reads a list of terms that share the unit written after the
// last ("six and eight years", "five, seven and nine years", "12 and 10
// years"), one term for each number.
func listAt(f *rules.Facts, toks []token, i int) ([]term, int, bool) {
	if i > 0 && toks[i-1].in(f, rules.LexRangeFrom) {
		return nil, i, false
	}
	type num struct {
		v          float64
		start, end int
	}
	var nums []num
	j := i
	for len(nums) < 8 {
		n, next, ok := bareAt(f, toks, j)
		if !ok || next >= len(toks) {
			return nil, i, false
		}
		nums = append(nums, num{n, toks[j].start, toks[next-1].end})
		k := next
		if toks[k].low == "," {
			k++
		}
		if k < len(toks) && (toks[k].low == "and" || toks[k].low != "," && toks[k].in(f, rules.LexAnd)) {
			k++ // "and", or the language's word for it ("пяти и семи годам")
		}
		if k == next || k >= len(toks) {
			return nil, i, false
		}
		if v, ok := simpleAt(f, toks, k); ok && v.unit > 0 {
			if len(nums) == 0 {
				return nil, i, false
			}
			out := make([]term, 0, len(nums)+1)
			for _, x := range nums {
				m := x.v * v.unit
				out = append(out, term{start: x.start, end: x.end, min: m, max: m, hasMin: true, hasMax: true})
			}
			out = append(out, term{start: toks[k].start, end: toks[v.next-1].end, min: v.months, max: v.months, hasMin: true, hasMax: true})
			return out, v.next, true
		}
		j = k
	}
	return nil, i, false
}

// unitOfTerm returns the unit written just before toks[i].
func unitOfTerm(f *rules.Facts, toks []token, i int) float64 {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if u, ok := unitAt(f, toks, k); ok && u > 0 {
			return u
		}
		if _, u, ok := hyphenTerm(f, toks[k]); ok {
			return u
		}
	}
	return 0
}

// excludedTerm reports whether a duration is a span of time rather than a
// sentence ("almost nine months in custody", "eighteen months later").
func excludedTerm(f *rules.Facts, s string, ft *rules.Text, t term) bool {
	// Class self is the duration itself ("2022 года": a year, not a term).
	// A term_keep pattern overrules the exclusion ("five years after a
	// court found him guilty").
	return matchesAround(f, "term_exclude", s, ft, t.start, t.end, 40, 40) && !matchesAround(f, "term_keep", s, ft, t.start, t.end, 40, 40)
}

// changedTerm reports a term a higher court changed ("raised the sentence
// from three to six years"): the text before it ends in a change of
// sentence (term_exclude patterns of class change).
func changedTerm(f *rules.Facts, s string, t term) bool {
	before := rules.NewText(s[max(0, t.start-60):t.start])
	for _, p := range f.ByKind("term_exclude") {
		if p.Class == "change" && p.Match(before) {
			return true
		}
	}
	return false
}

// months rounds a term's months to whole months; a term of days or weeks
// shorter than half a month is one month, not none.
func months(v float64) int {
	if v > 0 && v < 0.5 {
		return 1
	}
	return int(math.Round(v))
}

// termTail skips the words after a term that say what kind of term it is
// ("12 years in prison and Petrov to 10", "six years behind bars, Petrov
// five"): up to five words without a number, ending before "and" or a
// comma, that a term_type pattern matches. It returns where the ellipsis
// may start: past the tail, or next unchanged.
func termTail(f *rules.Facts, s string, toks []token, next int) int {
	if next >= len(toks) || !toks[next].word || toks[next].in(f, rules.LexAnd) {
		return next
	}
	for k := next + 1; k < len(toks) && k <= next+5; k++ {
		if !toks[k].word || toks[k].low == "and" {
			if !toks[k].in(f, rules.LexAnd) {
				return next
			}
			if matchAny(f.ByKind("term_type"), s[toks[next].start:toks[k-1].end]) {
				return k
			}
			return next
		}
		if _, _, ok := numberAt(f, toks, k); ok {
			return next
		}
	}
	return next
}
