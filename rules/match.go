package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// A regular expression searched for in a whole sentence tries every
// position of it, which is most of the time the case extractor spends. Most
// patterns can start only with one of a few words ("acquit", "sentenced",
// "court"), so a starter finds the places where those words stand, in a
// case-folded copy of the text, and runs the expression anchored there.
// The result is the same as the search's: the leftmost match, then the
// next one after its end.

// maxStarts is how many places a text may offer before the plain search is
// cheaper than one anchored try at each.
const maxStarts = 12

// starter runs an expression only where one of its first words stands.
type starter struct {
	re *regexp.Regexp
	// usable says that the starter knows where matches start (heads or
	// cls), so that the expression is run only there.
	usable bool
	// after1 is the expression anchored after one character, so that \b,
	// ^ and the like see the character before the place tried, as in a
	// search of the whole text; start is it anchored at the start of the
	// text. Both are compiled on first use: many expressions of a rule set
	// are never run (those of a language no page is in), and every
	// compiled copy is time at load and heap that each collection walks.
	after1, start struct {
		once sync.Once
		re   *regexp.Regexp
	}
	// heads are canonical (see canonRune) strings one of which starts
	// every match; nil when no such set is known.
	heads []string
	// byFirst holds the heads sorted by their first byte, for texts
	// searched for many heads at once: those starting with byte c are
	// byFirst[from[c]:from[c+1]].
	byFirst []string
	from    *[257]uint16
	first   [4]uint64 // the first bytes of the heads, as a set
	// pairs is the set of the first two bytes of the heads, hashed (see
	// pairKey); nil when a head has one byte.
	pairs *[64]uint64
	// cls, for an expression without heads, holds the characters that
	// can start a match (see runeSet).
	cls *runeSet
	// back says that a match may also start one character before a head
	// (see backLeads).
	back bool
	// walk, with heads and cls, says that a match starts at a character
	// of cls from which characters of walk alone lead to a head (see
	// walkLeads).
	walk *runeSet
}

// maxIndexed is how many heads are searched for one by one; more are
// found in one pass over the text.
const maxIndexed = 3

func newStarter(re *regexp.Regexp) *starter {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return &starter{re: re}
	}
	return newStarterOf(re, t.Simplify())
}

// newStarterOf is newStarter for re, whose simplified syntax tree is t.
func newStarterOf(re *regexp.Regexp, t *syntax.Regexp) *starter {
	s := &starter{re: re}
	if nullable(t) || anchoredStart(t) {
		// An empty match starts with no word; an anchored expression is
		// tried at the start only by the plain search.
		return s
	}
	heads, ok := leads(t)
	var cls *runeSet
	back := false
	if !ok || len(heads) == 0 {
		// A word after one character that is not part of it, written
		// for scripts \b does not know: "(?:^|[^\p{L}])осудил".
		if h, ok := backLeads(t); ok && len(h) > 0 && len(h) <= maxHeads {
			heads, back = h, true
		}
	}
	var walk *runeSet
	if !back && (!ok || len(heads) == 0) {
		// Words of some kinds of characters before heads: a court's name.
		if h, w, ok := walkLeads(t); ok && len(h) > 0 && len(h) <= maxHeads {
			if first, ok := firstRunes(t); ok {
				heads, cls, walk = h, first, setOf(w)
			}
		}
	}
	if !back && walk == nil && (!ok || len(heads) == 0) {
		// Some alternatives start with words, others with a class of
		// characters ("Ленинский районный суд", "районный суд").
		// They are worth finding by their words only when the words stand
		// for characters the class would try everywhere.
		h, pairs, ok := mixedLeads(t)
		if !ok || len(h) == 0 || len(pairs) == 0 || len(h) > maxHeads {
			return s.byClass(t)
		}
		var all []rune
		if addFirst(t, &all) && runeCount(normalize(pairs)) >= runeCount(normalize(all)) {
			return s.byClass(t)
		}
		heads, cls = h, setOf(pairs)
	}
	heads = shorten(heads, 48)
	for _, h := range heads {
		if strings.ContainsRune(h, utf8.RuneError) {
			return s // a text's stray bytes would stand for it
		}
	}
	if heads == nil {
		return s
	}
	s.usable, s.heads, s.cls, s.back, s.walk = true, heads, cls, back, walk
	if len(heads) > maxIndexed {
		var by [256][]string
		for _, h := range heads {
			by[h[0]] = append(by[h[0]], h)
			s.first[h[0]>>6] |= 1 << (h[0] & 63)
		}
		s.from = new([257]uint16)
		for c := range by {
			s.from[c] = uint16(len(s.byFirst))
			s.byFirst = append(s.byFirst, by[c]...)
		}
		s.from[256] = uint16(len(s.byFirst))
		s.pairs = new([64]uint64)
		for _, h := range heads {
			if len(h) < 2 {
				s.pairs = nil
				break
			}
			k := pairKey(h[0], h[1])
			s.pairs[k>>6] |= 1 << (k & 63)
		}
	}
	return s
}

