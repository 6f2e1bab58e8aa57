package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Facts holds the fact rules of one language: the lexicons (number words,
// units of time, person nouns, countries, court words…) and the named
// patterns the case extractor applies. The extractor is a rule engine; all
// knowledge of how news in a language is written lives here.
type Facts struct {
	Lang string `yaml:"lang"`

	// Numbers maps number words ("seven", "dozen") to their values.
	Numbers map[string]int `yaml:"numbers"`
	// Ordinals maps ordinal words ("fourth") to their values.
	Ordinals map[string]int `yaml:"ordinals"`
	// Vague lists words that count people without a number ("dozens").
	Vague []string `yaml:"vague"`
	// Things are plural nouns that a number may count without counting
	// people ("all seven charges").
	Things []string `yaml:"things"`
	// Units maps words of time to months ("years": 12); 0 means a unit that
	// only refines a compound term ("days"), and a negative number counts
	// days ("weeks": -7), rounded to whole months, at least one.
	Units map[string]int `yaml:"units"`
	// Half lists the words of "and a half" ("half").
	Half []string `yaml:"half"`
	// OneAndHalf lists words that alone mean one and a half of the unit
	// after them (Russian "полтора года").
	OneAndHalf []string `yaml:"one_and_half"`
	// And lists the words joining parts of one term or two ends of a range.
	And []string `yaml:"and"`
	// RangeFrom, RangeTo, UpTo and AtLeast are the words of ranges ("from
	// four to six years", "up to nine years", "at least a decade").
	RangeFrom []string `yaml:"range_from"`
	RangeTo   []string `yaml:"range_to"`
	UpTo      []string `yaml:"up_to"`
	AtLeast   []string `yaml:"at_least"`
	// Each lists words that give a term to each member of a group ("each",
	// "apiece").
	Each []string `yaml:"each"`

	// NoArticles says the language has no articles: a person noun alone
	// names people ("приговорил полицейского": one; "признал полицейских
	// виновными": a group told before).
	NoArticles bool `yaml:"no_articles"`

	// Months maps month names and abbreviations to 1..12.
	Months map[string]int `yaml:"months"`
	// Weekdays maps day names to 0 (Sunday) … 6.
	Weekdays map[string]int `yaml:"weekdays"`
	// Days maps relative day words to an offset from publication
	// ("yesterday": -1).
	Days map[string]int `yaml:"days"`
	// Last lists words that move a weekday strictly before publication
	// ("last Friday").
	Last []string `yaml:"last"`
	// DatePreps may stand before a month and year that date an event ("in
	// October 2024").
	DatePreps []string `yaml:"date_preps"`
	// LowerDatePreps are the prepositions after which a month or weekday
	// name written in lower case, as some languages write them, is a date
	// ("в январе", "в пятницу").
	LowerDatePreps []string `yaml:"lower_date_preps"`
	// PrevYear are the phrases after a month that put it in the year
	// before publication ("в феврале прошлого года").
	PrevYear []string `yaml:"prev_year"`
	// Vague dates ("recently", "this week") give no decision date.
	VagueDates []string `yaml:"vague_dates"`

	// Persons are nouns that count people ("officers"); Singular are the
	// ones that name one person ("officer", "journalist").
	Persons  []string `yaml:"persons"`
	Singular []string `yaml:"singular"`
	// DefendantNouns name the tried ("defendants", "accused").
	DefendantNouns []string `yaml:"defendant_nouns"`
	// DecisionNouns count decisions, one per defendant ("acquittals").
	DecisionNouns []string `yaml:"decision_nouns"`
	// Group words refer back to a known group ("them", "the men"); One
	// words to one person ("him").
	Group []string `yaml:"group"`
	One   []string `yaml:"one"`
	// Determiners may open a noun phrase ("the", "his"); Whole words mark a
	// count as the whole group ("all"); Same words refer back to a group
	// told before ("same").
	Determiners []string `yaml:"determiners"`
	Whole       []string `yaml:"whole"`
	Same        []string `yaml:"same"`
	// ReceiveVerbs are verbs whose subject receives the sentence, beyond
	// the English ones the extractor knows ("получил").
	ReceiveVerbs []string `yaml:"receive_verbs"`
	// BareVerbs may follow a number that stands for people ("seven were").
	BareVerbs []string `yaml:"bare_verbs"`
	// NameParticles may stand inside a personal name in lower case ("de",
	// "kyzy").
	NameParticles []string `yaml:"name_particles"`
	// Titles may open a personal name without being part of it ("Sgt",
	// "Police Staff Sergeant", "Judge").
	Titles []string `yaml:"titles"`
	// Relatives open a relative clause ("who", "which").
	Relatives []string `yaml:"relatives"`
	// Of are the words of "N of them" besides English "of" ("трое из них").
	Of []string `yaml:"of"`
	// Judges are titles of those who decide, never of the tried ("Judge",
	// "Justice").
	Judges []string `yaml:"judges"`
	// OrgWords make a capitalised name an organisation, not a person.
	OrgWords []string `yaml:"org_words"`
	// Part words mark a count as part of the group ("other", "remaining").
	Part []string `yaml:"part"`
	// Including words name a part of a group told just before ("eleven
	// people, including six officers").
	Including []string `yaml:"including"`

	// Countries maps a country's English name to the words that imply it
	// (names, adjectives, demonyms).
	Countries map[string][]string `yaml:"countries"`
	// Cities maps well-known cities to their country.
	Cities map[string]string `yaml:"cities"`
	// Districts maps parts of a city that name its courts (boroughs,
	// districts: "Southwark", "Bostandyk") to the city, one of Cities: the
	// court sits in the city. Names that several cities share are left out.
	Districts map[string]string `yaml:"districts"`
	// CourtHeads end a court's name ("Court"); CourtTypes may stand between
	// a place and a lower-case head ("Akmola regional court"); CourtNames
	// are courts whose name has no head ("Old Bailey").
	CourtHeads []string `yaml:"court_heads"`
	CourtTypes []string `yaml:"court_types"`
	CourtNames []string `yaml:"court_names"`
	// NotPlaces are capitalised words that are not places (inside court
	// names or before "in": "Supreme", "Judge").
	NotPlaces []string `yaml:"not_places"`
	// RegionWords turn "the Almaty Region" into "Almaty region".
	RegionWords []string `yaml:"region_words"`
	// CourtStrip are words that may precede a court's name without being
	// part of it ("The", "Judge").
	CourtStrip []string `yaml:"court_strip"`
	// Approx words make a number approximate, so it counts no one ("about").
	Approx []string `yaml:"approx"`
	// DistrictWords follow a place that is part of a city, not the city
	// ("Leninsky District Court", "Rankin County Circuit Court").
	DistrictWords []string `yaml:"district_words"`
	// PlaceSuffixes end a place as written without being part of its name
	// ("Bishkek-based").
	PlaceSuffixes []string `yaml:"place_suffixes"`
	// RegionCourtTypes follow a place whose court is the region's, not the
	// city's ("Андижанский областной суд" sits for Andijan region).
	RegionCourtTypes []string `yaml:"region_court_types"`

	// Patterns are the named regular expressions of the language, by kind.
	// A pattern may use the macros {NUM}, {ORD}, {UNIT}, {PERSON},
	// {SINGULAR}, {MONTH}, {WEEKDAY}, {NAME}, {PLACE}, {COURT}, {EACH}.
	Patterns []*Pattern `yaml:"patterns"`

	File string `yaml:"-"`
	Line int    `yaml:"-"`

	byKind    map[string][]*Pattern
	lex       map[string]map[string]bool
	words     map[string]Words // the lexicons of each word (see lex.go)
	countryOf map[string]string
	// lowerCountry holds the country words the rules write in lower case
	// (adjectives of languages that do not capitalise them: "казахстанский").
	lowerCountry map[string]bool
	courtRe      *Filtered
	nameRe       *Filtered
	districtOf   map[string]string // lower-case district → city
	cityOf       map[string]string // lower-case city → country
}

// Pattern is one named regular expression of the fact rules. Kind says what
// the extractor uses it for (see rules/default/en.yaml); Class refines it.
type Pattern struct {
	Name  string `yaml:"name"`
	Kind  string `yaml:"kind"`
	Class string `yaml:"class"`
	Re    string `yaml:"re"`
	// To is the replacement (with $1 for groups) of a place_form pattern.
	To string `yaml:"to"`
	// Re compiled, macros expanded.
	Regexp *regexp.Regexp `yaml:"-"`
	Line   int            `yaml:"-"`

	lits  []string // prefilter: a match holds one of these, lower-case
	keyed []keyed
	st    *starter // runs the expression where its first words stand
	// ix answers the prefilter for all patterns of the file at once, for
	// the expression ixRe, where the pattern is number ixID.
	ix   *litIndex
	ixRe *regexp.Regexp
	ixID int
}

// Kinds of pattern the extractor knows.
var patternKinds = map[string]bool{
	"outcome": true, "skip": true, "after_court": true, "new_case": true, "term_type": true,
	"term_context": true, "term_exclude": true, "victims": true, "place": true,
	"dateline": true, "weak": true, "weak_exclude": true, "clause": true,
	"date_exclude": true, "aggregate": true, "name_gap": true, "coordination": true, "relative": true, "sentence_noun": true,
	"appeal_object": true, "place_exclude": true, "respectively": true, "appeal_cue": true,
	"court": true, "place_form": true, "tried": true, "term_keep": true,
}

// ByKind returns the patterns of a kind, in file order.
func (f *Facts) ByKind(kind string) []*Pattern { return f.byKind[kind] }

// Is reports whether word (lower-case) is in the named lexicon: "vague",
// "half", "and", "range_from", "range_to", "up_to", "at_least", "each",
// "last", "vague_dates", "persons", "singular", "defendant_nouns",
// "decision_nouns", "group", "one", "part", "court_types", "not_places",
// "region_words".
func (f *Facts) Is(lexicon, word string) bool {
	if l, ok := lexOf(lexicon); ok {
		return f.words[word].Has(l)
	}
	return f.lex[lexicon][word]
}

// StartsPhrase reports whether word (lower-case) is the first word of a
// multi-word entry of the named lexicon ("up" of "up to").
func (f *Facts) StartsPhrase(lexicon, word string) bool {
	if l, ok := lexOf(lexicon); ok {
		return f.words[word].Starts(l)
	}
	return f.lex[lexicon+" first"][word]
}

// CountryOf returns the country a word implies ("Kazakh" → "Kazakhstan"),
// or "".
func (f *Facts) CountryOf(word string) string {
	if c, ok := f.countryOf[word]; ok {
		return c // already lower case
	}
	var buf [64]byte
	return f.countryOf[string(AppendLower(buf[:0], word))]
}

// CountryOfLower is CountryOf for a word already in lower case.
func (f *Facts) CountryOfLower(word string) string { return f.countryOf[word] }

// LowerCountry reports whether the rules write a country word in lower
// case, so that a lower-case word of the text may name the country
// ("казахстанский суд").
func (f *Facts) LowerCountry(word string) bool { return f.lowerCountry[word] }

// CityCountry returns the country of a well-known city, or "".
func (f *Facts) CityCountry(city string) string {
	if f.cityOf == nil {
		for c, country := range f.Cities {
			if strings.EqualFold(c, city) {
				return country
			}
		}
		return ""
	}
	if c, ok := f.cityOf[city]; ok {
		return c
	}
	return f.cityOf[strings.ToLower(city)]
}

// DistrictCity returns the city a part of a city belongs to
// ("Southwark" → "London"), or "".
func (f *Facts) DistrictCity(name string) string {
	if len(f.districtOf) == 0 {
		return ""
	}
	return f.districtOf[strings.ToLower(name)]
}

// CourtRe matches court names ("Taldykorgan City Court", "the Court of
// Appeal", "Akmola regional court", "Old Bailey").
func (f *Facts) CourtRe() *Filtered { return f.courtRe }

// NameRe matches a capitalised name of two or more words.
func (f *Facts) NameRe() *Filtered { return f.nameRe }

// parseFacts decodes and compiles the fact rules under a "facts:" key.
func parseFacts(file string, n *yaml.Node) (*Facts, []error) {
	if errs := checkKeys(file, n, reflectFacts); len(errs) > 0 {
		return nil, errs
	}
	f := &Facts{}
	if err := n.Decode(f); err != nil {
		return nil, []error{&FileError{File: file, Line: n.Line, Msg: err.Error()}}
	}
	f.File, f.Line = file, n.Line
	// Record the line of each pattern.
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "patterns" && n.Content[i+1].Kind == yaml.SequenceNode {
			for j, p := range n.Content[i+1].Content {
				if j < len(f.Patterns) && f.Patterns[j] != nil {
					f.Patterns[j].Line = p.Line
				}
			}
		}
	}
	if f.Lang == "" {
		return nil, []error{&FileError{File: file, Line: n.Line, Msg: "facts: lang is required"}}
	}
	f.Lang = strings.ToLower(f.Lang)
	return f, f.compile()
}

