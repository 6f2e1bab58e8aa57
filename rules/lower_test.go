package rules

import (
	"strings"
	"testing"
)

func TestAppendLowerIsToLower(t *testing.T) {
	for _, s := range []string{"", "ivanov", "Ivanov", "KAZAKH", "Алматы", "ÅNGSTRÖM", "İstanbul", "a\xffB", "Ǆemal", "ΣΟΦΙΑ"} {
		if got, want := string(AppendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"Ivanov", "Алматы", "a\xffB", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