// byClass makes s a starter by the first characters of t, when they are
// known.
func (s *starter) byClass(t *syntax.Regexp) *starter {
	cls, ok := firstRunes(t)
	if !ok {
		return s
	}
	s.usable, s.cls = true, cls
	return s
}

// places returns the sorted places of t's text from pos on, counted from
// pos, where a match may start; false when there are too many to try one
// by one, or the starter knows none.
func (s *starter) places(t *Text, pos int, buf []int) ([]int, bool) {
	if s.heads == nil {
		if s.cls != nil {
			return s.cls.starts(t.src[pos:], buf)
		}
		return nil, false
	}
	canon, ok := t.canonical()
	if !ok {
		return nil, false
	}
	// No head starts inside a character cut at pos, so the places found
	// in the rest of the copy are those of a copy of the rest.
	if s.walk != nil {
		return s.walkPlaces(t.src[pos:], canon[pos:], buf)
	}
	if s.back {
		var hb [maxStarts + 1]int
		hs, ok := s.starts(canon[pos:], hb[:])
		if !ok {
			return nil, false
		}
		rest := t.src[pos:]
		out := buf[:0]
		for _, h := range hs {
			if h > 0 {
				_, w := utf8.DecodeLastRuneInString(rest[:h])
				if n := len(out); n == 0 || out[n-1] < h-w {
					out = append(out, h-w)
				}
			}
			if n := len(out); n == 0 || out[n-1] < h {
				out = append(out, h)
			}
			if len(out) > maxClassStarts {
				return nil, false
			}
		}
		return out, true
	}
	if s.cls == nil {
		return s.starts(canon[pos:], buf)
	}
	var hb [maxStarts + 1]int
	var cb [maxClassStarts + 1]int
	hs, ok := s.starts(canon[pos:], hb[:])
	if !ok {
		return nil, false
	}
	cs, ok := s.cls.starts(t.src[pos:], cb[:])
	if !ok {
		return nil, false
	}
	// Both in order; a place in both is tried once.
	out := buf[:0]
	for len(hs) > 0 || len(cs) > 0 {
		var p int
		switch {
		case len(cs) == 0 || len(hs) > 0 && hs[0] < cs[0]:
			p, hs = hs[0], hs[1:]
		case len(hs) == 0 || cs[0] < hs[0]:
			p, cs = cs[0], cs[1:]
		default:
			p, hs, cs = hs[0], hs[1:], cs[1:]
		}
		if out = append(out, p); len(out) > maxClassStarts {
			return nil, false
		}
	}
	return out, true
}

