package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// want lists the fields a case must have; a field not named must be null
// when strict is set.
type want map[string]any

func caseValue(c trialwatch.Case, field string) any {
	if field == "stage" {
		return string(c.Stage)
	}
	if p, ok := c.Ints()[field]; ok && *p != nil {
		return **p
	}
	if p, ok := c.Strings()[field]; ok && *p != nil {
		return **p
	}
	return nil
}

func checkCases(tb testing.TB, got []trialwatch.Case, wants []want) {
	tb.Helper()
	if len(got) != len(wants) {
		var b strings.Builder
		for _, c := range got {
			fmt.Fprintf(&b, "\n  %s", describe(c))
		}
		tb.Fatalf("got %d cases, want %d:%s", len(got), len(wants), b.String())
	}
	for i, w := range wants {
		for field, v := range w {
			if g := caseValue(got[i], field); fmt.Sprint(g) != fmt.Sprint(v) {
				tb.Errorf("case %d: %s = %v, want %v (%s)", i, field, g, v, describe(got[i]))
			}
		}
		for field, ev := range got[i].Evidence {
			if ev == "" {
				tb.Errorf("case %d: empty evidence for %s", i, field)
			}
		}
	}
}

func describe(c trialwatch.Case) string {
	var parts []string
	for _, f := range trialwatch.ScoredFields {
		if v := caseValue(c, f); v != nil {
			parts = append(parts, fmt.Sprintf("%s=%v", f, v))
		}
	}
	return strings.Join(parts, " ")
}

