package store

import "github.com/trialwatch/trialwatch"

// strKeys are the text fields of a case that merging votes on, in the
// order a stored case shows them.
var strKeys = []string{"court", "location", "country", "decision_date", "defendant_role"}

// strField and intField return a pointer to the field strKeys[i] or
// intKeys[i] of c. Case.Strings and Case.Ints make a map at every call,
// and the store reads these fields for every report it saves and every
// source of a case it merges.
func strField(c *trialwatch.Case, i int) **string {
	switch i {
	case 0:
		return &c.Court
	case 1:
		return &c.Location
	case 2:
		return &c.Country
	case 3:
		return &c.DecisionDate
	case 4:
		return &c.DefendantRole
	}
	panic("store: no text field " + itoa(i))
}

func intField(c *trialwatch.Case, i int) **int {
	switch i {
	case 0:
		return &c.Defendants
	case 1:
		return &c.Convicted
	case 2:
		return &c.Acquitted
	case 3:
		return &c.Imprisoned
	case 4:
		return &c.Suspended
	case 5:
		return &c.SentenceMinMonths
	case 6:
		return &c.SentenceMaxMonths
	case 7:
		return &c.Victims
	}
	panic("store: no whole-number field " + itoa(i))
}
