package server

import (
	"net/url"
	"strings"
	"testing"

	"github.com/trialwatch/trialwatch"
)

func TestPageFilter(t *testing.T) {
	p := trialwatch.Ptr[string]
	c := func(stage trialwatch.Stage, country, date *string) *trialwatch.StoredCase {
		return &trialwatch.StoredCase{ID: "0000000001", Case: trialwatch.Case{Stage: stage, Country: country, DecisionDate: date}}
	}
	tests := []struct {
		query string
		c     *trialwatch.StoredCase
		want  bool
	}{
		{"", c("verdict", nil, nil), true},
		{"country=kazakhstan", c("verdict", p("Kazakhstan"), nil), true},
		{"country=Kazakhstan", c("verdict", p("Uzbekistan"), nil), false},
		{"country=Kazakhstan", c("verdict", nil, nil), false},
		{"stage=appeal", c("verdict", nil, nil), false},
		{"stage=appeal", c("appeal", nil, nil), true},
		{"from=2024-03-01", c("verdict", nil, p("2024-03-18")), true},
		{"from=2024-03-19", c("verdict", nil, p("2024-03-18")), false},
		{"from=2024-03-19", c("verdict", nil, p("2024-03")), true}, // the month overlaps
		{"to=2024-02-29", c("verdict", nil, p("2024-03")), false},
		{"to=2024-03", c("verdict", nil, p("2024-03-31")), true},
		{"from=2024-01&to=2024-12-31", c("verdict", nil, nil), false}, // undated
		{"from=2024-01&to=2024-12-31", c("verdict", nil, p("2023-12-31")), false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			v, _ := url.ParseQuery(tt.query)
			f, err := parsePageFilter(v)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.matches(tt.c); got != tt.want {
				t.Errorf("matches = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPageFilterErrors(t *testing.T) {
	tests := []struct{ query, want string }{
		{"from=2024-13-01", `bad from "2024-13-01"`},
		{"to=yesterday", `bad to "yesterday"`},
		{"from=2024-05&to=2024-04-30", "bad range: from 2024-05 is after to 2024-04-30"},
		{"stage=arrest", `bad stage "arrest"`},
		{"sort=random", `bad sort "random"`},
		{"limit=0", `bad limit "0"`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			v, _ := url.ParseQuery(tt.query)
			_, err := parsePageFilter(v)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestChart(t *testing.T) {
	p := trialwatch.Ptr[string]
	cases := []trialwatch.StoredCase{
		{Case: trialwatch.Case{DecisionDate: p("2020-01-05")}},
		{Case: trialwatch.Case{DecisionDate: p("2023-06-30")}},
		{Case: trialwatch.Case{DecisionDate: p("2024-03-18")}},
		{Case: trialwatch.Case{DecisionDate: p("2024-03")}},
		{Case: trialwatch.Case{}},
	}
	ch := buildChart(cases)
	if len(ch.Bars) != chartMonths || ch.Last != "Mar 2024" || ch.First != "Apr 2021" {
		t.Fatalf("chart spans %d bars %s – %s, want %d ending Mar 2024", len(ch.Bars), ch.First, ch.Last, chartMonths)
	}
	if last := ch.Bars[len(ch.Bars)-1]; last.N != 2 || last.Height != 100 {
		t.Errorf("March 2024: %+v, want 2 decisions at full height", last)
	}
	if ch.Earlier != 1 || ch.Undated != 1 || ch.Max != 2 {
		t.Errorf("earlier %d undated %d max %d, want 1 1 2", ch.Earlier, ch.Undated, ch.Max)
	}
	if empty := buildChart(nil); len(empty.Bars) != 0 {
		t.Errorf("chart of no cases has bars")
	}
}