func TestCases(t *testing.T) {
	rs := rules.Default()
	tests := []struct {
		name, title, text, pub string
		want                   []want
	}{
		{
			name: "verdict with range, place and weekday",
			text: "A court in Shymkent on Tuesday sentenced five former police officers to between three and seven years in prison for torturing a detainee.",
			pub:  "2024-05-09",
			want: []want{{"stage": "verdict", "court": nil, "location": "Shymkent", "country": "Kazakhstan", "decision_date": "2024-05-07",
				"defendants": 5, "convicted": 5, "imprisoned": 5, "sentence_min_months": 36, "sentence_max_months": 84, "victims": 1}},
		},
		{
			name: "named court, each, digits",
			text: "The Aktobe City Court on 3 April 2023 found all 4 defendants guilty of abuse of power and sentenced each of them to 5 years.",
			pub:  "2023-04-05",
			want: []want{{"court": "Aktobe City Court", "location": "Aktobe", "decision_date": "2023-04-03", "defendants": 4, "convicted": 4,
				"imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "split outcome with suspended and acquittal",
			text: "The Bostandyk District Court of Almaty convicted nine officers on Friday. Six of them received prison terms of 18 months to four years, two were given suspended sentences and one was fined. Three other defendants were acquitted.",
			pub:  "2022-11-14",
			want: []want{{"court": "Bostandyk District Court of Almaty", "location": "Almaty", "decision_date": "2022-11-11", "defendants": 12,
				"convicted": 9, "acquitted": 3, "imprisoned": 6, "suspended": 2, "sentence_min_months": 18, "sentence_max_months": 48}},
		},
		{
			name: "demonym court and month only",
			text: "A Kyrgyz court in December jailed a former border guard for eleven years for the killing of a teenager.",
			pub:  "2023-02-01",
			want: []want{{"country": "Kyrgyzstan", "decision_date": "2022-12", "defendants": 1, "convicted": 1, "imprisoned": 1,
				"sentence_min_months": 132, "sentence_max_months": 132, "victims": 1}},
		},
		{
			name: "acquittal only",
			text: "An Almaty court on Monday acquitted two traffic policemen accused of beating a driver, finding no evidence of a crime.",
			pub:  "2021-06-16",
			want: []want{{"location": "Almaty", "decision_date": "2021-06-14", "defendants": 2, "acquitted": 2, "convicted": nil, "imprisoned": nil}},
		},
		{
			name: "appeal upheld with recalled verdict",
			text: "The Court of Appeal on Wednesday upheld the conviction of a police captain jailed for eight years.\n\nThe Taraz City Court had convicted him in March of torturing two suspects.",
			pub:  "2023-07-14",
			want: []want{
				{"stage": "appeal", "court": "Court of Appeal", "decision_date": "2023-07-12", "defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_max_months": 96},
				{"stage": "verdict", "court": "Taraz City Court", "location": "Taraz", "decision_date": "2023-03", "defendants": 1, "victims": 2},
			},
		},
		{
			name: "not cases: demand, maximum, arrest, trial opened",
			text: "Prosecutors asked for ten years for each of the three officers. If convicted, they face up to 12 years in prison. The officers were arrested in May. Their trial opened on Monday in Taldykorgan.",
			pub:  "2024-01-10",
			want: nil,
		},
		{
			name: "statistics are no case",
			text: "According to official figures, 58 officers were convicted of torture in 2023, and 12 cases involving 42 employees were sent to court.",
			pub:  "2024-02-01",
			want: nil,
		},
		{
			name: "court in another sense",
			text: "The home side won on the centre court on Saturday, and officials said a new basketball court would open next to the food court in the mall.",
			pub:  "2024-02-01",
			want: nil,
		},
		{
			name: "life sentence counts as imprisoned, not in months",
			text: "A court in Bishkek on Thursday sentenced two men to life imprisonment and a third to 15 years in prison for the murder of a journalist.",
			pub:  "2022-09-30",
			want: []want{{"location": "Bishkek", "defendants": 3, "convicted": 3, "imprisoned": 3, "sentence_min_months": 180, "sentence_max_months": 180, "victims": 1}},
		},
		{
			name: "restricted freedom is not custodial",
			text: "A court in Oral on Friday sentenced activist Marat Zhylanbayev to three years of restricted freedom.",
			pub:  "2023-08-05",
			want: []want{{"location": "Oral", "defendants": 1, "convicted": 1, "imprisoned": nil, "suspended": nil, "sentence_max_months": nil}},
		},
		{
			name: "dateline gives the place and country",
			text: "ASTANA, March 3 (Agency) - Three prison guards were convicted on Thursday of beating an inmate and each received four years in a penal colony.",
			pub:  "2023-03-03",
			want: []want{{"location": "Astana", "country": "Kazakhstan", "decision_date": "2023-03-02", "defendants": 3, "convicted": 3, "imprisoned": 3,
				"sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "up to gives a maximum only",
			text: "A court in Tashkent on 12 May 2022 jailed eleven protesters for up to nine years.",
			pub:  "2022-05-14",
			want: []want{{"location": "Tashkent", "country": "Uzbekistan", "imprisoned": 11, "sentence_max_months": 108, "sentence_min_months": nil}},
		},
		{
			name: "two fresh verdicts kept apart",
			text: "On Monday a court in Almaty sentenced an investigator to six years. On Wednesday, in a separate case, a court in Karaganda jailed two guards for four years each.",
			pub:  "2024-04-12",
			want: []want{
				{"location": "Almaty", "decision_date": "2024-04-08", "imprisoned": 1, "sentence_max_months": 72},
				{"location": "Karaganda", "decision_date": "2024-04-10", "imprisoned": 2, "sentence_max_months": 48},
			},
		},
		{
			name:  "headline fills the head count",
			title: "Court jails four officers over death in custody",
			text:  "The Pavlodar Regional Court handed down terms of between five and nine years on Tuesday, the prosecutor's office said.",
			pub:   "2023-10-19",
			want:  []want{{"court": "Pavlodar Regional Court", "location": "Pavlodar", "decision_date": "2023-10-17", "imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 108}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := trialwatch.Article{Title: tt.title, Text: tt.text, Published: tt.pub}
			checkCases(t, Cases(a, rs), tt.want)
		})
	}
}

func FuzzCases(f *testing.F) {
	rs := rules.Default()
	f.Add("A court in Almaty on Monday sentenced three officers to four to six years.", "2024-03-20")
	f.Add("Six of them were each given 7.5-9 years; two were acquitted.", "")
	f.Add("Ivanov received seven years, Petrov five and Sidorov three, and another to seven-and-a-half years, respectively.", "2025-10-20")
	f.Add("The court jailed four for six, seven and eight years and gave a fifth a fine; the rest were cleared on the 3rd of October.", "2025-10-20")
	f.Fuzz(func(t *testing.T, text, pub string) {
		for _, c := range Cases(trialwatch.Article{Text: text, Published: pub}, rs) {
			for field, p := range c.Ints() {
				if *p != nil && **p < 0 {
					t.Fatalf("%s = %d", field, **p)
				}
			}
			if c.SentenceMinMonths != nil && c.SentenceMaxMonths != nil && *c.SentenceMinMonths > *c.SentenceMaxMonths {
				t.Fatalf("min %d > max %d", *c.SentenceMinMonths, *c.SentenceMaxMonths)
			}
			if c.Charges == nil || c.Evidence == nil {
				t.Fatal("case not normalised")
			}
		}
	})
}

func TestCasesInputs(t *testing.T) {
	rs := rules.Default()
	if got := Cases(trialwatch.Article{}, rs); len(got) != 0 {
		t.Errorf("empty article: %d cases", len(got))
	}
	if got := Cases(trialwatch.Article{Text: "A court in Almaty on Monday jailed two officers for five years."}, nil); got != nil {
		t.Errorf("no rules: %v", got)
	}
	// An article given as sentences only reads the same.
	a := trialwatch.Article{Published: "2024-03-20", Sentences: []string{"A court in Almaty on Monday jailed two officers for five years each."}}
	checkCases(t, Cases(a, rs), []want{{"location": "Almaty", "decision_date": "2024-03-18", "imprisoned": 2, "sentence_max_months": 60}})
}