// compile builds the lexicon sets and compiles every pattern, expanding its
// macros.
func (f *Facts) compile() []error {
	var errs []error
	fail := func(line int, format string, a ...any) {
		errs = append(errs, &FileError{File: f.File, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	f.lex = map[string]map[string]bool{}
	for name, words := range map[string][]string{
		"vague": f.Vague, "half": f.Half, "and": f.And, "range_from": f.RangeFrom,
		"range_to": f.RangeTo, "up_to": f.UpTo, "at_least": f.AtLeast, "each": f.Each,
		"last": f.Last, "vague_dates": f.VagueDates, "persons": f.Persons,
		"singular": f.Singular, "defendant_nouns": f.DefendantNouns,
		"decision_nouns": f.DecisionNouns, "group": f.Group, "one": f.One,
		"part": f.Part, "court_types": f.CourtTypes, "not_places": f.NotPlaces,
		"region_words": f.RegionWords, "district_words": f.DistrictWords, "region_court_types": f.RegionCourtTypes,
		"court_strip": f.CourtStrip, "approx": f.Approx,
		"determiners": f.Determiners, "whole": f.Whole, "same": f.Same,
		"bare_verbs": f.BareVerbs, "receive_verbs": f.ReceiveVerbs, "one_and_half": f.OneAndHalf, "org_words": f.OrgWords, "date_preps": f.DatePreps, "lower_date_preps": f.LowerDatePreps, "prev_year": f.PrevYear, "things": f.Things, "titles": f.Titles, "name_particles": f.NameParticles, "judges": f.Judges, "relatives": f.Relatives, "of": f.Of, "including": f.Including,
	} {
		set := map[string]bool{}
		first := map[string]bool{}
		for _, w := range words {
			w = strings.ToLower(w)
			set[w] = true
			if a, _, ok := strings.Cut(w, " "); ok {
				first[a] = true
			}
		}
		f.lex[name] = set
		f.lex[name+" first"] = first
	}
	for _, w := range f.Singular {
		f.lex["persons"][strings.ToLower(w)] = true
	}
	for _, w := range f.DefendantNouns {
		f.lex["persons"][strings.ToLower(w)] = true
	}
	f.countryOf = map[string]string{}
	f.lowerCountry = map[string]bool{}
	for country, words := range f.Countries {
		f.countryOf[strings.ToLower(country)] = country
		for _, w := range words {
			f.countryOf[strings.ToLower(w)] = country
			if w == strings.ToLower(w) && w != strings.ToUpper(w) {
				f.lowerCountry[w] = true
			}
		}
	}
	f.cityOf = make(map[string]string, len(f.Cities))
	for c, country := range f.Cities {
		f.cityOf[strings.ToLower(c)] = country
	}
	f.districtOf = map[string]string{}
	for d, city := range f.Districts {
		if f.CityCountry(city) == "" {
			fail(f.Line, "facts %s: district %s: city %q is not one of cities", f.Lang, d, city)
			continue
		}
		f.districtOf[strings.ToLower(d)] = city
	}
	f.indexWords()
	if len(f.Numbers) == 0 || len(f.Units) == 0 {
		fail(f.Line, "facts %s: numbers and units are required", f.Lang)
	}

	macros := f.macros()
	courtSrc := expand(courtPattern, macros)
	// Court names the language writes otherwise (a name with a tail after
	// its head) are tried first.
	var extra []string
	for _, p := range f.Patterns {
		if p != nil && p.Kind == "court" && p.Re != "" {
			extra = append(extra, expand(p.Re, macros))
		}
	}
	if len(extra) > 0 {
		courtSrc = `(?:` + strings.Join(extra, `|`) + `|` + courtSrc + `)`
	}
	re, err := regexp.Compile(courtSrc)
	if err != nil {
		fail(f.Line, "court name pattern: %v", err)
	}
	if re != nil {
		f.courtRe = newFiltered(re)
	}
	macros["{COURT}"] = courtSrc
	f.nameRe = newFiltered(regexp.MustCompile(expand(`{NAME}`, macros)))

	f.byKind = map[string][]*Pattern{}
	names := map[string]int{}
	for i, p := range f.Patterns {
		if p == nil {
			fail(f.Line, "pattern %d is empty", i+1)
			continue
		}
		if p.Name == "" {
			fail(p.Line, "pattern without a name")
			continue
		}
		if prev, dup := names[p.Name]; dup {
			fail(p.Line, "pattern %q already defined at line %d", p.Name, prev)
			continue
		}
		names[p.Name] = p.Line
		if !patternKinds[p.Kind] {
			fail(p.Line, "pattern %q: unknown kind %q (want one of %s)", p.Name, p.Kind, kindList())
			continue
		}
		if p.Re == "" {
			fail(p.Line, "pattern %q: re is required", p.Name)
			continue
		}
		if m := unknownMacro.FindString(expand(p.Re, macros)); m != "" {
			fail(p.Line, "pattern %q: unknown macro %s", p.Name, m)
			continue
		}
		re, err := regexp.Compile(expand(p.Re, macros))
		if err != nil {
			fail(p.Line, "pattern %q: %v", p.Name, err)
			continue
		}
		p.Regexp = re
		p.lits, p.st = analyze(re)
		p.keyed = keyLits(p.lits)
		f.byKind[p.Kind] = append(f.byKind[p.Kind], p)
	}
	f.indexLiterals()
	return errs
}

// indexLiterals puts the prefilters of the compiled patterns into one
// index (see litIndex).
func (f *Facts) indexLiterals() {
	var ps []*Pattern
	for _, p := range f.Patterns {
		if p != nil && p.Regexp != nil && p.lits != nil {
			ps = append(ps, p)
		}
	}
	ix := newLitIndex(ps)
	if ix == nil {
		return
	}
	for i, p := range ps {
		p.ix, p.ixRe, p.ixID = ix, p.Regexp, i
	}
}

var unknownMacro = regexp.MustCompile(`\{[A-Z]{2,}\}`)

func kindList() string {
	var ks []string
	for k := range patternKinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

// courtPattern matches a court's proper name. It is built from the
// lexicons: capitalised words or ordinals ending in a court head, with an
// optional "of the X Region" or "Branch 12"; a capitalised place followed by
// lower-case court types and a lower-case head; or a court name without a
// head. A name ends at an ASCII word boundary or before any character
// that is no letter or digit (RE2's \b knows only ASCII letters); the
// extractor trims that character off the match.
const courtPattern = `(?:(?:(?:\p{Lu}[\p{L}'’.-]*|\d+(?:st|nd|rd|th))\s+)*(?:{HEAD})(?:\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*)*)?(?:\s+Branch\s+\d+)?|\p{Lu}[\p{L}'’-]+(?:\s+(?:{TYPES}))+\s+(?:{LHEAD})|{NAMED})(?:\b|[^\p{L}\p{N}_]|$)`

func (f *Facts) macros() map[string]string {
	var num []string
	for w := range f.Numbers {
		num = append(num, regexp.QuoteMeta(w))
	}
	var ord []string
	for w := range f.Ordinals {
		ord = append(ord, regexp.QuoteMeta(w))
	}
	var units []string
	for w := range f.Units {
		units = append(units, regexp.QuoteMeta(w))
	}
	var months []string
	for w := range f.Months {
		months = append(months, regexp.QuoteMeta(w))
	}
	var wd []string
	for w := range f.Weekdays {
		wd = append(wd, regexp.QuoteMeta(w))
	}
	persons := quoteAll(append(append(append([]string{}, f.Persons...), f.Singular...), f.DefendantNouns...))
	var heads, lheads []string
	for _, h := range f.CourtHeads {
		heads = append(heads, regexp.QuoteMeta(h))
		lheads = append(lheads, regexp.QuoteMeta(strings.ToLower(h)))
	}
	numWords := alt(num)
	return map[string]string{
		"{NUM}":      `(?:\d+(?:[.,]\d+)?|(?:` + numWords + `)(?:[- ](?:` + numWords + `))?)`,
		"{ORD}":      `(?:` + alt(ord) + `)`,
		"{UNIT}":     `(?:` + alt(units) + `)`,
		"{PERSON}":   `(?:` + alt(persons) + `)`,
		"{SINGULAR}": `(?:` + alt(quoteAll(f.Singular)) + `)`,
		"{MONTH}":    `(?:` + alt(months) + `)`,
		"{WEEKDAY}":  `(?:` + alt(wd) + `)`,
		"{EACH}":     `(?:` + alt(quoteAll(f.Each)) + `)`,
		"{NAME}":     `\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|de|da|dos|van|von|bin|kyzy|uulu|ibn|al|le|la|del))*\s+\p{Lu}[\p{L}'’-]*`,
		"{PLACE}":    `\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+){0,2}`,
		"{HEAD}":     alt(heads),
		"{LHEAD}":    alt(lheads),
		"{TYPES}":    alt(quoteAll(f.CourtTypes)),
		"{NAMED}":    alt(quoteAll(f.CourtNames)),
	}
}

func quoteAll(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		out = append(out, regexp.QuoteMeta(w))
	}
	return out
}

// alt joins alternatives longest first, so that "twenty" wins over "two"
// at the same position; an empty list matches nothing.
func alt(ws []string) string {
	if len(ws) == 0 {
		return `[^\s\S]`
	}
	ws = append([]string(nil), ws...)
	sort.Slice(ws, func(i, j int) bool {
		if len(ws[i]) != len(ws[j]) {
			return len(ws[i]) > len(ws[j])
		}
		return ws[i] < ws[j]
	})
	return strings.Join(ws, "|")
}

func expand(re string, macros map[string]string) string {
	for k, v := range macros {
		re = strings.ReplaceAll(re, k, v)
	}
	return re
}
