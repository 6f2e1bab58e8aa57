package extract

import (
	"sync"
	"testing"

	"github.com/trialwatch/trialwatch/rules"
)

var englishFacts = sync.OnceValue(func() *rules.Facts { return rules.Default().Lang("en") })

// checkPrepared fails when a prepared sentence's folded text is not what
// rules.Fold makes of it.
func checkPrepared(t *testing.T, s string) {
	t.Helper()
	r := prepare(englishFacts(), s, 0)
	if want := rules.Fold(s); r.ft.Folded != want {
		t.Errorf("prepare(%q): folded %q, want %q", s, r.ft.Folded, want)
	}
}

func TestPrepareFoldsAsFold(t *testing.T) {
	for _, s := range []string{
		"",
		"The court sentenced Ivanov to five years.",
		"already lower case, single spaces",
		"Two  spaces here",
		"A tab\there and a newline\nthere",
		"A no-break\u00a0space and a thin\u2009space",
		"Quotes ’ and dashes – are no space",
		"Суд приговорил Иванова к пяти годам",
		"Bad \xff byte",
		"Ǆ changes length? İstanbul",
		"trailing space ",
	} {
		checkPrepared(t, s)
	}
}

func FuzzPrepare(f *testing.F) {
	f.Add("The court sentenced Ivanov to five years.")
	f.Add("Суд  приговорил\u00a0Иванова")
	f.Add("İ \xff\t")
	f.Fuzz(func(t *testing.T, s string) { checkPrepared(t, s) })
}
