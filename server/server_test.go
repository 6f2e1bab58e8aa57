package server

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// A source scheduled every second is crawled by the scheduler, through a
// real fetch of a news site, and its cases reach the store and the API.
func TestScheduledCrawlFillsStore(t *testing.T) {
	t.Parallel()
	db, _ := openDB(t)
	news := newSite(t, sampleStories())
	s, err := New(db, Config{Sources: []*trialwatch.Source{source("herald", "@every 1s")}, Logger: testLogger(t)},
		siteCrawler(db, news.URL))
	if err != nil {
		t.Fatal(err)
	}
	r := serve(t, s)
	waitFor(t, patience, "the first scheduled crawl to finish", func() bool {
		runs, _ := db.Runs(0)
		return len(runs) > 0 && !runs[len(runs)-1].Finished.IsZero()
	})
	code, _, body := do(t, "GET", r.URL+"/api/cases", "", nil)
	var cases []trialwatch.StoredCase
	if err := json.Unmarshal([]byte(body), &cases); code != 200 || err != nil || len(cases) != 4 {
		t.Fatalf("GET /api/cases after the crawl: %d, %v, %d cases, want 4: %.500s", code, err, len(cases), body)
	}
	for i := 1; i < len(cases); i++ {
		if cases[i-1].ID >= cases[i].ID {
			t.Errorf("cases not oldest first: %s before %s", cases[i-1].ID, cases[i].ID)
		}
	}
	merged := false
	for _, c := range cases {
		if len(c.Sources) == 2 {
			merged = true
		}
	}
	if !merged {
		t.Errorf("the Shymkent verdict reported by two outlets was not merged into one case with two sources")
	}
	// A second tick runs too, and finds nothing new.
	waitFor(t, patience, "a second scheduled run", func() bool {
		runs, _ := db.Runs(0)
		return len(runs) >= 2 && !runs[0].Finished.IsZero()
	})
	_, _, body = do(t, "GET", r.URL+"/api/runs", "", nil)
	var runs []runView
	if err := json.Unmarshal([]byte(body), &runs); err != nil {
		t.Fatalf("GET /api/runs: %v: %s", err, body)
	}
	if len(runs) < 2 || runs[len(runs)-1].State != "ok" || runs[len(runs)-1].Counts["cases_new"] != 4 {
		t.Errorf("runs = %s", body)
	}
	if d := r.stop(t); d > 10*time.Second {
		t.Errorf("shutdown took %s", d)
	}
}

// A panic in the crawl is recovered, logged and counted, and the next tick
// still runs.
func TestPanicRecoveredAndNextTickRuns(t *testing.T) {
	t.Parallel()
	db, _ := openDB(t)
	var calls atomic.Int32
	crawl := func(ctx context.Context, src *trialwatch.Source) (trialwatch.Run, error) {
		n := calls.Add(1)
		if n == 1 {
			var m map[string]int
			//lint:ignore SA5000 a real runtime panic is the point
			m["boom"]++
		}
		if n == 2 {
			return trialwatch.Run{Counts: map[string]int{"articles": 1}}, nil
		}
		return trialwatch.Run{}, nil
	}
	s, err := New(db, Config{Sources: []*trialwatch.Source{source("flaky", "@every 1s")}, Logger: testLogger(t)}, crawl)
	if err != nil {
		t.Fatal(err)
	}
	r := serve(t, s)
	waitFor(t, patience, "a run after the panic", func() bool { return calls.Load() >= 2 })
	waitFor(t, patience, "the second run to be recorded", func() bool {
		v := s.sourceViews()[0]
		return v.LastResult == resultOK
	})
	_, _, metrics := do(t, "GET", r.URL+"/metrics", "", nil)
	if miss, ok := hasAll(metrics,
		`trialwatch_crawl_runs_total{result="panic",source="flaky"} 1`,
		`trialwatch_crawl_runs_total{result="ok",source="flaky"}`,
		`trialwatch_source_last_success_timestamp_seconds{source="flaky"} 1.`,
		`trialwatch_crawl_duration_seconds_count{source="flaky"} `,
		`trialwatch_articles_total{source="flaky"} 1`); !ok {
		t.Errorf("metrics lack %s", miss)
	}
	v := s.sourceViews()[0]
	if v.Panics != 1 || !v.Healthy {
		t.Errorf("after a panic and a good run: panics=%d healthy=%v", v.Panics, v.Healthy)
	}
}

