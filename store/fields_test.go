package store

import (
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

