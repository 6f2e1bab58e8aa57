package rules

import (
	"strings"
	"testing"
)

func TestLexNames(t *testing.T) {
	for l, name := range lexNames {
		if name == "" {
			t.Errorf("lexicon %d has no name", l)
		}
		if got, ok := lexOf(name); !ok || got != Lex(l) {
			t.Errorf("lexOf(%q) = %d, %v; want %d", name, got, ok, l)
		}
	}
	if _, ok := lexOf("no such lexicon"); ok {
		t.Error("lexOf knows a lexicon that does not exist")
	}
}

// TestWordsAgreeWithLexicons checks that the word sets answer as the
// lexicons do, for every lexicon the loader builds.
func TestWordsAgreeWithLexicons(t *testing.T) {
	for lang, f := range Default().Facts {
		t.Run(lang, func(t *testing.T) {
			for name, set := range f.lex {
				base, first := strings.CutSuffix(name, " first")
				l, ok := lexOf(base)
				if !ok {
					t.Errorf("lexicon %q has no Lex constant: add it to lex.go", base)
					continue
				}
				for w := range set {
					if first && !f.StartsPhrase(base, w) || first && !f.Words(w).Starts(l) {
						t.Errorf("%q does not start a phrase of %s", w, base)
					}
					if !first && (!f.Is(base, w) || !f.Words(w).Has(l)) {
						t.Errorf("%q is not in %s", w, base)
					}
				}
			}
			for w, ws := range f.words {
				for l, name := range lexNames {
					if ws.Has(Lex(l)) != f.lex[name][w] || ws.Starts(Lex(l)) != f.lex[name+" first"][w] {
						t.Errorf("word %q, lexicon %s: sets disagree", w, name)
					}
				}
			}
		})
	}
}
