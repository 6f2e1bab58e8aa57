package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

func TestWalkLeads(t *testing.T) {
	tests := []struct {
		re      string
		heads   []string // nil: none known
		in, out string   // characters in the walk set, and not
	}{
		{re: `(?:\p{Lu}\w*\s+)*(?:Court|Tribunal)`, heads: []string{"court", "tribunal"}, in: "Aa1_ \t", out: ",.'’("},
		// The rarer of two sets of heads a match holds: "court", not the
		// types before it.
		{re: `\p{Lu}[\p{L}-]+(?:\s+(?:city|district))+\s+court\b`, heads: []string{"court"}, in: "Zz- ", out: "1,"},
		{re: `\d+(?:st|nd)\s+[Dd]istrict\s+Court|Old\s+Bailey`, heads: []string{"district ", "old "}, in: "09st ", out: "O"},
		{re: `(?:\p{Lu}\w*\s+)*(?:Court|[^\s\S])`, heads: []string{"court"}, in: "A "},
		// Heads too short to walk back from, or any character before them.
		{re: `\p{Lu}\w*\s+a\b`},
		{re: `.*court`},
		{re: `\p{Lu}[^,]*court`},
		{re: `\p{Lu}\w*`},
	}
	for _, tc := range tests {
		t.Run(tc.re, func(t *testing.T) {
			re, err := syntax.Parse(tc.re, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			heads, walk, ok := walkLeads(re.Simplify())
			if !ok {
				heads = nil
			}
			slices.Sort(heads)
			want := slices.Clone(tc.heads)
			slices.Sort(want)
			if !slices.Equal(heads, want) {
				t.Fatalf("heads = %q, want %q", heads, want)
			}
			set := setOf(walk)
			for _, r := range tc.in {
				if !set.has(r) {
					t.Errorf("%q not in the walk set", r)
				}
			}
			for _, r := range tc.out {
				if set.has(r) {
					t.Errorf("%q in the walk set", r)
				}
			}
		})
	}
}

// TestWalkStarter: expressions whose starter walks back from heads find
// what the plain search finds, in texts where heads stand at the start,
// twice in one run of words, in other clauses, after bytes that are no
// UTF-8 and after letters whose case folds elsewhere.
func TestWalkStarter(t *testing.T) {
	exprs := []string{
		`(?:(?:\p{Lu}[\p{L}'’.-]*|\d+(?:st|nd|rd|th))\s+)*(?:Court|Tribunal)(?:\s+of\s+\p{Lu}\w*)?(?:\b|[^\p{L}\p{N}_]|$)`,
		`\p{Lu}[\p{L}-]+(?:\s+(?:city|district))+\s+court\b|Old Bailey`,
		`(\p{Lu}\w+)(?:'s|’s)\s+(?i:court)\b`,
	}
	texts := []string{
		"Court rules.",
		"The Almaty City Court said the Supreme Court Tribunal met; the 2nd District Court, Astana City Court.",
		"Judge Smith of the Almaty City Court said on Monday that Ivanov, of the Interior Ministry, was jailed.",
		"a x-Almaty district court and Taraz city district court; Old Bailey",
		"Bad \xff Court, \xe2\x84 Court \xc3Court, Éte Court",
		"The \u212aelvin Court and \u017fome Court",
		"Almaty's court, Astana’s Court, the court's ruling",
		"ALL CAPS COURT OF APPEAL; court court court",
		strings.Repeat("A Court, ", 14),
		strings.Repeat("A B C D E F G H I J K L M ", 2) + "Court",
		"",
	}
	for _, e := range exprs {
		re := regexp.MustCompile(e)
		if s := testStarter(re); s.walk == nil {
			t.Errorf("%s: no walk", e)
		}
		for _, text := range texts {
			checkStarter(t, re, text)
			checkFrom(t, re, text)
		}
	}
}
