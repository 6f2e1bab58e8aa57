package extract

import (
	"strconv"
	"strings"

	"github.com/trialwatch/trialwatch/rules"
)

// numberAt reads a number written in digits ("11", "7.5") or words
// ("seven", "twenty-one", "twenty one", "a dozen") at toks[i]. It returns the
// value and the index after the number.
func numberAt(f *rules.Facts, toks []token, i int) (float64, int, bool) {
	if i >= len(toks) || !toks[i].word {
		return 0, i, false
	}
	w := toks[i].low
	if v, ok := digits(w); ok {
		return v, i + 1, true
	}
	if v, ok := numberWord(f, w); ok {
		// "twenty one"
		if v >= 20 && v%10 == 0 && i+1 < len(toks) {
			if u, ok := numberWord(f, toks[i+1].low); ok && u > 0 && u < 10 {
				return float64(v + u), i + 2, true
			}
		}
		return float64(v), i + 1, true
	}
	return 0, i, false
}

// numberWord reads "seven" or "twenty-one".
func numberWord(f *rules.Facts, w string) (int, bool) {
	if v, ok := f.Numbers[w]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		x, ok1 := f.Numbers[a]
		y, ok2 := f.Numbers[b]
		if ok1 && ok2 && x >= 20 && x%10 == 0 && y > 0 && y < 10 {
			return x + y, true
		}
	}
	return 0, false
}

// digits reads "11", "7.5", "1,000" or "3,5" (a decimal comma: one not
// followed by exactly three digits).
func digits(w string) (float64, bool) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	if a, b, ok := strings.Cut(w, ","); ok && len(b) != 3 && !strings.Contains(b, ",") {
		w = a + "." + b
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	if err != nil || v < 0 || v > 1e9 {
		return 0, false
	}
	return v, true
}

// ParseNumber reads a whole text as one number ("seven", "twenty-one",
// "11", "a dozen"), with the fact rules of f.
func ParseNumber(f *rules.Facts, s string) (float64, bool) {
	toks := tokenize(s)
	if len(toks) > 0 && (toks[0].low == "a" || toks[0].low == "an") {
		toks = toks[1:]
	}
	v, next, ok := numberAt(f, toks, 0)
	if !ok || next != len(toks) {
		return 0, false
	}
	return v, true
}