// backLeads returns canonical strings such that every match of t starts
// where one of them stands or one character before: an alternative may be
// one character, or none, followed by an expression with heads
// ("(?:^|[^\p{L}])осудил"). False when no such set is known.
func backLeads(t *syntax.Regexp) ([]string, bool) {
	if h, ok := leads(t); ok {
		return h, true
	}
	switch t.Op {
	case syntax.OpCapture:
		return backLeads(t.Sub[0])
	case syntax.OpAlternate:
		var acc strSet
		for _, sub := range t.Sub {
			h, ok := backLeads(sub)
			if !ok {
				return nil, false
			}
			acc.add(h)
		}
		out := acc.list
		return out, len(out) <= maxHeads
	case syntax.OpConcat:
		if len(t.Sub) < 2 || !atMostOneRune(t.Sub[0]) {
			return nil, false
		}
		h, ok := leadsSeq(t.Sub[1:])
		if !ok || len(h) == 0 || nullable(concat(t.Sub[1:])) {
			return nil, false
		}
		return h, true
	}
	return nil, false
}

// atMostOneRune reports an expression whose every match is one character
// or empty.
func atMostOneRune(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpEmptyMatch,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		return len(t.Rune) <= 1
	case syntax.OpCapture, syntax.OpQuest:
		return atMostOneRune(t.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range t.Sub {
			if !atMostOneRune(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// mixedLeads is leads for an expression some of whose alternatives start
// with a class of characters: every non-empty match of t starts with one of
// heads (canonical strings) or with a character of the lo-hi pairs; false
// when neither is known.
func mixedLeads(t *syntax.Regexp) (heads []string, pairs []rune, ok bool) {
	if h, ok := leads(t); ok {
		return h, nil, true
	}
	switch t.Op {
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		return mixedLeads(t.Sub[0])
	case syntax.OpAlternate, syntax.OpConcat:
		for _, sub := range t.Sub {
			h, p, ok := mixedLeads(sub)
			if !ok {
				return nil, nil, false
			}
			heads, pairs = union(heads, h), append(pairs, p...)
			if t.Op == syntax.OpConcat && !nullable(sub) {
				break
			}
		}
		return heads, pairs, true
	}
	if !addFirst(t, &pairs) {
		return nil, nil, false
	}
	return nil, pairs, true
}

// anchoredStart reports an expression whose every match starts at the
// start of the text.
func anchoredStart(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return anchoredStart(t.Sub[0])
	case syntax.OpConcat:
		return len(t.Sub) > 0 && anchoredStart(t.Sub[0])
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !anchoredStart(s) {
				return false
			}
		}
		return len(t.Sub) > 0
	}
	return false
}

// starts returns the sorted places of canon where a head stands, or false
// when there are too many to try one by one.
func (s *starter) starts(canon string, buf []int) ([]int, bool) {
	out := buf[:0]
	if s.byFirst != nil {
		for i := 0; i < len(canon); i++ {
			c := canon[i]
			if s.first[c>>6]&(1<<(c&63)) == 0 {
				continue
			}
			if s.pairs != nil {
				if i+1 >= len(canon) {
					break
				}
				if k := pairKey(c, canon[i+1]); s.pairs[k>>6]&(1<<(k&63)) == 0 {
					continue
				}
			}
			for _, h := range s.byFirst[s.from[c]:s.from[int(c)+1]] {
				if strings.HasPrefix(canon[i:], h) {
					out = append(out, i)
					if len(out) > maxStarts {
						return nil, false
					}
					break
				}
			}
		}
		return out, true
	}
	for _, h := range s.heads {
		for from := 0; from < len(canon); {
			i := strings.Index(canon[from:], h)
			if i < 0 {
				break
			}
			out = append(out, from+i)
			if len(out) > maxStarts {
				return nil, false
			}
			from += i + 1
		}
	}
	if len(s.heads) > 1 {
		sortInts(out)
	}
	return out, true
}

// at0 returns the expression anchored at the start of the text.
func (s *starter) at0() *regexp.Regexp {
	s.start.once.Do(func() {
		// It compiles: re, which it holds, did.
		s.start.re = regexp.MustCompile(`^(?:` + s.re.String() + `)`)
	})
	return s.start.re
}

// at1 returns the expression anchored after the first character.
func (s *starter) at1() *regexp.Regexp {
	s.after1.once.Do(func() {
		s.after1.re = regexp.MustCompile(`^(?s:.)(?:` + s.re.String() + `)`)
	})
	return s.after1.re
}

// matchAt returns the end of the match that starts at p, or -1.
func (s *starter) matchAt(text string, p int) int {
	if p == 0 {
		if loc := s.at0().FindStringIndex(text); loc != nil {
			return loc[1]
		}
		return -1
	}
	_, n := utf8.DecodeLastRuneInString(text[:p])
	q := p - n
	if loc := s.at1().FindStringIndex(text[q:]); loc != nil {
		return q + loc[1]
	}
	return -1
}

// submatchAt is matchAt with the spans of the groups, as
// FindStringSubmatchIndex gives them, or nil.
func (s *starter) submatchAt(text string, p int) []int {
	if p == 0 {
		return s.at0().FindStringSubmatchIndex(text)
	}
	_, n := utf8.DecodeLastRuneInString(text[:p])
	q := p - n
	loc := s.at1().FindStringSubmatchIndex(text[q:])
	if loc == nil {
		return nil
	}
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += q
		}
	}
	loc[0] = p
	return loc
}

