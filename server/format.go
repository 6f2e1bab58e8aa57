package server

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch"
)

// formatMonths writes a term in months as years and months: 48 is
// "4 years", 42 is "3 years 6 months", 18 is "1 year 6 months", 6 is
// "6 months".
func formatMonths(m int) string {
	if m <= 0 {
		return "0 months"
	}
	y, mo := m/12, m%12
	var parts []string
	if y > 0 {
		parts = append(parts, plural(y, "year", "years"))
	}
	if mo > 0 {
		parts = append(parts, plural(mo, "month", "months"))
	}
	return strings.Join(parts, " ")
}

// formatSentence writes the range of custodial terms: "4 years",
// "4 to 6 years", "3 years 6 months to 5 years", "up to 6 years"; "" when
// no term is known.
func formatSentence(minM, maxM *int) string {
	switch {
	case minM == nil && maxM == nil:
		return ""
	case minM == nil:
		return "up to " + formatMonths(*maxM)
	case maxM == nil || *maxM == *minM:
		return formatMonths(*minM)
	case *minM%12 == 0 && *maxM%12 == 0:
		return strconv.Itoa(*minM/12) + " to " + plural(*maxM/12, "year", "years")
	}
	return formatMonths(*minM) + " to " + formatMonths(*maxM)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// formatDecisionDate writes YYYY-MM-DD as "18 March 2024" and YYYY-MM as
// "March 2024"; anything else as it is.
func formatDecisionDate(d string) string {
	if t, err := time.Parse("2006-01-02", d); err == nil {
		return t.Format("2 January 2006")
	}
	if t, err := time.Parse("2006-01", d); err == nil {
		return t.Format("January 2006")
	}
	return d
}

// stageLabel names a stage for readers.
func stageLabel(s trialwatch.Stage) string {
	switch s {
	case trialwatch.StageVerdict:
		return "Verdict"
	case trialwatch.StageAppeal:
		return "Appeal"
	case trialwatch.StageOngoing:
		return "Ongoing"
	}
	if s == "" {
		return "Decision"
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// courtLabel is the case's heading: the court's name, else the place.
func courtLabel(c *trialwatch.Case) string {
	switch {
	case c.Court != nil && *c.Court != "":
		return *c.Court
	case c.Location != nil && *c.Location != "":
		return "A court in " + *c.Location
	}
	return "Court not named"
}

// placeLabel is "Location, Country" with what is known.
func placeLabel(c *trialwatch.Case) string {
	var parts []string
	if c.Location != nil && *c.Location != "" {
		parts = append(parts, *c.Location)
	}
	if c.Country != nil && *c.Country != "" {
		parts = append(parts, *c.Country)
	}
	return strings.Join(parts, ", ")
}

// headCount is one count of people shown with its label.
type headCount struct {
	N     int
	Label string
}

// headCounts lists the case's known counts of people, in reading order.
func headCounts(c *trialwatch.Case) []headCount {
	var out []headCount
	add := func(p *int, one, many string) {
		if p != nil {
			out = append(out, headCount{*p, pick(*p, one, many)})
		}
	}
	add(c.Defendants, "defendant", "defendants")
	add(c.Convicted, "convicted", "convicted")
	add(c.Acquitted, "acquitted", "acquitted")
	add(c.Imprisoned, "imprisoned", "imprisoned")
	add(c.Suspended, "suspended sentence", "suspended sentences")
	add(c.Victims, "victim", "victims")
	return out
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// fieldLabels name the record's keys for readers, in the order of the
// spec.
var fieldLabels = []struct{ Key, Label string }{
	{"stage", "Stage"}, {"court", "Court"}, {"location", "Place"}, {"country", "Country"},
	{"decision_date", "Date"}, {"defendants", "Defendants"}, {"convicted", "Convicted"},
	{"acquitted", "Acquitted"}, {"imprisoned", "Imprisoned"}, {"suspended", "Suspended"},
	{"sentence_min_months", "Shortest term"}, {"sentence_max_months", "Longest term"},
	{"victims", "Victims"}, {"charges", "Charges"}, {"defendant_role", "Defendants were"},
}

func fieldLabel(key string) string {
	for _, f := range fieldLabels {
		if f.Key == key {
			return f.Label
		}
	}
	return strings.ReplaceAll(key, "_", " ")
}

// summary is one line that says what a case is, for feed entries.
func summary(c *trialwatch.StoredCase) string {
	var parts []string
	parts = append(parts, stageLabel(c.Stage)+": "+courtLabel(&c.Case))
	if p := placeLabel(&c.Case); p != "" {
		parts = append(parts, p)
	}
	if c.DecisionDate != nil {
		parts = append(parts, formatDecisionDate(*c.DecisionDate))
	}
	var counts []string
	for _, h := range headCounts(&c.Case) {
		counts = append(counts, fmt.Sprintf("%d %s", h.N, h.Label))
	}
	if len(counts) > 0 {
		parts = append(parts, strings.Join(counts, ", "))
	}
	if s := formatSentence(c.SentenceMinMonths, c.SentenceMaxMonths); s != "" {
		parts = append(parts, "prison terms: "+s)
	}
	return strings.Join(parts, " · ")
}

// ago writes how long before now t was, roughly.
func ago(now, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := now.Sub(t)
	switch {
	case d < 0:
		return "in " + roughly(-d)
	case d < time.Minute:
		return "just now"
	}
	return roughly(d) + " ago"
}

func roughly(d time.Duration) string {
	switch {
	case d < time.Minute:
		return plural(int(d/time.Second), "second", "seconds")
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute", "minutes")
	case d < 48*time.Hour:
		return plural(int(d/time.Hour), "hour", "hours")
	}
	return plural(int(d/(24*time.Hour)), "day", "days")
}
