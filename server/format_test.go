package server

import (
	"testing"

	"github.com/trialwatch/trialwatch"
)

func TestFormatMonths(t *testing.T) {
	tests := []struct {
		months int
		want   string
	}{
		{48, "4 years"}, {42, "3 years 6 months"}, {18, "1 year 6 months"}, {12, "1 year"},
		{13, "1 year 1 month"}, {6, "6 months"}, {1, "1 month"}, {0, "0 months"}, {300, "25 years"},
	}
	for _, tt := range tests {
		if got := formatMonths(tt.months); got != tt.want {
			t.Errorf("formatMonths(%d) = %q, want %q", tt.months, got, tt.want)
		}
	}
}

func TestFormatSentence(t *testing.T) {
	n := trialwatch.Ptr[int]
	tests := []struct {
		name     string
		min, max *int
		want     string
	}{
		{"none", nil, nil, ""},
		{"one term", n(48), n(48), "4 years"},
		{"whole years", n(48), n(72), "4 to 6 years"},
		{"mixed", n(42), n(60), "3 years 6 months to 5 years"},
		{"maximum only", nil, n(72), "up to 6 years"},
		{"minimum only", n(18), nil, "1 year 6 months"},
		{"one year", n(6), n(12), "6 months to 1 year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatSentence(tt.min, tt.max); got != tt.want {
				t.Errorf("formatSentence = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatDecisionDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-18", "18 March 2024"}, {"2024-02", "February 2024"}, {"spring", "spring"},
	}
	for _, tt := range tests {
		if got := formatDecisionDate(tt.in); got != tt.want {
			t.Errorf("formatDecisionDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
