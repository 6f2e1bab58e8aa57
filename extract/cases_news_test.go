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