// findAll is re.FindAllStringIndex(t's text, -1).
func (s *starter) findAll(t *Text) [][]int {
	var buf [maxClassStarts + 1]int
	ps, ok := s.places(t, 0, buf[:])
	if !ok {
		return s.re.FindAllStringIndex(t.src, -1)
	}
	var out [][]int
	pos := 0
	for _, p := range ps {
		if p < pos {
			continue
		}
		if e := s.matchAt(t.src, p); e >= 0 {
			out = append(out, []int{p, e})
			pos = e
		}
	}
	return out
}

// match is re.MatchString(t's text).
func (s *starter) match(t *Text) bool {
	var buf [maxClassStarts + 1]int
	ps, ok := s.places(t, 0, buf[:])
	if !ok {
		return s.re.MatchString(t.src)
	}
	for _, p := range ps {
		if s.matchAt(t.src, p) >= 0 {
			return true
		}
	}
	return false
}

// submatchFrom is re.FindStringSubmatchIndex(t's text[pos:]).
func (s *starter) submatchFrom(t *Text, pos int) []int {
	var buf [maxClassStarts + 1]int
	ps, ok := s.places(t, pos, buf[:])
	if !ok {
		return s.re.FindStringSubmatchIndex(t.src[pos:])
	}
	rest := t.src[pos:]
	for _, p := range ps {
		if loc := s.submatchAt(rest, p); loc != nil {
			return loc
		}
	}
	return nil
}

// findAllSubmatch is re.FindAllStringSubmatchIndex(t's text, -1).
func (s *starter) findAllSubmatch(t *Text) [][]int {
	var buf [maxClassStarts + 1]int
	ps, ok := s.places(t, 0, buf[:])
	if !ok {
		return s.re.FindAllStringSubmatchIndex(t.src, -1)
	}
	var out [][]int
	pos := 0
	for _, p := range ps {
		if p < pos {
			continue
		}
		if loc := s.submatchAt(t.src, p); loc != nil {
			out = append(out, loc)
			pos = loc[1]
		}
	}
	return out
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// nullable reports whether t can match the empty string.
func nullable(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpNoMatch:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(t.Sub[0])
	case syntax.OpRepeat:
		return t.Min == 0 || nullable(t.Sub[0])
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if !nullable(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if nullable(s) {
				return true
			}
		}
		return false
	}
	// Star, Quest, empty match and the empty-width assertions.
	return true
}

// maxHeads bounds the sets leads and exact build.
const maxHeads = 128

