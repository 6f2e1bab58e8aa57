package store

import (
	"testing"

	"github.com/trialwatch/trialwatch"
)

// FuzzDedup feeds arbitrary text (as extraction may produce from hostile
// pages) to the place normaliser, the match score and the merge: none may
// panic, the score must be symmetric, and a report always matches itself.
func FuzzDedup(f *testing.F) {
	f.Add("Taldykorgan City Court", "Taldykorgan", "Kazakhstan", "2024-03-18", "police officers", "a court in Талдыкорган", "2024-03")
	f.Add("", "", "", "", "", "", "")
	f.Add("\xff\xfe", "суд № 2", "K", "2024-13-99", "ex-", "=cmd|' /C calc'!A0", "-")
	f.Fuzz(func(t *testing.T, court, loc, country, date, role, court2, date2 string) {
		a := trialwatch.Case{Stage: "verdict", Court: &court, Location: &loc, Country: &country, DecisionDate: &date, DefendantRole: &role, Defendants: trialwatch.Ptr(3)}
		b := a
		b.Court, b.DecisionDate = &court2, &date2
		if !validDate(date) {
			a.DecisionDate = nil
		}
		if !validDate(date2) {
			b.DecisionDate = nil
		}
		fa, fb := featuresOf(&a), featuresOf(&b)
		if s1, s2 := score(&fa, &fb), score(&fb, &fa); s1 != s2 {
			t.Errorf("score not symmetric: %v %v", s1, s2)
		}
		if s := score(&fa, &fa); s < 0 && s != noMatch && len(fa.Dates) > 0 {
			t.Errorf("a report scores %v against itself", s)
		}
		_ = equivalentText(court, court2)
		merged, refs, _ := mergeCase([]contrib{
			{Seq: 1, Ref: trialwatch.SourceRef{URL: "a"}, Case: copyCase(a)},
			{Seq: 2, Ref: trialwatch.SourceRef{URL: "b"}, Case: copyCase(b)},
		})
		if len(refs) != 2 || merged.Stage != "verdict" {
			t.Errorf("merge lost sources or stage: %v %v", refs, merged.Stage)
		}
	})
}
