// Package jsonstr writes JSON strings byte for byte as encoding/json does,
// without its reflection: the store's records and the export's rows are
// written by hand on their hot paths.
package jsonstr

import (
	"encoding/json"
	"unicode/utf8"
)

// Append appends s, a string or bytes, as a JSON string, escaped as
// encoding/json escapes it: with escapeHTML, <, > and & as \u003c, \u003e
// and \u0026; each byte of invalid UTF-8 as U+FFFD, written as encoding/json
// of the Go release in use writes it (see invalidUTF8).
func Append[S ~string | ~[]byte](b []byte, s S, escapeHTML bool) []byte {
	safe := &jsonSafe
	if escapeHTML {
		safe = &htmlSafe
	}
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Most text needs no escaping: skip it eight bytes at a time.
		for len(s)-i >= 8 {
			w := s[i : i+8]
			if !safe[w[0]] || !safe[w[1]] || !safe[w[2]] || !safe[w[3]] ||
				!safe[w[4]] || !safe[w[5]] || !safe[w[6]] || !safe[w[7]] {
				break
			}
			i += 8
		}
		for i < len(s) && safe[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, invalidUTF8...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// invalidUTF8 is what encoding/json writes for a byte of invalid UTF-8:
// the escape \ufffd up to Go 1.26, the character U+FFFD itself from Go
// 1.27 on. Both read back as the same string.
var invalidUTF8 = func() string {
	b, err := json.Marshal("\xff")
	if err != nil || len(b) < 2 {
		return `\ufffd`
	}
	return string(b[1 : len(b)-1])
}()

// jsonSafe and htmlSafe hold the bytes a JSON string keeps as they are:
// printable ASCII but for " and \ (and <, > and & in htmlSafe). Bytes of
// other characters are not in them: those are checked one by one.
var jsonSafe, htmlSafe = func() (j, h [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		j[c] = c != '"' && c != '\\'
		h[c] = j[c] && c != '<' && c != '>' && c != '&'
	}
	return j, h
}()
