package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/trialwatch/trialwatch/rules"
)

// dateRef is a date written in a sentence, not yet resolved.
type dateRef struct {
	start, end int
	year       int // 0 when not written
	month      int // 0 when not written
	day        int // 0 when not written
	weekday    int // -1 unless a day name ("on Monday")
	offset     int // days from publication for "today", "yesterday"
	relative   bool
	last       bool // "last Friday", "last August"
	vague      bool // "this week": no date
	prevYear   bool // "в феврале прошлого года": in the year before publication
}

// precision ranks how exactly a reference names a day.
func (d dateRef) precision() int {
	switch {
	case d.vague:
		return 0
	case d.day > 0 || d.weekday >= 0 || d.relative:
		return 2
	default:
		return 1
	}
}

// findDates returns the date references of a sentence: "17 January 2025",
// "February 12, 2025", "March 18", "October 2024", "in December", "on
// Monday", "last Friday", "yesterday", and vague ones ("this week").
func findDates(f *rules.Facts, s string, toks []token) []dateRef {
	var out []dateRef
	var year func(int) int
	month := func(i int) int {
		if i < 0 || i >= len(toks) || !toks[i].word {
			return 0
		}
		w := strings.TrimSuffix(toks[i].low, ".")
		if len(w) == len(toks[i].low) && !toks[i].in(f, rules.LexMonthWords) {
			return 0
		}
		m := f.Months[w]
		if m == 0 || !toks[i].upper && !lowerMonthOK(f, toks, i, year) {
			return 0
		}
		return m
	}
	day := func(i int) int {
		if i < 0 || i >= len(toks) {
			return 0
		}
		if c := toks[i].low[0]; c < '0' || c > '9' {
			return 0
		}
		w := strings.TrimRight(toks[i].low, "stndrh") // 1st, 2nd, 3rd, 4th
		if v, ok := digits(w); ok && v >= 1 && v <= 31 && v == float64(int(v)) && len(w) <= 2 {
			return int(v)
		}
		return 0
	}
	year = func(i int) int {
		if i < 0 || i >= len(toks) {
			return 0
		}
		if v, ok := digits(toks[i].low); ok && len(toks[i].low) == 4 && v >= 1900 && v <= 2100 {
			return int(v)
		}
		return 0
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.word {
			continue
		}
		last := i > 0 && toks[i-1].in(f, rules.LexLast)
		// Vague phrases.
		if n := phraseAtLex(f, rules.LexVagueDates, toks, i); n > 0 {
			out = append(out, dateRef{start: t.start, end: toks[i+n-1].end, weekday: -1, vague: true})
			i += n - 1
			continue
		}
		if r, ok := numericDate(t); ok {
			out = append(out, r)
			continue
		}
		if c := t.low[0]; c >= '0' && c <= '9' {
			if r, n, ok := digitDate(f, toks, i); ok {
				out = append(out, r)
				i += n - 1
				continue
			}
		}
		// "Monday's verdict", "yesterday's ruling"
		// The maps are read only for the words the tokens mark, and for
		// possessives and abbreviations, which they cannot.
		possessive := isPossessive(t.low)
		if possessive || t.in(f, rules.LexDayWords) {
			if off, ok := f.Days[stripPossessive(t.low)]; ok {
				out = append(out, dateRef{start: t.start, end: t.end, weekday: -1, offset: off, relative: true})
				continue
			}
		}
		wd, ok := 0, false
		if possessive || t.in(f, rules.LexWeekdayWords) || strings.HasSuffix(t.low, ".") {
			wd, ok = f.Weekdays[strings.TrimSuffix(stripPossessive(t.low), ".")]
		}
		if ok && (t.upper || i > 0 && toks[i-1].in(f, rules.LexLowerDatePreps)) {
			// "Monday, 17 October 2022": the written date follows.
			k := i + 1
			if k < len(toks) && toks[k].low == "," {
				k++
			}
			if day(k) > 0 && month(k+1) > 0 || month(k) > 0 && day(k+1) > 0 {
				continue
			}
			out = append(out, dateRef{start: t.start, end: t.end, weekday: wd, last: last})
			continue
		}
		// "the 3rd of October": drop the "of".
		if d := day(i); d > 0 && toks[i].low != strings.TrimRight(toks[i].low, "stndrh") && i+2 < len(toks) && toks[i+1].low == "of" && month(i+2) > 0 {
			r := dateRef{start: t.start, end: toks[i+2].end, day: d, month: month(i + 2), weekday: -1}
			if y := year(i + 3); y > 0 {
				r.year, r.end = y, toks[i+3].end
				i++
			}
			i += 2
			out = append(out, r)
			continue
		}
		// "17 January 2025", "17 January"
		if d := day(i); d > 0 && month(i+1) > 0 {
			r := dateRef{start: t.start, end: toks[i+1].end, day: d, month: month(i + 1), weekday: -1}
			if y := year(i + 2); y > 0 {
				r.year, r.end = y, toks[i+2].end
				i++
			}
			i++
			out = append(out, r)
			continue
		}
		// "mid-February": a preposition of dates joined to the month.
		if a, b, ok := strings.Cut(t.text, "-"); ok && b != "" && f.Months[strings.ToLower(b)] > 0 && f.Is("date_preps", strings.ToLower(a)) && unicode.IsUpper([]rune(b)[0]) {
			r := dateRef{start: t.start, end: t.end, month: f.Months[strings.ToLower(b)], weekday: -1}
			if y := year(i + 1); y > 0 {
				r.year, r.end = y, toks[i+1].end
				i++
			} else {
				r.prevYear = prevYearAfter(f, toks, i+1)
			}
			out = append(out, r)
			continue
		}
		m := month(i)
		if m == 0 {
			continue
		}
		// "May" and "March" are also words; a month alone needs a year, a
		// day or a preposition.
		r := dateRef{start: t.start, end: t.end, month: m, weekday: -1, last: last}
		k := i + 1
		if k < len(toks) && toks[k].text == "." {
			k++ // "Jan. 24"
		}
		if d := day(k); d > 0 {
			r.day, r.end = d, toks[k].end
			k++
			if k < len(toks) && toks[k].low == "," {
				k++
			}
			if y := year(k); y > 0 {
				r.year, r.end = y, toks[k].end
				k++
			}
			i = k - 1
			out = append(out, r)
			continue
		}
		if y := year(k); y > 0 {
			r.year, r.end = y, toks[k].end
			i = k
			// A month and year used as an adjective ("the January 2022
			// unrest", "of January 2022 detainees") dates something else.
			if i0 := k - 1; i0 > 0 && !toks[i0-1].in(f, rules.LexDatePreps) && toks[i0-1].word {
				continue
			}
			out = append(out, r)
			continue
		}
		// "at the end of February": "of" after a preposition of dates.
		endOf := i > 1 && toks[i-1].low == "of" && toks[i-2].in(f, rules.LexDatePreps)
		if i > 0 && (toks[i-1].low == "in" || last || endOf || !t.upper && toks[i-1].in(f, rules.LexLowerDatePreps) || toks[i-1].low == "this" || toks[i-1].low == "early" || toks[i-1].low == "late") {
			r.prevYear = prevYearAfter(f, toks, k)
			out = append(out, r)
		}
	}
	return out
}

