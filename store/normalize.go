package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stemLen is how many letters of a word are kept when words are compared:
// enough to tell places apart, few enough that inflected and adjectival
// forms ("Taldykorgan" / "Taldykorgan's", "Талдыкорганский" / "Талдыкорган",
// "Бишкека" / "Бишкек") meet.
const stemLen = 5

// placeStops are stems of words that name kinds of court or of
// administrative unit rather than a place ("Taldykorgan City Court" and "a
// court in Taldykorgan" share only "taldy"). Matched on the stem, so
// inflections are covered.
var placeStops = stemSet(
	// English
	"the", "of", "and", "for", "in", "a", "an", "at", "on", "no", "court", "courts", "city", "district",
	"regional", "region", "oblast", "county", "military", "appeal", "supreme", "criminal",
	"specialized", "specialised", "inter", "interdistrict", "high", "federal", "trial", "branch",
	"serious", "grave", "crimes", "magistrates", "crown", "state", "national", "constitutional",
	"cassation", "civil", "administrative", "juvenile", "municipal", "provincial", "province",
	"metropolitan", "tribunal", "justice", "circuit", "first", "instance", "superior", "garrison",
	"cases", "chamber", "judicial", "division", "bench", "central", "town", "village",
	// Russian
	"суд", "суда", "судом", "городской", "районный", "областной", "краевой", "межрайонный",
	"специализированный", "уголовным", "делам", "военный", "верховный", "апелляционный",
	"коллегия", "судебная", "республики", "по", "г", "город", "область", "округ",
	"кассационный", "первой", "инстанции",
)

// roleStops are stems of words too common in descriptions of defendants to
// tell two groups apart.
var roleStops = stemSet(
	"former", "ex", "and", "the", "a", "an", "his", "her", "their", "of", "officer", "officers",
	"employee", "employees", "staff", "member", "members", "other", "two", "three", "four",
	"бывшие", "бывший", "сотрудники", "сотрудник", "и", "органов",
)

func stemSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[stem(w)] = true
	}
	return m
}

// stem lower-cases w, spells it in Latin letters and keeps its first
// stemLen letters.
func stem(w string) string {
	w = latin(strings.ToLower(w))
	if utf8.RuneCountInString(w) <= stemLen {
		return w
	}
	n := 0
	for i := range w {
		if n == stemLen {
			return w[:i]
		}
		n++
	}
	return w
}

// words splits s into runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// stems returns the distinct stems of the words of s that are not in stops,
// not numbers and at least three letters long; exclude holds stems to leave
// out as well (the country, which is a field of its own).
func stems(s string, stops map[string]bool, exclude map[string]bool, into []string) []string {
	for _, w := range words(s) {
		if utf8.RuneCountInString(w) < 3 || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		st := stem(w)
		if stops[st] || exclude[st] || contains(into, st) {
			continue
		}
		into = append(into, st)
	}
	return into
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func overlaps[T comparable](a, b []T) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}

// equivalentText reports whether two court or location names name the same
// thing: the same set of words once "the", "of" and punctuation are dropped,
// or one set inside the other with the smaller still holding a word that is
// not a kind of court or unit ("Taldykorgan court" ~ "Taldykorgan City
// Court", but "court" alone matches nothing).
func equivalentText(a, b string) bool {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa) == 0 || len(wb) == 0 {
		return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	meaningful := false
	for w := range wa {
		if !wb[w] {
			return false
		}
		if !placeStops[stem(w)] {
			meaningful = true
		}
	}
	return len(wa) == len(wb) || meaningful
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words(strings.ToLower(s)) {
		if w == "the" || w == "of" {
			continue
		}
		m[w] = true
	}
	return m
}
