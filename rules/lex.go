package rules

import "strings"

// Lex names one lexicon of the fact rules, for the word sets Words returns.
// An extractor that asks many lexicons about one word looks the word up
// once (Facts.Words) and tests bits, instead of one map lookup per
// question (Facts.Is).
type Lex uint8

// The lexicons of the fact rules (see Facts for what each holds).
const (
	LexVague Lex = iota
	LexHalf
	LexAnd
	LexRangeFrom
	LexRangeTo
	LexUpTo
	LexAtLeast
	LexEach
	LexLast
	LexVagueDates
	LexPersons
	LexSingular
	LexDefendantNouns
	LexDecisionNouns
	LexGroup
	LexOne
	LexPart
	LexCourtTypes
	LexNotPlaces
	LexRegionWords
	LexDistrictWords
	LexRegionCourtTypes
	LexCourtStrip
	LexApprox
	LexDeterminers
	LexWhole
	LexSame
	LexBareVerbs
	LexReceiveVerbs
	LexOneAndHalf
	LexOrgWords
	LexDatePreps
	LexLowerDatePreps
	LexPrevYear
	LexThings
	LexTitles
	LexNameParticles
	LexJudges
	LexRelatives
	LexOf
	LexIncluding
	// LexNumber holds the number words, the keys of Facts.Numbers (the
	// lexicon "number_words", made by the loader).
	LexNumber
	// LexLowerCountry holds the country words the rules write in lower
	// case (the lexicon "lower_country_words", made by the loader; see
	// Facts.LowerCountry).
	LexLowerCountry
	// LexMonthWords, LexWeekdayWords and LexDayWords hold the keys of
	// Facts.Months, Weekdays and Days (the lexicons "month_words",
	// "weekday_words" and "day_words", made by the loader).
	LexMonthWords
	LexWeekdayWords
	LexDayWords
	// LexCountry holds the words a country is known by (see
	// Facts.CountryOf), also with a possessive ending ("kazakhstan's"),
	// and its multi-word entries start with the first words of the
	// names of two or more words ("united" of "united states"): the
	// lexicon "country_words", made by the loader.
	LexCountry
	numLex
)

// lexNames are the names Facts.Is knows the lexicons by.
var lexNames = [numLex]string{
	LexVague: "vague", LexHalf: "half", LexAnd: "and", LexRangeFrom: "range_from",
	LexRangeTo: "range_to", LexUpTo: "up_to", LexAtLeast: "at_least", LexEach: "each",
	LexLast: "last", LexVagueDates: "vague_dates", LexPersons: "persons",
	LexSingular: "singular", LexDefendantNouns: "defendant_nouns",
	LexDecisionNouns: "decision_nouns", LexGroup: "group", LexOne: "one", LexPart: "part",
	LexCourtTypes: "court_types", LexNotPlaces: "not_places", LexRegionWords: "region_words",
	LexDistrictWords: "district_words", LexRegionCourtTypes: "region_court_types",
	LexCourtStrip: "court_strip", LexApprox: "approx", LexDeterminers: "determiners",
	LexWhole: "whole", LexSame: "same", LexBareVerbs: "bare_verbs",
	LexReceiveVerbs: "receive_verbs", LexOneAndHalf: "one_and_half", LexOrgWords: "org_words",
	LexDatePreps: "date_preps", LexLowerDatePreps: "lower_date_preps", LexPrevYear: "prev_year",
	LexThings: "things", LexTitles: "titles", LexNameParticles: "name_particles",
	LexJudges: "judges", LexRelatives: "relatives", LexOf: "of", LexIncluding: "including",
	LexNumber:       "number_words",
	LexLowerCountry: "lower_country_words", LexMonthWords: "month_words",
	LexWeekdayWords: "weekday_words", LexDayWords: "day_words",
	LexCountry: "country_words",
}