// digitDate reads a date that starts with a figure and needs no month
// name: "2024-03-18", "18/03/2024", and "on the 12th" (a day of the month
// of publication, or of the month before). It returns the date and the
// number of tokens read.
func digitDate(f *rules.Facts, toks []token, i int) (dateRef, int, bool) {
	t := toks[i]
	if r, ok := isoDate(t); ok {
		return r, 1, true
	}
	if r, ok := slashDate(toks, i); ok {
		return r, 5, true
	}
	if i < 2 || toks[i-1].low != "the" || !ordinalDigits(t.low) || !toks[i-2].word || !toks[i-2].in(f, rules.LexDatePreps) {
		return dateRef{}, 0, false
	}
	if i+1 < len(toks) && (toks[i+1].low == "of" || f.Months[strings.TrimSuffix(toks[i+1].low, ".")] > 0) {
		return dateRef{}, 0, false // "the 3rd of October", "the 3rd October"
	}
	d, err := strconv.Atoi(t.low[:len(t.low)-2])
	if err != nil || d < 1 || d > 31 {
		return dateRef{}, 0, false
	}
	return dateRef{start: toks[i-1].start, end: t.end, day: d, weekday: -1}, 1, true
}

// isoDate reads a date written "2024-03-18".
func isoDate(t token) (dateRef, bool) {
	w := t.low
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return dateRef{}, false
	}
	y, err1 := strconv.Atoi(w[:4])
	m, err2 := strconv.Atoi(w[5:7])
	d, err3 := strconv.Atoi(w[8:])
	if err1 != nil || err2 != nil || err3 != nil || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return dateRef{}, false
	}
	return dateRef{start: t.start, end: t.end, day: d, month: m, year: y, weekday: -1}, true
}

