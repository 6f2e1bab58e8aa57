package server

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch"
)

// pageFilter is the page's query: what the filter form sends.
type pageFilter struct {
	Country, Stage, From, To, Sort string
	Limit                          int
}

var dateParam = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)

// parsePageFilter reads the form; a bad value is dropped and named in the
// returned error.
func parsePageFilter(v url.Values) (pageFilter, error) {
	f := pageFilter{Country: strings.TrimSpace(v.Get("country")), Sort: v.Get("sort"), Limit: defaultPageCases}
	var bad []string
	if s := v.Get("stage"); s != "" {
		if err := checkStage(s); err != nil {
			bad = append(bad, err.Error())
		} else {
			f.Stage = s
		}
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"from", &f.From}, {"to", &f.To}} {
		s := strings.TrimSpace(v.Get(p.name))
		if s == "" {
			continue
		}
		if !validDateParam(s) {
			bad = append(bad, fmt.Sprintf("bad %s %q: want YYYY-MM-DD or YYYY-MM", p.name, s))
			continue
		}
		*p.dst = s
	}
	if f.From != "" && f.To != "" && rangeStart(f.From) > rangeEnd(f.To) {
		bad = append(bad, fmt.Sprintf("bad range: from %s is after to %s", f.From, f.To))
		f.From, f.To = "", ""
	}
	switch f.Sort {
	case "", "decided":
		f.Sort = "decided"
	case "found":
	default:
		bad = append(bad, fmt.Sprintf("bad sort %q: want decided or found", f.Sort))
		f.Sort = "decided"
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			bad = append(bad, fmt.Sprintf("bad limit %q: want a whole number from 1 to %d", s, maxPageCases))
		} else {
			f.Limit = min(n, maxPageCases)
		}
	}
	if len(bad) > 0 {
		return f, fmt.Errorf("%s", strings.Join(bad, "; "))
	}
	return f, nil
}

func validDateParam(s string) bool {
	if !dateParam.MatchString(s) {
		return false
	}
	layout := "2006-01"
	if len(s) == 10 {
		layout = "2006-01-02"
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

// rangeStart and rangeEnd widen a YYYY-MM date to the first and last day
// of its month, so that month-only dates compare with day dates as text.
func rangeStart(d string) string {
	if len(d) == 7 {
		return d + "-01"
	}
	return d
}

func rangeEnd(d string) string {
	if len(d) == 7 {
		return d + "-31"
	}
	return d
}

// matches reports whether the case passes the filter. A case dated only
// by month passes a date range its month overlaps; an undated case passes
// no date range.
func (f *pageFilter) matches(c *trialwatch.StoredCase) bool {
	if f.Stage != "" && string(c.Stage) != f.Stage {
		return false
	}
	if f.Country != "" && (c.Country == nil || !strings.EqualFold(*c.Country, f.Country)) {
		return false
	}
	if f.From != "" || f.To != "" {
		if c.DecisionDate == nil || !validDateParam(*c.DecisionDate) {
			return false
		}
		d := *c.DecisionDate
		if f.From != "" && rangeEnd(d) < rangeStart(f.From) {
			return false
		}
		if f.To != "" && rangeStart(d) > rangeEnd(f.To) {
			return false
		}
	}
	return true
}
