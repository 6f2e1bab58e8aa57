package extract

import (
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// TestCasesGeneralPhrasings holds English reports written in styles the
// labelled corpus does not cover: wire services, translated local papers of
// Central Asia and the Caucasus, and court reporting elsewhere, together
// with the reports that tell of no decision.
func TestCasesGeneralPhrasings(t *testing.T) {
	rs := rules.Default()
	const pub = "2024-03-20" // a Wednesday
	tests := []struct {
		name, title, text string
		want              []want
	}{
		// --- parts of one group told in turn
		{
			name: "two each, one to a term, one acquitted",
			text: "Two were sentenced to seven years each, one to five years and one was acquitted.",
			want: []want{{"defendants": 4, "convicted": 3, "acquitted": 1, "imprisoned": 3, "sentence_min_months": 60, "sentence_max_months": 84}},
		},
		{
			name: "parts after a counted group",
			text: "The Almaty District Court on Tuesday delivered its verdict in the case of four police officers accused of torturing a detainee. Two were sentenced to seven years each, one to five years and one was acquitted.",
			want: []want{{"court": "Almaty District Court", "decision_date": "2024-03-19", "defendants": 4, "convicted": 3, "acquitted": 1, "imprisoned": 3,
				"sentence_min_months": 60, "sentence_max_months": 84, "victims": 1}},
		},
		{
			name: "half of a counted group acquitted",
			text: "Half of the 12 officers were acquitted, and the rest received suspended sentences.",
			want: []want{{"defendants": 12, "acquitted": 6, "convicted": 6, "suspended": 6, "imprisoned": nil}},
		},
		{
			name: "the court acquitted half",
			text: "The court acquitted half of the 12 officers and sentenced the rest to prison terms of three to five years.",
			want: []want{{"defendants": 12, "acquitted": 6, "convicted": 6, "imprisoned": 6, "sentence_min_months": 36, "sentence_max_months": 60}},
		},
		{
			name: "the rest of a group told in part",
			text: "Four of the 10 officers were acquitted, and the rest received suspended sentences.",
			want: []want{{"defendants": 10, "acquitted": 4, "convicted": 6, "suspended": 6}},
		},
		{
			name: "the rest after an opening whole",
			text: "Of the seven officers on trial, four were jailed for four years and the rest were acquitted.",
			want: []want{{"defendants": 7, "convicted": 4, "acquitted": 3, "imprisoned": 4, "sentence_max_months": 48}},
		},
		{
			name: "the rest of an unknown whole stays uncounted",
			text: "The court jailed the rest for five years.",
			want: []want{{"defendants": nil, "imprisoned": nil, "sentence_max_months": 60}},
		},
		{
			name: "a total of years is no term",
			text: "The three officers were sentenced to a total of 15 years in prison.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": nil, "sentence_max_months": nil}},
		},
		{
			name: "a total given to one person is the term",
			text: "He was sentenced to a total of 15 years in prison on several charges.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 180, "sentence_max_months": 180}},
		},
		{
			name: "combined years are no term",
			text: "The court jailed the four guards for a combined 30 years.",
			want: []want{{"defendants": 4, "imprisoned": 4, "sentence_min_months": nil, "sentence_max_months": nil}},
		},
		{
			name: "a group never counted",
			text: "The officers were sentenced to five years in prison.",
			want: []want{{"defendants": nil, "convicted": nil, "imprisoned": nil, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "three jailed, the other two suspended",
			text: "Three of the officers were jailed for six years and the other two received suspended terms.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 3, "suspended": 2, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "all of a counted group",
			text: "All five defendants were found guilty and sentenced to between three and seven years in jail.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 5, "sentence_min_months": 36, "sentence_max_months": 84}},
		},
		{
			name: "the remaining defendants",
			text: "Of the seven officers on trial, four were jailed for four years and the remaining three were acquitted.",
			want: []want{{"defendants": 7, "convicted": 4, "acquitted": 3, "imprisoned": 4, "sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "number words above twenty",
			text: "Twenty-one police officers were convicted of torture on Friday.",
			want: []want{{"decision_date": "2024-03-15", "defendants": 21, "convicted": 21}},
		},
		{
			name: "a dozen acquitted",
			text: "A dozen police officers were acquitted by a court in Bishkek on Monday.",
			want: []want{{"location": "Bishkek", "country": "Kyrgyzstan", "decision_date": "2024-03-18", "defendants": 12, "acquitted": 12, "convicted": nil}},
		},
		{
			name: "found a surname guilty",
			text: "The court found Ivanov guilty of torture.",
			want: []want{{"defendants": 1, "convicted": 1}},
		},
		{
			name: "found a titled surname guilty",
			text: "On March 12, the Bostandyk District Court of Almaty found officer Ivanov guilty.",
			want: []want{{"court": "Bostandyk District Court of Almaty", "location": "Almaty", "decision_date": "2024-03-12", "defendants": 1, "convicted": 1}},
		},
		{
			name: "found a list of surnames guilty",
			text: "The court found Ivanov, Petrov and Sidorov guilty of torture.",
			want: []want{{"defendants": 3, "convicted": 3}},
		},
		{
			name: "acquitted a surname",
			text: "The court acquitted Ivanov on Monday.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 1, "acquitted": 1, "convicted": nil}},
		},
		{
			name: "a surname's bare number after while",
			text: "Ahmedov got ten years, while Rakhimov got eight.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 96, "sentence_max_months": 120}},
		},
		{
			name: "a third named in a while clause",
			text: "Officers Ahmedov and Karimov were found guilty and sentenced to 10 years each, while Rakhimov got eight.",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": 3, "sentence_min_months": 96, "sentence_max_months": 120}},
		},
		{
			name: "a titled surname in a while clause",
			text: "Officers Ahmedov and Karimov were sentenced to 10 years each, while officer Rakhimov was sentenced to eight years.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 96, "sentence_max_months": 120}},
		},
		{
			name: "a bare number given to a person noun after a demand",
			text: "Prosecutors had sought 15 years, but the court gave the officer 11.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 132, "sentence_max_months": 132}},
		},
		{
			name: "votes are no term",
			text: "The officer received 3 of the 5 votes.",
			want: nil,
		},
		// --- translated local style
		{
			name: "court of a city named after the court",
			text: "The Specialised Inter-District Criminal Court of Almaty sentenced former police officer Arman Zhumabayev to 7 years of imprisonment in a medium-security colony.",
			want: []want{{"court": "Specialised Inter-District Criminal Court of Almaty", "location": "Almaty", "country": "Kazakhstan", "defendants": 1, "imprisoned": 1,
				"sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "suspended sentences of digits",
			text: "The two other defendants were given suspended sentences of 3 years.",
			want: []want{{"defendants": 2, "suspended": 2, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "restriction of freedom",
			text: "The court sentenced the former head of the department to 2 years of restriction of freedom.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": nil, "suspended": nil, "sentence_max_months": nil}},
		},
		{
			name: "years and months of imprisonment",
			text: "The Karasai District Court sentenced the officer to 5 years and 6 months of imprisonment.",
			want: []want{{"court": "Karasai District Court", "defendants": 1, "imprisoned": 1, "sentence_min_months": 66, "sentence_max_months": 66}},
		},
		{
			name: "a ban on posts is no term",
			text: "The court sentenced him to 5 years of deprivation of liberty with deprivation of the right to hold positions in law enforcement bodies for a period of 3 years.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "a lifetime ban is no term",
			text: "The court sentenced the officer to 8 years in a maximum-security penal colony with a lifetime ban on working in law enforcement.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 96, "sentence_max_months": 96}},
		},
		{
			name: "a district court of a region",
			text: "The Court of Karasai District of Almaty region found the two officers guilty on 18 March and sentenced them to 6 years each.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 2, "convicted": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "a demonym court and a region",
			text: "A court in Kyrgyzstan's southern Jalal-Abad region on Thursday sentenced three policemen to 10 years in prison each for the death of a detainee.",
			want: []want{{"location": "Jalal-Abad region", "country": "Kyrgyzstan", "decision_date": "2024-03-14", "defendants": 3, "imprisoned": 3, "sentence_min_months": 120, "sentence_max_months": 120, "victims": 1}},
		},
		{
			name: "a Georgian city court",
			text: "Tbilisi City Court on March 12 sentenced two former police officers to four years in prison for beating a detainee.",
			want: []want{{"court": "Tbilisi City Court", "location": "Tbilisi", "country": "Georgia", "decision_date": "2024-03-12", "defendants": 2, "imprisoned": 2,
				"sentence_min_months": 48, "sentence_max_months": 48, "victims": 1}},
		},
		{
			name: "Grave Crimes Court",
			text: "The Baku Grave Crimes Court sentenced the journalist to nine years in prison on Tuesday.",
			want: []want{{"court": "Baku Grave Crimes Court", "location": "Baku", "country": "Azerbaijan", "decision_date": "2024-03-19", "defendants": 1, "imprisoned": 1,
				"sentence_min_months": 108, "sentence_max_months": 108}},
		},
		{
			name: "a city court in passive voice",
			text: "Former police officer Nurlan Saparov was sentenced by the Shymkent City Court to three and a half years in prison.",
			want: []want{{"court": "Shymkent City Court", "location": "Shymkent", "defendants": 1, "imprisoned": 1, "sentence_min_months": 42, "sentence_max_months": 42}},
		},
		{
			name: "a capital named after a demonym",
			text: "A court in the Kazakh capital, Astana, sentenced the officer to five years.",
			want: []want{{"location": "Astana", "country": "Kazakhstan", "defendants": 1, "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "an anti-corruption court",
			text: "The Yerevan Anti-Corruption Court sentenced the officer to five years.",
			want: []want{{"court": "Yerevan Anti-Corruption Court", "location": "Yerevan", "country": "Armenia", "defendants": 1}},
		},
		{
			name: "a district court of a capital in Tajikistan",
			text: "The Ismoili Somoni District Court of Dushanbe sentenced the officer to five years.",
			want: []want{{"court": "Ismoili Somoni District Court of Dushanbe", "location": "Dushanbe", "country": "Tajikistan", "defendants": 1}},
		},
		{
			name: "a court of a region in capitals",
			text: "The Inter-District Criminal Court of Almaty Region sentenced the officer to five years.",
			want: []want{{"court": "Inter-District Criminal Court of Almaty Region", "location": "Almaty region", "defendants": 1}},
		},
		{
			name: "a city's criminal court",
			text: "The Tashkent City Criminal Court sentenced the officer to five years.",
			want: []want{{"court": "Tashkent City Criminal Court", "location": "Tashkent", "country": "Uzbekistan", "defendants": 1}},
		},
		{
			name: "a district court in the city of",
			text: "A district court in the city of Karaganda sentenced the officer to five years.",
			want: []want{{"court": nil, "location": "Karaganda", "country": "Kazakhstan", "defendants": 1}},
		},
		// --- UK, US and Indian court reporting
		{
			name: "jailed for months",
			text: "A former police officer has been jailed for 18 months for assaulting a man in custody.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 18, "sentence_max_months": 18, "victims": 1}},
		},
		{
			name: "months' imprisonment",
			text: "The magistrate sentenced him to six months' imprisonment.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 6, "sentence_max_months": 6}},
		},
		{
			name: "handed a life term",
			text: "The former constable was handed a life term at the Old Bailey on Friday.",
			want: []want{{"court": "Old Bailey", "decision_date": "2024-03-15", "defendants": 1, "imprisoned": 1, "sentence_max_months": nil}},
		},
		{
			name: "community order is not custodial",
			text: "The officer was given a two-year community order.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": nil, "suspended": nil, "sentence_max_months": nil}},
		},
		{
			name: "walked free with a suspended sentence",
			text: "The sergeant walked free from court after being given a suspended sentence.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil}},
		},
		{
			name: "cleared of all charges",
			text: "Two officers were cleared of all charges at Manchester Crown Court on Monday.",
			want: []want{{"court": "Manchester Crown Court", "decision_date": "2024-03-18", "defendants": 2, "acquitted": 2, "convicted": nil}},
		},
		{
			name: "the jury found",
			text: "The jury found the officer guilty of manslaughter after a three-week trial.",
			want: []want{{"defendants": 1, "convicted": 1, "sentence_max_months": nil}},
		},
		{
			name: "jury found not guilty",
			text: "A jury found both officers not guilty of assault on Tuesday.",
			want: []want{{"decision_date": "2024-03-19", "defendants": 2, "acquitted": 2, "convicted": nil}},
		},
		{
			name: "federal prison in months",
			text: "A federal judge in Minneapolis on Tuesday sentenced the former officer to 87 months in federal prison.",
			want: []want{{"decision_date": "2024-03-19", "defendants": 1, "imprisoned": 1, "sentence_min_months": 87, "sentence_max_months": 87}},
		},
		{
			name: "rigorous imprisonment",
			text: "A sessions court on Monday sentenced three policemen to 10 years' rigorous imprisonment for the custodial death of a man.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 3, "imprisoned": 3, "sentence_min_months": 120, "sentence_max_months": 120, "victims": 1}},
		},
		{
			name: "life imprisonment in Indian style",
			text: "The Madurai bench of the Madras High Court sentenced nine policemen to life imprisonment.",
			want: []want{{"defendants": 9, "imprisoned": 9, "sentence_max_months": nil}},
		},
		{
			name: "ranging from months to years",
			text: "The five officers received jail terms ranging from 18 months to three years.",
			want: []want{{"defendants": 5, "imprisoned": 5, "sentence_min_months": 18, "sentence_max_months": 36}},
		},
		{
			name: "digit range with a hyphen",
			text: "The court jailed six guards for 4-6 years.",
			want: []want{{"defendants": 6, "imprisoned": 6, "sentence_min_months": 48, "sentence_max_months": 72}},
		},
		{
			name: "years and months in words",
			text: "He was sentenced to three years and four months in prison.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 40, "sentence_max_months": 40}},
		},
		{
			name: "decimal years",
			text: "The officer was sentenced to 3.5 years in prison.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 42, "sentence_max_months": 42}},
		},
		{
			name: "a year and a half",
			text: "The court sentenced the guard to a year and a half in prison.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 18, "sentence_max_months": 18}},
		},
		{
			name: "hyphenated prison terms",
			text: "The two officers received eight-year prison sentences.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 96, "sentence_max_months": 96}},
		},
		{
			name: "probation in years",
			text: "The officer was sentenced to three years' probation.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "yesterday",
			text: "A court in Osh yesterday jailed a police officer for seven years.",
			want: []want{{"location": "Osh", "country": "Kyrgyzstan", "decision_date": "2024-03-19", "defendants": 1, "imprisoned": 1, "sentence_max_months": 84}},
		},
		{
			name: "last Friday",
			text: "The Taraz City Court last Friday jailed two officers for five years.",
			want: []want{{"court": "Taraz City Court", "decision_date": "2024-03-15", "defendants": 2, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "month only, previous year",
			text: "A court in Aktobe in December sentenced a police officer to six years.",
			want: []want{{"location": "Aktobe", "decision_date": "2023-12", "defendants": 1, "imprisoned": 1, "sentence_max_months": 72}},
		},
		// --- kinds and lengths of penalty
		{
			name: "jailed, suspended for a period",
			text: "The officer was jailed for 12 months, suspended for two years.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "a months sentence as an adjective",
			text: "He was given a 30-month sentence.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 30, "sentence_max_months": 30}},
		},
		{
			name: "and a half in words",
			text: "The former guard was sentenced to six and a half years.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 78}},
		},
		{
			name: "death sentences are no prison",
			text: "The court sentenced the two men to death.",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "in absentia",
			text: "The officer was sentenced in absentia to nine years.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 108}},
		},
		{
			name: "hours of community service",
			text: "The court sentenced the officer to 200 hours of community service.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "a decade",
			text: "The court sentenced the officer to a decade in prison.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 120}},
		},
		{
			name: "life sentences for a pair",
			text: "The two officers were given life sentences.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_max_months": nil}},
		},
		{
			name: "number words in both parts",
			text: "Eleven officers were convicted and fifteen acquitted.",
			want: []want{{"defendants": 26, "convicted": 11, "acquitted": 15}},
		},
		{
			name: "correctional labour",
			text: "The court sentenced him to eighteen months of correctional labour.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "a suspended sentence and a fine",
			text: "The officer received a two-year suspended sentence and a fine of 500,000 tenge.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "given years, suspended",
			text: "The court gave him four years, suspended for three years.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "stripped of rank",
			text: "The former police chief was sentenced to seven years in a maximum security prison and stripped of his rank.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 84}},
		},
		{
			name: "a sentence handed down to a person",
			text: "The court handed down a seven-year sentence to the former officer.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 84}},
		},
		{
			name: "prison sentences handed down to a group",
			text: "The court handed down five-year prison sentences to three officers on Monday.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 3, "imprisoned": 3, "sentence_max_months": 60}},
		},
		{
			name: "custodial sentence of years",
			text: "The policeman was given a custodial sentence of two years.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 24}},
		},
		{
			name: "each, years and months in digits",
			text: "Three former officers were each sentenced to 3 years and 2 months.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 38, "sentence_max_months": 38}},
		},
		{
			name: "awarded rigorous imprisonment to a group",
			text: "The court awarded seven years of rigorous imprisonment to the two policemen.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "awarded life imprisonment",
			text: "The sessions court awarded life imprisonment to five policemen on Monday.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 5, "imprisoned": 5, "sentence_max_months": nil}},
		},
		{
			name: "meted out a range",
			text: "The judge meted out sentences of four to six years to the three guards.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 48, "sentence_max_months": 72}},
		},
		{
			name: "ordered to spend years behind bars",
			text: "The officer was ordered to spend five years behind bars.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "put on probation",
			text: "The former policeman was put on probation for two years.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "slapped with prison terms",
			text: "The two guards were slapped with five-year prison terms.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "a relative clause tells the sentence",
			text: "The trial judge convicted the two officers, who were then sentenced to four years each.",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": 2, "sentence_max_months": 48}},
		},
		{
			name: "a cassation court",
			text: "The Court of Cassation rejected the officers' appeal on Monday.",
			want: []want{{"stage": "appeal", "court": "Court of Cassation", "decision_date": "2024-03-18"}},
		},
		{
			name: "spending years in prison in the future is no verdict",
			text: "The three officers will spend the next six years in prison.",
			want: nil,
		},
		{
			name: "years to life is one life term",
			text: "The officer was convicted and sentenced to 15 years to life.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": 1}},
		},
		{
			name: "a weekday's verdict",
			text: "In Monday's verdict, the court jailed two officers for five years.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 2, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "yesterday's ruling",
			text: "Yesterday's ruling by the Taraz City Court jailed two officers for five years.",
			want: []want{{"court": "Taraz City Court", "decision_date": "2024-03-19", "defendants": 2, "imprisoned": 2}},
		},
		{
			name: "day before month",
			text: "The court on 18 March sentenced two officers to five years.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 2, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "an ordinal day",
			text: "The court on March 18th sentenced two officers to five years.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 2}},
		},
		{
			name: "an abbreviated month of the year before",
			text: "On Dec. 5 the Taraz City Court jailed two officers for five years.",
			want: []want{{"decision_date": "2023-12-05", "defendants": 2}},
		},
		{
			name: "a date in digits",
			text: "The Taraz City Court on 05.12.2023 jailed two officers for five years.",
			want: []want{{"decision_date": "2023-12-05", "defendants": 2}},
		},
		{
			name: "earlier this month is vague",
			text: "Earlier this month, a court in Taraz jailed two officers for five years.",
			want: []want{{"location": "Taraz", "decision_date": nil, "defendants": 2}},
		},
		{
			name: "this week is vague",
			text: "A court in Taraz jailed two officers for five years this week.",
			want: []want{{"location": "Taraz", "decision_date": nil, "defendants": 2}},
		},
		{
			name: "the publication's own weekday",
			text: "Two officers were jailed for five years on Wednesday.",
			want: []want{{"decision_date": "2024-03-20", "defendants": 2}},
		},
		// --- appeals
		{
			name: "appeals court upheld the sentences",
			text: "The appeals court on Monday upheld the sentences of the four officers.",
			want: []want{{"stage": "appeal", "decision_date": "2024-03-18", "defendants": 4}},
		},
		{
			name: "cut the sentence to",
			text: "The appeals court cut the officer's sentence to four years.",
			want: []want{{"stage": "appeal", "defendants": 1, "sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "reduced their sentences",
			text: "The Supreme Court reduced their sentences to five years.",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "acquittal overturned and sentenced",
			text: "The appeals court overturned the acquittal and sentenced the officer to four years in prison.",
			want: []want{{"stage": "appeal", "defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_max_months": 48}},
		},
		{
			name: "increased from three to six",
			text: "The regional court increased the officer's sentence from three to six years.",
			want: []want{{"stage": "appeal", "defendants": 1, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "cut from years to years",
			text: "The appeals court cut the officer's sentence from eight years to six years.",
			want: []want{{"stage": "appeal", "defendants": 1, "imprisoned": 1, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "a sentence raised in the passive",
			text: "The officer's sentence was raised from four to seven years on appeal.",
			want: []want{{"stage": "appeal", "defendants": 1, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "sentences reduced by a named court",
			text: "Their sentences were reduced to five years by the Supreme Court on Tuesday.",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "decision_date": "2024-03-19", "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "terms from and to without a change are a range",
			text: "The court handed the four officers prison terms from three to six years.",
			want: []want{{"stage": "verdict", "defendants": 4, "imprisoned": 4, "sentence_min_months": 36, "sentence_max_months": 72}},
		},
		{
			name: "not guilty verdicts returned",
			text: "A jury returned not guilty verdicts for all three officers on Tuesday.",
			want: []want{{"decision_date": "2024-03-19", "defendants": 3, "acquitted": 3, "convicted": nil}},
		},
		{
			name: "threw out a conviction",
			text: "The appeals court threw out the conviction of the former police chief.",
			want: []want{{"stage": "appeal", "defendants": 1}},
		},
		{
			name: "an appeals court confirmed sentences",
			text: "An appeals court in Almaty on Tuesday confirmed the sentences of the four officers.",
			want: []want{{"stage": "appeal", "location": "Almaty", "decision_date": "2024-03-19", "defendants": 4}},
		},
		{
			name: "an appellate board confirmed a verdict",
			text: "The appellate board of the Almaty Regional Court confirmed the verdict on Monday.",
			want: []want{{"stage": "appeal", "court": "Almaty Regional Court", "decision_date": "2024-03-18"}},
		},
		{
			name: "a press service confirming a verdict is no appeal",
			text: "The press service confirmed that the court had sentenced two officers to five years.",
			want: []want{{"stage": "verdict", "defendants": 2, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "a press service confirming is no decision",
			text: "The court's press service confirmed the verdict against the two officers.",
			want: nil,
		},
		{
			name: "quashed and retrial",
			text: "The Supreme Court quashed the sentences of the two officers and ordered a retrial.",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "defendants": 2}},
		},
		{
			name: "appeal dismissed, terms left unchanged",
			text: "The regional court dismissed the appeal of the convicted officers, leaving their sentences of five and six years unchanged.",
			want: []want{{"stage": "appeal", "sentence_min_months": 60, "sentence_max_months": 72}},
		},
		{
			name: "Court of Appeal overturned",
			text: "The Court of Appeal overturned his conviction on Thursday.",
			want: []want{{"stage": "appeal", "court": "Court of Appeal", "decision_date": "2024-03-14", "defendants": 1}},
		},
		{
			name: "his sentence upheld",
			text: "The court upheld his sentence.",
			want: []want{{"stage": "appeal", "defendants": 1}},
		},
		{
			name: "his lawyer adds no person",
			text: "The court sentenced him to five years, his lawyer said.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 60}},
		},
		// --- non-cases
		{
			name: "a prosecutor's demand",
			text: "Prosecutors asked the court to sentence the officers to nine years in prison.",
			want: nil,
		},
		{
			name: "a statutory maximum",
			text: "The two officers face up to 12 years in prison if convicted.",
			want: nil,
		},
		{
			name: "an arrest",
			text: "Police arrested three officers on suspicion of torturing a detainee on Monday.",
			want: nil,
		},
		{
			name: "charges filed",
			text: "Prosecutors charged four officers with torture on Tuesday.",
			want: nil,
		},
		{
			name: "trial opened",
			text: "The trial of five police officers accused of torture opened on Monday at the Taldykorgan City Court.",
			want: nil,
		},
		{
			name: "trial adjourned",
			text: "The Almaty District Court adjourned the hearing until April 5.",
			want: nil,
		},
		{
			name: "statistics of a year",
			text: "According to the Prosecutor General's Office, 45 officers were convicted of torture in 2023.",
			want: nil,
		},
		{
			name: "a civil settlement",
			text: "The city agreed to pay $2 million to settle a lawsuit brought by the man's family.",
			want: nil,
		},
		{
			name: "a sports court",
			text: "The Court of Arbitration for Sport banned the skater for four years on Tuesday.",
			want: nil,
		},
		{
			name: "a faced maximum after a verdict date",
			text: "The officer, who faces a maximum of 10 years, will be sentenced in May.",
			want: nil,
		},
		// --- wire and local styles, second set
		{
			name: "prison terms of between",
			text: "A Kazakh court on Tuesday sentenced four former police officers to prison terms of between five and nine years for torturing detainees during the January 2022 unrest.",
			want: []want{{"country": "Kazakhstan", "decision_date": "2024-03-19", "defendants": 4, "imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 108}},
		},
		{
			name: "dateline with an agency and up to",
			text: "ALMATY, March 19 (Reuters) - A court in Kazakhstan jailed five security officers on Tuesday for torturing protesters, giving them terms of up to 10 years.",
			want: []want{{"location": "Almaty", "country": "Kazakhstan", "decision_date": "2024-03-19", "defendants": 5, "imprisoned": 5, "sentence_min_months": nil, "sentence_max_months": 120}},
		},
		{
			name: "each of them",
			text: "The court found all three defendants guilty of torture and sentenced each of them to seven years.",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": 3, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "years and months after an age noun",
			text: "The judge jailed the 34-year-old for four years and three months.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 51, "sentence_max_months": 51}},
		},
		{
			name: "two suspended, a third jailed",
			text: "Two of the guards received five-year suspended sentences while a third was jailed for three years.",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": 1, "suspended": 2, "sentence_min_months": 36, "sentence_max_months": 36}},
		},
		{
			name: "guilty of a lesser charge",
			text: "The court found the officer not guilty of murder but guilty of manslaughter, and sentenced him to eight years.",
			want: []want{{"defendants": 1, "convicted": 1, "acquitted": nil, "imprisoned": 1, "sentence_max_months": 96}},
		},
		{
			name: "convicted earlier, sentenced on a weekday",
			text: "The former sheriff's deputy was convicted of second-degree murder in March and was sentenced on Tuesday to 22 and a half years in prison.",
			want: []want{{"decision_date": "2024-03-19", "defendants": 1, "imprisoned": 1, "sentence_min_months": 270, "sentence_max_months": 270}},
		},
		{
			name: "a settlement colony is custodial",
			text: "The court sentenced the officer to two years in a settlement colony.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 24}},
		},
		{
			name: "digits respectively",
			text: "The policemen were sentenced to 6 and 7 years of imprisonment respectively.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 84}},
		},
		{
			name: "a supreme court of a country",
			text: "The Supreme Court of Kazakhstan on Thursday rejected the officers' appeal.",
			want: []want{{"stage": "appeal", "court": "Supreme Court of Kazakhstan", "country": "Kazakhstan", "decision_date": "2024-03-14"}},
		},
		{
			name: "a family's word after the verdict",
			text: "A Tajik court sentenced the blogger to seven years in prison, his family said on Tuesday.",
			want: []want{{"country": "Tajikistan", "defendants": 1, "imprisoned": 1, "sentence_max_months": 84}},
		},
		{
			name: "a demonym before city of",
			text: "A court in the Uzbek city of Namangan sentenced three police officers to between 3 and 5 years in prison.",
			want: []want{{"location": "Namangan", "country": "Uzbekistan", "defendants": 3, "imprisoned": 3, "sentence_min_months": 36, "sentence_max_months": 60}},
		},
		{
			name: "general regime penal colony",
			text: "The court sentenced Aliyev to 9 years and 6 months of imprisonment to be served in a general regime penal colony.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 114, "sentence_max_months": 114}},
		},
		{
			name: "a term upheld",
			text: "The appeals court upheld the six-year prison term handed to the officer.",
			want: []want{{"stage": "appeal", "defendants": 1, "imprisoned": 1, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "a city court of appeal",
			text: "The Almaty City Court of Appeal on Friday upheld the sentences of the three officers.",
			want: []want{{"stage": "appeal", "court": "Almaty City Court of Appeal", "location": "Almaty", "decision_date": "2024-03-15", "defendants": 3}},
		},
		{
			name: "a district court of a capital",
			text: "The Pervomaisky District Court of Bishkek on Monday sentenced two operatives to 8 years in prison.",
			want: []want{{"court": "Pervomaisky District Court of Bishkek", "location": "Bishkek", "country": "Kyrgyzstan", "decision_date": "2024-03-18", "defendants": 2, "imprisoned": 2, "sentence_max_months": 96}},
		},
		{
			name: "a Crown Court named after a town",
			text: "The former PC was jailed for three years at Leeds Crown Court.",
			want: []want{{"court": "Leeds Crown Court", "location": "Leeds", "imprisoned": 1, "sentence_max_months": 36}},
		},
		{
			name: "a magistrates' court with a possessive mark",
			text: "A district judge at Westminster Magistrates' Court gave him a 12-month community order.",
			want: []want{{"court": "Westminster Magistrates' Court", "location": "Westminster", "defendants": 1, "convicted": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "sheriff court",
			text: "The sheriff court in Glasgow jailed the prison officer for 16 months.",
			want: []want{{"location": "Glasgow", "defendants": 1, "imprisoned": 1, "sentence_max_months": 16}},
		},
		{
			name: "an ex- noun",
			text: "The U.S. District Court in Atlanta sentenced the ex-deputy to 10 years.",
			want: []want{{"location": "Atlanta", "country": "United States", "defendants": 1, "imprisoned": 1, "sentence_max_months": 120}},
		},
		{
			name: "a decimal half year",
			text: "Derek Chauvin was sentenced to 22.5 years in prison.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 270}},
		},
		{
			name: "a High Court acquits",
			text: "The Allahabad High Court acquitted the five policemen.",
			want: []want{{"court": "Allahabad High Court", "defendants": 5, "acquitted": 5, "convicted": nil}},
		},
		{
			name: "gendarmes with suspended sentences",
			text: "Two gendarmes were given 18-month suspended prison sentences by a court in Lyon.",
			want: []want{{"location": "Lyon", "defendants": 2, "suspended": 2, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "a suspended sentence of months",
			text: "A Paris court handed the police officer a suspended sentence of eight months.",
			want: []want{{"location": "Paris", "country": "France", "defendants": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "left unchanged",
			text: "The Baku Court of Appeal on Tuesday left the sentence unchanged.",
			want: []want{{"stage": "appeal", "court": "Baku Court of Appeal", "location": "Baku", "country": "Azerbaijan", "decision_date": "2024-03-19"}},
		},
		{
			name: "a count of others given a restriction",
			text: "Three others were sentenced to restriction of freedom for two years.",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "uncounted group given terms",
			text: "The court handed the officers sentences ranging from six to 11 years.",
			want: []want{{"defendants": nil, "imprisoned": nil, "sentence_min_months": 72, "sentence_max_months": 132}},
		},
		{
			name: "a city whose name ends like an auxiliary",
			text: "A court in Memphis convicted three former officers on Thursday.",
			want: []want{{"location": "Memphis", "decision_date": "2024-03-14", "defendants": 3, "convicted": 3}},
		},
		{
			name: "a known city whose name ends like an auxiliary",
			text: "A court in Paris jailed two police officers for four years.",
			want: []want{{"location": "Paris", "country": "France", "defendants": 2, "imprisoned": 2, "sentence_max_months": 48}},
		},
		{
			name: "a surname with an age",
			text: "Kassymov, 45, was jailed for life on Friday.",
			want: []want{{"decision_date": "2024-03-15", "defendants": 1, "imprisoned": 1, "sentence_max_months": nil}},
		},
		{
			name: "names with ages in a list",
			text: "Former officer Nurlan Kassymov, 45, and his colleague Serik Abenov, 39, were jailed for nine years on Friday.",
			want: []want{{"decision_date": "2024-03-15", "defendants": 2, "imprisoned": 2, "sentence_max_months": 108}},
		},
		{
			name: "three names with ages",
			text: "Nurlan Kassymov, 45, Serik Abenov, 39, and Arman Zhumabayev, 41, were each jailed for nine years.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 108, "sentence_max_months": 108}},
		},
		{
			name: "a demand rejected after the verdict",
			text: "The court sentenced the police chief to 10 years, rejecting prosecutors' request for 12 years.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 120, "sentence_max_months": 120}},
		},
		{
			name: "less than the demand",
			text: "The court sentenced the two officers to six years, less than the nine years prosecutors had sought.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "more than the demand",
			text: "The court jailed the officer for eight years, more than the six years prosecutors had asked for.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 96, "sentence_max_months": 96}},
		},
		{
			name: "two of whom",
			text: "Five officers were convicted, two of whom received prison terms of four years.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 2, "sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "sentences imposed on a part",
			text: "The court imposed sentences of six years on three of the officers.",
			want: []want{{"imprisoned": 3, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "the others to a bare number",
			text: "Two of the five officers were sentenced to eight years, the others to five.",
			want: []want{{"defendants": 5, "sentence_min_months": 60, "sentence_max_months": 96}},
		},
		{
			name: "one of them and the others",
			text: "One of the officers was sentenced to eight years, the others to five.",
			want: []want{{"sentence_min_months": 60, "sentence_max_months": 96}},
		},
		{
			name: "a fourth with a suspended sentence",
			text: "The court found the four officers guilty of exceeding their authority. Three of them were sentenced to five years in prison, while the fourth received a suspended sentence.",
			want: []want{{"defendants": 4, "convicted": 4, "imprisoned": 3, "suspended": 1, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "the date and court told before the terms",
			text: "The verdict was handed down on March 15 by the Taraz City Court. The two officers were sentenced to six years each.",
			want: []want{{"court": "Taraz City Court", "location": "Taraz", "decision_date": "2024-03-15", "defendants": 2, "imprisoned": 2, "sentence_max_months": 72}},
		},
		{
			name: "a co-defendant acquitted in the next sentence",
			text: "Former policeman Yerlan Tokayev was found guilty of torture and sentenced to five years' imprisonment. His co-defendant was acquitted.",
			want: []want{{"defendants": 2, "convicted": 1, "acquitted": 1, "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "cleared two of four, jailed the other two",
			text: "The court cleared two of the four officers and jailed the other two for three years.",
			want: []want{{"defendants": 4, "convicted": 2, "acquitted": 2, "imprisoned": 2, "sentence_max_months": 36}},
		},
		{
			name: "an age in the sentence after the verdict",
			text: "A court in Almaty on Friday sentenced a police officer to 5 years. The officer, 32, had tortured a suspect in 2022.",
			want: []want{{"location": "Almaty", "decision_date": "2024-03-15", "defendants": 1, "imprisoned": 1, "sentence_max_months": 60, "victims": 1}},
		},
		{
			name: "last month name",
			text: "Last December, a court in Shymkent sentenced three officers to up to eight years for torturing a detainee.",
			want: []want{{"location": "Shymkent", "decision_date": "2023-12", "defendants": 3, "imprisoned": 3, "sentence_min_months": nil, "sentence_max_months": 96, "victims": 1}},
		},
		// --- no decision, second set
		{
			name: "went on trial",
			text: "Three police officers accused of beating a detainee to death went on trial in Taraz on Monday.",
			want: nil,
		},
		{
			name: "arrested and charged",
			text: "The officer was arrested and charged with abuse of power.",
			want: nil,
		},
		{
			name: "a sentence requested",
			text: "The prosecutor requested a sentence of 10 years for each defendant.",
			want: nil,
		},
		{
			name: "a verdict expected",
			text: "The judge is expected to deliver the verdict next week.",
			want: nil,
		},
		{
			name: "compensation under a settlement",
			text: "The family received 5 million tenge in compensation under a settlement.",
			want: nil,
		},
		{
			name: "released on bail",
			text: "The officer was released on bail pending trial.",
			want: nil,
		},
		{
			name: "dismissed by a ministry",
			text: "The Interior Ministry dismissed the officers.",
			want: nil,
		},
		// --- whole reports
		{
			name:  "wire report with a part acquitted and a demand",
			title: "Kyrgyz court jails three police officers over death of detainee",
			text: "BISHKEK (AP) — A court in Kyrgyzstan on Tuesday sentenced three police officers to prison for beating a man to death in custody, a case that prompted street protests last year.\n\n" +
				"The Sverdlovsky District Court in Bishkek sentenced the senior officer to 11 years in prison and his two subordinates to eight years each. A fourth officer was acquitted.\n\n" +
				"Prosecutors had asked for 15 years for the senior officer.\n\nThe victim, 27-year-old Azamat Bekov, died in a police station in March 2023.",
			want: []want{{"stage": "verdict", "court": "Sverdlovsky District Court", "location": "Bishkek", "country": "Kyrgyzstan", "decision_date": "2024-03-19",
				"defendants": 4, "convicted": 3, "acquitted": 1, "imprisoned": 3, "sentence_min_months": 96, "sentence_max_months": 132, "victims": 1}},
		},
		{
			name:  "translated court press release",
			title: "Former officers sentenced in Shymkent torture case",
			text: "The Specialised Inter-District Criminal Court of Shymkent has announced the verdict in the case of former employees of the city police department.\n\n" +
				"According to the court's press service, former police officers A. Nurlanov and B. Sadykov were found guilty under Article 146 of the Criminal Code (torture).\n\n" +
				"Nurlanov was sentenced to 6 years of imprisonment, Sadykov to 5 years and 6 months. Both will serve their sentences in a medium-security institution. " +
				"They are also deprived of the right to hold positions in law enforcement bodies for life.\n\nThe verdict has not entered into legal force and may be appealed.",
			want: []want{{"stage": "verdict", "court": "Specialised Inter-District Criminal Court of Shymkent", "location": "Shymkent", "country": "Kazakhstan",
				"defendants": 2, "convicted": 2, "imprisoned": 2, "sentence_min_months": 66, "sentence_max_months": 72}},
		},
		{
			name:  "appeal with the verdict it changed",
			title: "Georgian appeals court cuts sentence of ex-officer in torture case",
			text: "TBILISI, March 19 (RFE/RL) - The Tbilisi Court of Appeals on Monday reduced the prison term of a former police officer convicted of torturing a detainee from nine years to seven years.\n\n" +
				"The officer, Giorgi Beridze, was convicted by the Tbilisi City Court in October.\n\nHuman rights groups criticised the decision.",
			want: []want{
				{"stage": "appeal", "court": "Tbilisi Court of Appeals", "location": "Tbilisi", "country": "Georgia", "decision_date": "2024-03-18",
					"defendants": 1, "imprisoned": 1, "sentence_min_months": 84, "sentence_max_months": 84, "victims": 1},
				{"stage": "verdict", "court": "Tbilisi City Court", "decision_date": "2023-10", "defendants": 1, "convicted": 1},
			},
		},
		{
			name:  "conviction after a trial, sentence on a weekday",
			title: "Judge jails PC for assaulting teenager",
			text: "A police constable who punched a 15-year-old boy during an arrest has been jailed for 20 months.\n\n" +
				"PC James Walker, 34, was found guilty of assault occasioning actual bodily harm after a trial at Birmingham Crown Court in January.\n\n" +
				"He was sentenced at the same court on Tuesday. His colleague, PC Mark Green, was cleared of misconduct in public office.",
			want: []want{{"stage": "verdict", "court": "Birmingham Crown Court", "location": "Birmingham", "decision_date": "2024-03-19",
				"defendants": 2, "convicted": 1, "acquitted": 1, "imprisoned": 1, "sentence_min_months": 20, "sentence_max_months": 20, "victims": 1}},
		},
		{
			name:  "acquittal with a recalled verdict of another year",
			title: "Court acquits all officers in Zhanaozen case",
			text: "An Aktau court on Friday acquitted all seven police officers accused of abusing detainees after the 2011 unrest, citing a lack of evidence.\n\n" +
				"The defendants had faced up to 10 years in prison. Prosecutors said they would appeal.\n\n" +
				"In a separate case in 2012, five officers were convicted of using firearms and given prison terms of five to seven years.",
			want: []want{
				{"location": "Aktau", "country": "Kazakhstan", "decision_date": "2024-03-15", "defendants": 7, "acquitted": 7, "convicted": nil, "imprisoned": nil, "sentence_max_months": nil},
				{"defendants": 5, "convicted": 5, "imprisoned": 5, "sentence_min_months": 60, "sentence_max_months": 84},
			},
		},
		{
			name: "courts of a country in a year are statistics",
			text: "Last year courts in Kazakhstan convicted 27 officers of torture, up from 19 in 2022.",
			want: nil,
		},
		{
			name: "judges of one place are one panel",
			text: "Judges in Lyon convicted three officers on Friday.",
			want: []want{{"location": "Lyon", "decision_date": "2024-03-15", "defendants": 3, "convicted": 3}},
		},
		{
			name: "a count compared with another year",
			text: "In 2023, 45 officers were convicted of torture, compared with 30 a year earlier.",
			want: nil,
		},
		{
			name: "pre-trial detention extended",
			text: "The court extended the pre-trial detention of the three officers by two months.",
			want: nil,
		},
		{
			name: "house arrest before trial",
			text: "A court in Almaty placed the officer under house arrest for two months.",
			want: nil,
		},
		{
			name: "a case returned to prosecutors",
			text: "The court returned the case to prosecutors for further investigation.",
			want: nil,
		},
		{
			name: "a verdict postponed",
			text: "The court postponed the verdict until April 2.",
			want: nil,
		},
		{
			name: "a penalty under an article",
			text: "The officer faces between five and 12 years in prison under Article 146 of the Criminal Code.",
			want: nil,
		},
		{
			name: "demands for two people",
			text: "The prosecution asked for 8 years for Ivanov and 6 years for Petrov.",
			want: nil,
		},
		{
			name: "a civil court's compensation",
			text: "A civil court ordered the Interior Ministry to pay 3 million tenge in compensation to the victim.",
			want: nil,
		},
		// --- several verdicts apart
		{
			name:  "two fresh verdicts of one week",
			title: "Two police torture verdicts in one week",
			text: "On Monday, the Taraz City Court sentenced two officers to six years each for torturing a detainee.\n\n" +
				"On Wednesday, the Aktobe City Court acquitted three prison guards accused of beating an inmate.",
			want: []want{
				{"court": "Taraz City Court", "decision_date": "2024-03-18", "defendants": 2, "imprisoned": 2, "sentence_max_months": 72, "victims": 1},
				{"court": "Aktobe City Court", "decision_date": "2024-03-20", "defendants": 3, "acquitted": 3, "imprisoned": nil},
			},
		},
		{
			name:  "a verdict, a case sent back, a recalled verdict",
			title: "Court jails officer; colleague's case pending",
			text: "A court in Almaty on Friday jailed a police officer for five years for torturing a suspect.\n\n" +
				"The case of his colleague, who is accused of the same crime, was sent back to prosecutors.\n\n" +
				"Last year, the same court sentenced three other officers to between four and seven years in a similar case.",
			want: []want{
				{"location": "Almaty", "decision_date": "2024-03-15", "defendants": 1, "imprisoned": 1, "sentence_max_months": 60, "victims": 1},
				{"decision_date": nil, "defendants": 3, "imprisoned": 3, "sentence_min_months": 48, "sentence_max_months": 84},
			},
		},
		{
			name:  "an appeal and the verdict it upheld",
			title: "Kazakhstan: officers jailed for torture",
			text: "The Karaganda Regional Court has upheld the verdict against five police officers convicted of torturing detainees.\n\n" +
				"In December, the Karaganda City Court sentenced the officers to terms ranging from five to nine years.",
			want: []want{
				{"stage": "appeal", "court": "Karaganda Regional Court", "defendants": 5, "imprisoned": 5, "sentence_min_months": 60, "sentence_max_months": 108},
				{"stage": "verdict", "court": "Karaganda City Court", "decision_date": "2023-12", "defendants": 5, "sentence_min_months": 60, "sentence_max_months": 108},
			},
		},
		{
			name: "two verdicts in one story",
			text: "On Monday, a court in Taraz jailed two officers for five years.\n\nIn a separate case, the Shymkent City Court on Tuesday acquitted three prison guards.",
			want: []want{
				{"location": "Taraz", "decision_date": "2024-03-18", "defendants": 2, "imprisoned": 2, "sentence_max_months": 60},
				{"court": "Shymkent City Court", "decision_date": "2024-03-19", "defendants": 3, "acquitted": 3, "imprisoned": nil},
			},
		},
		// --- a person and a counted group told together
		{
			name: "a main defendant and his accomplices",
			text: "The main defendant and his four accomplices were sentenced to prison terms of five to 12 years.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 5, "sentence_min_months": 60, "sentence_max_months": 144}},
		},
		{
			name: "a main defendant, then his accomplices in a clause of their own",
			text: "The main defendant was sentenced to 12 years and his four accomplices were sentenced to between five and eight years.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 5, "sentence_min_months": 60, "sentence_max_months": 144}},
		},
		{
			name: "a police chief and some of his subordinates",
			text: "A former police chief and three of his subordinates were jailed for torturing a detainee.",
			want: []want{{"defendants": 4, "convicted": 4, "imprisoned": 4, "victims": 1}},
		},
		{
			name: "the object of a verdict: a person and a counted group",
			text: "The court sentenced a former district police chief and three of his subordinates to six years each.",
			want: []want{{"defendants": 4, "imprisoned": 4, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "a surname and his co-accused",
			text: "Ahmedov and his two co-defendants were found guilty of extortion on Monday.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 3, "convicted": 3}},
		},
		{
			name: "two counted groups joined",
			text: "Two police officers and three prison guards were convicted of torture.",
			want: []want{{"defendants": 5, "convicted": 5}},
		},
		{
			name: "a ringleader and his associates",
			text: "The ringleader and his two associates were jailed for nine years each.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 108, "sentence_max_months": 108}},
		},
		{
			name: "groups with terms of their own are not joined",
			text: "The court sentenced two officers to five years and three guards to four years.",
			want: []want{{"defendants": 5, "imprisoned": 5, "sentence_min_months": 48, "sentence_max_months": 60}},
		},
		// --- a death sentence, and an ordinal told after it
		{
			name: "two to death and a third to life",
			text: "Two were sentenced to death and a third to life imprisonment.",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": 1, "sentence_max_months": nil}},
		},
		{
			name: "two to life and a third to death",
			text: "Two were sentenced to life imprisonment and a third to death.",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": 2}},
		},
		{
			name: "two men to death and a third to a term",
			text: "The court sentenced two men to death and a third to 20 years in prison.",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": 1, "sentence_min_months": 240, "sentence_max_months": 240}},
		},
		{
			name: "death, life and a term told in turn",
			text: "Two were sentenced to death, a third to life imprisonment and a fourth to 15 years.",
			want: []want{{"defendants": 4, "convicted": 4, "imprisoned": 2, "sentence_min_months": 180, "sentence_max_months": 180}},
		},
		{
			name: "some of the defendants to death and others to life",
			text: "The court sentenced five of the defendants to death and two others to life imprisonment.",
			want: []want{{"defendants": 7, "convicted": 7, "imprisoned": 2}},
		},
		{
			name: "a fourth told in the next sentence",
			text: "Three were sentenced to death. A fourth received life imprisonment.",
			want: []want{{"defendants": 4, "convicted": 4, "imprisoned": 1}},
		},
		{
			name: "a death sentence is no prison term",
			text: "The two men were sentenced to death.",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": nil}},
		},
		{
			name: "beaten to death is no death sentence",
			text: "The officer was jailed for 10 years for beating a detainee to death.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_max_months": 120, "victims": 1}},
		},
		// --- suspended sentences for all, and none jailed
		{
			name: "none jailed: all received suspended sentences",
			text: "The court found the five officers guilty. None of them was jailed: all received suspended sentences.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 0, "suspended": 5}},
		},
		{
			name: "found guilty but none jailed",
			text: "The five officers were found guilty but none of them was jailed: all received suspended sentences of two years.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 0, "suspended": 5, "sentence_max_months": nil}},
		},
		{
			name: "neither jailed: both suspended",
			text: "The court found the two officers guilty. Neither was jailed: both received suspended terms.",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": 0, "suspended": 2}},
		},
		{
			name: "all alone refers to the group told before",
			text: "The court found the five officers guilty. All received suspended sentences.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": nil, "suspended": 5}},
		},
		{
			name: "all five received suspended sentences",
			text: "All five received suspended sentences.",
			want: []want{{"defendants": 5, "convicted": 5, "suspended": 5}},
		},
		{
			name: "convicted but avoided jail",
			text: "The three officers were convicted but avoided jail, receiving suspended sentences of two years each.",
			want: []want{{"defendants": 3, "convicted": 3, "suspended": 3, "sentence_max_months": nil}},
		},
		{
			name: "none jailed with no one convicted tells no count",
			text: "None of the officers was jailed.",
			want: nil,
		},
		// --- a surname with a possessive mark names the person
		{
			name: "a possessive surname's sentence reduced",
			text: "Ivanov's sentence was reduced to six years on appeal.",
			want: []want{{"stage": "appeal", "defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "the court reduced a possessive surname's sentence",
			text: "The appeals court reduced Ivanov's sentence to six years.",
			want: []want{{"stage": "appeal", "defendants": 1, "imprisoned": 1, "sentence_max_months": 72}},
		},
		{
			name: "a possessive surname's conviction upheld",
			text: "Petrov's conviction was upheld by the Supreme Court on Tuesday.",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "decision_date": "2024-03-19", "defendants": 1, "convicted": 1}},
		},
		{
			name: "a country's possessive names no one",
			text: "Kazakhstan's Supreme Court upheld the sentence on Tuesday.",
			want: []want{{"stage": "appeal", "decision_date": "2024-03-19", "defendants": nil}},
		},
		// --- victims: named ones in a list, and the verbs of harm
		{
			name: "the deaths of two named people",
			text: "On Monday a court in Almaty convicted the officers over the deaths of Ivan Petrov and Sergei Sidorov.",
			want: []want{{"location": "Almaty", "decision_date": "2024-03-18", "victims": 2}},
		},
		{
			name: "the killings of three named people",
			text: "The officers were convicted on Monday of the killings of Ivan Petrov, Sergei Sidorov and Oleg Ivanov.",
			want: []want{{"decision_date": "2024-03-18", "victims": 3}},
		},
		{
			name: "strangling a detainee",
			text: "Two officers were jailed for eight years on Monday for strangling a detainee.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_max_months": 96, "victims": 1}},
		},
		{
			name: "victims of two verbs add up",
			text: "The guards were sentenced to six years on Monday for torturing three inmates and humiliating two others.",
			want: []want{{"decision_date": "2024-03-18", "sentence_max_months": 72, "victims": 5}},
		},
		{
			name: "stabbing some and robbing another",
			text: "The officers were jailed on Monday for stabbing two men and robbing a woman.",
			want: []want{{"decision_date": "2024-03-18", "victims": 3}},
		},
		{
			name: "a victim told again is not new",
			text: "The officer was jailed for six years for beating a detainee and then torturing the detainee with electric shocks.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 72, "victims": 1}},
		},
		{
			name: "the death in custody of a named man",
			text: "Three officers were jailed on Monday for the death in custody of Amir Bekov.",
			want: []want{{"defendants": 3, "imprisoned": 3, "victims": 1}},
		},
		{
			name: "extorting money from people",
			text: "The policemen were convicted on Monday of extorting money from four businessmen.",
			want: []want{{"decision_date": "2024-03-18", "victims": 4}},
		},
		{
			name: "the murders of villagers",
			text: "Two soldiers were convicted on Monday of the murders of three villagers.",
			want: []want{{"defendants": 2, "convicted": 2, "victims": 3}},
		},
		{
			name: "the rape of a girl",
			text: "A police officer was jailed on Monday for the rape of a teenage girl.",
			want: []want{{"defendants": 1, "imprisoned": 1, "victims": 1}},
		},
		// --- an uncounted group with only its victims told
		{
			name: "officers who tortured a detainee were convicted",
			text: "Police officers who tortured a detainee were convicted.",
			want: []want{{"stage": "verdict", "defendants": nil, "victims": 1}},
		},
		{
			name: "officers who beat protesters found guilty",
			text: "The officers who beat two protesters were found guilty.",
			want: []want{{"defendants": nil, "convicted": nil, "victims": 2}},
		},
		{
			name: "officers who tortured a detainee sentenced to a term",
			text: "Police officers who tortured a detainee were sentenced to five years.",
			want: []want{{"defendants": nil, "sentence_max_months": 60, "victims": 1}},
		},
		// --- terms in weeks, and dates written in figures or as a day alone
		{
			name: "a term in weeks",
			text: "He was sentenced to 12 weeks in jail.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 3, "sentence_max_months": 3}},
		},
		{
			name: "jailed for weeks",
			text: "He was jailed for 16 weeks.",
			want: []want{{"imprisoned": 1, "sentence_min_months": 4, "sentence_max_months": 4}},
		},
		{
			name: "a hyphenated term in weeks",
			text: "The officer was given an 18-week prison sentence.",
			want: []want{{"imprisoned": 1, "sentence_min_months": 4, "sentence_max_months": 4}},
		},
		{
			name: "a term of weeks suspended",
			text: "The officer was given a 20-week prison sentence suspended for 12 months.",
			want: []want{{"suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "two weeks is a month, not none",
			text: "He was jailed for two weeks.",
			want: []want{{"imprisoned": 1, "sentence_max_months": 1}},
		},
		{
			name: "the length of a trial is no term",
			text: "After a six-week trial, the officer was sentenced to four years.",
			want: []want{{"imprisoned": 1, "sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "an ISO date in running text",
			text: "The court sentenced him to six years on 2024-03-18.",
			want: []want{{"decision_date": "2024-03-18", "sentence_max_months": 72}},
		},
		{
			name: "a date with slashes, day first",
			text: "He was sentenced on 18/03/2024 to six years.",
			want: []want{{"decision_date": "2024-03-18", "sentence_max_months": 72}},
		},
		{
			name: "a day of the month of publication",
			text: "On the 12th, the court sentenced him to six years.",
			want: []want{{"decision_date": "2024-03-12"}},
		},
		{
			name: "a day after the publication's is of the month before",
			text: "The court sentenced him to six years on the 25th.",
			want: []want{{"decision_date": "2024-02-25"}},
		},
		{
			name: "an ordinal in a court's name is no date",
			text: "The 3rd High Criminal Court sentenced him to six years.",
			want: []want{{"court": "3rd High Criminal Court", "decision_date": nil}},
		},
		// --- long court names and where they sit
		{
			name: "a military court of a city's garrison",
			text: "The Military Court of the Astana Garrison sentenced two officers to five years.",
			want: []want{{"court": "Military Court of the Astana Garrison", "location": "Astana", "country": "Kazakhstan", "defendants": 2, "sentence_max_months": 60}},
		},
		{
			name: "a garrison court in lower case",
			text: "The military court of the Almaty garrison sentenced two officers to five years.",
			want: []want{{"court": nil, "location": "Almaty", "country": "Kazakhstan"}},
		},
		{
			name: "a court for a kind of cases, of a city",
			text: "The Specialised Inter-District Criminal Court for Juvenile Cases of Almaty sentenced the officer to five years.",
			want: []want{{"court": "Specialised Inter-District Criminal Court for Juvenile Cases of Almaty", "location": "Almaty", "country": "Kazakhstan"}},
		},
		{
			name: "a court for criminal cases of a region",
			text: "The Inter-District Court for Criminal Cases of Karaganda Region sentenced the officer to five years.",
			want: []want{{"court": "Inter-District Court for Criminal Cases of Karaganda Region", "location": "Karaganda region", "country": "Kazakhstan"}},
		},
		{
			name: "a city court for criminal cases",
			text: "The Tashkent City Court for Criminal Cases sentenced two officers to seven years.",
			want: []want{{"court": "Tashkent City Court for Criminal Cases", "location": "Tashkent", "country": "Uzbekistan"}},
		},
		{
			name: "a specialised inter-district court of a city",
			text: "The Specialised Inter-District Criminal Court of Almaty sentenced the officer to five years.",
			want: []want{{"court": "Specialised Inter-District Criminal Court of Almaty", "location": "Almaty", "country": "Kazakhstan"}},
		},
		{
			name: "an agency's court in an Indian city",
			text: "A CBI court in Lucknow on Monday sentenced the officer to life imprisonment.",
			want: []want{{"court": nil, "location": "Lucknow", "country": "India", "decision_date": "2024-03-18", "imprisoned": 1}},
		},
		{
			name: "a special court named with its city after a comma",
			text: "The Special CBI Court, Lucknow, sentenced the officer to life imprisonment.",
			want: []want{{"court": "Special CBI Court", "location": "Lucknow", "country": "India"}},
		},
		{
			name: "a sessions court in a city",
			text: "A sessions court in Mumbai sentenced the officer to seven years.",
			want: []want{{"location": "Mumbai", "country": "India", "sentence_max_months": 84}},
		},
		{
			name: "a British crown court",
			text: "The officer was jailed for six years at Manchester Crown Court.",
			want: []want{{"court": "Manchester Crown Court", "location": "Manchester", "country": "United Kingdom"}},
		},
		{
			name: "a federal jury in an American city",
			text: "A federal jury in Minneapolis convicted the officer.",
			want: []want{{"location": "Minneapolis", "country": "United States", "convicted": 1}},
		},
		// --- more phrasings of wire and court reporting
		{
			name: "the former officers, terms told respectively",
			text: "The former officers, aged 32 and 35, were jailed for seven and eight years respectively.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 84, "sentence_max_months": 96}},
		},
		{
			name: "a probation period after a suspended term is no second term",
			text: "The officer received a suspended sentence of two years, with three years of probation.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil}},
		},
		{
			name: "supervised release after a prison term",
			text: "A federal judge sentenced the former officer to 10 years in prison, followed by three years of supervised release.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 120, "sentence_max_months": 120}},
		},
		{
			name: "a verdict handed down by a court",
			text: "The verdict was handed down on Tuesday by the Taraz City Court.",
			want: []want{{"stage": "verdict", "court": "Taraz City Court", "decision_date": "2024-03-19", "convicted": nil}},
		},
		{
			name: "a verdict against counted people tells the defendants only",
			text: "The verdict against the five officers was delivered on Tuesday by the Taraz City Court.",
			want: []want{{"court": "Taraz City Court", "defendants": 5, "convicted": nil, "acquitted": nil}},
		},
		{
			name: "a verdict still to come",
			text: "The verdict will be handed down on Friday.",
			want: nil,
		},
		{
			name: "terms listed by surname after a colon, with dashes",
			text: "The court found the defendants guilty and sentenced them to imprisonment: Ivanov - 8 years, Petrov - 6 years.",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "terms listed by surname after a colon, with 'to'",
			text: "The court sentenced the officers: Ivanov to 8 years, Petrov to 6 years.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "a noun before a dash is no surname",
			text: "The court sentenced the officers on Monday. Terms - from two to seven years.",
			want: []want{{"decision_date": "2024-03-18", "defendants": nil, "imprisoned": nil}},
		},
		{
			name: "a list of terms handed down to counted people",
			text: "The judge handed down sentences of six, eight and 10 years to the three officers.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 72, "sentence_max_months": 120}},
		},
		{
			name: "a term for an officer and a bare number for his accomplice",
			text: "The court jailed the officer for eight years and his accomplice for six.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "convicted, some of whom jailed",
			text: "Seven police officers were convicted on Wednesday, four of whom were jailed for up to six years.",
			want: []want{{"decision_date": "2024-03-20", "defendants": 7, "convicted": 7, "imprisoned": 4, "sentence_min_months": nil, "sentence_max_months": 72}},
		},
		// --- terms told in turn to people named one by one, the unit
		// written once
		{
			name: "a term in prison, then a surname and a bare number",
			text: "The court sentenced Ivanov to 12 years in prison and Petrov to 10.",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": 2, "sentence_min_months": 120, "sentence_max_months": 144}},
		},
		{
			name: "three surnames with bare numbers after a term in prison",
			text: "A Bishkek court sentenced Asanov to 12 years in prison, Bekov to 10 and Toktogulov to eight.",
			want: []want{{"location": "Bishkek", "defendants": 3, "convicted": 3, "imprisoned": 3, "sentence_min_months": 96, "sentence_max_months": 144}},
		},
		{
			name: "jailed one for years, another for a bare number",
			text: "The judge jailed Smith for five years and Jones for three.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 36, "sentence_max_months": 60}},
		},
		{
			name: "received in turn, numbers after commas",
			text: "Smith received seven years, Jones six and Brown four.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 48, "sentence_max_months": 84}},
		},
		{
			name: "a passive term behind bars, then another person",
			text: "Ivanov was sentenced to 12 years behind bars and Petrov to 10.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 120, "sentence_max_months": 144}},
		},
		{
			name: "a person noun before each surname",
			text: "The court sentenced officer Ivanov to 12 years and his colleague Petrov to 10.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 120, "sentence_max_months": 144}},
		},
		{
			name: "a long place of a term before the next person",
			text: "The court sentenced Ivanov to 12 years in a maximum-security penal colony and Petrov to 10.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 120, "sentence_max_months": 144}},
		},
		{
			name: "a prison term, then a suspended term for another",
			text: "The court sentenced Ivanov to 12 years in prison and Petrov to a suspended term of three years.",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": 1, "suspended": 1, "sentence_min_months": 144, "sentence_max_months": 144}},
		},
		{
			name: "probation after a prison term is the same person's",
			text: "He was sentenced to five years in prison and three years of probation.",
			want: []want{{"defendants": 1, "imprisoned": 1, "suspended": nil, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "a term in prison, then a year of release",
			text: "He was jailed for five years in prison in 2019 and released in 2022.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		// --- courts named after a part of a city sit in the city
		{
			name: "a crown court named after a London borough",
			text: "The officer was jailed for six years at Southwark Crown Court.",
			want: []want{{"court": "Southwark Crown Court", "location": "London", "country": "United Kingdom", "imprisoned": 1, "sentence_max_months": 72}},
		},
		{
			name: "a jury at a borough's crown court",
			text: "A jury at Snaresbrook Crown Court convicted the officer on Tuesday.",
			want: []want{{"court": "Snaresbrook Crown Court", "location": "London", "country": "United Kingdom", "decision_date": "2024-03-19", "convicted": 1}},
		},
		{
			name: "a district court of a city named by the district alone",
			text: "The Bostandyk District Court sentenced the officer to four years.",
			want: []want{{"court": "Bostandyk District Court", "location": "Almaty", "country": "Kazakhstan", "imprisoned": 1}},
		},
		{
			name: "a district name many cities share tells no city",
			text: "The Leninsky District Court sentenced the officer to four years.",
			want: []want{{"court": "Leninsky District Court", "location": nil, "imprisoned": 1}},
		},
		{
			name: "a New York borough's jury",
			text: "A Manhattan federal jury convicted the former officer on Tuesday.",
			want: []want{{"location": "New York", "country": "United States", "decision_date": "2024-03-19", "convicted": 1}},
		},
		{
			name: "a court in a district of a capital",
			text: "A court in Yasamal sentenced the journalist to nine years in prison.",
			want: []want{{"location": "Baku", "country": "Azerbaijan", "imprisoned": 1, "sentence_max_months": 108}},
		},
		{
			name: "a court based in a city",
			text: "On Tuesday, a Bishkek-based military court jailed two soldiers for hazing.",
			want: []want{{"location": "Bishkek", "country": "Kyrgyzstan", "decision_date": "2024-03-19", "defendants": 2, "imprisoned": 2}},
		},
		// --- courts written in lower case
		{
			name: "a garrison military court after its place, in lower case",
			text: "The Almaty garrison military court sentenced the soldier to four years.",
			want: []want{{"court": "Almaty garrison military court", "location": "Almaty", "country": "Kazakhstan", "imprisoned": 1, "sentence_max_months": 48}},
		},
		{
			name: "a garrison military court of a city, in lower case",
			text: "The garrison military court of Almaty sentenced the soldier to four years.",
			want: []want{{"court": nil, "location": "Almaty", "country": "Kazakhstan", "imprisoned": 1}},
		},
		{
			name: "a district court of a region, in lower case",
			text: "The district court of the Almaty region sentenced two officers to three years.",
			want: []want{{"court": nil, "location": "Almaty region", "country": "Kazakhstan", "imprisoned": 2}},
		},
		{
			name: "a military court with no place",
			text: "A garrison military court sentenced the soldier to four years.",
			want: []want{{"court": nil, "location": nil, "imprisoned": 1, "sentence_max_months": 48}},
		},
		{
			name: "the regional court on appeal, with no place",
			text: "The regional court upheld the sentence on Tuesday.",
			want: []want{{"stage": "appeal", "court": nil, "location": nil, "decision_date": "2024-03-19"}},
		},
		{
			name: "a military court told in the sentence before the verdict",
			text: "The case was heard by a garrison military court in Almaty. The soldier was sentenced to four years.",
			want: []want{{"court": nil, "location": "Almaty", "country": "Kazakhstan", "imprisoned": 1, "sentence_max_months": 48}},
		},
		{
			name: "a court named in the sentence before the verdict",
			text: "The case was heard by the Almaty garrison military court. The soldier was sentenced to four years.",
			want: []want{{"court": "Almaty garrison military court", "location": "Almaty", "imprisoned": 1}},
		},
		{
			name: "a regional court that heard an appeal, then its decision",
			text: "The regional court in Karaganda heard the appeal on Tuesday. It reduced the sentence to four years.",
			want: []want{{"stage": "appeal", "location": "Karaganda", "decision_date": "2024-03-19", "sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "a military court in a city, by the passive",
			text: "Two conscripts were sentenced by a military court in Aktobe to three years.",
			want: []want{{"location": "Aktobe", "defendants": 2, "imprisoned": 2, "sentence_max_months": 36}},
		},
		// --- wire, local and NGO phrasings of a verdict
		{
			name: "handed sentences of between two numbers",
			text: "Four former police officers were handed sentences of between five and nine years on Tuesday.",
			want: []want{{"decision_date": "2024-03-19", "defendants": 4, "imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 108}},
		},
		{
			name: "each handed a term in a prison",
			text: "The two officers were each handed a term of seven years in a maximum-security prison.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "given years behind bars",
			text: "The former police chief was given 10 years behind bars.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 120, "sentence_max_months": 120}},
		},
		{
			name: "a trio of people counted by a collective word",
			text: "A trio of former guards were jailed for seven years each.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "a pair counted, their combined years no term",
			text: "A pair of officers were jailed for a combined 20 years.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": nil, "sentence_max_months": nil}},
		},
		{
			name: "the quartet received terms of up to",
			text: "The quartet received sentences of up to 12 years.",
			want: []want{{"defendants": 4, "imprisoned": 4, "sentence_min_months": nil, "sentence_max_months": 144}},
		},
		{
			name: "one of the defendants acquitted, the other three jailed",
			text: "One of the defendants was acquitted and the other three were jailed for five years.",
			want: []want{{"defendants": 4, "convicted": 3, "acquitted": 1, "imprisoned": 3, "sentence_max_months": 60}},
		},
		{
			name: "suspended sentences for two, a fine for a third",
			text: "Two officers received suspended sentences of three years, while a third was fined.",
			want: []want{{"defendants": 3, "convicted": 3, "suspended": 2, "imprisoned": nil}},
		},
		{
			name: "cleared the officer, active",
			text: "The Bishkek City Court on Friday cleared the officer of all charges, citing a lack of evidence.",
			want: []want{{"court": "Bishkek City Court", "decision_date": "2024-03-15", "defendants": 1, "acquitted": 1, "convicted": nil}},
		},
		{
			name: "cleared the way is no acquittal",
			text: "The ruling cleared the way for a retrial of the officers.",
			want: nil,
		},
		{
			name: "walked free after an acquittal",
			text: "Four officers walked free on Tuesday after a jury found them not guilty.",
			want: []want{{"decision_date": "2024-03-19", "defendants": 4, "acquitted": 4, "convicted": nil}},
		},
		{
			name: "a term the court gave after a demand, by a bare number",
			text: "Prosecutors had demanded nine years, but the court sentenced him to seven.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "a term after a demand in the clause before, jailed for a bare number",
			text: "Prosecutors asked for 10 years; the judge jailed the officer for eight.",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 96, "sentence_max_months": 96}},
		},
		{
			name: "a term told before the jury's verdict",
			text: "The officer was sentenced to five years after the court found him guilty of torture.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "years after a verdict are no term",
			text: "He was released five years after the court convicted him.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "will spend years behind bars after a court found them guilty",
			text: "The two men will spend the next seven years behind bars after a court in Bishkek found them guilty of torture.",
			want: []want{{"location": "Bishkek", "defendants": 2, "convicted": 2}},
		},
		{
			name: "a date last week is vague",
			text: "The Tbilisi City Court sentenced three officers to between four and six years last week.",
			want: []want{{"court": "Tbilisi City Court", "decision_date": nil, "defendants": 3, "imprisoned": 3, "sentence_min_months": 48, "sentence_max_months": 72}},
		},
		// --- appeals told by what befell the sentenced
		{
			name: "had their sentences cut on appeal",
			text: "On Tuesday, the two officers had their prison terms reduced to four years by the Supreme Court.",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "decision_date": "2024-03-19", "defendants": 2, "imprisoned": 2, "sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "saw a sentence commuted",
			text: "Ivanov saw his sentence commuted to 10 years.",
			want: []want{{"stage": "appeal", "defendants": 1, "imprisoned": 1, "sentence_max_months": 120}},
		},
		{
			name: "had their sentences upheld by a named court",
			text: "The two officers had their sentences upheld by the Supreme Court on Tuesday.",
			want: []want{{"stage": "appeal", "court": "Supreme Court", "decision_date": "2024-03-19", "defendants": 2}},
		},
		// --- the headline alone tells the decision
		{
			name:  "a headline's term, the text's court and date",
			title: "Four ex-officers jailed for 5-7 years over detainee's death",
			text:  "A court in Almaty handed down the sentences on Monday.",
			want:  []want{{"location": "Almaty", "decision_date": "2024-03-18", "defendants": 4, "imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 84}},
		},
		{
			name:  "a headline without an article, its subject one person",
			title: "Kyrgyz officer gets 8 years for torture",
			text:  "The court said the officer beat a suspect in custody in 2022.",
			want:  []want{{"country": "Kyrgyzstan", "defendants": 1, "imprisoned": 1, "sentence_max_months": 96}},
		},
		{
			name:  "a headline without an article, its object one person",
			title: "Court acquits police officer in torture case",
			text:  "The Bishkek City Court on Friday cleared the officer, citing lack of evidence.",
			want:  []want{{"court": "Bishkek City Court", "decision_date": "2024-03-15", "defendants": 1, "acquitted": 1}},
		},
		{
			name:  "a headline of a trial opening",
			title: "Trial of officers opens in Almaty",
			text:  "The trial of four police officers accused of torture opened on Monday at the Almaty District Court.",
			want:  nil,
		},
		{
			name:  "a headline of a maximum penalty",
			title: "Officer faces 10 years for torture",
			text:  "Prosecutors say the officer beat a detainee.",
			want:  nil,
		},
		{
			name:  "a headline of a sentence to come",
			title: "Police officer to be jailed for torture",
			text:  "The court will announce the sentence on Friday.",
			want:  nil,
		},
		// --- reports that tell of no decision
		{
			name: "a link to another article",
			text: "Related: Court jails ex-police chief for 10 years",
			want: nil,
		},
		{
			name: "a year's count of the convicted",
			text: "Last year, 120 officers were convicted of corruption, according to the Supreme Court.",
			want: nil,
		},
		{
			name: "a year's count of the convicted, by a year",
			text: "In 2023, 45 police officers were convicted of torture.",
			want: nil,
		},
		{
			name: "a recalled mass trial of a year",
			text: "Last year, 12 officers were convicted in the Zhanaozen case by the Aktau City Court.",
			want: []want{{"court": "Aktau City Court", "defendants": 12, "convicted": 12}},
		},
		{
			name: "prosecutors seeking terms",
			text: "Prosecutors are seeking 12-year prison terms for the four officers.",
			want: nil,
		},
		{
			name: "the prosecution asked the court to jail",
			text: "The prosecution asked the court to jail the officers for 10 years.",
			want: nil,
		},
		{
			name: "a charge carries a maximum",
			text: "The charge carries a maximum sentence of 15 years.",
			want: nil,
		},
		{
			name: "charges filed",
			text: "Prosecutors filed charges against the five officers last week.",
			want: nil,
		},
		{
			name: "a hearing adjourned",
			text: "The hearing was adjourned until April 5.",
			want: nil,
		},
		{
			name: "sentencing scheduled",
			text: "The officers are expected to be sentenced next month.",
			want: nil,
		},
		{
			name: "a plea of guilty is no decision",
			text: "The officer pleaded guilty to abuse of office on Monday.",
			want: nil,
		},
		{
			name: "pre-trial detention extended",
			text: "The court extended the officers' pre-trial detention by two months.",
			want: nil,
		},
		{
			name: "a sports court",
			text: "The player was banned for four years by the disciplinary committee.",
			want: nil,
		},
		{
			name: "a food court fined",
			text: "Food court vendors were fined for health violations.",
			want: nil,
		},
		// --- surnames listed together
		{
			name: "gave two surnames terms each",
			text: "The court gave Ivanov and Petrov six years each.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "two surnames jailed in turn, passive",
			text: "Ivanov and Petrov were jailed for six and eight years respectively.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "three surnames acquitted, passive",
			text: "Ivanov, Petrov and Sidorov were acquitted.",
			want: []want{{"defendants": 3, "acquitted": 3, "convicted": nil}},
		},
		{
			name: "two surnames received",
			text: "Ivanov and Petrov received six years each.",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_max_months": 72}},
		},
		// --- reactions of rights groups name the decision by its noun
		{
			name: "a rights group welcomed a conviction",
			text: "Amnesty International welcomed the conviction of four police officers for torture on Tuesday.",
			want: []want{{"decision_date": "2024-03-19", "defendants": 4, "convicted": 4}},
		},
		{
			name: "a rights group condemned a sentencing",
			text: "Human Rights Watch condemned the sentencing of journalist Ivan Petrov to seven years in prison.",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_max_months": 84}},
		},
		{
			name: "rights groups criticised an acquittal",
			text: "Rights groups criticised the acquittal of the three officers accused of killing a protester.",
			want: []want{{"defendants": 3, "acquitted": 3, "convicted": nil, "victims": 1}},
		},
		{
			name: "a call for a conviction is no decision",
			text: "The group called for the conviction of the officers.",
			want: nil,
		},
		// --- a decision told by its delivery
		{
			name: "a sentence handed down by a judge of a court",
			text: "The sentence was handed down by Judge Ivanova of the Almaty City Court on Monday.",
			want: []want{{"stage": "verdict", "court": "Almaty City Court", "location": "Almaty", "decision_date": "2024-03-18", "defendants": nil}},
		},
		{
			name: "passed sentence on counted people",
			text: "The judge passed sentence on the four officers on Monday.",
			want: []want{{"decision_date": "2024-03-18", "defendants": 4, "convicted": nil}},
		},
		{
			name: "a verdict to be delivered is none yet",
			text: "The court will deliver its verdict on Friday.",
			want: nil,
		},
		// --- months told with a part of them
		{
			name: "a month joined to mid",
			text: "The officer was jailed for six years in mid-February.",
			want: []want{{"decision_date": "2024-02", "imprisoned": 1}},
		},
		{
			name: "the end of a month",
			text: "The officer was jailed for six years at the end of February.",
			want: []want{{"decision_date": "2024-02", "imprisoned": 1}},
		},
		{
			name: "a weekday and its date",
			text: "The officer was jailed for six years on Thursday, March 14.",
			want: []want{{"decision_date": "2024-03-14", "imprisoned": 1}},
		},
		// --- parts of a group and people told in the sentence before
		{
			name: "another two to a term is a head count, not a range",
			text: "Two officers were sentenced to five years, another two to three years, and the fifth was acquitted.",
			want: []want{{"defendants": 5, "convicted": 4, "acquitted": 1, "imprisoned": 4, "sentence_min_months": 36, "sentence_max_months": 60}},
		},
		{
			name: "two surnames joined by and after a first term",
			text: "The court sentenced Ivanov to six years, and Petrov and Sidorov to five years each.",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 60, "sentence_max_months": 72}},
		},
		{
			name: "they, counted in the sentence before",
			text: "The four officers were accused of beating a detainee. They were each jailed for five years on Tuesday.",
			want: []want{{"decision_date": "2024-03-19", "defendants": 4, "imprisoned": 4, "sentence_max_months": 60, "victims": 1}},
		},
		{
			name: "they after victims counted in the sentence before",
			text: "The officers beat two protesters. They were jailed for five years.",
			want: []want{{"defendants": nil, "imprisoned": nil, "sentence_max_months": 60, "victims": 2}},
		},
		// --- suspended and custodial terms told together
		{
			name: "a suspended prison sentence is suspended",
			text: "The officer was given a suspended prison sentence of two years.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "suspended sentences for some, a term for another verb's person",
			text: "Three officers received suspended sentences and a fourth was jailed for three years.",
			want: []want{{"defendants": 4, "convicted": 4, "suspended": 3, "imprisoned": 1, "sentence_min_months": 36, "sentence_max_months": 36}},
		},
		{
			name: "probation as the sentence",
			text: "The officer was sentenced to three years of probation.",
			want: []want{{"defendants": 1, "suspended": 1, "imprisoned": nil}},
		},
		{
			name: "none jailed, all suspended",
			text: "None of the officers was jailed: all five received suspended sentences.",
			want: []want{{"defendants": 5, "suspended": 5, "imprisoned": 0}},
		},
		// --- nationalities and capitals beyond the region
		{
			name: "a nationality adjective is a country, not a place",
			text: "A Ugandan court sentenced two police officers to 10 years for torture.",
			want: []want{{"location": nil, "country": "Uganda", "defendants": 2, "imprisoned": 2}},
		},
		{
			name: "a capital gives its country",
			text: "A court in Dhaka jailed three officers for life.",
			want: []want{{"location": "Dhaka", "country": "Bangladesh", "imprisoned": 3, "sentence_max_months": nil}},
		},
		{
			name: "a region's adjective gives the country",
			text: "A Chechen court sentenced the activist to four years.",
			want: []want{{"location": nil, "country": "Russia", "imprisoned": 1}},
		},
		// --- groups joined or narrowed
		{
			name: "a counted group and one more person",
			text: "Four police officers and a doctor were convicted of torture.",
			want: []want{{"defendants": 5, "convicted": 5}},
		},
		{
			name: "men and a woman jailed",
			text: "Nine men and a woman were jailed for terms of up to 15 years.",
			want: []want{{"defendants": 10, "imprisoned": 10, "sentence_min_months": nil, "sentence_max_months": 180}},
		},
		{
			name: "a part named after including is no subject",
			text: "Eleven people, including six police officers, were convicted.",
			want: []want{{"defendants": 11, "convicted": 11}},
		},
		// --- a rights group's release
		{
			name:  "the release's date is not the verdict's, nor the law's maximum its term",
			title: "Kazakhstan: Torture Verdict a Step Forward",
			text: "(Berlin, March 20, 2024) – A Kazakh court's conviction of four police officers for torturing a detainee is an important step toward accountability, Human Rights Watch said today. On March 18, the Taraz City Court sentenced the officers to between five and seven years in prison.\n\n" +
				"The case dates to January 2022, when the officers detained a man during protests and beat him in custody. Kazakhstan's Criminal Code punishes torture with up to 12 years in prison.",
			want: []want{{"court": "Taraz City Court", "decision_date": "2024-03-18", "defendants": 4, "imprisoned": 4, "sentence_min_months": 60, "sentence_max_months": 84}},
		},
		{
			name: "a law that provides for a term",
			text: "The law provides for up to 10 years in prison for torture.",
			want: nil,
		},
		{
			name: "others given community orders",
			text: "Three were jailed and two others were given community orders.",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 3, "suspended": nil}},
		},
		{
			name: "community service as the sentence",
			text: "The two officers were given community service.",
			want: []want{{"defendants": 2, "convicted": 2, "imprisoned": nil}},
		},
		{
			name: "half a dozen",
			text: "Half a dozen police officers were convicted of torture.",
			want: []want{{"defendants": 6, "convicted": 6}},
		},
		{
			name: "a court in a country's largest city, named after a comma",
			text: "A court in Kazakhstan's largest city, Almaty, jailed the officer for five years.",
			want: []want{{"location": "Almaty", "country": "Kazakhstan", "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "a court in the nation's capital, named after a comma",
			text: "A court in the nation's capital, Bishkek, jailed the officer.",
			want: []want{{"location": "Bishkek", "country": "Kyrgyzstan", "imprisoned": 1}},
		},
		{
			name: "the court of a district of a city, translated",
			text: "The court of Bostandyk district of Almaty city sentenced the officer to 4 years.",
			want: []want{{"court": nil, "location": "Almaty", "country": "Kazakhstan", "imprisoned": 1, "sentence_max_months": 48}},
		},
		{
			name: "a third to restricted freedom after two to prison",
			text: "Two of the defendants were sentenced to 5 years of imprisonment, the third to 3 years of restriction of freedom.",
			want: []want{{"defendants": 3, "convicted": 3, "imprisoned": 2, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := trialwatch.Article{Title: tt.title, Text: tt.text, Published: pub}
			checkCases(t, Cases(a, rs), tt.want)
		})
	}
}
