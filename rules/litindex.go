package rules

// A sentence is tested against every pattern of a language, and each
// pattern's prefilter (the literals one of which every match holds) used to
// be tried literal by literal: some thousand strings per sentence. A
// litIndex holds the literals of all the patterns of one rule file, keyed by
// their first bytes, so that one pass over a folded text tells which
// patterns can match it at all.

// litBuckets is the number of hash buckets of the first bytes of the
// literals; a power of two.
const litBuckets = 1 << 12

// maxIndexedPatterns is how many patterns one index answers for: the
// answer is a fixed-size bit set in each prepared text.
const maxIndexedPatterns = 64 * len(Text{}.could)

// litEntry is one literal of one pattern.
type litEntry struct {
	s   string
	pat uint16
}

// litIndex finds, in one pass over a folded text, which patterns have a
// literal in it.
type litIndex struct {
	// one holds the literals of one byte by that byte; two those of two
	// bytes, and long the longer ones, by a hash of their first two or
	// three bytes.
	one   [256][]litEntry
	two   [litBuckets][]litEntry
	long  [litBuckets][]litEntry
	used2 [litBuckets / 64]uint64 // buckets of two that hold a literal
	usedL [litBuckets / 64]uint64 // buckets of long that hold a literal
	any1  bool
}

func hash2(a, b byte) uint32 { return (uint32(a)*131 + uint32(b)) & (litBuckets - 1) }
func hash3(a, b, c byte) uint32 {
	return (uint32(a)*16411 + uint32(b)*131 + uint32(c)) & (litBuckets - 1)
}

// newLitIndex indexes the literals of ps, which get the indexes of their
// places in ps; a pattern without literals (it may match anywhere) is not
// indexed and must not be asked about. It returns nil for more patterns
// than a text can answer for.
func newLitIndex(ps []*Pattern) *litIndex {
	if len(ps) > maxIndexedPatterns {
		return nil
	}
	ix := &litIndex{}
	for i, p := range ps {
		for _, l := range dedupe(p.lits) {
			e := litEntry{s: l, pat: uint16(i)}
			switch len(l) {
			case 0:
				// An empty literal is no filter; required never gives one.
				return nil
			case 1:
				ix.one[l[0]] = append(ix.one[l[0]], e)
				ix.any1 = true
			case 2:
				h := hash2(l[0], l[1])
				ix.two[h] = append(ix.two[h], e)
				ix.used2[h>>6] |= 1 << (h & 63)
			default:
				h := hash3(l[0], l[1], l[2])
				ix.long[h] = append(ix.long[h], e)
				ix.usedL[h>>6] |= 1 << (h & 63)
			}
		}
	}
	return ix
}

// scan returns the set of patterns with a literal in the folded text f.
func (ix *litIndex) scan(f string) (out [4]uint64) {
	n := len(f)
	for i := 0; i < n; i++ {
		if ix.any1 {
			for _, e := range ix.one[f[i]] {
				out[e.pat>>6] |= 1 << (e.pat & 63)
			}
		}
		if i+1 >= n {
			break
		}
		a, b := f[i], f[i+1]
		if h := hash2(a, b); ix.used2[h>>6]&(1<<(h&63)) != 0 {
			for _, e := range ix.two[h] {
				if e.s[0] == a && e.s[1] == b {
					out[e.pat>>6] |= 1 << (e.pat & 63)
				}
			}
		}
		if i+2 >= n {
			continue
		}
		h := hash3(a, b, f[i+2])
		if ix.usedL[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		rest := f[i:]
		for _, e := range ix.long[h] {
			if out[e.pat>>6]&(1<<(e.pat&63)) != 0 || len(e.s) > len(rest) {
				continue
			}
			if rest[:len(e.s)] == e.s {
				out[e.pat>>6] |= 1 << (e.pat & 63)
			}
		}
	}
	return out
}
