package pipeline

import (
	"context"
	"errors"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/demo"
	"github.com/trialwatch/trialwatch/rules"
	"github.com/trialwatch/trialwatch/store"
)

func TestCrawlRecordsRunAndStoresCases(t *testing.T) {
	db, src := demoSite(t)
	var progressCalls int
	p := New(db, rules.Default(), Options{
		AllowNetworks: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")},
		Progress:      func(string, Progress) { progressCalls++ },
	})
	ctx := context.Background()
	run, err := p.Crawl(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	stories := len(demo.Stories())
	if run.Counts["stored"] != stories || run.Counts["cases_new"] == 0 || run.Finished.IsZero() {
		t.Errorf("run counts = %v, want %d stored and some new cases", run.Counts, stories)
	}
	if progressCalls == 0 {
		t.Error("progress never reported")
	}
	runs, err := db.Runs(10)
	if err != nil || len(runs) != 1 || runs[0].ID != run.ID || runs[0].Counts["stored"] != stories {
		t.Fatalf("stored runs = %+v, %v", runs, err)
	}
	var ongoing int
	if err := db.Cases(ctx, store.Query{}, func(c trialwatch.StoredCase) error {
		if c.Stage == trialwatch.StageOngoing {
			ongoing++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if ongoing != 0 {
		t.Errorf("%d ongoing records stored as cases", ongoing)
	}
	again, err := p.Crawl(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if again.Counts["stored"] != 0 || again.Counts["cases_new"] != 0 {
		t.Errorf("second crawl counts = %v, want nothing stored again", again.Counts)
	}
}

func TestDecisionsDropsOngoing(t *testing.T) {
	in := []trialwatch.Case{{Stage: trialwatch.StageOngoing}, {Stage: trialwatch.StageVerdict}, {Stage: trialwatch.StageAppeal}}
	out := decisions(in)
	if len(out) != 2 || out[0].Stage != trialwatch.StageVerdict || out[1].Stage != trialwatch.StageAppeal {
		t.Errorf("decisions = %+v", out)
	}
}

// demoSite serves the sample site for one test and opens a database in
// its temporary directory; it returns the database and a source for the
// site.
func demoSite(t *testing.T) (*store.DB, *trialwatch.Source) {
	t.Helper()
	site := httptest.NewServer(demo.Handler())
	t.Cleanup(site.Close)
	db, err := store.Open(filepath.Join(t.TempDir(), "tw.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, &trialwatch.Source{
		Name:     "herald",
		Start:    []string{site.URL + "/"},
		Follow:   []*regexp.Regexp{regexp.MustCompile(`^/page/\d+$`)},
		Articles: []*regexp.Regexp{regexp.MustCompile(`^/news/\d{4}/`)},
		Parallel: 2, MaxDepth: 3, Timeout: 5 * time.Second, MaxBody: 1 << 20,
		AllowedDomains: []string{"127.0.0.1"},
	}
}

func TestLoadingPipelineHoldsRulesOnlyWhileCrawling(t *testing.T) {
	db, src := demoSite(t)
	var loads int
	var loadErr error
	p := NewLoading(db, func() (*rules.Set, error) {
		loads++
		if loadErr != nil {
			return nil, loadErr
		}
		return rules.Default(), nil
	}, Options{AllowNetworks: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}})
	if p.rules.loaded() {
		t.Fatal("rules loaded before any crawl")
	}
	ctx := context.Background()
	run, err := p.Crawl(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if loads != 1 || p.rules.loaded() {
		t.Errorf("after a crawl: %d loads, loaded=%v; want 1 load, rules dropped", loads, p.rules.loaded())
	}
	stored := run.Counts["cases_new"]
	if stored == 0 {
		t.Fatalf("first crawl found no cases: %v", run.Counts)
	}

	loadErr = errors.New("rules: custom/en.yaml:7: bad pattern")
	failed, err := p.Crawl(ctx, src)
	if err == nil || !strings.Contains(err.Error(), "custom/en.yaml:7") {
		t.Fatalf("crawl with broken rules: err = %v, want the load error", err)
	}
	if failed.Err == "" || failed.ID == 0 {
		t.Errorf("failed run = %+v, want it recorded with its error", failed)
	}
	runs, err := db.Runs(10)
	if err != nil || len(runs) != 2 || !strings.Contains(runs[0].Err+runs[1].Err, "bad pattern") {
		t.Errorf("stored runs = %+v, %v; want the failed run recorded", runs, err)
	}
	var cases int
	if err := db.Cases(ctx, store.Query{}, func(trialwatch.StoredCase) error { cases++; return nil }); err != nil {
		t.Fatal(err)
	}
	if cases != stored {
		t.Errorf("%d cases after the failed crawl, want the %d stored before", cases, stored)
	}
}

func TestRuleHolderSharesOneSetAmongRunningCrawls(t *testing.T) {
	var loads atomic.Int32
	h := &ruleHolder{load: func() (*rules.Set, error) { loads.Add(1); return &rules.Set{}, nil }}
	a := h.acquire()
	b := h.acquire()
	sa, _ := a.wait()
	sb, _ := b.wait()
	if sa != sb || loads.Load() != 1 {
		t.Fatalf("two running crawls got different sets or %d loads", loads.Load())
	}
	h.release()
	if !h.loaded() {
		t.Fatal("rules dropped while a crawl still runs")
	}
	h.release()
	if h.loaded() {
		t.Fatal("rules kept after the last crawl")
	}
	if _, err := h.acquire().wait(); err != nil || loads.Load() != 2 {
		t.Fatalf("the next crawl: err %v, %d loads; want the rules loaded again", err, loads.Load())
	}
	h.release()

	fixed := New(nil, &rules.Set{}, Options{}).rules
	fixed.acquire()
	fixed.release()
	if !fixed.loaded() {
		t.Fatal("a fixed rule set was dropped")
	}
}

// TestLoadingCrawlFetchesWhileRulesLoad: the first pages are fetched while
// the rules load, and no page is read before they are there.
func TestLoadingCrawlFetchesWhileRulesLoad(t *testing.T) {
	db, src := demoSite(t)
	release := make(chan struct{})
	var fetchedBeforeRules atomic.Int32
	p := NewLoading(db, func() (*rules.Set, error) {
		<-release
		return rules.Default(), nil
	}, Options{
		AllowNetworks: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")},
		Progress: func(_ string, pr Progress) {
			select {
			case <-release:
			default:
				fetchedBeforeRules.Store(int32(pr.Stats.Fetched))
			}
		},
	})
	go func() {
		// Let the crawl fetch its first pages, then hand over the rules.
		deadline := time.Now().Add(5 * time.Second)
		for fetchedBeforeRules.Load() < 2 && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		close(release)
	}()
	run, err := p.Crawl(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if fetchedBeforeRules.Load() < 2 {
		t.Errorf("%d pages fetched before the rules loaded; want the crawl to go on meanwhile", fetchedBeforeRules.Load())
	}
	if stories := len(demo.Stories()); run.Counts["stored"] != stories || run.Counts["cases_new"] == 0 {
		t.Errorf("run counts = %v, want %d stored with their cases", run.Counts, stories)
	}
}
