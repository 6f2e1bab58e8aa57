package server

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/trialwatch/trialwatch"
)

// A failing source sits out 0, 1, 3, 7 … ticks after its 1st, 2nd, 3rd,
// 4th failure in a row, never more than the cap allows, and a good run
// ends the backoff.
func TestBackoff(t *testing.T) {
	hourly, _ := cron.ParseStandard("@every 1h")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	st := &sourceState{src: source("a", "@every 1h"), sched: hourly}
	want := []int{0, 1, 3, 7, 15, 23, 23}
	for i, w := range want {
		st.record(trialwatch.Run{Err: "boom"}, resultFailed, 12)
		st.backOff(now, 24*time.Hour)
		if st.skip != w {
			t.Errorf("after %d failures: skip %d ticks, want %d", i+1, st.skip, w)
		}
		if st.healthy() {
			t.Errorf("after %d failures: healthy", i+1)
		}
	}
	if got, want := st.backoffTo, now.Add(24*time.Hour); !got.Equal(want) {
		t.Errorf("capped backoff ends %s, want %s", got, want)
	}
	st.record(trialwatch.Run{Finished: now, Counts: map[string]int{"articles": 2}}, resultOK, 12)
	if st.skip != 0 || st.failures != 0 || !st.healthy() {
		t.Errorf("a good run did not end the backoff: skip %d failures %d", st.skip, st.failures)
	}
	// A cancelled run (shutdown) is neither a failure nor a success.
	st.record(trialwatch.Run{Err: "context canceled"}, resultCancelled, 12)
	if st.failures != 0 || !st.lastOK.Equal(now) {
		t.Errorf("a cancelled run changed the health: failures %d", st.failures)
	}
}

// A source whose last successful runs found no article is stale; one
// article clears the flag.
func TestStale(t *testing.T) {
	st := &sourceState{src: source("a", "@every 1h")}
	for i := range 3 {
		if st.stale {
			t.Fatalf("stale after %d empty runs", i)
		}
		st.record(trialwatch.Run{Counts: map[string]int{"fetched": 4}}, resultOK, 3)
	}
	if !st.stale {
		t.Error("not stale after 3 empty runs")
	}
	st.record(trialwatch.Run{Err: "x"}, resultFailed, 3)
	if !st.stale {
		t.Error("a failed run cleared the stale flag")
	}
	st.record(trialwatch.Run{Counts: map[string]int{"articles": 1}}, resultOK, 3)
	if st.stale {
		t.Error("still stale after a run that found an article")
	}
}

// A source that keeps failing on its schedule backs off for real: with a
// tick every second, failures 1 and 2 run on consecutive ticks, then one
// tick is sat out before the third run, then three before the fourth.
func TestScheduledBackoff(t *testing.T) {
	t.Parallel()
	db, _ := openDB(t)
	news := newSite(t, sampleStories())
	news.setFailing(true)
	crawl := siteCrawler(db, news.URL)
	var s *Server
	var mu sync.Mutex
	var satOutAtCall []int // ticks sat out so far, when each run started
	s, err := New(db, Config{Sources: []*trialwatch.Source{source("down", "@every 1s")}, Logger: testLogger(t)},
		func(ctx context.Context, src *trialwatch.Source) (trialwatch.Run, error) {
			s.mu.Lock()
			n := s.sources["down"].satOut
			s.mu.Unlock()
			mu.Lock()
			satOutAtCall = append(satOutAtCall, n)
			mu.Unlock()
			return crawl(ctx, src)
		})
	if err != nil {
		t.Fatal(err)
	}
	calls := func() []int {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(satOutAtCall)
	}
	r := serve(t, s)
	waitFor(t, patience, "the fourth failure", func() bool { return len(calls()) >= 4 && !s.sourceViews()[0].Running })
	if got := calls()[:4]; !slices.Equal(got, []int{0, 0, 1, 4}) {
		t.Errorf("ticks sat out before runs 1-4: %v, want [0 0 1 4]", got)
	}
	v := s.sourceViews()[0]
	if !v.BackingOff || v.Healthy || v.Failures != 4 || v.SkipTicks == 0 {
		t.Errorf("after 4 failures: %+v", v)
	}
	_, _, page := do(t, "GET", r.URL+"/", "", nil)
	if miss, ok := hasAll(page, "backing off: 4 failures", "listing: "); !ok {
		t.Errorf("page lacks %q for a failing source", miss)
	}
	_, _, metrics := do(t, "GET", r.URL+"/metrics", "", nil)
	if miss, ok := hasAll(metrics, `trialwatch_source_consecutive_failures{source="down"} 4`,
		`trialwatch_crawl_ticks_skipped_total{reason="backoff",source="down"}`); !ok {
		t.Errorf("metrics lack %s", miss)
	}
	// An API-started crawl ignores the backoff.
	if _, err := s.StartCrawl("down"); err != nil {
		t.Errorf("StartCrawl while backing off: %v", err)
	}
	waitFor(t, patience, "the started crawl", func() bool { return len(calls()) == 5 })
}

