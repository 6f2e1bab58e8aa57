package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/pipeline"
)

// reporter shows the progress of running crawls: a bar on a terminal, a
// plain line every few seconds otherwise.
type reporter struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	mu    sync.Mutex
	state map[string]pipeline.Progress
	last  time.Time
	every time.Duration
}

func newReporter(w io.Writer, sources int) *reporter {
	r := &reporter{w: w, state: map[string]pipeline.Progress{}, every: 5 * time.Second, last: time.Now()}
	if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		r.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(fmt.Sprintf("crawling %d source(s)", sources)),
			progressbar.OptionShowCount(),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return r
}

func (r *reporter) update(source string, p pipeline.Progress) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.state[source] = p
	f, q, art, cn := r.totals()
	line := fmt.Sprintf("pages %d fetched / %d queued, %d articles, %d new cases", f, q, art, cn)
	if r.bar != nil {
		r.bar.Describe(line)
		_ = r.bar.Set(f)
		return
	}
	if time.Since(r.last) >= r.every {
		r.last = time.Now()
		fmt.Fprintln(r.w, "crawl: "+line)
	}
}

func (r *reporter) totals() (fetched, queued, articles, casesNew int) {
	for _, p := range r.state {
		fetched += p.Stats.Fetched
		queued += p.Queued
		articles += p.Stats.Articles
		casesNew += p.CasesNew
	}
	return
}

func (r *reporter) done(source string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bar == nil {
		fmt.Fprintf(r.w, "crawl: %s finished\n", source)
	}
}

func (r *reporter) close() {
	if r.bar != nil {
		_ = r.bar.Finish()
	}
}

// printSummary writes the counts of each run and the totals.
func printSummary(w io.Writer, runs []trialwatch.Run) {
	total := map[string]int{}
	for _, run := range runs {
		if run.Source == "" {
			continue
		}
		fmt.Fprintf(w, "%s: %s\n", run.Source, formatCounts(run.Counts))
		if run.Err != "" {
			fmt.Fprintf(w, "  error: %s\n", run.Err)
		}
		for k, v := range run.Counts {
			total[k] += v
		}
	}
	fmt.Fprintf(w, "total: pages fetched %d, not modified %d, skipped %d, failed %d; articles stored %d; cases new %d, merged %d\n",
		total["fetched"], total["not_modified"], total["skipped_robots"]+total["refused"], total["failed"],
		total["stored"], total["cases_new"], total["cases_merged"])
}

func formatCounts(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%d", k, c[k]))
	}
	return strings.Join(parts, " ")
}
