package rules

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// A court's name starts with any capitalised word, so its expression has
// no first words, and a starter by its first characters tries it at every
// capital of a sentence: dozens of tries, each a backtracking search over
// the words that follow. But every match holds a head ("Court",
// "Tribunal") after words of a few kinds of characters (letters, digits,
// spaces, hyphens): a match can start only at a capital from which such
// characters alone lead to a head. A walk back from each head over those
// characters finds the places worth a try; a capital in another clause, or
// after the last head, is passed over.

// minWalkHead is the length in bytes under which heads are too common in
// text to be walked back from (" ", "a ").
const minWalkHead = 3

// walkLeads returns canonical strings (heads) and characters (walk, as
// lo-hi pairs) such that every non-empty match of t starts at a place from
// which characters of walk alone lead to a place where a head stands (the
// head's own place included); false when no such heads are known. Of two
// sets of heads a match holds in turn, the one with the longer shortest
// head is kept, as the rarer in text.
func walkLeads(t *syntax.Regexp) (heads []string, walk []rune, ok bool) {
	if h, ok := leads(t); ok && walkable(h) {
		return h, nil, true
	}
	switch t.Op {
	case syntax.OpNoMatch:
		return nil, nil, true // no match to start: an empty lexicon
	case syntax.OpCapture:
		return walkLeads(t.Sub[0])
	case syntax.OpPlus, syntax.OpRepeat:
		// The first repetition starts the match: it is not empty.
		if t.Op == syntax.OpRepeat && t.Min < 1 || nullable(t.Sub[0]) {
			return nil, nil, false
		}
		return walkLeads(t.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range t.Sub {
			h, w, ok := walkLeads(sub)
			if !ok {
				return nil, nil, false
			}
			heads, walk = union(heads, h), append(walk, w...)
		}
		if len(heads) > maxHeads {
			// A head cut short still stands where the whole one does.
			heads = shorten(heads, maxHeads)
		}
		return heads, walk, heads != nil
	case syntax.OpConcat:
		// before holds the characters of the parts before sub.
		var before []rune
		for i, sub := range t.Sub {
			var h []string
			var hw []rune
			found := false
			if l, ok := leadsSeq(t.Sub[i:]); ok && walkable(l) && !nullable(concat(t.Sub[i:])) {
				h, found = l, true
			} else if !nullable(sub) {
				h, hw, found = walkLeads(sub)
			}
			if found && (heads == nil || minLen(h) > minLen(heads)) {
				heads = h
				walk = append(append([]rune(nil), before...), hw...)
			}
			if !addChars(sub, &before) {
				break
			}
		}
		return heads, walk, heads != nil
	}
	return nil, nil, false
}

// walkable reports heads long enough to walk back from.
func walkable(heads []string) bool {
	return len(heads) > 0 && minLen(heads) >= minWalkHead
}

// addChars adds to pairs every character a match of t can hold, and
// reports false when any can, or a byte that is no UTF-8 (which the
// engine reads as U+FFFD) can.
func addChars(t *syntax.Regexp, pairs *[]rune) bool {
	switch t.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		for _, r := range t.Rune {
			*pairs = append(*pairs, r, r)
			if t.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					*pairs = append(*pairs, f, f)
				}
			}
		}
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if t.Rune[i] <= utf8.RuneError && utf8.RuneError <= t.Rune[i+1] {
				return false
			}
		}
		*pairs = append(*pairs, t.Rune...)
		return true
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat,
		syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range t.Sub {
			if !addChars(sub, pairs) {
				return false
			}
		}
		return true
	}
	return false // any character
}

// walkPlaces returns the sorted places of text (the text from pos on of a
// starter's search, whose canonical copy is canon) where a match may start:
// the places of the first characters from which characters of the walk set
// alone lead to a head. False when there are too many.
func (s *starter) walkPlaces(text, canon string, buf []int) ([]int, bool) {
	var hb [maxStarts + 1]int
	hs, ok := s.starts(canon, hb[:])
	if !ok {
		return nil, false
	}
	out := buf[:0]
	done := 0 // text before it has been read for places
	for _, h := range hs {
		lo := h
		for lo > done {
			r, n := utf8.DecodeLastRuneInString(text[:lo])
			if !s.walk.has(r) {
				break
			}
			lo -= n
		}
		// The walk stops at done only when the text between is all of the
		// walk set: its places are read already.
		i := max(lo, done)
		for i <= h && i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if s.cls.has(r) {
				if out = append(out, i); len(out) > maxClassStarts {
					return nil, false
				}
			}
			i += n
		}
		done = i
	}
	return out, true
}
