package store

import (
	"fmt"
	"time"

	"github.com/trialwatch/trialwatch"
)

// validateCase checks one case before it is stored; the error names the
// case (by its position in the article) and what is wrong with it.
func validateCase(i int, c *trialwatch.Case) error {
	switch c.Stage {
	case trialwatch.StageVerdict, trialwatch.StageAppeal, trialwatch.StageOngoing:
	default:
		return fmt.Errorf("case %d: stage %q is not verdict, appeal or ongoing", i, c.Stage)
	}
	if d := c.DecisionDate; d != nil && !validDate(*d) {
		return fmt.Errorf("case %d: decision_date %q is not YYYY-MM-DD or YYYY-MM", i, *d)
	}
	for f, k := range intKeys {
		if p := *intField(c, f); p != nil && *p < 0 {
			return fmt.Errorf("case %d: %s is negative (%d)", i, k, *p)
		}
	}
	return nil
}

func validDate(d string) bool {
	switch len(d) {
	case 10:
		_, err := time.Parse("2006-01-02", d)
		return err == nil
	case 7:
		_, err := time.Parse("2006-01", d)
		return err == nil
	}
	return false
}