// leads returns canonical strings one of which starts every non-empty
// match of t (never ""), or false when no small set is known.
func leads(t *syntax.Regexp) ([]string, bool) {
	if e, ok := exact(t); ok {
		return nonEmpty(e), true
	}
	switch t.Op {
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		return leads(t.Sub[0])
	case syntax.OpConcat:
		return leadsSeq(t.Sub)
	case syntax.OpAlternate:
		var acc strSet
		for _, s := range t.Sub {
			l, ok := leads(s)
			if !ok {
				return nil, false
			}
			acc.add(l)
		}
		out := acc.list
		return out, len(out) <= maxHeads
	case syntax.OpNoMatch:
		return nil, true
	}
	if nullable(t) && t.Op != syntax.OpLiteral {
		return nil, true // assertions and the empty match: nothing to start
	}
	return nil, false
}

// leadsSeq is leads for the concatenation of subs.
func leadsSeq(subs []*syntax.Regexp) ([]string, bool) {
	if len(subs) == 0 {
		return nil, true
	}
	s, rest := subs[0], subs[1:]
	if e, ok := exact(s); ok {
		r, rok := leadsSeq(rest)
		var out []string
		if rok && !nullable(concat(rest)) {
			// Every match is a word of e followed by a non-empty match of
			// the rest.
			for _, x := range e {
				for _, y := range r {
					out = append(out, x+y)
				}
			}
			return dedupe(out), len(out) <= maxHeads
		}
		out = nonEmpty(e)
		if hasEmpty(e) {
			if !rok {
				return nil, false
			}
			out = union(out, r)
		}
		return out, len(out) <= maxHeads
	}
	l, ok := leads(s)
	if !ok {
		return nil, false
	}
	if nullable(s) {
		r, ok := leadsSeq(rest)
		if !ok {
			return nil, false
		}
		l = union(l, r)
	}
	return l, len(l) <= maxHeads
}

func concat(subs []*syntax.Regexp) *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
}

