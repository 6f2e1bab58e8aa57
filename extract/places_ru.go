package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trialwatch/trialwatch/rules"
)

// placeForm turns a place as the sentence writes it into the form a record
// gives: without an ending of place_suffixes; a district of a city the
// rules know is the city; else, with the
// place_form patterns of the language: languages that
// inflect names write "в Талдыкоргане" or "суд Бишкека" for Taldykorgan and
// Bishkek, and name a city's court by an adjective ("Астанинский"). A form
// already known as a city is kept; else the first pattern whose result is a
// known city wins; else the first pattern of class "guess" that matches;
// else the name is kept as written. Languages without place_form patterns
// keep every name.
func placeForm(f *rules.Facts, name string) string {
	for _, suf := range f.PlaceSuffixes {
		if n, ok := strings.CutSuffix(name, suf); ok && n != "" {
			name = n // "Bishkek-based"
			break
		}
	}
	if city := f.DistrictCity(name); city != "" {
		return city // "Southwark": the court sits in London
	}
	forms := f.ByKind("place_form")
	if len(forms) == 0 || name == "" || f.CityCountry(name) != "" {
		return name
	}
	guess := ""
	for _, p := range forms {
		m := p.Regexp.FindStringSubmatchIndex(name)
		if m == nil {
			continue
		}
		out := string(p.Regexp.ExpandString(nil, p.To, name, m))
		out = name[:m[0]] + out + name[m[1]:]
		if f.CityCountry(out) != "" {
			return out
		}
		if guess == "" && p.Class == "guess" {
			guess = out
		}
	}
	// "в Бишкеке Свердловский районный суд": a city before the name of
	// a court of one of its districts.
	if first, rest, ok := strings.Cut(name, " "); ok && upperWords(rest) {
		if city := placeForm(f, first); f.CityCountry(city) != "" {
			return city
		}
	}
	if guess != "" {
		return guess
	}
	return name
}

// upperWords reports whether every word of s starts with an upper-case
// letter.
func upperWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

// trimCourtEnd drops the character a court name's pattern matched after
// the name (a space or punctuation mark that ends a word in a script RE2's
// \b does not know).
func trimCourtEnd(s string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		end -= size
	}
	return end
}

// trailingPlace reads the place at the end of a court's name that has no
// "of" before it ("межрайонный суд по уголовным делам Астаны", "Ленинский
// районный суд Бишкека", "… суд Алматинской области"): the run of place
// words after the last lower-case or head word, with a region word
// allowed last.
func trailingPlace(f *rules.Facts, name string) string {
	words := strings.Fields(name)
	region := false
	if n := len(words); n > 2 && f.Is("region_words", strings.ToLower(words[n-1])) {
		words, region = words[:n-1], true
	}
	i := len(words)
	for i > 1 && isPlaceWord(f, words[i-1]) {
		i--
	}
	if i == len(words) || i == 0 {
		return ""
	}
	place := strings.Join(words[i:], " ")
	if c := f.CountryOf(place); c != "" {
		return ""
	}
	if region {
		place += " region"
	}
	return placeForm(f, place)
}
