package store

import (
	"testing"

	"github.com/trialwatch/trialwatch"
)

func TestStems(t *testing.T) {
	tests := []struct {
		court, location, country string
		want                     []string
	}{
		{"Taldykorgan City Court", "", "Kazakhstan", []string{"taldy"}},
		{"", "a court in Taldykorgan", "", []string{"taldy"}},
		{"Karasai District Court of the Almaty Region", "Almaty region", "Kazakhstan", []string{"karas", "almat"}},
		{"Supreme Court of Kyrgyzstan", "", "Kyrgyzstan", nil},
		{"Kayseri 3rd High Criminal Court", "", "Turkey", []string{"kayse"}},
		{"Талдыкорганский городской суд", "Талдыкорган", "Kazakhstan", []string{"taldy"}},
		{"суд № 2 Бостандыкского района Алматы", "", "", []string{"bosta", "almat"}},
		{"", "Алматы", "", []string{"almat"}},
		{"Бишкек", "Bishkek", "", []string{"bishk"}},
	}
	for _, tt := range tests {
		t.Run(tt.court+tt.location, func(t *testing.T) {
			c := trialwatch.Case{Stage: "verdict", Court: &tt.court, Location: &tt.location, Country: &tt.country}
			f := featuresOf(&c)
			if len(f.Places) != len(tt.want) || (len(tt.want) > 0 && !overlaps(f.Places, tt.want)) {
				t.Errorf("places %v, want %v", f.Places, tt.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	p := trialwatch.Ptr[string]
	n := trialwatch.Ptr[int]
	verdict := func(place, date string, defendants int, role string) trialwatch.Case {
		return trialwatch.Case{Stage: "verdict", Location: p(place), Country: p("Kazakhstan"), DecisionDate: p(date),
			Defendants: n(defendants), Convicted: n(defendants), DefendantRole: p(role)}
	}
	tests := []struct {
		name string
		a, b trialwatch.Case
		same bool
	}{
		{"same report", verdict("Almaty", "2024-03-19", 3, "police officers"), verdict("Almaty", "2024-03-19", 3, "police officers"), true},
		{"city and region", verdict("Almaty", "2024-03-19", 3, "police"), verdict("Almaty region", "2024-03", 3, "police"), true},
		{"another day", verdict("Almaty", "2024-03-19", 3, "police"), verdict("Almaty", "2024-03-20", 3, "police"), false},
		{"same day, other people", verdict("Almaty", "2024-03-19", 1, "journalist"), verdict("Almaty", "2024-03-19", 3, "police officers"), false},
		{"same day and counts, another spelling of the place", func() trialwatch.Case {
			c := verdict("Kaskelen", "2025-01-17", 6, "police")
			c.SentenceMinMonths, c.SentenceMaxMonths = n(36), n(36)
			return c
		}(), func() trialwatch.Case {
			c := verdict("Karasai District", "2025-01-17", 6, "police")
			c.SentenceMinMonths, c.SentenceMaxMonths = n(36), n(36)
			return c
		}(), true},
		{"undated recall of one person, specific description", func() trialwatch.Case {
			c := verdict("Astana", "", 1, "former KNB first deputy chairman")
			c.DecisionDate = nil
			return c
		}(), verdict("Astana", "2024-03-02", 1, "former KNB deputy chairman"), true},
		{"undated recall of someone else", func() trialwatch.Case {
			c := verdict("Astana", "", 1, "former KNB first deputy chairman")
			c.DecisionDate = nil
			return c
		}(), verdict("Astana", "2024-10-18", 1, "journalist"), false},
		{"other country", verdict("Almaty", "2024-03-19", 3, "police"), func() trialwatch.Case {
			c := verdict("Almaty", "2024-03-19", 3, "police")
			c.Country = p("Kyrgyzstan")
			return c
		}(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fa, fb := featuresOf(&tt.a), featuresOf(&tt.b)
			s := score(&fa, &fb)
			if (s >= matchThreshold) != tt.same {
				t.Errorf("score %.1f, want same=%v", s, tt.same)
			}
			if r := score(&fb, &fa); r != s {
				t.Errorf("score not symmetric: %.1f and %.1f", s, r)
			}
		})
	}
}
