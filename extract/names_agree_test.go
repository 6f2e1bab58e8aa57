package extract

import (
	"strings"
	"testing"
	"unicode"

	"github.com/trialwatch/trialwatch/rules"
)

// personNameRef is personName with every map read for every word.
func personNameRef(f *rules.Facts, words []string) bool {
	words = stripTitles(f, words)
	plain := 0
	for _, w := range words {
		if r := []rune(w); len(r) == 2 && r[1] == '.' && unicode.IsUpper(r[0]) {
			plain++
			continue
		}
		w = stripPossessive(strings.TrimSuffix(w, "."))
		lw := string(rules.AppendLower(nil, w))
		if f.Is("org_words", w) || f.Is("org_words", lw) {
			return false
		}
		if f.Months[lw] > 0 || f.Weekdays[lw] > 0 || f.CountryOf(w) != "" {
			continue
		}
		if _, ok := f.Weekdays[lw]; ok {
			continue
		}
		if f.Is("not_places", lw) {
			continue
		}
		plain++
	}
	return plain >= 2 || plain >= 1 && len(words) >= 3
}

// TestPersonNameAgrees compares personName with its reference on every
// pair and triple of words of the labelled corpora and of names that are
// months, countries, organisations and places.
func TestPersonNameAgrees(t *testing.T) {
	set := rules.Default()
	texts := []string{
		"Mr. Ivan Petrov, Kazakhstan's Supreme Court, Monday March Smith, A. Bekov, UN Police, Ministry Officers",
		"Türkiye İstanbul Kazakh KAZAKHSTAN, Almaty Judge, Петров Иван, Март Казахстан, The Republic",
	}
	for _, p := range loadLabelled(t) {
		texts = append(texts, SplitSentences(string(p.html))...)
	}
	for _, lang := range []string{"en", "ru"} {
		f := set.Lang(lang)
		for _, s := range texts {
			words := strings.Fields(s)
			for i := range words {
				for n := 2; n <= 3 && i+n <= len(words); n++ {
					ws := words[i : i+n]
					if got, want := personName(f, ws), personNameRef(f, ws); got != want {
						t.Errorf("%s: personName(%q) = %v, want %v", lang, ws, got, want)
					}
				}
			}
		}
	}
}
