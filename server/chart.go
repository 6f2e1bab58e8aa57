package server

import (
	"time"

	"github.com/trialwatch/trialwatch"
)

// chartView is the bar chart of decisions per month.
type chartView struct {
	Bars    []bar
	Max     int
	Undated int
	Earlier int // decisions before the months shown
	First   string
	Last    string
}

type bar struct {
	Month  string // YYYY-MM
	Label  string // "Mar 2024"
	Short  string // "M" or the year at January
	N      int
	Height int // percent of the tallest bar
}

// buildChart counts decisions per month over the months from the first to
// the last decision, at most chartMonths of them (the latest).
func buildChart(cs []trialwatch.StoredCase) chartView {
	var ch chartView
	per := map[string]int{}
	var lo, hi string
	for i := range cs {
		d := deref(cs[i].DecisionDate)
		if len(d) < 7 || !validDateParam(d[:7]) {
			ch.Undated++
			continue
		}
		m := d[:7]
		per[m]++
		if lo == "" || m < lo {
			lo = m
		}
		if m > hi {
			hi = m
		}
	}
	if hi == "" {
		return ch
	}
	end, _ := time.Parse("2006-01", hi)
	start, _ := time.Parse("2006-01", lo)
	if months := monthsBetween(start, end) + 1; months > chartMonths {
		start = end.AddDate(0, -(chartMonths - 1), 0)
	}
	for t := start; !t.After(end); t = t.AddDate(0, 1, 0) {
		m := t.Format("2006-01")
		short := t.Format("Jan")[:1]
		if t.Month() == time.January {
			short = t.Format("2006")
		}
		ch.Bars = append(ch.Bars, bar{Month: m, Label: t.Format("Jan 2006"), Short: short, N: per[m]})
		ch.Max = max(ch.Max, per[m])
	}
	if len(ch.Bars) <= 12 { // room for month names
		for i := range ch.Bars {
			if len(ch.Bars[i].Short) == 1 {
				ch.Bars[i].Short = ch.Bars[i].Label[:3]
			}
		}
	}
	first := start.Format("2006-01")
	for m, n := range per {
		if m < first {
			ch.Earlier += n
		}
	}
	for i := range ch.Bars {
		if ch.Max > 0 {
			ch.Bars[i].Height = ch.Bars[i].N * 100 / ch.Max
		}
	}
	ch.First, ch.Last = ch.Bars[0].Label, ch.Bars[len(ch.Bars)-1].Label
	return ch
}

func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}
