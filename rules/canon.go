package rules

import (
	"unicode"
	"unicode/utf8"
)

// The starters search a copy of the text in which every letter is replaced
// by one letter of its case-folding orbit (canonRune), byte for byte at the
// same offsets, so that a place found in the copy is a place of the text.
// A text in which some letter folds to one of another length (the Kelvin
// sign to "k") has no such copy and is searched the plain way. Bytes that
// are no UTF-8 stay as they are: no head holds them.

// canonASCII is canonRune for ASCII.
var canonASCII = func() (t [128]byte) {
	for c := range t {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			t[c] = ' '
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

// canonLow holds canonRune for the runes below its length.
var canonLow = func() []rune {
	t := make([]rune, 0x600)
	for r := range t {
		t[r] = foldMin(rune(r))
	}
	return t
}()

// canonRune is the representative of r's case-folding orbit: the ASCII
// letter when the orbit holds one, else its smallest rune. Every ASCII
// white space is a space, so that "\s" is one head, not five.
func canonRune(r rune) rune {
	if r < 0x80 {
		return rune(canonASCII[r])
	}
	if int(r) < len(canonLow) {
		return canonLow[r]
	}
	return foldMin(r)
}

func foldMin(r rune) rune {
	best := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < 0x80 {
			if 'A' <= f && f <= 'Z' {
				f += 'a' - 'A'
			}
			return f
		}
		best = min(best, f)
	}
	if best < 0x80 && 'A' <= best && best <= 'Z' {
		best += 'a' - 'A'
	}
	return best
}

// canonString maps canonRune over s.
func canonString(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, canonRune(r))
	}
	return string(b)
}

// canonText returns the canonical copy of s with the offsets of s, or
// false when s has none (a letter whose representative has another
// length).
func canonText(s string) (string, bool) {
	var b []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if k := canonASCII[c]; k != c {
				if b == nil {
					b = []byte(s)
				}
				b[i] = k
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		k := canonRune(r)
		if k == r {
			i += n // unchanged, or a byte that is no UTF-8
			continue
		}
		if utf8.RuneLen(k) != n {
			return "", false
		}
		if b == nil {
			b = []byte(s)
		}
		utf8.EncodeRune(b[i:], k)
		i += n
	}
	if b == nil {
		return s, true
	}
	return string(b), true
}
