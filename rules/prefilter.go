package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
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
	return requiredOf(t.Simplify())
}

// analyze returns what the extractor needs beside the compiled re: the
// literals its matches require and where they can start, from one parse
// of the expression (parsing, for the Unicode classes, is most of the
// cost of loading the rules).
func analyze(re *regexp.Regexp) ([]string, *starter) {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil, &starter{re: re}
	}
	t = t.Simplify()
	return requiredOf(t), newStarterOf(re, t)
}

// requiredOf is required for the simplified syntax tree t.
func requiredOf(t *syntax.Regexp) []string {
	lits := minimalLits(requiredLits(t))
	for _, l := range lits {
		// One letter is no filter; one punctuation mark (";") is.
		if len(l) < 2 && (l == "" || l[0] >= 'a' && l[0] <= 'z' || l[0] >= '0' && l[0] <= '9' || l[0] >= 0x80) {
			return nil
		}
	}
	return lits
}

// minimalLits drops from a set of literals, one of which a text must hold,
// those that hold another of the set: a text that holds "sentence was
// reduced" holds "sentence".
func minimalLits(lits []string) []string {
	if lits == nil {
		return nil
	}
	out := make([]string, 0, len(lits))
next:
	for i, l := range lits {
		for j, k := range lits {
			if j != i && strings.Contains(l, k) && (k != l || j < i) {
				continue next
			}
		}
		out = append(out, l)
	}
	return out
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
	case syntax.OpEmptyMatch:
		return []string{""}
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
	case syntax.OpPlus:
		// \s+ stands for one space: prefilters test texts whose spaces
		// are folded (see Fold).
		if isSpaceClass(t.Sub[0]) {
			return []string{" "}
		}
	case syntax.OpStar:
		if isSpaceClass(t.Sub[0]) {
			return []string{"", " "}
		}
	case syntax.OpQuest:
		if e := exactSet(t.Sub[0]); e != nil && len(e) < 256 {
			return append([]string{""}, e...)
		}
	case syntax.OpCharClass:
		if isSpaceClass(t) {
			return []string{" "}
		}
		// A class of one letter in both cases ("[Ss]").
		if len(t.Rune) == 4 && t.Rune[0] == t.Rune[1] && t.Rune[2] == t.Rune[3] &&
			unicode.ToLower(t.Rune[0]) == unicode.ToLower(t.Rune[2]) {
			return []string{string(unicode.ToLower(t.Rune[0]))}
		}
	}
	return nil
}

// isSpaceClass reports \s.
func isSpaceClass(t *syntax.Regexp) bool {
	if t.Op != syntax.OpCharClass {
		return false
	}
	for i := 0; i+1 < len(t.Rune); i += 2 {
		for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
			if !unicode.IsSpace(r) {
				return false
			}
			if r > 0x3000 {
				break
			}
		}
	}
	return len(t.Rune) > 0
}

// Fold returns the form of a text that prefilters test: lower case, every
// run of white space one space.
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				if !space {
					b = append(b, ' ')
				}
				space = true
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			space = false
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			if !space {
				b = append(b, ' ')
			}
			space = true
			continue
		}
		space = false
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
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

// Could reports whether the pattern can match a text whose folded form
// (Fold) is lower; false means it surely cannot.
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
	lits  []string
	keyed []keyed
	st    *starter
}

// Could reports whether the expression can match a text whose lower-case
// form is lower.
func (f *Filtered) Could(lower string) bool { return could(f.lits, lower) }

func newFiltered(re *regexp.Regexp) *Filtered {
	lits, st := analyze(re)
	return &Filtered{Regexp: re, lits: lits, keyed: keyLits(lits), st: st}
}

// Text is a text prepared for prefilters: folded (see Fold), with a set of
// the byte pairs it holds, so that most literals are refused without a
// search, and the set of the patterns of one rule file that can match it.
type Text struct {
	Folded string
	// pairs holds 4096 bits, indexed by a hash of a byte pair; made on
	// first use (most texts are answered by the literal index).
	pairs *[64]uint64
	src   string
	// canon is the canonical copy of src (see canonText), made on first
	// use; canonState is 0 before, 1 when made, 2 when src has none.
	canon      string
	canonState uint8
	// could is the set of patterns of ix that can match (see litIndex),
	// found on first use.
	ix    *litIndex
	could [4]uint64
	// aligned says that Folded is src in lower case byte for byte, so
	// that a part of Folded is the folded form of that part of src (see
	// NewTextLower); whole is the text a part was cut from (see Cut).
	aligned bool
	whole   *Text
}

