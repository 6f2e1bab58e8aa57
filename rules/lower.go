package rules

import (
	"unicode"
	"unicode/utf8"
)

// AppendLower appends the lower case of s to dst, as strings.ToLower
// writes it. With a buffer on the caller's stack, a lower-case map key
// costs no allocation: m[string(AppendLower(buf[:0], w))].
func AppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}
