package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trialwatch/trialwatch/rules"
)

// courtRef is a court's name found in a sentence and the place its name
// gives, if any.
type courtRef struct {
	start, end int
	name       string
	place      string // "Astana" from "Astana City Court", "Almaty region" from "… of the Almaty Region"
	country    string // from "Supreme Court of Kyrgyzstan", "Kazakh Supreme Court"
}

// placeRef is a place where a court sits, read from a pattern.
type placeRef struct {
	start, end int
	name       string
	class      string // court: tied to a court; generic: "in X"
}

// findCourts returns the court names of a sentence.
func findCourts(f *rules.Facts, s string, ft *rules.Text) []courtRef {
	var out []courtRef
	for _, m := range f.CourtRe().FindAll(ft) {
		start, end := m[0], trimCourtEnd(s, m[0], m[1])
		name := s[start:end]
		// Drop leading words that are not part of the name ("The", "Judge",
		// "Malaysia's").
		var country string
		for {
			w, rest, ok := strings.Cut(name, " ")
			if !ok {
				break
			}
			if isPossessive(w) && f.CountryOf(stripPossessive(w)) == "" && isPlaceWord(f, stripPossessive(w)) && !f.Is("org_words", strings.ToLower(stripPossessive(w))) {
				break // a city's court is named by the city ("Astana's Specialised … Court")
			}
			if f.Is("court_strip", strings.ToLower(w)) || isPossessive(w) || f.CountryOf(w) != "" {
				if c := f.CountryOf(stripPossessive(w)); c != "" {
					country = c
				}
				start += len(w) + 1
				name = rest
				continue
			}
			break
		}
		if isHeadOnly(f, name) || !hasUpper(name) {
			continue
		}
		// "… Court for Juvenile Cases of Almaty": a tail after the head.
		for _, p := range f.ByKind("after_court") {
			if p.Class != "tail" {
				continue
			}
			if m := p.Regexp.FindStringIndex(s[end:]); m != nil {
				end += m[1]
				name = s[start:end]
				break
			}
		}
		c := courtRef{start: start, end: end, name: name, country: country}
		c.place, c.country = courtPlace(f, name, c.country)
		out = append(out, c)
	}
	return out
}

func isHeadOnly(f *rules.Facts, name string) bool {
	for _, h := range f.CourtHeads {
		if strings.EqualFold(name, h) {
			return true
		}
	}
	return false
}

// courtPlace derives the seat of a court from its name: the leading place
// ("Astana City Court", "Kayseri 3rd High Criminal Court"; a district the
// rules know gives its city: "Southwark Crown Court"), unless it names a
// district of a city the rules do not know ("Leninsky District Court");
// else the place after
// "of" ("Court of Shymkent", "of the Almaty Region"). A country there is
// returned as the country.
func courtPlace(f *rules.Facts, name, country string) (string, string) {
	for _, n := range f.CourtNames {
		if strings.EqualFold(n, name) {
			return f.DistrictCity(name), country // "Old Bailey": London
		}
	}
	head, ofPart, hasOf := strings.Cut(name, " of ")
	words := strings.Fields(head)
	var lead []string
	for i, w := range words {
		if !isPlaceWord(f, w) {
			if i+1 <= len(words) && f.Is("district_words", strings.ToLower(w)) && len(lead) > 0 {
				// A district the rules know gives its city; so does a
				// city's own name ("an Almaty district court"), unless
				// the place after "of" says which city holds the district.
				if l := strings.Join(lead, " "); f.DistrictCity(l) == "" && (hasOf || f.CityCountry(l) == "") {
					lead = nil
				}
			}
			if len(lead) > 0 && f.Is("region_court_types", strings.ToLower(w)) {
				lead = append(lead, "region") // "Андижанский областной суд": the region's court
			}
			break
		}
		if isPossessive(w) {
			lead = append(lead, stripPossessive(w))
			break // "Astana's Specialised … Court"
		}
		lead = append(lead, w)
	}
	if len(lead) > 0 {
		place := strings.Join(lead, " ")
		if c := f.CountryOf(place); c != "" {
			return "", c
		}
		return placeForm(f, place), country
	}
	if !hasOf {
		return trailingPlace(f, name), country
	}
	if hasOf {
		ofPart = strings.TrimPrefix(ofPart, "the ")
		ow := strings.Fields(ofPart)
		region := false
		if n := len(ow); n > 1 && f.Is("region_words", strings.ToLower(ow[n-1])) {
			ow, region = ow[:n-1], true
		} else if n > 1 && f.Is("not_places", strings.ToLower(ow[n-1])) {
			ow = ow[:n-1] // "Military Court of the Astana Garrison", "… of Almaty City"
		}
		for _, w := range ow {
			if !isPlaceWord(f, w) {
				return "", country
			}
		}
		if len(ow) == 0 {
			return "", country
		}
		place := strings.Join(ow, " ")
		if c := f.CountryOf(place); c != "" {
			return "", c
		}
		if region {
			place += " region"
		}
		return placeForm(f, place), country
	}
	return "", country
}

// isPlaceWord reports whether w can be (part of) a place name.
func isPlaceWord(f *rules.Facts, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	lw := strings.ToLower(w)
	if f.Is("not_places", lw) || f.Is("court_types", lw) {
		return false
	}
	for _, h := range f.CourtHeads {
		if strings.EqualFold(w, h) {
			return false
		}
	}
	return true
}

