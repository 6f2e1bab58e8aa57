package rules

import (
	"cmp"
	"slices"
	"strings"
)

// A sentence is tested against every pattern of a language, and each
// pattern's prefilter (the literals one of which every match holds) used to
// be tried literal by literal: some thousand strings per sentence. A
// litIndex holds the literals of all the patterns of one rule file, keyed by
// their first bytes, so that one pass over a folded text tells which
// patterns can match it at all.

// litBuckets is the number of hash buckets of each table; a power of two.
const litBuckets = 1 << 13

// maxIndexedPatterns is how many patterns one index answers for: the
// answer is a fixed-size bit set in each prepared text.
const maxIndexedPatterns = 64 * len(Text{}.could)

// litEntry is one literal of one pattern.
type litEntry struct {
	s   string
	pat uint16
	// next is the place in the table of the first entry after the run of
	// this pattern's entries in the bucket: once the pattern is found, the
	// rest of its literals are passed over.
	next uint16
	// head holds the first bytes of s, up to eight, as word (see word)
	// reads them; mask covers them.
	head, mask uint64
}

// litTable holds literals by a hash of their first bytes: the entries of
// bucket h are entries[start[h]:start[h+1]], those of one pattern
// together.
type litTable struct {
	start   [litBuckets + 1]uint16
	used    [litBuckets / 64]uint64 // buckets that hold a literal
	entries []litEntry
}

func (t *litTable) build(by [][]litEntry) {
	for h, es := range by {
		t.start[h] = uint16(len(t.entries))
		if len(es) > 0 {
			t.used[h>>6] |= 1 << (h & 63)
		}
		slices.SortStableFunc(es, func(a, b litEntry) int { return cmp.Compare(a.pat, b.pat) })
		for i := range es {
			e := &es[i]
			e.head, e.mask = word(e.s, 0), ^uint64(0)
			if len(e.s) < 8 {
				e.mask = 1<<(8*len(e.s)) - 1
			}
		}
		base := len(t.entries)
		t.entries = append(t.entries, es...)
		for i := len(es) - 1; i >= 0; i-- {
			next := base + len(es)
			if i+1 < len(es) && es[i+1].pat == es[i].pat {
				next = int(t.entries[base+i+1].next)
			} else if i+1 < len(es) {
				next = base + i + 1
			}
			t.entries[base+i].next = uint16(next)
		}
	}
	t.start[len(by)] = uint16(len(t.entries))
}

// word reads up to eight bytes of s from i, the first in the lowest byte
// of the result.
func word(s string, i int) uint64 {
	if i+8 <= len(s) {
		b := s[i : i+8]
		return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	}
	var w uint64
	for k := 0; i+k < len(s); k++ {
		w |= uint64(s[i+k]) << (8 * k)
	}
	return w
}

// litIndex finds, in one pass over a folded text, which patterns have a
// literal in it.
type litIndex struct {
	// one holds the literals of one byte by that byte; two, three and
	// long those of two, three and more bytes, by a hash of their first
	// two, three or four bytes.
	one [256][]litEntry
	// oneBytes are the bytes of one that hold a literal: few, each
	// searched for in the whole text at once.
	oneBytes         []byte
	two, three, long litTable
	// lead holds the byte pairs that start a literal of two bytes or
	// more: most places of a text start none, and are passed over; lead2,
	// lead3 and leadLong those that start a literal of two, three, and
	// four or more bytes.
	lead, lead2, lead3, leadLong [1 << 16 / 64]uint64
}

func hash2(a, b byte) uint32 { return (uint32(a)*131 + uint32(b)) & (litBuckets - 1) }
func hash3(a, b, c byte) uint32 {
	return (uint32(a)*16411 + uint32(b)*131 + uint32(c)) & (litBuckets - 1)
}
func hash4(a, b, c, d byte) uint32 {
	return ((uint32(a)<<24 | uint32(b)<<16 | uint32(c)<<8 | uint32(d)) * 2654435761) >> (32 - 13)
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
	two := make([][]litEntry, litBuckets)
	three := make([][]litEntry, litBuckets)
	long := make([][]litEntry, litBuckets)
	n := 0
	for i, p := range ps {
		for _, l := range dedupe(p.lits) {
			e := litEntry{s: l, pat: uint16(i)}
			n++
			var k uint16
			if len(l) >= 2 {
				k = uint16(l[0])<<8 | uint16(l[1])
				ix.lead[k>>6] |= 1 << (k & 63)
			}
			switch len(l) {
			case 0:
				// An empty literal is no filter; required never gives one.
				return nil
			case 1:
				if len(ix.one[l[0]]) == 0 {
					ix.oneBytes = append(ix.oneBytes, l[0])
				}
				ix.one[l[0]] = append(ix.one[l[0]], e)
			case 2:
				h := hash2(l[0], l[1])
				two[h] = append(two[h], e)
				ix.lead2[k>>6] |= 1 << (k & 63)
			case 3:
				h := hash3(l[0], l[1], l[2])
				three[h] = append(three[h], e)
				ix.lead3[k>>6] |= 1 << (k & 63)
			default:
				h := hash4(l[0], l[1], l[2], l[3])
				long[h] = append(long[h], e)
				ix.leadLong[k>>6] |= 1 << (k & 63)
			}
		}
	}
	if n > 1<<16-1 {
		return nil
	}
	ix.two.build(two)
	ix.three.build(three)
	ix.long.build(long)
	return ix
}

// scan returns the set of patterns with a literal in the folded text f.
func (ix *litIndex) scan(f string) (out [4]uint64) {
	for _, c := range ix.oneBytes {
		if strings.IndexByte(f, c) >= 0 {
			for _, e := range ix.one[c] {
				out[e.pat>>6] |= 1 << (e.pat & 63)
			}
		}
	}
	n := len(f)
	for i := 0; i+1 < n; i++ {
		a, b := f[i], f[i+1]
		k := uint16(a)<<8 | uint16(b)
		if ix.lead[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		if ix.lead2[k>>6]&(1<<(k&63)) != 0 {
			h := hash2(a, b)
			for _, e := range ix.two.entries[ix.two.start[h]:ix.two.start[h+1]] {
				if e.s[0] == a && e.s[1] == b {
					out[e.pat>>6] |= 1 << (e.pat & 63)
				}
			}
		}
		if i+2 >= n {
			continue
		}
		c := f[i+2]
		if ix.lead3[k>>6]&(1<<(k&63)) != 0 {
			h := hash3(a, b, c)
			for _, e := range ix.three.entries[ix.three.start[h]:ix.three.start[h+1]] {
				if e.s[0] == a && e.s[1] == b && e.s[2] == c {
					out[e.pat>>6] |= 1 << (e.pat & 63)
				}
			}
		}
		if i+3 >= n || ix.leadLong[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		h := hash4(a, b, c, f[i+3])
		if ix.long.used[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		w := word(f, i)
		es := ix.long.entries
		for j, end := int(ix.long.start[h]), int(ix.long.start[h+1]); j < end; {
			e := &es[j]
			bit := uint64(1) << (e.pat & 63)
			if out[e.pat>>6]&bit != 0 {
				j = int(e.next)
				continue
			}
			if w&e.mask == e.head && len(e.s) <= n-i && (len(e.s) <= 8 || f[i+8:i+len(e.s)] == e.s[8:]) {
				out[e.pat>>6] |= bit
				j = int(e.next)
				continue
			}
			j++
		}
	}
	return out
}