// lexOf returns the Lex of a lexicon's name.
func lexOf(name string) (Lex, bool) {
	switch name {
	case "vague":
		return LexVague, true
	case "half":
		return LexHalf, true
	case "and":
		return LexAnd, true
	case "range_from":
		return LexRangeFrom, true
	case "range_to":
		return LexRangeTo, true
	case "up_to":
		return LexUpTo, true
	case "at_least":
		return LexAtLeast, true
	case "each":
		return LexEach, true
	case "last":
		return LexLast, true
	case "vague_dates":
		return LexVagueDates, true
	case "persons":
		return LexPersons, true
	case "singular":
		return LexSingular, true
	case "defendant_nouns":
		return LexDefendantNouns, true
	case "decision_nouns":
		return LexDecisionNouns, true
	case "group":
		return LexGroup, true
	case "one":
		return LexOne, true
	case "part":
		return LexPart, true
	case "court_types":
		return LexCourtTypes, true
	case "not_places":
		return LexNotPlaces, true
	case "region_words":
		return LexRegionWords, true
	case "district_words":
		return LexDistrictWords, true
	case "region_court_types":
		return LexRegionCourtTypes, true
	case "court_strip":
		return LexCourtStrip, true
	case "approx":
		return LexApprox, true
	case "determiners":
		return LexDeterminers, true
	case "whole":
		return LexWhole, true
	case "same":
		return LexSame, true
	case "bare_verbs":
		return LexBareVerbs, true
	case "receive_verbs":
		return LexReceiveVerbs, true
	case "one_and_half":
		return LexOneAndHalf, true
	case "org_words":
		return LexOrgWords, true
	case "date_preps":
		return LexDatePreps, true
	case "lower_date_preps":
		return LexLowerDatePreps, true
	case "prev_year":
		return LexPrevYear, true
	case "things":
		return LexThings, true
	case "titles":
		return LexTitles, true
	case "name_particles":
		return LexNameParticles, true
	case "judges":
		return LexJudges, true
	case "relatives":
		return LexRelatives, true
	case "of":
		return LexOf, true
	case "including":
		return LexIncluding, true
	case "number_words":
		return LexNumber, true
	case "lower_country_words":
		return LexLowerCountry, true
	case "month_words":
		return LexMonthWords, true
	case "weekday_words":
		return LexWeekdayWords, true
	case "day_words":
		return LexDayWords, true
	case "country_words":
		return LexCountry, true
	}
	return 0, false
}

// Words is the set of lexicons one word is in, and of those whose
// multi-word entries it starts.
type Words struct{ in, first uint64 }

// Has reports whether the word is in lexicon l.
func (w Words) Has(l Lex) bool { return w.in&(1<<l) != 0 }

// Starts reports whether the word is the first word of a multi-word entry
// of lexicon l ("up" of "up to").
func (w Words) Starts(l Lex) bool { return w.first&(1<<l) != 0 }

// Words returns the lexicons a lower-case word is in.
func (f *Facts) Words(word string) Words { return f.words[word] }

// WordsOf is Words for a word held in bytes; it makes no string.
func (f *Facts) WordsOf(word []byte) Words { return f.words[string(word)] }

// keySet returns the keys of m as a lexicon.
func keySet[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// possessiveEnds are the endings a country's word may be written with
// ("Kazakhstan's"), and none.
var possessiveEnds = []string{"", "'s", "’s", "'", "’"}

// indexWords builds the word sets from the lexicons.
func (f *Facts) indexWords() {
	if f.lex == nil {
		f.lex = map[string]map[string]bool{}
	}
	f.lex[lexNames[LexNumber]] = keySet(f.Numbers)
	f.lex[lexNames[LexMonthWords]] = keySet(f.Months)
	f.lex[lexNames[LexWeekdayWords]] = keySet(f.Weekdays)
	f.lex[lexNames[LexDayWords]] = keySet(f.Days)
	f.lex[lexNames[LexLowerCountry]] = f.lowerCountry
	countries, first := map[string]bool{}, map[string]bool{}
	for w := range f.countryOf {
		for _, end := range possessiveEnds {
			countries[w+end] = true
		}
		if head, _, ok := strings.Cut(w, " "); ok {
			first[head] = true
		}
	}
	f.lex[lexNames[LexCountry]] = countries
	f.lex[lexNames[LexCountry]+" first"] = first
	f.words = map[string]Words{}
	for l, name := range lexNames {
		for w := range f.lex[name] {
			ws := f.words[w]
			ws.in |= 1 << l
			f.words[w] = ws
		}
		for w := range f.lex[name+" first"] {
			ws := f.words[w]
			ws.first |= 1 << l
			f.words[w] = ws
		}
	}
}
