package extract

import (
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// TestCasesPhrasings holds more ways news reports tell of decisions.
func TestCasesPhrasings(t *testing.T) {
	rs := rules.Default()
	tests := []struct {
		name, title, text, pub string
		want                   []want
	}{
		{
			name: "handed a sentence",
			text: "A former police major was handed a nine-year sentence by the Kostanay Regional Court on Thursday for torturing three detainees.",
			pub:  "2023-06-10",
			want: []want{{"court": "Kostanay Regional Court", "location": "Kostanay", "decision_date": "2023-06-08", "defendants": 1, "convicted": 1,
				"imprisoned": 1, "sentence_min_months": 108, "sentence_max_months": 108, "victims": 3}},
		},
		{
			name: "suspended sentence of two years",
			text: "On 5 May 2021 a court in Semey gave a prison guard a suspended sentence of two years for beating an inmate.",
			pub:  "2021-05-07",
			want: []want{{"location": "Semey", "decision_date": "2021-05-05", "defendants": 1, "convicted": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "appeal reduced",
			text: "The Almaty City Court on Tuesday reduced the sentence of a former investigator to seven years on appeal.",
			pub:  "2022-10-20",
			want: []want{{"stage": "appeal", "court": "Almaty City Court", "location": "Almaty", "decision_date": "2022-10-18", "defendants": 1,
				"sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "acquittal overturned",
			text: "The Supreme Court on 14 March 2024 overturned the acquittal of two police officers and sent the case back for a new trial.",
			pub:  "2024-03-15",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "decision_date": "2024-03-14", "defendants": 2, "convicted": nil, "acquitted": nil}},
		},
		{
			name: "found guilty with many words between",
			text: "Judges in Karaganda found the former head of the city's temporary detention centre and two of his deputies guilty on Friday and jailed them for six, five and four years respectively.",
			pub:  "2024-09-09",
			want: []want{{"location": "Karaganda", "decision_date": "2024-09-06"}},
		},
		{
			name: "each got",
			text: "Both officers got four years each, the Turkestan regional court said on Wednesday.",
			pub:  "2024-02-29",
			want: []want{{"location": "Turkestan", "defendants": 2, "convicted": 2, "imprisoned": 2, "sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "twenty-one protesters",
			text: "A court in Nukus on Tuesday jailed twenty-one protesters for terms of between five and sixteen years and gave two others restricted freedom.",
			pub:  "2023-02-02",
			want: []want{{"location": "Nukus", "country": "Uzbekistan", "decision_date": "2023-01-31", "imprisoned": 21, "sentence_min_months": 60, "sentence_max_months": 192}},
		},
		{
			name: "a dozen guards",
			text: "A dozen prison guards were convicted on Monday by the Ekibastuz City Court of torturing inmates; ten were jailed for up to five years and two received suspended sentences.",
			pub:  "2022-04-20",
			want: []want{{"court": "Ekibastuz City Court", "location": "Ekibastuz", "decision_date": "2022-04-18", "defendants": 12, "convicted": 12,
				"imprisoned": 10, "suspended": 2, "sentence_max_months": 60}},
		},
		{
			name: "indictment is no case",
			text: "A grand jury on Thursday indicted five officers on murder charges. Each faces up to 60 years in prison if convicted.",
			pub:  "2023-01-27",
			want: nil,
		},
		{
			name: "trial adjourned is no case",
			text: "The trial of three officers accused of torture was adjourned on Monday until March 3, the Taraz court said.",
			pub:  "2023-01-27",
			want: nil,
		},
		{
			name: "disciplinary dismissal is no case",
			text: "The Interior Ministry dismissed four officers after an internal inquiry into the beating of a detainee.",
			pub:  "2023-01-27",
			want: nil,
		},
		{
			name: "settlement is no case",
			text: "The city agreed on Friday to pay $5 million to settle a lawsuit filed by the family of a man who died in police custody.",
			pub:  "2023-01-27",
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
