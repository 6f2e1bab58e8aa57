package store

import (
	"math"
	"strings"

	"github.com/trialwatch/trialwatch"
)

// intKeys are the whole-number fields of a case in a fixed order.
var intKeys = []string{
	"defendants", "convicted", "acquitted", "imprisoned", "suspended",
	"sentence_min_months", "sentence_max_months", "victims",
}

// features is what dedup compares: for a stored case, the union of what all
// its sources reported, so a new report can match any of them.
type features struct {
	Stage     string   `json:"s"`
	Countries []string `json:"c,omitempty"` // lower-cased
	Dates     []string `json:"d,omitempty"` // YYYY-MM or YYYY-MM-DD
	Places    []string `json:"p,omitempty"` // stems of court and location words
	Roles     []string `json:"r,omitempty"` // stems of defendant_role words
	Ints      [8][]int `json:"i"`           // values of intKeys
}

// featuresOf reads the dedup features of one reported case.
func featuresOf(c *trialwatch.Case) features {
	var f features
	f.add(c)
	return f
}

// add merges the facts of one more report into f.
func (f *features) add(c *trialwatch.Case) {
	if f.Stage == "" {
		f.Stage = string(c.Stage)
	}
	exclude := map[string]bool{}
	if c.Country != nil && *c.Country != "" {
		cn := strings.ToLower(strings.TrimSpace(*c.Country))
		if !contains(f.Countries, cn) {
			f.Countries = append(f.Countries, cn)
		}
	}
	for _, cn := range f.Countries {
		for _, w := range words(cn) {
			exclude[stem(w)] = true
		}
	}
	if c.DecisionDate != nil && *c.DecisionDate != "" && !contains(f.Dates, *c.DecisionDate) {
		f.Dates = append(f.Dates, *c.DecisionDate)
	}
	if c.Court != nil {
		f.Places = stems(*c.Court, placeStops, exclude, f.Places)
	}
	if c.Location != nil {
		f.Places = stems(*c.Location, placeStops, exclude, f.Places)
	}
	if c.DefendantRole != nil {
		f.Roles = stems(*c.DefendantRole, roleStops, nil, f.Roles)
	}
	for i := range intKeys {
		if p := *intField(c, i); p != nil && !contains(f.Ints[i], *p) {
			f.Ints[i] = append(f.Ints[i], *p)
		}
	}
}

// heads returns the distinct numbers of defendants and of convicted.
func (f *features) heads() []int {
	var hs []int
	for _, i := range []int{0, 1} {
		for _, n := range f.Ints[i] {
			if !contains(hs, n) {
				hs = append(hs, n)
			}
		}
	}
	return hs
}

// months returns the distinct YYYY-MM months of f's dates.
func (f *features) months() []string {
	var ms []string
	for _, d := range f.Dates {
		if len(d) >= 7 && !contains(ms, d[:7]) {
			ms = append(ms, d[:7])
		}
	}
	return ms
}

// Weights of the match score. Two reports are taken for the same decision
// when the score reaches matchThreshold and no strong field contradicts.
const (
	matchThreshold = 4.0

	wSameDay      = 3.0  // both give the day, the same one
	wSameMonth    = 1.5  // one gives only the month, the other a day in it
	wMonthOnly    = 1.0  // both give only the month, the same one
	wDateMissing  = -0.5 // one dates the decision, the other does not
	wPlaceShared  = 3.0  // court or place words in common
	wPlaceClash   = -2.5 // both name places, none shared
	wCountSmall   = 0.3  // equal head count of 0 or 1: common, weak evidence
	wCount        = 1.0  // equal head count of 2 or more
	wCountClash   = -1.0 // different head counts (outlets miscount, so soft)
	wSentence     = 1.5  // equal term
	wSentenceDiff = -2.0 // different term
	wRoleShared   = 0.5  // per shared word of the defendants' description
	wRoleMax      = 1.5  // at most
	wRoleClash    = -1.0
)

// noMatch is the score of reports that cannot be the same decision.
var noMatch = math.Inf(-1)

// score says how likely a and b report the same decision: noMatch when a
// strong field contradicts (stage, country, decision date), else a sum of
// agreements and disagreements to compare with matchThreshold.
func score(a, b *features) float64 {
	if a.Stage != b.Stage {
		return noMatch
	}
	if len(a.Countries) > 0 && len(b.Countries) > 0 && !overlaps(a.Countries, b.Countries) {
		return noMatch
	}
	s := 0.0
	switch {
	case len(a.Dates) > 0 && len(b.Dates) > 0:
		best := noMatch
		for _, da := range a.Dates {
			for _, db := range b.Dates {
				best = max(best, dateScore(da, db))
			}
		}
		if best == noMatch {
			return noMatch
		}
		s += best
	case len(a.Dates) > 0 || len(b.Dates) > 0:
		s += wDateMissing
	}
	if len(a.Places) > 0 && len(b.Places) > 0 {
		if overlaps(a.Places, b.Places) {
			s += wPlaceShared
		} else {
			s += wPlaceClash
		}
	}
	for i := range intKeys {
		va, vb := a.Ints[i], b.Ints[i]
		if len(va) == 0 || len(vb) == 0 {
			continue
		}
		sentence := i == 5 || i == 6
		shared := -1
		for _, x := range va {
			if contains(vb, x) {
				shared = max(shared, x)
			}
		}
		switch {
		case shared < 0 && sentence:
			s += wSentenceDiff
		case shared < 0:
			s += wCountClash
		case sentence:
			s += wSentence
		case shared <= 1:
			s += wCountSmall
		default:
			s += wCount
		}
	}
	if len(a.Roles) > 0 && len(b.Roles) > 0 {
		shared := 0.0
		for _, r := range a.Roles {
			if contains(b.Roles, r) {
				shared += wRoleShared
			}
		}
		if shared > 0 {
			s += min(shared, wRoleMax)
		} else {
			s += wRoleClash
		}
	}
	return s
}

// dateScore compares two decision dates (YYYY-MM or YYYY-MM-DD): a
// day-precise date matches a month-precise one of the same month; two
// different days are two decisions.
func dateScore(a, b string) float64 {
	if len(a) < 7 || len(b) < 7 || a[:7] != b[:7] {
		return noMatch
	}
	switch {
	case len(a) == 10 && len(b) == 10:
		if a == b {
			return wSameDay
		}
		return noMatch
	case len(a) == 10 || len(b) == 10:
		return wSameMonth
	default:
		return wMonthOnly
	}
}
