package extract

import (
	"testing"

	"github.com/trialwatch/trialwatch/rules"
)

func TestResolveDate(t *testing.T) {
	f := enFacts(t)
	tests := []struct{ text, pub, want string }{
		{"on March 18", "2024-03-20", "2024-03-18"},
		{"on March 18", "2024-03-18", "2024-03-18"},
		{"on December 24", "2026-01-14", "2025-12-24"},
		{"on 17 January 2025", "2025-01-20", "2025-01-17"},
		{"on February 12, 2025", "2026-01-14", "2025-02-12"},
		{"On Monday, 17 October 2022", "2022-10-19", "2022-10-17"},
		{"on Monday", "2024-03-19", "2024-03-18"},
		{"on Tuesday", "2024-03-19", "2024-03-19"},
		{"last Tuesday", "2024-03-19", "2024-03-12"},
		{"on Friday", "2024-01-21", "2024-01-19"},
		{"yesterday", "2024-03-01", "2024-02-29"},
		{"today, February 25", "2025-02-25", "2025-02-25"},
		{"in December", "2024-03-20", "2023-12"},
		{"in March", "2024-03-20", "2024-03"},
		{"in October 2024", "2025-02-25", "2024-10"},
		{"In April, the court", "2026-01-14", "2025-04"},
		{"on Jan. 24, 2023", "2023-02-01", "2023-01-24"},
		{"on the 3rd of October", "2025-10-20", "2025-10-03"},
		{"on the 21st of March 2024", "2025-10-20", "2024-03-21"},
		{"on October 3rd", "2025-10-20", "2025-10-03"},
		{"this week", "2024-03-20", ""},
		{"recently", "2024-03-20", ""},
		{"on March 18", "", ""},
		{"on 18 March 2024", "", "2024-03-18"},
		{"on February 30", "2024-03-20", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text+"@"+tt.pub, func(t *testing.T) {
			if got := ResolveDate(f, tt.text, tt.pub); got != tt.want {
				t.Errorf("ResolveDate(%q, %q) = %q, want %q", tt.text, tt.pub, got, tt.want)
			}
		})
	}
}

func FuzzDecisionDate(f *testing.F) {
	fs := rules.Default().Lang("en")
	for _, s := range []string{"on March 18", "on Monday, 17 October 2022", "in December", "yesterday", "on 31 February 2024", "last Friday"} {
		f.Add(s, "2024-03-20")
	}
	f.Fuzz(func(t *testing.T, s, pub string) {
		got := ResolveDate(fs, s, pub)
		if got == "" {
			return
		}
		if len(got) != 7 && len(got) != 10 {
			t.Fatalf("ResolveDate(%q, %q) = %q", s, pub, got)
		}
		if len(pub) == 10 && got[:len(got)] > pub && len(got) == 10 && !hasYear(s) {
			t.Fatalf("ResolveDate(%q, %q) = %q is after publication", s, pub, got)
		}
	})
}

// hasYear reports a four-digit number in s: such a date is not resolved
// against publication.
func hasYear(s string) bool {
	for _, t := range tokenize(s) {
		if isYearTok(t) {
			return true
		}
	}
	return false
}
