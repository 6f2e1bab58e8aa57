package extract

import "testing"

func TestLetterWindows(t *testing.T) {
	tests := []struct {
		s          string
		n          int
		last, head string
	}{
		{"sentenced to five years", 5, "years", "sente"},
		{"приговорил к пяти годам", 5, "годам", "приго"},
		{"ab", 5, "ab", "ab"},
		{"", 3, "", ""},
		{"x\xffy", 2, "\xffy", "x\xff"},
	}
	for _, tt := range tests {
		if got := lastLetters(tt.s, tt.n); got != tt.last {
			t.Errorf("lastLetters(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.last)
		}
		if got := firstLetters(tt.s, tt.n); got != tt.head {
			t.Errorf("firstLetters(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.head)
		}
	}
}
