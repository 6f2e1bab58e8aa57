package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/trialwatch/trialwatch/rules"
)

// token is one word or punctuation mark of a sentence, with its byte span.
type token struct {
	text, low  string
	start, end int
	word       bool // letters or digits; false for punctuation
	upper      bool // starts with an upper-case letter
	// lex holds the lexicons of low in the fact rules lexOf names (see
	// annotate); a token of other rules, or none, looks its word up.
	lex   rules.Words
	lexOf *rules.Facts
}

// in reports whether the token's word is in lexicon l of f.
func (t *token) in(f *rules.Facts, l rules.Lex) bool {
	if t.lexOf == f {
		return t.lex.Has(l)
	}
	return f.Words(t.low).Has(l)
}

// starts reports whether the token's word starts a multi-word entry of
// lexicon l of f ("up" of "up to").
func (t *token) starts(f *rules.Facts, l rules.Lex) bool {
	if t.lexOf == f {
		return t.lex.Starts(l)
	}
	return f.Words(t.low).Starts(l)
}

// annotate looks every word of toks up in the lexicons of f once.
func annotate(f *rules.Facts, toks []token) []token {
	for i := range toks {
		toks[i].lex, toks[i].lexOf = f.Words(toks[i].low), f
	}
	return toks
}

// tokenArena hands out the token slices of an article's sentences from one
// backing array, which is kept from article to article (tokens are most of
// what reading the cases allocates). The slices are valid until release.
type tokenArena struct{ buf []token }

var tokenArenas = sync.Pool{New: func() any { return new(tokenArena) }}

// newTokenArena returns an arena for an article of about n bytes of text.
func newTokenArena(n int) *tokenArena {
	a := tokenArenas.Get().(*tokenArena)
	if want := n/5 + 64; cap(a.buf) < want {
		a.buf = make([]token, 0, want)
	}
	return a
}

// tokens tokenizes s (see tokenizeLower) into the arena.
func (a *tokenArena) tokens(s, lower string, sameOffsets bool) []token {
	if a == nil {
		return tokenizeLower(s, lower, sameOffsets)
	}
	if room := cap(a.buf) - len(a.buf); room < len(s)/2+1 {
		// Too little room left: a new array for this and later sentences;
		// earlier ones keep theirs.
		a.buf = make([]token, 0, max(2*cap(a.buf), len(s)/2+1))
	}
	from := len(a.buf)
	a.buf = appendTokens(a.buf, s, lower, sameOffsets)
	return a.buf[from:len(a.buf):len(a.buf)]
}

// release returns the arena for another article; the slices it gave out
// must not be used after this.
func (a *tokenArena) release() {
	clear(a.buf) // keeps no article text alive
	a.buf = a.buf[:0]
	tokenArenas.Put(a)
}

// asciiClass tells, for each ASCII byte, whether it is white space (1) or
// a letter or digit (2).
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case unicode.IsSpace(rune(c)):
			t[c] = 1
		case isWordRune(rune(c)):
			t[c] = 2
		}
	}
	return t
}()

// runeAt decodes the rune at s[i], quickly for ASCII.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// wordRune is isWordRune, quickly for ASCII.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == 2
	}
	return isWordRune(r)
}

// tokenize splits s into words (letters and digits, with inner hyphens,
// dots and apostrophes: "ex-cops", "7.5-9", "U.S.") and punctuation marks.
func tokenize(s string) []token {
	lower, sameOffsets := lowerKeepingOffsets(s)
	return tokenizeLower(s, lower, sameOffsets)
}

// tokenizeLower is tokenize for a text whose lower case
// lowerKeepingOffsets has made.
func tokenizeLower(s, lower string, sameOffsets bool) []token {
	return appendTokens(make([]token, 0, len(s)/5+1), s, lower, sameOffsets)
}

// appendTokens is tokenizeLower appending to toks.
func appendTokens(toks []token, s, lower string, sameOffsets bool) []token {
	i := 0
	for i < len(s) {
		r, size := runeAt(s, i)
		if r < utf8.RuneSelf && asciiClass[r] == 1 || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			i += size
			continue
		}
		if !wordRune(r) {
			toks = append(toks, token{text: s[i : i+size], low: s[i : i+size], start: i, end: i + size})
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf && asciiClass[c] == 2 {
				j++ // an ASCII letter or digit
				continue
			}
			r2, s2 := runeAt(s, j)
			if wordRune(r2) {
				j += s2
				continue
			}
			if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == ',' {
				// Inner joiner: keep only when a word character follows (and,
				// for a comma, digits on both sides: "1,000").
				if j+s2 < len(s) {
					r3, _ := runeAt(s, j+s2)
					if wordRune(r3) && (r2 != ',' || (unicode.IsDigit(r3) && unicode.IsDigit(lastRune(s[:j])))) {
						j += s2
						continue
					}
				}
				// "U.S." keeps its final dot.
				if r2 == '.' && strings.Contains(s[i:j], ".") {
					j += s2
				}
			}
			break
		}
		text := s[i:j]
		low := text
		if sameOffsets {
			low = lower[i:j]
		} else {
			low = strings.ToLower(text)
		}
		toks = append(toks, token{text: text, low: low, start: i, end: j, word: true, upper: unicode.IsUpper(r)})
		i = j
	}
	return toks
}

// lowerKeepingOffsets returns strings.ToLower(s) when every character of
// s keeps its length in lower case, so that a word's lower case is a slice
// of it; else false.
func lowerKeepingOffsets(s string) (string, bool) {
	var b []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if b == nil {
					b = []byte(s)
				}
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return "", false // strings.ToLower writes U+FFFD for it
		}
		l := unicode.ToLower(r)
		if l != r {
			if utf8.RuneLen(l) != n {
				return "", false
			}
			if b == nil {
				b = []byte(s)
			}
			utf8.EncodeRune(b[i:], l)
		}
		i += n
	}
	if b == nil {
		return s, true
	}
	return string(b), true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// stripPossessive removes a trailing "'s", "’s" or "'" from a word.
func stripPossessive(w string) string {
	// Every ending ends with 's', an apostrophe or the last byte of '’'.
	if n := len(w); n == 0 || w[n-1] != 's' && w[n-1] != '\'' && w[n-1] != 0x99 {
		return w
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// isPossessive reports whether w ends in a possessive mark.
func isPossessive(w string) bool { return stripPossessive(w) != w }
