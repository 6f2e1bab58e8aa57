package extract

import (
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// TestCasesWirePhrasings holds sentences written the way wires and local
// papers report verdicts and appeals, beyond those of the labelled corpus:
// coordinated outcomes, lists of terms, per-person terms, fines, and the
// reports that tell of no decision.
func TestCasesWirePhrasings(t *testing.T) {
	rs := rules.Default()
	tests := []struct {
		name, text, pub string
		want            []want
	}{
		{
			name: "jailed four and gave a fifth a suspended sentence",
			text: "On October 14 the Shymkent City Court jailed four former officers for five to seven years and gave a fifth a suspended sentence.",
			pub:  "2025-10-20",
			want: []want{{"court": "Shymkent City Court", "decision_date": "2025-10-14", "defendants": 5, "convicted": 5, "imprisoned": 4, "suspended": 1,
				"sentence_min_months": 60, "sentence_max_months": 84}},
		},
		{
			name: "victims named by a noun of the crime",
			text: "A court in Taraz on Monday jailed two officers for five years for the torture of three detainees.",
			pub:  "2024-03-07",
			want: []want{{"location": "Taraz", "decision_date": "2024-03-04", "imprisoned": 2, "victims": 3}},
		},
		{
			name: "victims of ill-treatment",
			text: "Three prison guards were convicted on Friday of the ill-treatment of four inmates and given suspended sentences.",
			pub:  "2024-03-11",
			want: []want{{"decision_date": "2024-03-08", "convicted": 3, "suspended": 3, "victims": 4}},
		},
		{
			name: "terms of six and eight years",
			text: "Two former prison guards were given prison terms of six and eight years by the Karaganda Regional Court on Friday.",
			pub:  "2025-10-20",
			want: []want{{"court": "Karaganda Regional Court", "decision_date": "2025-10-17", "defendants": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "list of three terms respectively",
			text: "The three officers received terms of six, seven and eight years respectively.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "two names, two terms, descending",
			text: "The court sentenced Ivanov and Petrov to 12 and 10 years respectively.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 120, "sentence_max_months": 144}},
		},
		{
			name: "units repeated respectively",
			text: "The Oral City Court sentenced the two officers to five years and six years respectively.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 60, "sentence_max_months": 72}},
		},
		{
			name: "a list shorter than the group",
			text: "A court in Aktau jailed five officers for six and eight years.",
			pub:  "2025-10-20",
			want: []want{{"location": "Aktau", "defendants": 5, "imprisoned": 5, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "prison for three and fines for two others",
			text: "A court in Aktobe on Tuesday sentenced three police officers to prison and fined two others for torturing a detainee.",
			pub:  "2025-10-20",
			want: []want{{"location": "Aktobe", "decision_date": "2025-10-14", "defendants": 5, "convicted": 5, "imprisoned": 3, "suspended": nil, "victims": 1}},
		},
		{
			name: "a fine alone",
			text: "The court fined the two policemen 500,000 tenge each.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": nil}},
		},
		{
			name: "per-person terms with a comma",
			text: "Ivanov received seven years, Petrov five and Sidorov three.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 36, "sentence_max_months": 84}},
		},
		{
			name: "a city's court named by the city",
			text: "Astana's Specialised Inter-District Criminal Court jailed the former police chief for six years on March 18.",
			pub:  "2025-10-20",
			want: []want{{"court": "Astana's Specialised Inter-District Criminal Court", "location": "Astana", "country": "Kazakhstan", "decision_date": "2025-03-18",
				"defendants": 1, "imprisoned": 1, "sentence_max_months": 72}},
		},
		{
			name: "acquitted of one charge, convicted of another",
			text: "The court acquitted Ivanov of torture but convicted him of abuse of power and jailed him for three years.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 1, "convicted": 1, "acquitted": nil, "imprisoned": 1, "sentence_max_months": 36}},
		},
		{
			name: "two acquitted, a third convicted",
			text: "Two officers were acquitted of torture and a third was convicted.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 3, "convicted": 1, "acquitted": 2}},
		},
		{
			name: "ordered to serve",
			text: "The court ordered the two officers to serve five years in a penal colony.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "courts in the plural are statistics",
			text: "In 2024, courts convicted 15 police officers of torture, the ombudsman said.",
			pub:  "2025-10-20",
			want: nil,
		},
		{
			name: "a total over a year is a statistic",
			text: "A total of 27 officers were convicted of torture last year, according to the prosecutor general's office.",
			pub:  "2025-10-20",
			want: nil,
		},
		{
			name: "hyphenated term with a half",
			text: "A court in the southern city of Shymkent on Friday handed a police officer a five-and-a-half-year prison sentence.",
			pub:  "2025-10-20",
			want: []want{{"location": "Shymkent", "decision_date": "2025-10-17", "defendants": 1, "imprisoned": 1, "sentence_min_months": 66, "sentence_max_months": 66}},
		},
		{
			name: "all six to seven years is no range",
			text: "The court in Ekibastuz sentenced all six to seven years each.",
			pub:  "2025-10-20",
			want: []want{{"location": "Ekibastuz", "defendants": 6, "imprisoned": 6, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "elliptical term after an apposition",
			text: "The former head of the detention centre, Nurlan Abenov, was sentenced to 10 years, and his deputy, Serik Kaliev, to eight.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 96, "sentence_max_months": 120}},
		},
		{
			name: "cut from eight years to six",
			text: "On appeal, the Zhambyl Regional Court cut the officer's sentence from eight years to six.",
			pub:  "2025-10-20",
			want: []want{{"stage": "appeal", "court": "Zhambyl Regional Court", "defendants": 1, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "acquittal upheld",
			text: "The appeals court on Thursday upheld the acquittal of two officers.",
			pub:  "2025-10-20",
			want: []want{{"stage": "appeal", "decision_date": "2025-10-16", "defendants": 2, "acquitted": 2, "convicted": nil}},
		},
		{
			name: "sent back for retrial",
			text: "The Supreme Court on Monday sent the case back for a new trial.",
			pub:  "2025-10-22",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "decision_date": "2025-10-20", "convicted": nil}},
		},
		{
			name: "terms handed to a group after them",
			text: "The court handed down sentences of four years to two officers.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_max_months": 48}},
		},
		{
			name: "life for one, years for another",
			text: "The court sentenced one officer to life and another to 25 years.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 300, "sentence_max_months": 300}},
		},
		{
			name: "passive surname subject with an elliptical term",
			text: "Sadykov was sentenced to eight years and Kenzhebaev to six.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "region of a country's possessive",
			text: "A court in Kazakhstan's western Mangistau region has sentenced two police officers to five years in prison.",
			pub:  "2025-10-20",
			want: []want{{"location": "Mangistau region", "country": "Kazakhstan", "defendants": 2, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "verb left out of the second part",
			text: "Of the nine defendants, seven were jailed and two acquitted.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 9, "convicted": 7, "acquitted": 2, "imprisoned": 7}},
		},
		{
			name: "jailed without a term is custodial",
			text: "A court in Almaty jailed three police officers on Monday.",
			pub:  "2025-10-22",
			want: []want{{"location": "Almaty", "decision_date": "2025-10-20", "defendants": 3, "imprisoned": 3, "sentence_max_months": nil}},
		},
		{
			name: "sentencing as a participle",
			text: "The court delivered its verdict on Friday, sentencing the two officers to seven years each.",
			pub:  "2025-10-20",
			want: []want{{"decision_date": "2025-10-17", "defendants": 2, "imprisoned": 2, "sentence_max_months": 84}},
		},
		{
			name: "participle with a surname object",
			text: "The court delivered its verdict on Friday, sentencing Ivanov to seven years.",
			pub:  "2025-10-20",
			want: []want{{"decision_date": "2025-10-17", "defendants": 1, "imprisoned": 1, "sentence_max_months": 84}},
		},
		{
			name: "acquitting one while convicting others",
			text: "The court on Monday acquitted one officer while convicting two others and jailing them for three years.",
			pub:  "2025-10-20",
			want: []want{{"decision_date": "2025-10-20", "defendants": 3, "convicted": 2, "acquitted": 1, "imprisoned": 2, "sentence_max_months": 36}},
		},
		{
			name: "a sentencing hearing is no decision",
			text: "The sentencing hearing is set for Monday.",
			pub:  "2025-10-20",
			want: nil,
		},
		{
			name: "the place of the crime is not the court's",
			text: "The Supreme Court on Thursday upheld the convictions of six police officers found guilty last year of torturing protesters in Almaty.",
			pub:  "2025-06-20",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "location": nil, "decision_date": "2025-06-19", "defendants": 6}},
		},
		{
			name: "a ban after the term is a penalty of its own",
			text: "A court in Kazakhstan's Turkestan region has handed suspended sentences to three police officers over the death of a man in custody.\n\n" +
				"The officers were given suspended terms of two to three years and banned from working in law enforcement.",
			pub:  "2025-05-16",
			want: []want{{"location": "Turkestan region", "defendants": 3, "convicted": 3, "suspended": 3, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "a name with an initial",
			text: "The Semey City Court has sentenced police officer A. Bekov to 7 years of imprisonment for torture. The verdict has not yet entered into force.",
			pub:  "2025-05-16",
			want: []want{{"court": "Semey City Court", "defendants": 1, "imprisoned": 1, "sentence_max_months": 84}},
		},
		{
			name: "an overturned acquittal and the acquittal recalled",
			text: "The Karaganda Regional Court has overturned the acquittal of two prison guards and sentenced them to five years each, the regional prosecutor's office said.\n\n" +
				"In February, the Saran City Court had acquitted the guards, who were accused of beating an inmate.",
			pub: "2025-05-16",
			want: []want{
				{"stage": "appeal", "court": "Karaganda Regional Court", "defendants": 2, "imprisoned": 2, "sentence_max_months": 60},
				{"stage": "verdict", "court": "Saran City Court", "decision_date": "2025-02", "defendants": 2, "acquitted": 2, "convicted": nil},
			},
		},
		{
			name: "a range from a hyphenated half",
			text: "A court in Baku on Friday sentenced seven journalists to prison terms of between seven-and-a-half and nine years.",
			pub:  "2025-10-20",
			want: []want{{"location": "Baku", "defendants": 7, "imprisoned": 7, "sentence_min_months": 90, "sentence_max_months": 108}},
		},
		{
			name: "a combined term is no one's term",
			text: "The court sentenced the four to a combined 30 years in prison.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 4, "imprisoned": 4, "sentence_min_months": nil, "sentence_max_months": nil}},
		},
		{
			name: "the period of a suspension is no second term",
			text: "The court sentenced the officer to five years in prison, suspended for three years.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 1, "convicted": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "a probation period is no second term",
			text: "The officer was given a three-year suspended sentence with a two-year probation period.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 1, "suspended": 1}},
		},
		{
			name: "a term followed by earlier this week",
			text: "The court jailed the officer for five years earlier this week.",
			pub:  "2025-10-20",
			want: []want{{"decision_date": nil, "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "a day of a month before a term",
			text: "The officer was sentenced on October 2 to five years for a beating on September 1.",
			pub:  "2025-10-20",
			want: []want{{"decision_date": "2025-10-02", "imprisoned": 1, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "the date of the beating is not the decision's",
			text: "A Karaganda court jailed two officers for beating a man on 4 July 2023.",
			pub:  "2025-10-20",
			want: []want{{"location": "Karaganda", "decision_date": nil, "defendants": 2, "imprisoned": 2}},
		},
		{
			name: "the rest counts no one",
			text: "Four of the accused were acquitted and the rest received suspended sentences.",
			pub:  "2025-10-20",
			want: []want{{"acquitted": 4, "suspended": nil}},
		},
		{
			name: "a bare number after a verb",
			text: "The court convicted three officers and acquitted two.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 5, "convicted": 3, "acquitted": 2}},
		},
		{
			name: "another to restricted freedom",
			text: "The court sentenced one officer to six years in prison and another to five years of restricted freedom.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": 1, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "jailed and the others fined",
			text: "Of the 11 defendants, nine received prison sentences and two were fined.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 11, "convicted": 11, "imprisoned": 9}},
		},
		{
			name: "a fine for those jailed adds no one",
			text: "Three officers were jailed for five years and fined 1 million tenge each.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": 3}},
		},
		{
			name: "respectively gives the head count",
			text: "The court sentenced the defendants to 5, 6 and 7 years of imprisonment respectively.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 60, "sentence_max_months": 84}},
		},
		{
			name: "punishment appointed, translated style",
			text: "On 3 March the Taraz City Court appointed punishment in the form of 3 years of imprisonment to the former police officer.",
			pub:  "2025-10-20",
			want: []want{{"court": "Taraz City Court", "decision_date": "2025-03-03", "sentence_max_months": 36}},
		},
		{
			name: "judicial board for criminal cases is no statistic",
			text: "The judicial board for criminal cases of the Almaty city court left the verdict unchanged on 5 May.",
			pub:  "2025-10-20",
			want: []want{{"stage": "appeal", "court": "Almaty city court", "decision_date": "2025-05-05"}},
		},
		{
			name: "a sports court is no case",
			text: "The Court of Arbitration for Sport on Friday upheld a four-year doping ban on the Kazakh cyclist.",
			pub:  "2025-10-20",
			want: nil,
		},
		{
			name: "an upheld verdict keeps the sentences told of it",
			text: "An appeals court in Almaty on Tuesday upheld the verdicts against four police officers convicted of torturing detainees during the January 2022 unrest.\n\n" +
				"The officers were sentenced in June by the Almaty District Court to terms of between five and eight years.\n\n" +
				"The court rejected the officers' appeals and left the sentences unchanged.",
			pub: "2025-10-17",
			want: []want{
				{"stage": "appeal", "location": "Almaty", "decision_date": "2025-10-14", "defendants": 4, "imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 96},
				{"stage": "verdict", "court": "Almaty District Court", "decision_date": "2025-06", "defendants": 4, "imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 96},
			},
		},
		{
			name: "head counts in a list are no ranges",
			text: "The court sentenced six officers: two to 10 years, two to eight years and two to suspended terms.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 6, "sentence_min_months": 96, "sentence_max_months": 120}},
		},
		{
			name: "a range in wire style",
			text: "A court in Oral on Monday sentenced four officers to five to 10 years.",
			pub:  "2025-10-22",
			want: []want{{"location": "Oral", "defendants": 4, "imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 120}},
		},
		{
			name: "an acquittal on appeal",
			text: "On appeal, the Almaty City Court acquitted the two officers on Tuesday.",
			pub:  "2025-10-20",
			want: []want{{"stage": "appeal", "court": "Almaty City Court", "decision_date": "2025-10-14", "defendants": 2, "acquitted": 2}},
		},
		{
			name: "a sentence increased on appeal",
			text: "The regional court, hearing the appeal, increased the sentence to nine years.",
			pub:  "2025-10-20",
			want: []want{{"stage": "appeal", "sentence_min_months": 108, "sentence_max_months": 108}},
		},
		{
			name: "where the verdict may be appealed is no appeal",
			text: "The Taraz City Court sentenced him to five years; the verdict can be challenged in the appeals court.",
			pub:  "2025-10-20",
			want: []want{{"stage": "verdict", "court": "Taraz City Court", "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "the lawyer's plan does not void the verdict",
			text: "The Taraz City Court sentenced him to five years, and his lawyer said he would go to the appeals court.",
			pub:  "2025-10-20",
			want: []want{{"stage": "verdict", "court": "Taraz City Court", "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "the pair and the trio",
			text: "The court found the pair guilty and sentenced them to four years. The trio were each jailed for seven years in another trial on Monday.",
			pub:  "2025-10-22",
			want: []want{
				{"defendants": 2, "imprisoned": 2, "sentence_max_months": 48},
				{"decision_date": "2025-10-20", "defendants": 3, "imprisoned": 3, "sentence_max_months": 84},
			},
		},
		{
			name: "a bare number given after a demanded term",
			text: "Prosecutors had demanded eight years for the officer, but the court gave him five.\n\nThe Aktau City Court announced the verdict on Tuesday.",
			pub:  "2025-10-20",
			want: []want{{"court": "Aktau City Court", "decision_date": "2025-10-14", "defendants": 1, "imprisoned": 1, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "a name list ending in a surname alone",
			text: "Officers Ivanov and Petrov were each sentenced to six years.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_max_months": 72}},
		},
		{
			name: "terms told per part of the group",
			text: "Four officers were sentenced to 5 years, two to 6 years and one to 9 years in prison.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 7, "imprisoned": 7, "sentence_min_months": 60, "sentence_max_months": 108}},
		},
		{
			name: "an ordinal object before a date",
			text: "The court handed three officers suspended sentences and acquitted a fourth on Monday.",
			pub:  "2025-10-22",
			want: []want{{"decision_date": "2025-10-20", "defendants": 4, "convicted": 3, "acquitted": 1, "suspended": 3}},
		},
		{
			name: "a garrison court sits in its city",
			text: "On December 5, 2024, the Aktobe Garrison Military Court sentenced a sergeant to two years in a disciplinary battalion.",
			pub:  "2025-10-20",
			want: []want{{"court": "Aktobe Garrison Military Court", "location": "Aktobe", "decision_date": "2024-12-05", "defendants": 1}},
		},
		{
			name: "a statistics word in another clause",
			text: "The court sentenced him to 10 years; he had been in custody since 2022.",
			pub:  "2025-10-20",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 120}},
		},
		{
			name: "a club fined is no case",
			text: "The football federation fined the club 50,000 euros on Tuesday.",
			pub:  "2025-10-20",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkCases(t, Cases(trialwatch.Article{Text: tt.text, Published: tt.pub}, rs), tt.want)
		})
	}
}