// slashDate reads a date written "18/03/2024" at toks[i], day first as
// most of the world writes it, month first where the day could not be a
// month ("3/18/2024").
func slashDate(toks []token, i int) (dateRef, bool) {
	if i+4 >= len(toks) || toks[i+1].low != "/" || toks[i+3].low != "/" || toks[i+1].start != toks[i].end || toks[i+3].end != toks[i+4].start {
		return dateRef{}, false
	}
	a, err1 := strconv.Atoi(toks[i].low)
	b, err2 := strconv.Atoi(toks[i+2].low)
	y, err3 := strconv.Atoi(toks[i+4].low)
	if err1 != nil || err2 != nil || err3 != nil || len(toks[i+4].low) != 4 || y < 1900 || y > 2100 {
		return dateRef{}, false
	}
	d, m := a, b
	if m > 12 && d <= 12 {
		d, m = b, a
	}
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return dateRef{}, false
	}
	return dateRef{start: toks[i].start, end: toks[i+4].end, day: d, month: m, year: y, weekday: -1}, true
}

// ordinalDigits reports a day written with an ordinal ending ("12th",
// "1st", "22nd", "3rd").
func ordinalDigits(w string) bool {
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// resolve turns a date reference into "YYYY-MM-DD" or "YYYY-MM" against the
// publication date ("" when unknown), or "" when it cannot be resolved.
func (d dateRef) resolve(published string) string {
	if d.vague {
		return ""
	}
	pub, err := time.Parse("2006-01-02", published)
	havePub := err == nil
	switch {
	case d.relative:
		if !havePub {
			return ""
		}
		return pub.AddDate(0, 0, d.offset).Format("2006-01-02")
	case d.weekday >= 0:
		if !havePub {
			return ""
		}
		back := (int(pub.Weekday()) - d.weekday + 7) % 7
		if d.last && back == 0 {
			back = 7
		}
		return pub.AddDate(0, 0, -back).Format("2006-01-02")
	case d.day > 0 && d.month > 0:
		y := d.year
		if y == 0 {
			if !havePub {
				return ""
			}
			y = pub.Year()
			if time.Date(y, time.Month(d.month), d.day, 0, 0, 0, 0, time.UTC).After(pub) {
				y--
			}
		}
		t := time.Date(y, time.Month(d.month), d.day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.day {
			return "" // 31 February
		}
		return t.Format("2006-01-02")
	case d.day > 0:
		if !havePub {
			return ""
		}
		t := time.Date(pub.Year(), pub.Month(), d.day, 0, 0, 0, 0, time.UTC)
		if d.day > pub.Day() {
			t = time.Date(pub.Year(), pub.Month()-1, d.day, 0, 0, 0, 0, time.UTC)
		}
		if t.Day() != d.day {
			return "" // the 31st of a shorter month
		}
		return t.Format("2006-01-02")
	case d.month > 0:
		y := d.year
		if y == 0 {
			if !havePub {
				return ""
			}
			y = pub.Year()
			if d.prevYear {
				return fmt.Sprintf("%04d-%02d", y-1, d.month)
			}
			if d.month > int(pub.Month()) || (d.last && d.month == int(pub.Month())) {
				y--
			}
		}
		return fmt.Sprintf("%04d-%02d", y, d.month)
	}
	return ""
}

// excludedDate reports whether a date belongs to another event than the
// decision ("detained in January 2024", "the January 2022 unrest").
func excludedDate(f *rules.Facts, s string, ft *rules.Text, d dateRef) bool {
	return matchesAround(f, "date_exclude", s, ft, d.start, d.end, 50, 40)
}

// ResolveDate reads the first date of text and resolves it against the
// publication date, as the case extractor does for decision dates.
func ResolveDate(f *rules.Facts, text, published string) string {
	ds := findDates(f, text, tokenize(text))
	if len(ds) == 0 {
		return ""
	}
	return ds[0].resolve(published)
}
