package export

import (
	"bytes"
	"encoding/binary"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// The JSON scanner of the case reader: values of the kinds a stored case
// holds, read in place where they need no unquoting. Each method reports
// false where the input is not what it reads (or not JSON), and the case
// is then left to encoding/json.

// scanner reads JSON from b at i.
type scanner struct {
	b []byte
	i int
	r *row
}

func (s *scanner) ws() {
	if s.i < len(s.b) && s.b[s.i] > ' ' {
		return
	}
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// next skips whitespace and reports whether the next byte is c, taking it
// if so.
func (s *scanner) next(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// null takes a null literal if one comes next.
func (s *scanner) null() bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == 'n' && len(s.b)-s.i >= 4 && string(s.b[s.i:s.i+4]) == "null" {
		s.i += 4
		return true
	}
	return false
}

// object reads an object, calling fn for each key with the scanner on its
// value; fn returns false to give up.
func (s *scanner) object(fn func(key []byte) bool) bool {
	if !s.next('{') {
		return false
	}
	if s.next('}') {
		return true
	}
	for {
		s.ws()
		key, ok := s.str()
		if !ok || !s.next(':') {
			return false
		}
		s.ws()
		if !fn(key) {
			return false
		}
		if s.next(',') {
			continue
		}
		return s.next('}')
	}
}

// array reads an array, calling fn with the scanner on each element.
func (s *scanner) array(fn func() bool) bool {
	if !s.next('[') {
		return false
	}
	if s.next(']') {
		return true
	}
	for {
		s.ws()
		if !fn() {
			return false
		}
		if s.next(',') {
			continue
		}
		return s.next(']')
	}
}

// str reads a string and unquotes it as encoding/json does: escapes
// decoded, a \u escape of half a surrogate pair and each byte of invalid
// UTF-8 replaced by U+FFFD. A string with neither escapes nor invalid
// UTF-8 is returned in place; others are unquoted into the arena.
func (s *scanner) str() ([]byte, bool) {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return nil, false
	}
	start := s.i + 1
	end := bytes.IndexByte(s.b[start:], '"')
	if end < 0 {
		return nil, false
	}
	v := s.b[start : start+end]
	if bytes.IndexByte(v, '\\') >= 0 {
		return s.unquote(start)
	}
	switch ctl, high := controlOrHigh(v); {
	case ctl:
		return nil, false
	case high && !utf8.Valid(v):
		return s.unquote(start)
	}
	s.i = start + end + 1
	return v, true
}

// controlOrHigh reports whether v holds a control character (below 0x20)
// and whether it holds a byte of 0x80 or above, eight bytes at a time.
func controlOrHigh(v []byte) (ctl, high bool) {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	var c, h uint64
	for len(v) >= 8 {
		x := binary.LittleEndian.Uint64(v)
		// The top bit of a byte below 0x20 survives this (a borrow can
		// mark a wrong byte, but only after a true one).
		c |= (x - 0x20*ones) &^ x
		h |= x
		v = v[8:]
	}
	for _, b := range v {
		ctl = ctl || b < 0x20
		h |= uint64(b)
	}
	return ctl || c&tops != 0, h&tops != 0
}

// unquote is str for strings that need copying.
func (s *scanner) unquote(start int) ([]byte, bool) {
	a := s.r.arena
	from := len(a)
	for j := start; j < len(s.b); {
		c := s.b[j]
		switch {
		case c == '"':
			s.r.arena = a
			s.i = j + 1
			return a[from:len(a):len(a)], true
		case c == '\\':
			if j+1 >= len(s.b) {
				return nil, false
			}
			switch e := s.b[j+1]; e {
			case '"', '\\', '/':
				a = append(a, e)
			case 'b':
				a = append(a, '\b')
			case 'f':
				a = append(a, '\f')
			case 'n':
				a = append(a, '\n')
			case 'r':
				a = append(a, '\r')
			case 't':
				a = append(a, '\t')
			case 'u':
				r := hex4(s.b[j:])
				if r < 0 {
					return nil, false
				}
				j += 6
				if utf16.IsSurrogate(r) {
					if dec := utf16.DecodeRune(r, hex4(s.b[j:])); dec != utf8.RuneError {
						a = utf8.AppendRune(a, dec)
						j += 6
						continue
					}
					r = utf8.RuneError
				}
				a = utf8.AppendRune(a, r)
				continue
			default:
				return nil, false
			}
			j += 2
		case c < 0x20:
			return nil, false
		case c < utf8.RuneSelf:
			a = append(a, c)
			j++
		default:
			r, size := utf8.DecodeRune(s.b[j:])
			if r == utf8.RuneError && size == 1 {
				a = utf8.AppendRune(a, utf8.RuneError)
			} else {
				a = append(a, s.b[j:j+size]...)
			}
			j += size
		}
	}
	return nil, false
}

// hex4 reads the rune of a \uXXXX escape at the start of b, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// rawString reads a string and returns it as written, quotes included.
func (s *scanner) rawString() ([]byte, bool) {
	start := s.i
	if _, ok := s.str(); !ok {
		return nil, false
	}
	return s.b[start:s.i], true
}

// text reads a string or null; null gives ok false.
func (s *scanner) text() (optText, bool) {
	if s.null() {
		return optText{}, true
	}
	v, ok := s.str()
	return optText{v, true}, ok
}

// plain reads a string into a Go string field: null leaves it empty.
func (s *scanner) plain() ([]byte, bool) {
	if s.null() {
		return nil, true
	}
	return s.str()
}

// int reads a whole number of at most 18 digits that fits an int, or
// null.
func (s *scanner) int() (optInt, bool) {
	if s.null() {
		return optInt{}, true
	}
	j := s.i
	neg := j < len(s.b) && s.b[j] == '-'
	if neg {
		j++
	}
	d := j
	var n int64
	for j < len(s.b) && s.b[j] >= '0' && s.b[j] <= '9' {
		n = n*10 + int64(s.b[j]-'0')
		j++
	}
	if j == d || j-d > 18 || (s.b[d] == '0' && j-d > 1) {
		return optInt{}, false
	}
	if j < len(s.b) {
		switch s.b[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
		default:
			return optInt{}, false // a fraction, an exponent or worse
		}
	}
	if neg {
		n = -n
	}
	if int64(int(n)) != n {
		return optInt{}, false // too big for an int here
	}
	s.i = j
	return optInt{int(n), true}, true
}

// time reads a time as encoding/json does, by time.Time's UnmarshalJSON,
// and keeps it in UTC as RFC 3339 text to the second. A time in UTC
// written as Go writes it (what the store holds) is checked and cut to
// the second without parsing.
func (s *scanner) time(out *[]byte) bool {
	var t time.Time
	if !s.null() {
		raw, ok := s.rawString()
		if !ok {
			return false
		}
		if utcSecond(raw) {
			a := append(s.r.arena, raw[1:20]...)
			s.r.arena = append(a, 'Z')
			*out = s.r.arena[len(a)-19:]
			return true
		}
		if t.UnmarshalJSON(raw) != nil {
			return false
		}
	}
	a := s.r.arena
	a = t.UTC().AppendFormat(a, time.RFC3339)
	*out = a[len(s.r.arena):]
	s.r.arena = a
	return true
}

// utcSecond reports whether raw is a quoted time in UTC that time.Time's
// UnmarshalJSON takes and whose RFC 3339 form to the second is its first
// 19 characters and a Z: "YYYY-MM-DDTHH:MM:SS", up to nine digits of a
// fraction, "Z".
func utcSecond(raw []byte) bool {
	n := len(raw)
	if n < 22 || raw[0] != '"' || raw[n-1] != '"' || raw[n-2] != 'Z' {
		return false
	}
	if n > 22 {
		if raw[20] != '.' || n-23 < 1 || n-23 > 9 {
			return false
		}
		for _, c := range raw[21 : n-2] {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	t := raw[1:20]
	if t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' {
		return false
	}
	num := func(b []byte) int {
		v := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	year, month, day := num(t[0:4]), num(t[5:7]), num(t[8:10])
	hour, minute, sec := num(t[11:13]), num(t[14:16]), num(t[17:19])
	if year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
		minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

// pairs reads an object of strings, or null, into out if it is not nil.
func (s *scanner) pairs(out *[]pair) bool {
	if s.null() {
		return true
	}
	return s.object(func(key []byte) bool {
		v, ok := s.str()
		if out != nil {
			*out = append(*out, pair{key, v})
		}
		return ok
	})
}
