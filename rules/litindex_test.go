package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkIndex compares, for every default pattern, the answer of the
// literal index with the pattern's own literals tried one by one, and
// checks that no pattern it refuses matches.
func checkIndex(t testing.TB, set *Set, text string) {
	t.Helper()
	for lang, f := range set.Facts {
		tx := NewText(text)
		for _, p := range f.Patterns {
			if p.ix == nil && p.lits != nil {
				t.Fatalf("%s pattern %q has literals but no index", lang, p.Name)
			}
			got := p.CouldText(tx)
			if want := couldText(p.lits, p.keyed, tx); got != want {
				t.Fatalf("%s pattern %q on %q: index says %v, literals %v (%q)", lang, p.Name, text, got, want, p.lits)
			}
			if !got && p.Regexp.MatchString(text) {
				t.Fatalf("%s pattern %q matches %q, which its prefilter refuses", lang, p.Name, text)
			}
		}
	}
}

func TestLitIndex(t *testing.T) {
	set := Default()
	for _, s := range starterTexts {
		checkIndex(t, set, s)
		checkIndex(t, set, strings.ToUpper(s))
		for i := 0; i < len(s); i += 9 {
			checkIndex(t, set, s[i:])
		}
	}
	// Literals at the very end and start of a text, and texts shorter than
	// a hash key.
	step := 1
	if raceEnabled {
		step = 25
	}
	var lits []string
	for _, f := range set.Facts {
		for _, p := range f.Patterns {
			lits = append(lits, p.lits...)
		}
	}
	for i := 0; i < len(lits); i += step {
		l := lits[i]
		checkIndex(t, set, l)
		checkIndex(t, set, "x"+l)
		checkIndex(t, set, l[:len(l)-1])
	}
}

// TestLitIndexTooMany: a rule file of more patterns than a text can answer
// for keeps the literal-by-literal prefilter.
func TestLitIndexTooMany(t *testing.T) {
	ps := make([]*Pattern, maxIndexedPatterns+1)
	for i := range ps {
		ps[i] = &Pattern{lits: []string{"court"}}
	}
	if newLitIndex(ps) != nil {
		t.Fatal("index made for too many patterns")
	}
	if newLitIndex(ps[:maxIndexedPatterns]) == nil {
		t.Fatal("no index for as many patterns as a text answers for")
	}
}

func FuzzLitIndex(f *testing.F) {
	set := Default()
	for _, s := range starterTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 400 {
			text = text[:400]
		}
		checkIndex(t, set, text)
	})
}

func TestMinimalLits(t *testing.T) {
	got := minimalLits([]string{"sentence was reduced", "jailed", "sentence", "jail", "sentence", "court"})
	want := []string{"sentence", "jail", "court"}
	if !slices.Equal(got, want) {
		t.Errorf("minimalLits = %q, want %q", got, want)
	}
	if minimalLits(nil) != nil {
		t.Error("minimalLits(nil) is not nil: a pattern without literals would refuse every text")
	}
}

// TestLitIndexScan: patterns whose literals share first bytes (one hash
// bucket), literals longer and shorter than a word of eight bytes, at the
// end of a text and cut by it.
func TestLitIndexScan(t *testing.T) {
	lits := [][]string{
		{"sentence was reduced", "sentence was cut", "sentence were cut"},
		{"sentence"},
		{"sentenced to"},
		{"ab", "abc", "abcd"},
		{";", "xyz"},
		{"sentence was cut", "senten"},
		{"é suspendu", "été"},
	}
	var ps []*Pattern
	for _, l := range lits {
		ps = append(ps, &Pattern{lits: l})
	}
	ix := newLitIndex(ps)
	texts := []string{
		"the sentence was cut", "sentence", "sentenc", "sentenced to", "sentenced t",
		"xabc", "ab;", "a", "", "sentence were cu", "senten", "l'été", "é suspend",
		"he sentence was reduced to the sentence were cut; sentenced to abcd",
	}
	for _, text := range texts {
		got := ix.scan(text)
		for i, p := range ps {
			in := got[i>>6]&(1<<(i&63)) != 0
			if want := could(p.lits, text); in != want {
				t.Errorf("%q: pattern %d (%q) found %v, want %v", text, i, p.lits, in, want)
			}
		}
	}
}

// TestTextCut: a part cut from a text made by NewTextLower has the folded
// form Fold gives it, and its prefilter answers as the part's own, whether
// or not the whole was asked first; its patterns find what the plain
// search finds.
func TestTextCut(t *testing.T) {
	set := Default()
	for _, s := range starterTexts {
		lower := strings.ToLower(s)
		if len(lower) != len(s) || !utf8.ValidString(s) || strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\n\u00a0") {
			continue
		}
		for _, askWhole := range []bool{false, true} {
			for _, f := range set.Facts {
				whole := NewTextLower(s, lower)
				if askWhole {
					for _, p := range f.Patterns {
						p.FindAll(whole) // asks the prefilter, makes the canonical copy
					}
				}
				for i := 0; i <= len(s); i += 7 {
					for i < len(s) && !utf8.RuneStart(s[i]) {
						i++
					}
					for j := i; j <= len(s); j += 11 {
						for j < len(s) && !utf8.RuneStart(s[j]) {
							j++
						}
						part := whole.Cut(i, j)
						if part.Folded != Fold(s[i:j]) {
							t.Fatalf("Cut(%d, %d) of %q: folded %q, want %q", i, j, s, part.Folded, Fold(s[i:j]))
						}
						plain := NewText(s[i:j])
						for _, p := range f.Patterns {
							if got, want := p.CouldText(part), p.CouldText(plain); got != want {
								t.Fatalf("%s on %q cut from %q: CouldText %v, want %v", p.Name, s[i:j], s, got, want)
							}
							if p.CouldText(part) {
								if got, want := p.FindAll(part), p.Regexp.FindAllStringIndex(s[i:j], -1); !slices.EqualFunc(got, want, slices.Equal) {
									t.Fatalf("%s on %q cut from %q: %v, want %v", p.Name, s[i:j], s, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
}
