package extract

import (
	"strings"
	"testing"
)

// cleanSpacePlain is cleanSpace without its shortcut for clean text.
func cleanSpacePlain(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2009', '\u202f', '\u200b', '\u2002', '\u2003', '\u2007', '\u3000', '\ufeff':
			return true
		}
		return false
	})
	return strings.Join(f, " ")
}

func FuzzCleanSpace(f *testing.F) {
	for _, s := range []string{"", " a", "a ", "a  b", "a\u00a0b", "The court ruled.", "x\xe2\x80", "a\tb\n", "\xc2 a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanSpace(s), cleanSpacePlain(s); got != want {
			t.Fatalf("cleanSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
