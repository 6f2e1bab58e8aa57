package extract

import "unicode/utf8"

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
