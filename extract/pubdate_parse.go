package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// pubMonths maps month names and abbreviations, lower-case, in the
// languages news sites are most often written in, to month numbers.
var pubMonths = map[string]int{}

func init() {
	lists := [][]string{
		// English
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"", "", "", "", "", "", "", "", "sept", "", "", ""},
		// Russian: genitive, nominative, abbreviations
		{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
		{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
		{"янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
		// Ukrainian
		{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"},
		// Kazakh
		{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"},
		// German
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"jänner", "", "maerz", "", "", "", "", "", "", "okt", "", "dez"},
		// French
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"janv", "févr", "", "avr", "", "", "juil", "aout", "", "", "", "decembre"},
		// Spanish, Portuguese, Italian
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		// Dutch, Polish (genitive), Turkish
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
		{"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"},
	}
	for _, l := range lists {
		for i, name := range l {
			if name != "" {
				if _, dup := pubMonths[name]; !dup {
					pubMonths[name] = i + 1
				}
			}
		}
	}
}

// The written-date patterns take any word where the month stands and look
// it up in pubMonths: one short pattern is much faster than an alternation
// of every month name.
var (
	// Day month year: "20 March 2024", "20. März 2024", "20 марта 2024 г.",
	// "1st of May, 2024".
	pubDMY = regexp.MustCompile(`(?:^|[^\pL\d])(\d{1,2})(?:st|nd|rd|th|er)?\.?(?:\s+of|\s+de)?[\s\-]+(\pL+)\.?(?:\s+de)?,?[\s\-]+(\d{4})(?:[^\d]|$)`)
	// Month day year: "Mar 20, 2024", "March 19, 2024 10:05".
	pubMDY = regexp.MustCompile(`(?:^|[^\pL\d])(\pL+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[^\d]|$)`)
	// Year month day: "2024 March 20".
	pubYMD = regexp.MustCompile(`(?:^|[^\pL\d])(\d{4})\s+(\pL+)\.?\s+(\d{1,2})(?:[^\d]|$)`)
)

var (
	// pubISO matches 2024-03-20, 2024/03/20, 2024.03.20 and 20240320T.
	pubISO = regexp.MustCompile(`(?:^|[^\d])(\d{4})([\-/.])(\d{1,2})([\-/.])(\d{1,2})(?:[^\d]|$)`)
	// pubNumeric matches 20.03.2024, 20/03/2024, 03-20-2024 and 20.03.24.
	pubNumeric = regexp.MustCompile(`(?:^|[^\d.])(\d{1,2})([./\-])(\d{1,2})([./\-])(\d{4}|\d{2})(?:[^\d]|$)`)
	// pubCompact matches 20240320 standing alone.
	pubCompact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T|\d{4,6}|$)`)
)

// ymd is a calendar date.
type ymd struct{ y, m, d int }

// String formats the date as YYYY-MM-DD.
func (d ymd) String() string {
	return strconv.Itoa(d.y) + "-" + pad2(d.m) + "-" + pad2(d.d)
}

// pad2 writes n with at least two digits.
func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// valid reports whether the date exists and lies between 1990 and the
// latest allowed date.
func (d ymd) valid(latest time.Time) bool {
	if d.y < 1990 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31 {
		return false
	}
	t := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d.d {
		return false
	}
	return latest.IsZero() || !t.After(latest)
}

// dateParser reads publication dates written in attributes and text.
type dateParser struct {
	latest  time.Time // later dates are refused
	usOrder bool      // 03/04/2024 is March 4 rather than 3 April
	// today is the day the page was fetched, against which "today" and
	// "yesterday" resolve; zero when unknown, and then they do not.
	today time.Time
}

// relativeDay matches a short line that dates a story to the day it was
// fetched or the day before: "Today, 10:15", "Вчера в 18:40".
var relativeDay = regexp.MustCompile(`(?i)^(?:\pL+:?\s+)?(today|сегодня|бүгін|heute|aujourd'hui|hoy|yesterday|вчера|кеше|gestern|hier|ayer)[\s,]*(?:(?:at|в|um|à|a las)\s+)?(?:\d{1,2}:\d{2})?\s*$`)

// relative resolves a line such as "Today, 10:15" against the fetch day.
func (dp dateParser) relative(s string) (ymd, bool) {
	if dp.today.IsZero() || len(s) > 40 {
		return ymd{}, false
	}
	m := relativeDay.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ymd{}, false
	}
	t := dp.today
	switch strings.ToLower(m[1]) {
	case "yesterday", "вчера", "кеше", "gestern", "hier", "ayer":
		t = t.AddDate(0, 0, -1)
	}
	return ymd{t.Year(), int(t.Month()), t.Day()}, true
}

// machine parses a machine-readable date (an attribute, JSON-LD or meta
// value): ISO 8601, RFC 1123, a Unix time, or failing those any written
// date it contains.
func (dp dateParser) machine(s string) (ymd, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return ymd{}, false
	}
	if m := pubCompact.FindStringSubmatch(s); m != nil {
		d := ymd{atoi(m[1]), atoi(m[2]), atoi(m[3])}
		if d.valid(dp.latest) {
			return d, true
		}
	}
	if len(s) >= 9 && len(s) <= 13 && allDigits(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		d := ymd{t.Year(), int(t.Month()), t.Day()}
		if d.valid(dp.latest) {
			return d, true
		}
		return ymd{}, false
	}
	if m := pubISO.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		d := ymd{atoi(m[1]), atoi(m[3]), atoi(m[5])}
		if d.valid(dp.latest) {
			return d, true
		}
	}
	return dp.text(s)
}

