package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"testing"
)

func TestFirstRunes(t *testing.T) {
	tests := []struct {
		re       string
		in, out  string // characters in the set, and not
		anyFirst bool   // no set: any character may start a match
	}{
		{re: `\p{Lu}[\p{L}]*\s+Court`, in: "AZÉЖ", out: "az1 .ж"},
		{re: `(?:\p{Lu}\w*\s+)*(?:Court|Tribunal)`, in: "ACTZЖ", out: "act1"},
		{re: `\d+(?:st|nd)|[Oo]ld Bailey`, in: "0159Oo", out: "aB "},
		{re: `(?i)court`, in: "cC", out: "okK"},
		{re: `(?i)kelvin`, in: "kK\u212a", out: "e"},
		{re: `\bx?y`, in: "xy", out: "z"},
		{re: `(?:a|b*)c`, in: "abc", out: "d"},
		{re: `.foo`, anyFirst: true},
		{re: `a|.`, anyFirst: true},
	}
	for _, tc := range tests {
		t.Run(tc.re, func(t *testing.T) {
			re, err := syntax.Parse(tc.re, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			s, ok := firstRunes(re.Simplify())
			if ok == tc.anyFirst {
				t.Fatalf("firstRunes ok = %v", ok)
			}
			if !ok {
				return
			}
			for _, r := range tc.in {
				if !s.has(r) {
					t.Errorf("%q not in the set", r)
				}
			}
			for _, r := range tc.out {
				if s.has(r) {
					t.Errorf("%q in the set", r)
				}
			}
		})
	}
}

// TestFilteredFindAll: the court and name expressions searched through
// their starters find what the plain search finds.
func TestFilteredFindAll(t *testing.T) {
	for _, f := range Default().Facts {
		for _, fe := range []*Filtered{f.CourtRe(), f.NameRe()} {
			if fe.st == nil || !fe.st.usable {
				t.Errorf("%.60s: no starter", fe.String())
			}
			for _, text := range starterTexts {
				want := fe.Regexp.FindAllStringIndex(text, -1)
				if got := fe.FindAllStringIndex(text, -1); !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("%.60s on %q: %v, want %v", fe.String(), text, got, want)
				}
			}
		}
	}
	re := &Filtered{Regexp: regexp.MustCompile(`\p{Lu}\w+ Court`)}
	if got := re.FindAllStringIndex("the Almaty Court", -1); !slices.EqualFunc(got, [][]int{{4, 16}}, slices.Equal) {
		t.Errorf("without a starter: %v", got)
	}
}