// Runs of one source never overlap: a tick while the source crawls is
// skipped, and a POST gets 409; another source runs meanwhile.
func TestNoOverlap(t *testing.T) {
	t.Parallel()
	db, _ := openDB(t)
	var inFlight, most, calls atomic.Int32
	release := make(chan struct{})
	crawl := func(ctx context.Context, src *trialwatch.Source) (trialwatch.Run, error) {
		calls.Add(1)
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		if src.Name == "slow" {
			select {
			case <-release:
			case <-ctx.Done():
				return trialwatch.Run{}, ctx.Err()
			}
		}
		return trialwatch.Run{Counts: map[string]int{"articles": 1}}, nil
	}
	s, err := New(db, Config{Token: "t0ken", Logger: testLogger(t),
		Sources: []*trialwatch.Source{source("slow", "@every 1s"), source("other", "0 0 1 1 *")}}, crawl)
	if err != nil {
		t.Fatal(err)
	}
	r := serve(t, s)
	waitFor(t, patience, "the slow source to start", func() bool { return s.sourceViews()[0].Running })
	code, _, body := do(t, "POST", r.URL+"/api/crawl?source=slow", "t0ken", nil)
	if code != 409 {
		t.Errorf("POST while crawling: %d %s, want 409", code, body)
	}
	if _, err := s.StartCrawl("slow"); !errors.Is(err, ErrRunning) {
		t.Errorf("StartCrawl while crawling: %v, want ErrRunning", err)
	}
	// The other source is not blocked.
	code, _, body = do(t, "POST", r.URL+"/api/crawl?source=other", "t0ken", nil)
	if code != 202 || !strings.Contains(body, `"run_id"`) {
		t.Errorf("POST other source: %d %s, want 202 with a run id", code, body)
	}
	time.Sleep(2200 * time.Millisecond) // two more ticks of the slow source
	if got := most.Load(); got > 2 {
		t.Errorf("%d crawls ran at once; want at most one per source", got)
	}
	slowCalls := calls.Load() - 1 // minus the other source's run
	if slowCalls != 1 {
		t.Errorf("slow source crawled %d times while its first run was still going", slowCalls)
	}
	// During the run /api/runs shows it as running.
	_, _, body = do(t, "GET", r.URL+"/api/runs", "", nil)
	if !strings.Contains(body, `"state": "running"`) {
		t.Errorf("GET /api/runs during a crawl does not show it running: %s", body)
	}
	close(release)
	waitFor(t, patience, "the slow run to finish", func() bool { return !s.sourceViews()[0].Running })
	waitFor(t, patience, "the next tick to run", func() bool { return calls.Load() >= 3 })
}

