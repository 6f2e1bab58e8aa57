package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence, with its byte span.
type token struct {
	text, low  string
	start, end int
	word       bool // letters or digits; false for punctuation
	upper      bool // starts with an upper-case letter
}

// tokenize splits s into words (letters and digits, with inner hyphens,
// dots and apostrophes: "ex-cops", "7.5-9", "U.S.") and punctuation marks.
func tokenize(s string) []token {
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
				// Inner joiner: keep only when a word character follows (and,
				// for a comma, digits on both sides: "1,000").
				if j+s2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+s2:])
					if isWordRune(r3) && (r2 != ',' || (unicode.IsDigit(r3) && unicode.IsDigit(lastRune(s[:j])))) {
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
		toks = append(toks, token{text: text, low: strings.ToLower(text), start: i, end: j, word: true, upper: unicode.IsUpper(r)})
		i = j
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// stripPossessive removes a trailing "'s", "’s" or "'" from a word.
func stripPossessive(w string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// isPossessive reports whether w ends in a possessive mark.
func isPossessive(w string) bool { return stripPossessive(w) != w }