// text finds the first date written in s in one of the usual human forms:
// "20 March 2024", "Mar 20, 2024", "20.03.2024, 09:15", "2024-03-20".
func (dp dateParser) text(s string) (ymd, bool) {
	d, ok, _, _ := dp.first(s)
	return d, ok
}

// first finds the first valid date in s and returns it with the byte
// offsets where its match starts and ends.
func (dp dateParser) first(s string) (best ymd, found bool, at, end int) {
	at = -1
	try := func(start, stop int, d ymd) {
		if d.valid(dp.latest) && (at < 0 || start < at) {
			best, at, end = d, start, stop
		}
	}
	if hasDigitRun(s, 4) {
		for _, m := range pubDMY.FindAllStringSubmatchIndex(s, 8) {
			if mon := pubMonths[strings.ToLower(s[m[4]:m[5]])]; mon > 0 {
				try(m[2], m[7], ymd{atoi(s[m[6]:m[7]]), mon, atoi(s[m[2]:m[3]])})
				break
			}
		}
		for _, m := range pubMDY.FindAllStringSubmatchIndex(s, 8) {
			if mon := pubMonths[strings.ToLower(s[m[2]:m[3]])]; mon > 0 {
				try(m[2], m[7], ymd{atoi(s[m[6]:m[7]]), mon, atoi(s[m[4]:m[5]])})
				break
			}
		}
		for _, m := range pubYMD.FindAllStringSubmatchIndex(s, 8) {
			if mon := pubMonths[strings.ToLower(s[m[4]:m[5]])]; mon > 0 {
				try(m[2], m[7], ymd{atoi(s[m[2]:m[3]]), mon, atoi(s[m[6]:m[7]])})
				break
			}
		}
	} else if !hasDigitRun(s, 2) {
		return ymd{}, false, 0, 0
	}
	if m := pubISO.FindStringSubmatchIndex(s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
		try(m[2], m[11], ymd{atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]])})
	}
	if m := pubNumeric.FindStringSubmatchIndex(s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
		a, b := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]])
		y := atoi(s[m[10]:m[11]])
		if m[11]-m[10] == 2 {
			if s[m[4]:m[5]] != "." {
				y = -1 // two-digit years only in 20.03.24
			} else {
				y += 2000
			}
		}
		day, mon := a, b
		switch {
		case a > 12:
		case b > 12:
			day, mon = b, a
		case dp.usOrder && s[m[4]:m[5]] != ".":
			day, mon = b, a
		}
		try(m[2], m[11], ymd{y, mon, day})
	}
	if at < 0 {
		return ymd{}, false, 0, 0
	}
	return best, true, at, end
}

// hasDigitRun reports whether s holds n or more ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// atoi converts a short run of digits; anything else gives -1.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// allDigits reports whether s is made of ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dateHit is a date found in text and the byte offset where it starts.
type dateHit struct {
	d  ymd
	at int
}

// all returns every valid date written in s, in order of position.
func (dp dateParser) all(s string) []dateHit {
	var hits []dateHit
	rest, off := s, 0
	for len(rest) > 0 && len(hits) < 8 {
		d, ok, at, end := dp.first(rest)
		if !ok {
			break
		}
		hits = append(hits, dateHit{d, off + at})
		rest, off = rest[end:], off+end
	}
	return hits
}