// Shutdown during a crawl returns within the bound, and what the crawl
// committed is there when the database is opened again.
func TestShutdownDuringCrawl(t *testing.T) {
	db, path := openDB(t)
	stories := sampleStories()
	for i := range 40 {
		stories = append(stories, story{Slug: "filler-" + string(rune('a'+i%26)) + string(rune('a'+i/26)), Title: "Weather", Outlet: "Valley Times",
			Published: "2024-03-01", Text: "Rain."})
	}
	news := newSite(t, stories)
	news.mu.Lock()
	news.delay = 150 * time.Millisecond
	news.mu.Unlock()
	s, err := New(db, Config{Sources: []*trialwatch.Source{source("herald", "0 0 1 1 *")}, ShutdownTimeout: 8 * time.Second,
		Logger: testLogger(t)}, siteCrawler(db, news.URL))
	if err != nil {
		t.Fatal(err)
	}
	r := serve(t, s)
	if _, err := s.StartCrawl("herald"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, patience, "the crawl to store some cases", func() bool { return countCases(t, db) >= 2 })
	if !s.sourceViews()[0].Running {
		t.Fatal("the crawl finished before shutdown; make the site slower")
	}
	d := r.stop(t)
	if d > 6*time.Second {
		t.Errorf("shutdown during a crawl took %s: the crawl was not cancelled, it ran into the 8s bound", d)
	}
	seen := countCases(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db2, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db2.Close()
	if got := countCases(t, db2); got != seen {
		t.Errorf("after reopening: %d cases, before closing %d", got, seen)
	}
	runs, err := db2.Runs(0)
	if err != nil || len(runs) != 1 || runs[0].Finished.IsZero() || !isCancelErr(runs[0].Err) {
		t.Errorf("the cancelled run was not recorded as cancelled: %+v %v", runs, err)
	}
	// After shutdown no crawl starts.
	if _, err := s.StartCrawl("herald"); !errors.Is(err, ErrStopped) {
		t.Errorf("StartCrawl after shutdown: %v, want ErrStopped", err)
	}
}

// Run listens on the configured address and stops when cancelled; a busy
// address is an error naming it.
func TestRun(t *testing.T) {
	db, _ := openDB(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	busy := ln.Addr().String()
	s, err := New(db, Config{Addr: busy}, func(context.Context, *trialwatch.Source) (trialwatch.Run, error) {
		return trialwatch.Run{}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Run(context.Background()); err == nil || !strings.Contains(err.Error(), busy) {
		t.Errorf("Run on a busy address: %v", err)
	}

	s2, err := New(db, Config{Addr: "127.0.0.1:0"}, func(context.Context, *trialwatch.Source) (trialwatch.Run, error) {
		return trialwatch.Run{}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := s2.Run(ctx); err != nil {
		t.Errorf("Run: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Run took %s to stop", d)
	}
	if err := s2.Run(context.Background()); err == nil {
		t.Error("a second Run succeeded")
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	db, _ := openDB(t)
	ok := func(context.Context, *trialwatch.Source) (trialwatch.Run, error) { return trialwatch.Run{}, nil }
	tests := []struct {
		name    string
		sources []*trialwatch.Source
		want    string
	}{
		{"bad schedule", []*trialwatch.Source{source("a", "every hour")}, `source a: bad schedule "every hour"`},
		{"duplicate", []*trialwatch.Source{source("a", "@every 1h"), source("a", "@every 1h")}, `source "a" configured twice`},
		{"bad name", []*trialwatch.Source{source("A b", "@every 1h")}, `bad name "A b"`},
		{"nil", []*trialwatch.Source{nil}, "source 0 is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(db, Config{Sources: tt.sources}, ok)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New: %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if _, err := New(db, Config{}, nil); err == nil {
		t.Error("New without a crawl function succeeded")
	}
}

// A crawl that ignores cancellation does not hold shutdown past the bound.
func TestShutdownBoundedWithStuckCrawl(t *testing.T) {
	db, _ := openDB(t)
	stuck := make(chan struct{})
	started := make(chan struct{})
	s, err := New(db, Config{Sources: []*trialwatch.Source{source("stuck", "0 0 1 1 *")}, ShutdownTimeout: 500 * time.Millisecond,
		Logger: testLogger(t)}, func(context.Context, *trialwatch.Source) (trialwatch.Run, error) {
		close(started)
		<-stuck // ignores ctx
		return trialwatch.Run{}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := serve(t, s)
	if _, err := s.StartCrawl("stuck"); err != nil {
		t.Fatal(err)
	}
	<-started
	if d := r.stop(t); d > 5*time.Second {
		t.Errorf("shutdown with a stuck crawl took %s, want about the 500ms bound", d)
	}
	close(stuck)
	s.crawls.Wait()
}

// The run id a POST hands out leads to the run's record, while it runs and
// after it finished.
func TestRunStatusAfterPost(t *testing.T) {
	db, _ := openDB(t)
	news := newSite(t, sampleStories())
	news.mu.Lock()
	news.delay = 300 * time.Millisecond
	news.mu.Unlock()
	s, err := New(db, Config{Token: "k", Sources: []*trialwatch.Source{source("herald", "0 0 1 1 *")}, Logger: testLogger(t)},
		siteCrawler(db, news.URL))
	if err != nil {
		t.Fatal(err)
	}
	r := serve(t, s)
	code, hdr, body := do(t, "POST", r.URL+"/api/crawl?source=herald", "k", nil)
	var started crawlStarted
	if err := json.Unmarshal([]byte(body), &started); code != 202 || err != nil || started.RunID == "" {
		t.Fatalf("POST: %d %s", code, body)
	}
	loc := hdr.Get("Location")
	if loc != "/api/runs/"+started.RunID {
		t.Errorf("Location %q", loc)
	}
	var run runView
	code, _, body = do(t, "GET", r.URL+loc, "", nil)
	if json.Unmarshal([]byte(body), &run); code != 200 || run.State != "running" || run.Source != "herald" {
		t.Errorf("GET %s during the crawl: %d %s", loc, code, body)
	}
	waitFor(t, patience, "the run to finish", func() bool {
		_, _, body = do(t, "GET", r.URL+loc, "", nil)
		run = runView{}
		json.Unmarshal([]byte(body), &run)
		return run.State != "running"
	})
	if run.State != "ok" || run.ID == 0 || run.Counts["cases_new"] != 4 || run.RunID != started.RunID {
		t.Errorf("finished run: %s", body)
	}
	if code, _, _ := do(t, "GET", r.URL+"/api/runs/"+strconv.FormatUint(run.ID, 10), "", nil); code != 200 {
		t.Errorf("GET run by stored number: %d", code)
	}
	if code, _, _ := do(t, "GET", r.URL+"/api/runs/nope", "", nil); code != 404 {
		t.Errorf("GET unknown run: %d, want 404", code)
	}
}