// exact returns a finite set of canonical strings that holds every match
// of t (assertions are taken as always true), or false.
func exact(t *syntax.Regexp) ([]string, bool) {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		return []string{canonString(string(t.Rune))}, true
	case syntax.OpCharClass:
		n := 0
		var out []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			n += int(t.Rune[i+1]-t.Rune[i]) + 1
			if n > 32 {
				return nil, false
			}
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				out = append(out, string(canonRune(r)))
			}
		}
		return dedupe(out), true
	case syntax.OpCapture:
		return exact(t.Sub[0])
	case syntax.OpQuest:
		e, ok := exact(t.Sub[0])
		if !ok {
			return nil, false
		}
		return union([]string{""}, e), len(e) < maxHeads
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range t.Sub {
			e, ok := exact(s)
			if !ok || len(out)*len(e) > maxHeads {
				return nil, false
			}
			var next []string
			for _, x := range out {
				for _, y := range e {
					next = append(next, x+y)
				}
			}
			out = dedupe(next)
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			e, ok := exact(s)
			if !ok {
				return nil, false
			}
			out = union(out, e)
			if len(out) > maxHeads {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// shorten cuts the longest heads by a character at a time until at most n
// are left; nil when a head would become empty.
func shorten(hs []string, n int) []string {
	hs = dedupe(hs)
	for len(hs) > n {
		longest := 0
		for _, h := range hs {
			longest = max(longest, len(h))
		}
		if longest <= 1 {
			return nil
		}
		for i, h := range hs {
			if len(h) == longest {
				// Cut a whole character, not a byte of one.
				_, size := utf8.DecodeLastRuneInString(h)
				hs[i] = h[:len(h)-size]
			}
		}
		hs = dedupe(hs)
	}
	// A head that holds another one adds no place of its own.
	var out []string
	for i, h := range hs {
		covered := false
		for j, o := range hs {
			if i != j && len(o) < len(h) && strings.HasPrefix(h, o) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, h)
		}
	}
	for _, h := range out {
		if h == "" {
			return nil
		}
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func hasEmpty(ss []string) bool {
	for _, s := range ss {
		if s == "" {
			return true
		}
	}
	return false
}

func union(a, b []string) []string {
	return dedupe(append(append(make([]string, 0, len(a)+len(b)), a...), b...))
}

// strSet gathers strings without repeats, in the order first added.
type strSet struct {
	list []string
	seen map[string]bool // made once list is long
}

// add adds the strings of ss that are not in s yet.
func (s *strSet) add(ss []string) {
	for _, x := range ss {
		if s.seen == nil && len(s.list) >= 32 {
			s.seen = make(map[string]bool, 2*len(s.list))
			for _, y := range s.list {
				s.seen[y] = true
			}
		}
		if s.seen != nil {
			if s.seen[x] {
				continue
			}
			s.seen[x] = true
		} else if slices.Contains(s.list, x) {
			continue
		}
		s.list = append(s.list, x)
	}
}

// dedupe returns ss without its repeats, in the order of their first
// occurrence (nil when ss is empty). Short lists, the usual ones, are
// searched instead of hashed.
func dedupe(ss []string) []string {
	var out []string
	if len(ss) <= 32 {
	next:
		for _, s := range ss {
			for _, o := range out {
				if o == s {
					continue next
				}
			}
			out = append(out, s)
		}
		return out
	}
	seen := make(map[string]bool, len(ss))
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// FindAll returns the spans of the matches of the pattern in the text t
// was prepared from, as Regexp.FindAllStringIndex(text, -1) does.
func (p *Pattern) FindAll(t *Text) [][]int {
	if !p.CouldText(t) {
		return nil
	}
	if st := p.starter(); st != nil {
		return st.findAll(t)
	}
	return p.Regexp.FindAllStringIndex(t.src, -1)
}

// Match reports whether the pattern matches the text t was prepared from.
func (p *Pattern) Match(t *Text) bool {
	if !p.CouldText(t) {
		return false
	}
	if st := p.starter(); st != nil {
		return st.match(t)
	}
	return p.Regexp.MatchString(t.src)
}

// FindAllSubmatch returns the matches of the pattern with the spans of
// their groups, as Regexp.FindAllStringSubmatchIndex(text, -1) does.
func (p *Pattern) FindAllSubmatch(t *Text) [][]int {
	if !p.CouldText(t) {
		return nil
	}
	if st := p.starter(); st != nil {
		return st.findAllSubmatch(t)
	}
	return p.Regexp.FindAllStringSubmatchIndex(t.src, -1)
}

// FindSubmatchFrom is Regexp.FindStringSubmatchIndex(text[pos:]) for the
// text t was prepared from: the first match after pos, with pos taken as
// the start of the text, and spans counted from pos.
func (p *Pattern) FindSubmatchFrom(t *Text, pos int) []int {
	if st := p.starter(); st != nil {
		return st.submatchFrom(t, pos)
	}
	return p.Regexp.FindStringSubmatchIndex(t.src[pos:])
}

// starter returns the starter the loader made for the pattern, or nil for
// a pattern made or changed outside it.
func (p *Pattern) starter() *starter {
	if p.st != nil && p.st.re == p.Regexp {
		return p.st
	}
	return nil
}

// FindAllStringIndex is Regexp.FindAllStringIndex, with the expression
// run only where a match can start (see starter).
func (f *Filtered) FindAllStringIndex(s string, n int) [][]int {
	if n < 0 && f.st != nil && f.st.re == f.Regexp && f.st.usable {
		t := Text{src: s}
		return f.st.findAll(&t)
	}
	return f.Regexp.FindAllStringIndex(s, n)
}

// FindAll is Pattern.FindAll for an expression of the lexicons.
func (f *Filtered) FindAll(t *Text) [][]int {
	if !f.CouldText(t) {
		return nil
	}
	if f.st != nil && f.st.re == f.Regexp {
		return f.st.findAll(t)
	}
	return f.Regexp.FindAllStringIndex(t.src, -1)
}