// A restarted server reads the health of its sources back from the runs
// the store kept.
func TestRestoreHealth(t *testing.T) {
	db, _ := openDB(t)
	record := func(source string, articles int, errMsg string) {
		t.Helper()
		id, err := db.StartRun(source, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := db.FinishRun(trialwatch.Run{ID: id, Source: source, Started: time.Now(), Finished: time.Now(),
			Counts: map[string]int{"articles": articles}, Err: errMsg}); err != nil {
			t.Fatal(err)
		}
	}
	record("quiet", 5, "")
	for range 3 {
		record("quiet", 0, "")
		record("broken", 0, "listing: status 500")
	}
	if _, err := db.StartRun("crashed", time.Now()); err != nil { // never finished
		t.Fatal(err)
	}
	s, err := New(db, Config{StaleAfter: 3, Sources: []*trialwatch.Source{
		source("quiet", "@every 1h"), source("broken", "@every 1h"), source("crashed", "@every 1h")}},
		func(context.Context, *trialwatch.Source) (trialwatch.Run, error) {
			return trialwatch.Run{}, errors.New("unused")
		})
	if err != nil {
		t.Fatal(err)
	}
	v := s.sourceViews()
	if !v[0].Stale || !v[0].Healthy || v[0].LastOK.IsZero() {
		t.Errorf("quiet: %+v, want stale and healthy", v[0])
	}
	if v[1].Healthy || v[1].Failures != 3 || !v[1].BackingOff {
		t.Errorf("broken: %+v, want 3 failures and backing off", v[1])
	}
	if v[2].LastRun != nil {
		t.Errorf("crashed: an unfinished run counted as its last run")
	}
	runs, err := s.recentRuns(10)
	if err != nil {
		t.Fatal(err)
	}
	if runs[0].Source != "crashed" || runs[0].State != "interrupted" {
		t.Errorf("newest run %+v, want crashed and interrupted", runs[0])
	}
}

func TestStoredResult(t *testing.T) {
	tests := []struct {
		name   string
		run    trialwatch.Run
		result string
		msg    string
	}{
		{"ok", trialwatch.Run{Counts: map[string]int{"fetched": 3, "failed": 1}}, resultOK, ""},
		{"ok unchanged", trialwatch.Run{Counts: map[string]int{"not_modified": 1, "failed": 2}}, resultOK, ""},
		{"ok empty", trialwatch.Run{Counts: map[string]int{}}, resultOK, ""},
		{"error", trialwatch.Run{Err: "robots.txt: status 500"}, resultFailed, ""},
		{"cancelled", trialwatch.Run{Err: "pipeline: x: context canceled"}, resultCancelled, ""},
		{"unreachable", trialwatch.Run{Counts: map[string]int{"failed": 2}}, resultFailed, "nothing fetched: 2 requests failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			result, msg := storedResult(tt.run)
			if result != tt.result || msg != tt.msg {
				t.Errorf("storedResult = %q, %q; want %q, %q", result, msg, tt.result, tt.msg)
			}
		})
	}
}
