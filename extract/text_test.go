package extract

import "testing"

func TestIsTeaserPhrase(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Related", true},
		{"Related video:", true},
		{"Most read", true},
		{"  READ ALSO: ", true},
		{"Читайте также:", true},
		{"Комментарии (12)", true},
		{"3 comments", true},
		{"More from Steppe Wire", true},
		{"You may also like…", true},
		{"Related to the case, the court said", false},
		{"The court", false},
		{"Comments by the prosecutor", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := isTeaserPhrase(tt.in); got != tt.want {
				t.Errorf("isTeaserPhrase(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
