package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is the plain form of tokenize, rune by rune, that the fast
// one must agree with.
func tokenizeRef(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{text: s[i : i+size], low: s[i : i+size], start: i, end: i + size})
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += s2
				continue
			}
			if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == ',' {
				if j+s2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+s2:])
					if isWordRune(r3) && (r2 != ',' || (unicode.IsDigit(r3) && unicode.IsDigit(lastRune(s[:j])))) {
						j += s2
						continue
					}
				}
				if r2 == '.' && strings.Contains(s[i:j], ".") {
					j += s2
				}
			}
			break
		}
		text := s[i:j]
		toks = append(toks, token{text: text, low: strings.ToLower(text), start: i, end: j, word: true, upper: unicode.IsUpper(r)})
		i = j
	}
	return toks
}

var tokenSeeds = []string{
	"The Taldykorgan City Court sentenced ex-cops to 7.5-9 years, U.S. officials said.",
	"Суд приговорил ТРОИХ полицейских к 5 годам; «пытки» — 1,000 раз.",
	"İstanbul ÉTÉ Σ ς ǅ ß ẞ \u212a \xff\xe2\x84 bad bytes",
	"O’Brien's officers' 1,2 3,456 a,b x.y.",
	"\t\n\v\f\r \u00a0\u2009\u3000 spaces",
	"",
}

func sameTokens(a, b []token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.text != y.text || x.low != y.low || x.start != y.start || x.end != y.end || x.word != y.word || x.upper != y.upper {
			return false
		}
	}
	return true
}

func TestTokenizeAgrees(t *testing.T) {
	for _, s := range tokenSeeds {
		if got, want := tokenize(s), tokenizeRef(s); !sameTokens(got, want) {
			t.Errorf("tokenize(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tokenize(s), tokenizeRef(s); !sameTokens(got, want) {
			t.Fatalf("tokenize(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestStripPossessive(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kazakhstan's", "Kazakhstan"}, {"Kazakhstan’s", "Kazakhstan"}, {"officers'", "officers"},
		{"officers’", "officers"}, {"boss", "boss"}, {"court", "court"}, {"", ""}, {"'s", ""},
		{"’", ""}, {"x\x99", "x\x99"}, {"™", "™"}, {"Petrov’", "Petrov"}, {"s", "s"},
	}
	for _, tt := range tests {
		if got := stripPossessive(tt.in); got != tt.want {
			t.Errorf("stripPossessive(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := isPossessive(tt.in); got != (tt.want != tt.in) {
			t.Errorf("isPossessive(%q) = %v", tt.in, got)
		}
	}
}
