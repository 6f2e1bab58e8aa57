package extract

import (
	"unicode/utf8"

	"github.com/trialwatch/trialwatch/rules"
)

// lastLetters returns the end of s, at most n characters long: the text a
// rule reads before a match. Windows are counted in characters, not bytes,
// so that a script of two-byte letters sees as far as Latin does and no
// window starts inside a character.
func lastLetters(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// firstLetters returns the start of s, at most n characters long: the text
// a rule reads after a match.
func firstLetters(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// matchesAround reports whether a pattern of kind matches at s[start:end]
// where its class says: "before" in the last nb characters before it,
// "after" in the first na characters after it, "noun" or "self" in the
// match itself, "around" in all three together. ft, if not nil, is s
// prepared, from which the texts around are cut.
func matchesAround(f *rules.Facts, kind, s string, ft *rules.Text, start, end, nb, na int) bool {
	ps := f.ByKind(kind)
	if len(ps) == 0 {
		return false
	}
	b, a := lastLetters(s[:start], nb), firstLetters(s[end:], na)
	if ft == nil {
		ft = rules.NewText(s)
	}
	// Each text is cut when a pattern first reads it.
	var lb, la, lm, around *rules.Text
	for _, p := range ps {
		var t *rules.Text
		switch p.Class {
		case "before":
			if lb == nil {
				lb = ft.Cut(start-len(b), start)
			}
			t = lb
		case "after":
			if la == nil {
				la = ft.Cut(end, end+len(a))
			}
			t = la
		case "noun", "self":
			if lm == nil {
				lm = ft.Cut(start, end)
			}
			t = lm
		case "around":
			if around == nil {
				around = ft.Cut(start-len(b), end+len(a))
			}
			t = around
		default:
			continue
		}
		if p.Match(t) {
			return true
		}
	}
	return false
}
