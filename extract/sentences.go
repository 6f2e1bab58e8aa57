package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are words that end with a full stop without ending the
// sentence. They are compared lower-case, without the stop.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "gen": true, "col": true, "lt": true, "maj": true,
	"capt": true, "cpt": true, "sgt": true, "gov": true, "sen": true, "rep": true,
	"rev": true, "hon": true, "pres": true, "insp": true, "supt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "sun": true,
	"vs": true, "v": true, "etc": true, "e.g": true, "i.e": true, "cf": true,
	"approx": true, "est": true, "dept": true, "univ": true, "inc": true,
	"ltd": true, "co": true, "corp": true,
	// Russian: "г." (city / year), "ул." (street), "ст." (article), "т.е.", "им."
	"г": true, "гг": true, "ул": true, "им": true, "т.е": true,
	"т.д": true, "т.п": true, "др": true, "пр": true, "обл": true, "р": true,
	"руб": true, "млн": true, "млрд": true, "тыс": true,
}

// numberAbbreviations end with a full stop without ending the sentence
// only when a number follows ("No. 5", "Art. 347", "p. 12").
var numberAbbreviations = map[string]bool{
	"no": true, "nos": true, "art": true, "arts": true, "para": true, "pt": true,
	"p": true, "pp": true, "vol": true, "fig": true, "ch": true, "sec": true,
	"ст": true, "ч": true, "п": true,
}

// SplitSentences splits a main text into sentences. Paragraphs (separated by
// blank lines) are never joined; within a paragraph a sentence ends at '.',
// '!' or '?' (with any closing quotes or brackets) followed by space and a
// capital letter, a digit or an opening quote, unless the stop ends an
// abbreviation ("Mr.", "Jan.", "No."), an initial ("J.") or a dotted
// abbreviation ("U.S."). Decimals ("7.5") never split.
func SplitSentences(text string) []string {
	var out []string
	for _, para := range splitParagraphs(text) {
		out = splitParagraph(para, out)
	}
	return out
}

// splitParagraphs cuts text at blank lines and folds the line breaks inside
// a paragraph into spaces.
func splitParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return paras
}

func splitParagraph(p string, out []string) []string {
	start := 0
	for i := 0; i < len(p); {
		// Terminal marks are ASCII or '…' (E2 80 A6): a byte scan finds
		// them, as no other character's bytes hold them.
		if c := p[i]; !terminalLead[c] || c == 0xE2 && !strings.HasPrefix(p[i:], "…") {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		end := i + size
		// Take the run of terminal marks and closing quotes/brackets.
		for end < len(p) {
			r2, s2 := utf8.DecodeRuneInString(p[end:])
			if r2 == '.' || r2 == '!' || r2 == '?' || isClosing(r2) {
				end += s2
				continue
			}
			break
		}
		if end >= len(p) {
			break
		}
		next, _ := utf8.DecodeRuneInString(p[end:])
		if !unicode.IsSpace(next) {
			i = end
			continue
		}
		j := end
		for j < len(p) {
			r3, s3 := utf8.DecodeRuneInString(p[j:])
			if !unicode.IsSpace(r3) {
				break
			}
			j += s3
		}
		if j >= len(p) {
			break
		}
		if r == '.' && !endsSentence(p[start:i], p[j:]) {
			i = end
			continue
		}
		if !startsSentence(p[j:]) {
			i = end
			continue
		}
		if s := strings.TrimSpace(p[start:end]); s != "" {
			out = append(out, s)
		}
		start = j
		i = j
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// terminalLead marks the bytes a terminal mark starts with.
var terminalLead = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']':
		return true
	}
	return false
}

// startsSentence reports whether rest can open a sentence: a capital
// letter, a digit, or an opening quote or bracket.
func startsSentence(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch r {
	case '"', '“', '«', '\'', '‘', '(', '[', '—', '–', '-':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// endsSentence reports whether a full stop after before ends the sentence,
// given the text after the following space.
func endsSentence(before, after string) bool {
	w := lastWord(before)
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	if numberAbbreviations[lw] {
		r, _ := utf8.DecodeRuneInString(after)
		if unicode.IsDigit(r) {
			return false
		}
	}
	if abbreviations[lw] {
		// "No. 5", "Jan. 12", "Mr. Smith": an abbreviation seldom ends a
		// sentence; "etc." and "Inc." may, when a capitalised word follows
		// that is not a name; keep them joined, the safer error.
		return false
	}
	// A single letter: an initial ("J. Smith") or part of "U.S." style.
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			return false
		}
	}
	// Dotted abbreviation: "U.S", "U.N", "a.m", "p.m".
	if strings.Contains(w, ".") {
		parts := strings.Split(w, ".")
		short := true
		for _, part := range parts {
			if utf8.RuneCountInString(part) > 2 {
				short = false
			}
		}
		if short {
			// "a.m." / "U.S." at the end of a sentence followed by a
			// capital is ambiguous; split only when the next word is not
			// a capitalised continuation we can recognise, i.e. never for
			// lower-case dotted forms (a.m., p.m.) followed by a capital
			// sentence opener. Keep upper-case ones joined only when the
			// following word looks like a name continuation.
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) {
				return !continuesName(after)
			}
			return true
		}
	}
	return true
}

// continuesName reports whether after starts with a word that usually
// continues a noun phrase after "U.S." ("U.S. Embassy", "U.S. State").
func continuesName(after string) bool {
	w := firstWord(after)
	switch strings.ToLower(w) {
	case "embassy", "state", "department", "court", "government", "officials",
		"president", "congress", "senate", "army", "navy", "dollars", "citizen",
		"citizens", "forces", "attorney", "district", "supreme", "federal":
		return true
	}
	return false
}

// lastWord returns the final run of letters, digits and inner dots of s.
func lastWord(s string) string {
	end := len(s)
	i := end
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' {
			i -= size
			continue
		}
		break
	}
	return strings.Trim(s[i:end], ".")
}

func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}
