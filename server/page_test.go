package server

import (
	"context"
	"net/http/httptest"
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

// Text read from news pages is shown as text: markup in it is escaped and
// a link with a script scheme is defused, on the page and in the feed.
func TestPageEscapesHostileText(t *testing.T) {
	db, _ := openDB(t)
	p := trialwatch.Ptr[string]
	c := trialwatch.Case{Stage: trialwatch.StageVerdict, Court: p(`<script>alert("court")</script> Court`), Location: p("Almaty"),
		Evidence: map[string]string{"court": `The <img src=x onerror=alert(1)> court ruled.`}}
	if _, err := db.SaveArticle(context.Background(), trialwatch.Article{URL: "javascript:alert(1)", Title: `<b>bold</b>`, Outlet: "X"}, nil,
		[]trialwatch.Case{c}); err != nil {
		t.Fatal(err)
	}
	s, err := New(db, Config{}, func(context.Context, *trialwatch.Source) (trialwatch.Run, error) { return trialwatch.Run{}, nil })
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	_, hdr, page := do(t, "GET", ts.URL+"/", "", nil)
	for _, bad := range []string{`<script>alert`, `<img src=x`, `href="javascript:`, `<b>bold</b>`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(&#34;court&#34;)&lt;/script&gt; Court") {
		t.Error("the court's name is not shown escaped")
	}
	if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	_, _, feed := do(t, "GET", ts.URL+"/feed.atom", "", nil)
	if strings.Contains(feed, "<script>") || strings.Contains(feed, `href="javascript:`) || strings.Contains(feed, "&lt;a href=&#34;javascript") {
		t.Errorf("feed carries live markup: %s", feed)
	}
}
