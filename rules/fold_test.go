package rules

import (
	"strings"
	"testing"
	"unicode"
)

// foldPlain is the definition of Fold: lower case, every run of white
// space one space.
func foldPlain(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func FuzzFold(f *testing.F) {
	for _, s := range starterTexts {
		f.Add(s)
	}
	f.Add("a\u00a0\u0085 b\u2003\u2003C’s “Court” \xff\xe2\x84 İK")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldPlain(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}
