package server

import (
	"encoding/json"
	"net/http/httptest"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/demo"
	"github.com/trialwatch/trialwatch/pipeline"
	"github.com/trialwatch/trialwatch/rules"
)

// The daemon as trialwatch serve wires it: the real pipeline (crawler,
// extractors, store) crawls the sample news site on a one-second schedule,
// and the cases it reads out reach the API, the feed and the page.
func TestScheduledPipelineCrawl(t *testing.T) {
	t.Parallel()
	db, _ := openDB(t)
	news := httptest.NewServer(demo.Handler())
	defer news.Close()
	src := &trialwatch.Source{
		Name:           "steppe-herald",
		Start:          []string{news.URL + "/"},
		AllowedDomains: []string{"127.0.0.1"},
		Follow:         []*regexp.Regexp{regexp.MustCompile(`^/page/\d+$`)},
		Articles:       []*regexp.Regexp{regexp.MustCompile(`^/news/\d{4}/`)},
		Schedule:       "@every 1s",
		Parallel:       4,
		MaxDepth:       3,
		Timeout:        5 * time.Second,
		MaxBody:        1 << 20,
	}
	p := pipeline.New(db, rules.Default(), pipeline.Options{
		UserAgent:     "trialwatch-test/1.0",
		AllowNetworks: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")},
		Logger:        testLogger(t),
	})
	s, err := New(db, Config{Sources: []*trialwatch.Source{src}, Logger: testLogger(t)}, p.Crawl)
	if err != nil {
		t.Fatal(err)
	}
	r := serve(t, s)
	waitFor(t, patience, "the first scheduled pipeline run", func() bool {
		v := s.sourceViews()[0]
		return v.LastRun != nil
	})
	v := s.sourceViews()[0]
	if v.LastResult != resultOK || v.LastRun.Counts["articles"] == 0 {
		t.Fatalf("first run: %s, counts %v, err %q", v.LastResult, v.LastRun.Counts, v.LastRun.Err)
	}
	_, _, body := do(t, "GET", r.URL+"/api/cases", "", nil)
	var cases []trialwatch.StoredCase
	if err := json.Unmarshal([]byte(body), &cases); err != nil || len(cases) == 0 {
		t.Fatalf("no case reached the API after a crawl of the sample site: %v %.300s", err, body)
	}
	for _, c := range cases {
		if len(c.Sources) == 0 || !strings.HasPrefix(c.Sources[0].URL, news.URL+"/news/") {
			t.Errorf("case %s has no source article on the site: %+v", c.ID, c.Sources)
		}
	}
	// The next tick runs again and, the articles being known, stores nothing new.
	waitFor(t, patience, "a second scheduled run", func() bool {
		runs, _ := db.Runs(0)
		return len(runs) >= 2 && !runs[0].Finished.IsZero()
	})
	runs, _ := db.Runs(0)
	if runs[0].Counts["cases_new"] != 0 || runs[0].Err != "" {
		t.Errorf("second run: counts %v err %q, want nothing new", runs[0].Counts, runs[0].Err)
	}
	_, _, page := do(t, "GET", r.URL+"/", "", nil)
	if got := strings.Count(page, `<article class="case"`); got != len(cases) {
		t.Errorf("page shows %d cases, API %d", got, len(cases))
	}
	_, _, metrics := do(t, "GET", r.URL+"/metrics", "", nil)
	if !strings.Contains(metrics, `trialwatch_cases_total{kind="new",source="steppe-herald"} `+strconv.Itoa(len(cases))) {
		t.Errorf("metrics do not count the %d new cases", len(cases))
	}
	t.Logf("%d cases from the sample site; first run counts %v", len(cases), v.LastRun.Counts)
}
