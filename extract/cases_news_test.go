package extract

import (
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// TestCasesNewsStyles runs whole short reports written the way wires,
// monitors and local papers write them.
func TestCasesNewsStyles(t *testing.T) {
	rs := rules.Default()
	tests := []struct {
		name, title, text, pub string
		want                   []want
	}{
		{
			name:  "wire report with recalled verdict in another city",
			title: "Kazakh court jails ex-officer for beating protester",
			text: "URALSK, May 4 (Agency) - A court in Uralsk on Thursday sentenced a former police officer to five years in prison for beating a protester during the January unrest, his lawyer said.\n\n" +
				"The officer, who pleaded not guilty, plans to appeal.\n\n" +
				"In a similar case last year, a court in Aktau handed two officers suspended sentences of three years each.",
			pub: "2023-05-04",
			want: []want{
				{"location": "Uralsk", "country": "Kazakhstan", "decision_date": "2023-05-04", "defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_max_months": 60, "victims": 1},
				{"location": "Aktau", "defendants": 2, "convicted": 2, "suspended": 2, "imprisoned": nil, "sentence_max_months": nil},
			},
		},
		{
			name: "monitor note with labelled paragraphs",
			text: "Decision. On 2 March 2023 the Zhambyl Regional Court found police officer A. Serikov guilty of torture and sentenced him to six years' imprisonment.\n\n" +
				"Background. Serikov was arrested in 2021. The prosecutor had asked for eight years.",
			pub: "2023-03-10",
			want: []want{{"court": "Zhambyl Regional Court", "location": "Zhambyl", "decision_date": "2023-03-02", "defendants": 1, "convicted": 1,
				"imprisoned": 1, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "respectively",
			text: "The Oskemen City Court on Monday jailed two guards for five and three years respectively for abusing inmates.",
			pub:  "2022-12-07",
			want: []want{{"court": "Oskemen City Court", "location": "Oskemen", "decision_date": "2022-12-05", "defendants": 2, "imprisoned": 2}},
		},
		{
			name: "only a preview of a verdict",
			text: "The verdict in the case of four officers accused of torturing detainees is expected on Friday, the court said. Prosecutors want seven years for each of them.",
			pub:  "2022-12-07",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := trialwatch.Article{Title: tt.title, Text: tt.text, Published: tt.pub}
			checkCases(t, Cases(a, rs), tt.want)
		})
	}
}

func TestCasesMoreNews(t *testing.T) {
	rs := rules.Default()
	tests := []struct {
		name, text, pub string
		want            []want
	}{
		{
			name: "possessive country before a court",
			text: "Georgia's Supreme Court on Thursday upheld the four-year prison sentence of opposition leader Nika Melia.",
			pub:  "2024-06-14",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "country": "Georgia", "decision_date": "2024-06-13", "defendants": 1, "imprisoned": 1, "sentence_max_months": 48}},
		},
		{
			name: "a city court without a name",
			text: "A Moscow court has sentenced a former investigator to eight years in a strict-regime penal colony, while his accomplice received a suspended three-year term.",
			pub:  "2024-06-14",
			want: []want{{"location": "Moscow", "country": "Russia", "defendants": 2, "convicted": 2, "imprisoned": 1, "suspended": 1, "sentence_min_months": 96, "sentence_max_months": 96}},
		},
		{
			name: "vague date gives none",
			text: "Last week a court in Tbilisi jailed a blogger for a year and a half.",
			pub:  "2024-06-14",
			want: []want{{"location": "Tbilisi", "country": "Georgia", "decision_date": nil, "imprisoned": 1, "sentence_max_months": 18}},
		},
		{
			name: "verdict then reduction on appeal",
			text: "In March, the Taraz City Court sentenced three officers to between four and seven years in prison.\n\nOn Tuesday, the Zhambyl Regional Court reduced their sentences to three to five years.",
			pub:  "2024-06-20",
			want: []want{
				{"stage": "verdict", "court": "Taraz City Court", "decision_date": "2024-03", "imprisoned": 3, "sentence_min_months": 48, "sentence_max_months": 84},
				{"stage": "appeal", "court": "Zhambyl Regional Court", "decision_date": "2024-06-18", "defendants": 3, "sentence_min_months": 36, "sentence_max_months": 60},
			},
		},
		{
			name: "surnames and an elliptical term; a fine is no term",
			text: "The court gave Ivanov 15 years and Petrov 12, and fined both men.",
			pub:  "2024-06-22",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 144, "sentence_max_months": 180}},
		},
		{
			name: "death sentence is not imprisonment",
			text: "A military court in Minsk on 3 March 2023 sentenced a soldier to death for murder.",
			pub:  "2023-03-05",
			want: []want{{"location": "Minsk", "country": "Belarus", "decision_date": "2023-03-03", "convicted": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkCases(t, Cases(trialwatch.Article{Text: tt.text, Published: tt.pub}, rs), tt.want)
		})
	}
}