// NewText prepares s for prefilters.
func NewText(s string) *Text {
	return &Text{Folded: Fold(s), src: s}
}

// NewTextFolded is NewText for a text whose folded form the caller has
// made; folded must equal Fold(s).
func NewTextFolded(s, folded string) *Text {
	return &Text{Folded: folded, src: s}
}

// NewTextLower is NewText for a text that is valid UTF-8 and holds no white
// space but single ASCII spaces, and whose lower case (each character
// lowered, of the same length in bytes) the caller has made: lower is its
// folded form, and the folded form of each part of it is that part of
// lower (see Cut).
func NewTextLower(s, lower string) *Text {
	return &Text{Folded: lower, src: s, aligned: true}
}

// Cut returns the prepared text of the text t was prepared from, from
// byte i to byte j (places where characters start). A part of a text made
// by NewTextLower shares its folded form and canonical copy, and a
// pattern whose literals the whole does not hold is refused without a
// look at the part.
func (t *Text) Cut(i, j int) *Text {
	if !t.aligned {
		return NewText(t.src[i:j])
	}
	c := &Text{Folded: t.Folded[i:j], src: t.src[i:j], aligned: true, whole: t}
	if t.whole != nil {
		c.whole = t.whole
	}
	if t.canonState == 1 {
		c.canon, c.canonState = t.canon[i:j], 1
	}
	return c
}

func pairKey(a, b byte) uint16 { return (uint16(a)*31 + uint16(b)) & 4095 }

// fillPairs makes the set of byte pairs, on first use.
func (t *Text) fillPairs() {
	t.pairs = new([64]uint64)
	f := t.Folded
	for i := 0; i+1 < len(f); i++ {
		k := pairKey(f[i], f[i+1])
		t.pairs[k>>6] |= 1 << (k & 63)
	}
}

func (t *Text) has(l string) bool {
	if t.pairs == nil {
		t.fillPairs()
	}
	for i := 0; i+1 < len(l) && i < 4; i++ {
		k := pairKey(l[i], l[i+1])
		if t.pairs[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return strings.Contains(t.Folded, l)
}

// keyed is a literal with the byte-pair keys of its start.
type keyed struct {
	s    string
	keys [10]uint16
	n    int
}

func keyLits(lits []string) []keyed {
	if lits == nil {
		return nil
	}
	out := make([]keyed, len(lits))
	for i, l := range lits {
		k := keyed{s: l}
		for j := 0; j+1 < len(l) && j < 10; j++ {
			k.keys[j] = pairKey(l[j], l[j+1])
			k.n++
		}
		out[i] = k
	}
	return out
}

func (t *Text) hasKeyed(l *keyed) bool {
	if t.pairs == nil {
		t.fillPairs()
	}
	for j := 0; j < l.n; j++ {
		k := l.keys[j]
		if t.pairs[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return strings.Contains(t.Folded, l.s)
}

// CouldText is Could for a prepared text.
func (p *Pattern) CouldText(t *Text) bool {
	if p.lits == nil {
		return true
	}
	if p.ix != nil && p.ixRe == p.Regexp {
		if w := t.whole; w != nil && w.ix == p.ix && w.could[p.ixID>>6]&(1<<(p.ixID&63)) == 0 {
			return false // the part of a text holds no literal the whole lacks
		}
		if t.ix != p.ix {
			t.ix, t.could = p.ix, p.ix.scan(t.Folded)
		}
		return t.could[p.ixID>>6]&(1<<(p.ixID&63)) != 0
	}
	return couldText(p.lits, p.keyed, t)
}

// CouldText is Could for a prepared text.
func (f *Filtered) CouldText(t *Text) bool { return couldText(f.lits, f.keyed, t) }

func couldText(lits []string, ks []keyed, t *Text) bool {
	if lits == nil {
		return true
	}
	for i := range ks {
		if t.hasKeyed(&ks[i]) {
			return true
		}
	}
	return false
}

// canonical returns the canonical copy of the text, or false when it has
// none.
func (t *Text) canonical() (string, bool) {
	if t.canonState == 0 {
		t.canonState = 2
		if c, ok := canonText(t.src); ok {
			t.canon, t.canonState = c, 1
		}
	}
	return t.canon, t.canonState == 1
}
