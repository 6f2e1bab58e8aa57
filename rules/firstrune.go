package rules

import (
	"regexp/syntax"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Some expressions start with no word but with a class of characters: a
// court's name starts with a capital letter or a digit. A search of the
// whole sentence still tries every position of it; a runeSet of the
// characters that can start a match lets the starter try only the places
// where one stands (the capitals of a sentence, not all its letters).

// runeSet is a set of characters, with the ASCII ones in a bit set.
type runeSet struct {
	ascii [2]uint64
	// ranges are the other characters, as sorted, disjoint lo-hi pairs.
	ranges []rune
}

func (s *runeSet) has(r rune) bool {
	if r < utf8.RuneSelf {
		return s.ascii[r>>6]&(1<<(r&63)) != 0
	}
	rs := s.ranges
	i := sort.Search(len(rs)/2, func(i int) bool { return rs[2*i+1] >= r })
	return i < len(rs)/2 && rs[2*i] <= r
}

// maxFirstPairs bounds the ranges of a set of first characters; a set of
// many is hardly a filter.
const maxFirstPairs = 4096

// firstRunes returns the set of characters one of which starts every
// non-empty match of t, or false when t may start with any character.
func firstRunes(t *syntax.Regexp) (*runeSet, bool) {
	var pairs []rune
	if !addFirst(t, &pairs) || len(pairs) > maxFirstPairs {
		return nil, false
	}
	return setOf(pairs), true
}

// setOf makes a set of lo-hi pairs of characters.
func setOf(pairs []rune) *runeSet {
	s := &runeSet{}
	n := normalize(pairs)
	for i := 0; i+1 < len(n); i += 2 {
		lo, hi := n[i], n[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			s.ascii[r>>6] |= 1 << (r & 63)
		}
		if hi >= utf8.RuneSelf {
			s.ranges = append(s.ranges, max(lo, utf8.RuneSelf), hi)
		}
	}
	return s
}

// addFirst adds to pairs the characters that can start a match of t, and
// reports false when any can.
func addFirst(t *syntax.Regexp, pairs *[]rune) bool {
	switch t.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(t.Rune) == 0 {
			return true
		}
		r := t.Rune[0]
		*pairs = append(*pairs, r, r)
		if t.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				*pairs = append(*pairs, f, f)
			}
		}
		return true
	case syntax.OpCharClass:
		*pairs = append(*pairs, t.Rune...)
		return true
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		return addFirst(t.Sub[0], pairs)
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if !addFirst(s, pairs) {
				return false
			}
			if !nullable(s) {
				return true
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !addFirst(s, pairs) {
				return false
			}
		}
		return true
	}
	return false // any character
}

// runeCount is the number of characters of normalized lo-hi pairs.
func runeCount(pairs []rune) int {
	n := 0
	for i := 0; i+1 < len(pairs); i += 2 {
		n += int(pairs[i+1]-pairs[i]) + 1
	}
	return n
}

// normalize sorts lo-hi pairs and joins those that overlap or touch.
func normalize(pairs []rune) []rune {
	type span struct{ lo, hi rune }
	sp := make([]span, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		sp = append(sp, span{pairs[i], pairs[i+1]})
	}
	sort.Slice(sp, func(i, j int) bool { return sp[i].lo < sp[j].lo })
	var out []rune
	for _, s := range sp {
		if n := len(out); n > 0 && s.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], s.hi)
			continue
		}
		out = append(out, s.lo, s.hi)
	}
	return out
}

// maxClassStarts is how many places a text may offer a starter of first
// characters before the plain search is cheaper: an anchored try costs
// little more than the search's own try at each position.
const maxClassStarts = 24

// starts returns the places of text where a character of the set
// stands, or false when there are too many.
func (s *runeSet) starts(text string, buf []int) ([]int, bool) {
	out := buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if s.ascii[c>>6]&(1<<(c&63)) != 0 {
				if out = append(out, i); len(out) > maxClassStarts {
					return nil, false
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if len(s.ranges) > 0 && s.has(r) {
			if out = append(out, i); len(out) > maxClassStarts {
				return nil, false
			}
		}
		i += n
	}
	return out, true
}
