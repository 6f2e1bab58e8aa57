package extract

import (
	"math"
	"regexp"
	"strings"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// record builds the case record, completing counts by plain arithmetic and
// taking what the article's first case says of the same defendants when
// this one refers back to them.
func (c *caseAcc) record(b *builder, primary *caseAcc, isPrimary bool) (trialwatch.Case, bool) {
	imprisoned := c.count("imprisoned")
	suspended := c.count("suspended")
	noncust := c.count("noncustodial")
	convicted := max(c.count("convicted"), imprisoned+suspended+noncust+c.count("death"), c.count("fined"))
	acquitted := c.count("acquitted")
	defendants := max(c.defs, convicted+acquitted)
	victims := c.victims
	ev, rl := c.ev, c.rules
	if convicted > c.count("convicted") {
		ev["convicted"], rl["convicted"] = firstEv(ev, "imprisoned", "suspended", "noncustodial", "death", "fined"), "arithmetic"
	}
	if defendants > c.defs {
		ev["defendants"], rl["defendants"] = firstEv(ev, "convicted", "acquitted"), "arithmetic"
	}
	// A decision with no detail of its own is no case; its victims are
	// one ("officers who tortured a detainee were convicted").
	if c.court == "" && c.location() == "" && c.generic == "" && c.date == "" && len(c.terms) == 0 &&
		defendants+convicted+acquitted+imprisoned+suspended+victims == 0 {
		return trialwatch.Case{}, false
	}
	if !isPrimary && primary != nil && (c.ref || c.same || defendants == 0) {
		if defendants == 0 && primary.defs+primary.groupSize() > 0 {
			defendants = max(primary.defs, primary.groupSize())
			ev["defendants"], rl["defendants"] = primary.ev["defendants"], "same-defendants"
		}
		if (c.ref || c.same) && victims == 0 && primary.victims > 0 {
			victims = primary.victims
			ev["victims"], rl["victims"] = primary.ev["victims"], "same-defendants"
		}
	}
	custodial := c.hasTerm["custodial"] || c.hasTerm["life"]
	if convicted == 0 && acquitted == 0 && defendants > 0 && (custodial || c.hasTerm["suspended"]) && c.stage != string(trialwatch.StageOngoing) {
		convicted = defendants
		ev["convicted"], rl["convicted"] = ev["defendants"], "arithmetic"
	}
	if custodial && imprisoned == 0 && suspended == 0 && convicted > 0 {
		imprisoned = convicted - noncust
		ev["imprisoned"], rl["imprisoned"] = firstEv(ev, "sentence_max_months", "convicted"), "arithmetic"
	}
	if !custodial && c.hasTerm["suspended"] && suspended == 0 && imprisoned == 0 && convicted > 0 {
		suspended = convicted
		ev["suspended"], rl["suspended"] = ev["convicted"], "arithmetic"
	}

	rec := trialwatch.Case{Stage: trialwatch.Stage(c.stage)}
	setInt := func(p **int, v int) {
		if v > 0 {
			*p = trialwatch.Ptr(v)
		}
	}
	setInt(&rec.Defendants, defendants)
	setInt(&rec.Convicted, convicted)
	setInt(&rec.Acquitted, acquitted)
	setInt(&rec.Imprisoned, imprisoned)
	setInt(&rec.Suspended, suspended)
	if c.noneJailed && imprisoned == 0 && convicted > 0 {
		// "None of them was jailed": a count of 0 the article states.
		rec.Imprisoned = trialwatch.Ptr(0)
		ev["imprisoned"], rl["imprisoned"] = firstEv(ev, "suspended", "convicted"), "none-jailed"
	}
	setInt(&rec.Victims, victims)
	if lo, hi, ok := c.termRange(); ok {
		if c.hasMinimum() {
			rec.SentenceMinMonths = trialwatch.Ptr(lo)
		}
		rec.SentenceMaxMonths = trialwatch.Ptr(hi)
	}
	if c.court != "" {
		rec.Court = trialwatch.Ptr(c.court)
	}
	loc := c.location()
	if loc == "" {
		loc = c.generic
	}
	if loc == "" && isPrimary && b.datelineCity != "" {
		loc = b.datelineCity
		ev["location"], rl["location"] = b.datelineText, "dateline"
	}
	if loc != "" {
		rec.Location = trialwatch.Ptr(loc)
	}
	if c.date != "" {
		rec.DecisionDate = trialwatch.Ptr(c.date)
	}
	country := ""
	if len(c.countries) > 0 {
		country = c.countries[0]
	}
	if country == "" && loc != "" {
		country = c.f.CityCountry(loc)
		if w := strings.Fields(loc); country == "" && len(w) > 1 && c.f.Is("region_words", w[len(w)-1]) {
			country = c.f.CityCountry(strings.Join(w[:len(w)-1], " ")) // "Karaganda region"
		}
	}
	if country == "" {
		country = b.datelineCountry
	}
	if country == "" && primary != nil && primary != c && len(primary.countries) > 0 {
		country = primary.countries[0]
	}
	if country == "" {
		country = b.articleCountry
	}
	if country != "" {
		rec.Country = trialwatch.Ptr(country)
		if _, ok := ev["country"]; !ok {
			ev["country"], rl["country"] = firstEv(ev, "court", "location", "stage"), "country"
		}
	}
	// A decision with no detail at all is no case.
	if rec.Court == nil && rec.Location == nil && rec.DecisionDate == nil && rec.SentenceMaxMonths == nil &&
		defendants+convicted+acquitted+imprisoned+suspended+victims == 0 {
		return trialwatch.Case{}, false
	}
	rec.Evidence, rec.Rules = map[string]string{}, map[string]string{}
	for _, field := range trialwatch.ScoredFields {
		if !filled(&rec, field) {
			continue
		}
		if e, ok := ev[field]; ok && e != "" {
			rec.Evidence[field] = e
			rec.Rules[field] = rl[field]
		}
	}
	rec.Normalize()
	return rec, true
}

func firstEv(ev map[string]string, fields ...string) string {
	for _, f := range fields {
		if e, ok := ev[f]; ok {
			return e
		}
	}
	return ""
}

func filled(c *trialwatch.Case, field string) bool {
	if field == "stage" {
		return c.Stage != ""
	}
	if p, ok := c.Ints()[field]; ok {
		return *p != nil
	}
	if p, ok := c.Strings()[field]; ok {
		return *p != nil
	}
	return false
}

// hasMinimum reports whether any term gives a lower end: "jailed eleven
// protesters for up to nine years" tells a maximum only.
func (c *caseAcc) hasMinimum() bool {
	for _, t := range c.terms {
		if t.hasMin {
			return true
		}
	}
	return false
}

// termRange is the shortest and longest custodial term. A range's whole-
// year end gives way to a precise term of that year told of one person
// ("23 to 28 years" … "23 years, one month and nine days").
func (c *caseAcc) termRange() (int, int, bool) {
	lo, hi := math.Inf(1), math.Inf(-1)
	loRange := false
	for _, t := range c.terms {
		if t.hasMin && t.min < lo {
			lo, loRange = t.min, t.byRange || t.collective || t.min != t.max
		}
		if t.hasMax && t.max > hi {
			hi = t.max
		}
		if !t.hasMin && t.hasMax && t.max < lo {
			lo, loRange = t.max, true
		}
		if t.hasMin && !t.hasMax && t.min > hi {
			hi = t.min
		}
	}
	if math.IsInf(lo, 1) || math.IsInf(hi, -1) {
		return 0, 0, false
	}
	if loRange && math.Mod(lo, 12) == 0 {
		best := math.Inf(1)
		for _, t := range c.terms {
			if !t.byRange && !t.collective && t.hasMin && t.min == t.max && t.min > lo && t.min < lo+12 && t.min < best {
				best = t.min
			}
		}
		if !math.IsInf(best, 1) {
			lo = best
		}
	}
	return months(lo), months(hi), true
}

var placeWordRe = regexp.MustCompile(`[^\p{L}\p{N}\s-]`)

// placeEqual compares court names or places as word sets, the way the
// evaluation does: equal when the sets are equal, or one holds the other and
// the smaller still has a word that is not generic.
func placeEqual(f *rules.Facts, a, b string) bool {
	wa, wb := placeWords(a), placeWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	small, big := wa, wb
	if len(wa) > len(wb) {
		small, big = wb, wa
	}
	specific := false
	for w := range small {
		if !big[w] {
			return false
		}
		if !f.Is("court_types", w) && !f.Is("region_words", w) && !f.Is("not_places", w) && !isHeadOnly(f, w) {
			specific = true
		}
	}
	return len(wa) == len(wb) || specific
}

func placeWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(placeWordRe.ReplaceAllString(strings.ToLower(s), " ")) {
		if w != "the" && w != "of" {
			out[w] = true
		}
	}
	return out
}
