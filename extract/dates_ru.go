package extract

import (
	"strconv"
	"strings"

	"github.com/trialwatch/trialwatch/rules"
)

// lowerMonthOK reports whether a month name written in lower case, as
// languages such as Russian write months ("10 февраля", "в январе 2022
// года"), stands as a date at toks[i]: after a day number or a date
// preposition, or before a year. Alone it may be a common word.
func lowerMonthOK(f *rules.Facts, toks []token, i int, year func(int) int) bool {
	if i > 0 {
		prev := toks[i-1].low
		if v, ok := digits(prev); ok && v >= 1 && v <= 31 && len(prev) <= 2 {
			return true
		}
		if f.Is("lower_date_preps", prev) {
			return true
		}
	}
	return year(i+1) > 0
}

// numericDate reads a date written as day.month.year ("18.03.2024").
func numericDate(t token) (dateRef, bool) {
	if c := t.low[0]; c < '0' || c > '9' || strings.Count(t.low, ".") < 2 {
		return dateRef{}, false
	}
	parts := strings.Split(strings.TrimSuffix(t.low, "."), ".")
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return dateRef{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return dateRef{}, false
		}
		n[i] = v
	}
	if n[0] < 1 || n[0] > 31 || n[1] < 1 || n[1] > 12 || n[2] < 1900 || n[2] > 2100 {
		return dateRef{}, false
	}
	return dateRef{start: t.start, end: t.end, day: n[0], month: n[1], year: n[2], weekday: -1}, true
}

// prevYearAfter reports a phrase at toks[k] that puts the month before it
// in the year before publication ("в феврале прошлого года").
func prevYearAfter(f *rules.Facts, toks []token, k int) bool {
	return phraseAtLex(f, rules.LexPrevYear, toks, k) > 0
}
