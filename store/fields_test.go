package store

import (
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/trialwatch/trialwatch"
)

// The field accessors must name the same fields as the case's own maps,
// which the rest of the program goes by.
func TestFieldAccessorsMatchCaseMaps(t *testing.T) {
	var c trialwatch.Case
	strs, ints := c.Strings(), c.Ints()
	if len(strKeys) != len(strs) || len(intKeys) != len(ints) {
		t.Fatalf("store knows %d text and %d whole-number fields, the case has %d and %d",
			len(strKeys), len(intKeys), len(strs), len(ints))
	}
	for i, k := range strKeys {
		if strField(&c, i) != strs[k] {
			t.Errorf("text field %d (%s) is not the case's %s", i, k, k)
		}
	}
	for i, k := range intKeys {
		if intField(&c, i) != ints[k] {
			t.Errorf("whole-number field %d (%s) is not the case's %s", i, k, k)
		}
	}
}

// textSum must give the sum the store has always given a text: stored
// articles are found again by it.
func TestTextSumJoinsFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", "  two  words ", "a\tb\nc\r\nd", "no\u00a0break\u2003em space\u3000ideographic",
		"Суд  приговорил\n\nбывших сотрудников", "x\x85y", "\xff\xfe bad utf8 \xc3",
	} {
		want := sha256.Sum256([]byte(strings.Join(strings.Fields(s), " ")))
		if got := textSum(s); got != want {
			t.Errorf("textSum(%q) = %x, want %x", s, got, want)
		}
	}
}

func FuzzTextSum(f *testing.F) {
	f.Add("  two  words ")
	f.Add("no\u00a0break\u2003em")
	f.Fuzz(func(t *testing.T, s string) {
		if textSum(s) != sha256.Sum256([]byte(strings.Join(strings.Fields(s), " "))) {
			t.Errorf("textSum(%q) differs from the sum of its joined fields", s)
		}
	})
}
