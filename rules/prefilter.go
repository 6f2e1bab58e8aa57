package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
)

// required returns lower-case strings of which every match of re holds at
// least one, or nil when no such set is known. The extractor tests them with
// strings.Contains before running the expression, which spares most
// sentences the regular-expression engine.
func required(re string) []string {
	t, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return nil
	}
	lits := requiredLits(t.Simplify())
	for _, l := range lits {
		// One letter is no filter; one punctuation mark (";") is.
		if len(l) < 2 && (l == "" || l[0] >= 'a' && l[0] <= 'z' || l[0] >= '0' && l[0] <= '9' || l[0] >= 0x80) {
			return nil
		}
	}
	return lits
}

func requiredLits(t *syntax.Regexp) []string {
	switch t.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(t.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLits(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return requiredLits(t.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var best []string
		bestLen := 0
		consider := func(l []string) {
			if l == nil {
				return
			}
			if m := minLen(l); m > bestLen {
				best, bestLen = l, m
			}
		}
		// Runs of parts that match finite sets of strings join into longer
		// literals ("s" + "itting|eated" is "sitting|seated").
		var run []string
		for _, s := range t.Sub {
			if e := exactSet(s); e != nil {
				if run == nil {
					run = e
				} else if j := cross(run, e); j != nil {
					run = j
				} else {
					consider(run)
					run = e
				}
				continue
			}
			consider(run)
			run = nil
			consider(requiredLits(s))
		}
		consider(run)
		return best
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			l := requiredLits(s)
			if l == nil {
				return nil
			}
			out = append(out, l...)
		}
		return out
	}
	return nil
}

// exactSet returns the finite set of strings t matches (lower-case), or
// nil when it is not small and finite.
func exactSet(t *syntax.Regexp) []string {
	switch t.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(t.Rune))}
	case syntax.OpCapture:
		return exactSet(t.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			e := exactSet(s)
			if e == nil {
				return nil
			}
			out = append(out, e...)
		}
		if len(out) > 256 {
			return nil
		}
		return out
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range t.Sub {
			e := exactSet(s)
			if e == nil {
				return nil
			}
			if out = cross(out, e); out == nil {
				return nil
			}
		}
		return out
	case syntax.OpCharClass:
		// A class of one letter in both cases ("[Ss]").
		if len(t.Rune) == 4 && t.Rune[0] == t.Rune[1] && t.Rune[2] == t.Rune[3] &&
			unicode.ToLower(t.Rune[0]) == unicode.ToLower(t.Rune[2]) {
			return []string{string(unicode.ToLower(t.Rune[0]))}
		}
	}
	return nil
}

func cross(a, b []string) []string {
	if len(a)*len(b) > 256 {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

func minLen(ls []string) int {
	m := -1
	for _, l := range ls {
		if m < 0 || len(l) < m {
			m = len(l)
		}
	}
	return m
}

// Could reports whether the pattern can match a text whose lower-case form
// is lower; false means it surely cannot.
func (p *Pattern) Could(lower string) bool { return could(p.lits, lower) }

func could(lits []string, lower string) bool {
	if lits == nil {
		return true
	}
	for _, l := range lits {
		if strings.Contains(lower, l) {
			return true
		}
	}
	return false
}

// Filtered is a compiled expression with its prefilter.
type Filtered struct {
	*regexp.Regexp
	lits []string
}

// Could reports whether the expression can match a text whose lower-case
// form is lower.
func (f *Filtered) Could(lower string) bool { return could(f.lits, lower) }

func newFiltered(re *regexp.Regexp) *Filtered {
	return &Filtered{Regexp: re, lits: required(re.String())}
}