// findPlaces returns the places of a sentence where a court sits, and the
// countries named where a place was expected ("a Kazakh court").
func findPlaces(f *rules.Facts, s string, ft *rules.Text, class string) (places []placeRef, countries []string) {
	for _, p := range f.ByKind("place") {
		if p.Class != class || !p.CouldText(ft) {
			continue
		}
		// A rejected match may hide one that starts inside it ("a jury at
		// the Old Bailey in central London"): search again from its place.
		for pos := 0; pos < len(s); {
			m := p.FindSubmatchFrom(ft, pos)
			if m == nil || len(m) < 4 || m[2] < 0 {
				break
			}
			start, end, gs, ge := pos+m[0], pos+m[1], pos+m[2], pos+m[3]
			pos = end
			words := strings.Fields(s[gs:ge])
			if c := f.CountryOf(stripPossessive(words[0])); c != "" {
				countries = append(countries, c)
				continue
			}
			name, ok := cleanPlace(f, s[gs:ge])
			if !ok {
				pos = gs
				if gs == start {
					pos = gs + 1
				}
				continue
			}
			places = append(places, placeRef{start: start, end: end, name: name, class: p.Class})
		}
	}
	return places, countries
}

// placesAfterCourts reads "… Court in Bishkek" after each court's name.
func placesAfterCourts(f *rules.Facts, s string, courts []courtRef) []placeRef {
	var out []placeRef
	for _, c := range courts {
		rest := s[c.end:]
		for _, p := range f.ByKind("after_court") {
			if p.Class == "tail" {
				continue
			}
			m := p.Regexp.FindStringSubmatchIndex(rest)
			if m == nil || len(m) < 4 || m[2] < 0 {
				continue
			}
			if name, ok := cleanPlace(f, rest[m[2]:m[3]]); ok {
				out = append(out, placeRef{start: c.start, end: c.end + m[1], name: name, class: p.Class})
				break
			}
		}
	}
	return out
}

// cleanPlace trims a place name and rejects words that are not places.
func cleanPlace(f *rules.Facts, name string) (string, bool) {
	words := strings.Fields(name)
	if len(words) == 0 {
		return "", false
	}
	if isPossessive(words[len(words)-1]) {
		return "", false // "Azerbaijan's capital"
	}
	region := false
	if n := len(words); n > 1 && f.Is("region_words", strings.ToLower(words[n-1])) {
		words, region = words[:n-1], true
	}
	if !isPlaceWord(f, words[0]) {
		return "", false
	}
	for _, w := range words[1:] {
		if !unicode.IsUpper([]rune(w)[0]) || f.Is("district_words", strings.ToLower(w)) || isHeadOnly(f, w) {
			return "", false
		}
	}
	place := strings.Join(words, " ")
	if f.CountryOf(place) != "" || f.CourtRe().Could(rules.Fold(place)) && f.CourtRe().FindString(place) == place {
		return "", false // a country, or a court's name ("Old Bailey")
	}
	if region {
		place += " region"
	}
	return placeForm(f, place), true
}

// dateline reads "TALDYKORGAN, Kazakhstan, March 19 (Agency) –" at the start
// of a paragraph: the city, title-cased, and the country if given.
func dateline(f *rules.Facts, s string) (city, country string) {
	for _, p := range f.ByKind("dateline") {
		if len(s) > 200 {
			s = s[:200]
		}
		m := p.Regexp.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		city = placeForm(f, titleCase(m[1]))
		if len(m) > 2 && m[2] != "" {
			country = f.CountryOf(m[2])
		}
		if c := f.CountryOf(city); c != "" {
			return "", c
		}
		if country == "" {
			country = f.CityCountry(city)
		}
		return city, country
	}
	return "", ""
}

// titleCase turns "NUR-SULTAN" into "Nur-Sultan".
func titleCase(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == ' ' || r == '-'
	}
	return b.String()
}

// findCountries returns the countries a sentence names or implies, in
// order ("Kazakh", "Kazakhstan's", "U.S.", "the Philippines").
func findCountries(f *rules.Facts, toks []token) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		if !toks[i].word || !toks[i].upper && !toks[i].in(f, rules.LexLowerCountry) {
			continue
		}
		if isASCII(toks[i].low) && !toks[i].in(f, rules.LexCountry) && !toks[i].starts(f, rules.LexCountry) {
			// No country's word, nor the first of one's name: the lookups
			// below would find none (a word of other letters is looked up
			// as written and in lower case, which may differ).
			continue
		}
		// Two-word names first ("United States", "South Africa").
		if i+1 < len(toks) && toks[i+1].word {
			var buf [64]byte
			two := append(append(append(buf[:0], toks[i].low...), ' '), stripPossessive(toks[i+1].low)...)
			if c := f.CountryOfLower(string(two)); c != "" {
				out = append(out, c)
				i++
				continue
			}
		}
		w := stripPossessive(toks[i].text)
		c := f.CountryOf(stripPossessive(toks[i].low))
		if c == "" {
			continue
		}
		// Short all-capital forms ("US", "UK") must be written so.
		if len(w) <= 4 && strings.ToUpper(w) == w || len(w) > 4 || strings.ToUpper(w) != w {
			if len(w) <= 3 && strings.ToUpper(w) != w {
				continue // "Us"
			}
			out = append(out, c)
		}
	}
	return out
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// isASCII reports whether s holds ASCII bytes only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
