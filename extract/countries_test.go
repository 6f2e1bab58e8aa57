package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/trialwatch/trialwatch/rules"
)

// findCountriesRef is findCountries without the lexicon test that passes
// over words no country is known by: every word is looked up.
func findCountriesRef(f *rules.Facts, toks []token) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		if !toks[i].word || !toks[i].upper && !toks[i].in(f, rules.LexLowerCountry) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].word {
			if c := f.CountryOfLower(toks[i].low + " " + stripPossessive(toks[i+1].low)); c != "" {
				out = append(out, c)
				i++
				continue
			}
		}
		w := stripPossessive(toks[i].text)
		c := f.CountryOf(stripPossessive(toks[i].low))
		if c == "" {
			continue
		}
		if len(w) <= 4 && strings.ToUpper(w) == w || len(w) > 4 || strings.ToUpper(w) != w {
			if len(w) <= 3 && strings.ToUpper(w) != w {
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

var countrySeeds = []string{
	"A Kazakh court jailed two officers in Kazakhstan's south.",
	"The United States and the UK, the U.S. and Us; the Philippines’ courts.",
	"Kyrgyzstan' police, KAZAKHSTAN, kazakh officers, South Africa's judges.",
	"казахстанский суд и Казахстан, Кыргызстана; Türkiye and İstanbul.",
	"United Nations, United, States, Almaty City Court",
	"",
}

func TestFindCountriesAgrees(t *testing.T) {
	set := rules.Default()
	texts := slices.Clone(countrySeeds)
	for _, p := range loadLabelled(t) {
		texts = append(texts, SplitSentences(string(p.html))...)
	}
	for _, lang := range []string{"en", "ru"} {
		f := set.Lang(lang)
		for _, s := range texts {
			toks := tokenize(s)
			if got, want := findCountries(f, toks), findCountriesRef(f, toks); !slices.Equal(got, want) {
				t.Errorf("%s: findCountries(%q) = %q, want %q", lang, s, got, want)
			}
			// Tokens annotated with the other language's lexicons look
			// their words up.
			other := set.Lang(map[string]string{"en": "ru", "ru": "en"}[lang])
			annotated := annotate(other, tokenize(s))
			if got, want := findCountries(f, annotated), findCountriesRef(f, annotated); !slices.Equal(got, want) {
				t.Errorf("%s, tokens of the other rules: findCountries(%q) = %q, want %q", lang, s, got, want)
			}
		}
	}
}

func FuzzFindCountries(f *testing.F) {
	for _, s := range countrySeeds {
		f.Add(s)
	}
	fe := rules.Default().Lang("en")
	f.Fuzz(func(t *testing.T, s string) {
		toks := annotate(fe, tokenize(s))
		if got, want := findCountries(fe, toks), findCountriesRef(fe, toks); !slices.Equal(got, want) {
			t.Fatalf("findCountries(%q) = %q, want %q", s, got, want)
		}
	})
}
