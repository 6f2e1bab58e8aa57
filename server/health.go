package server

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/trialwatch/trialwatch"
)

// Results of one crawl, as logged, counted and shown.
const (
	resultOK        = "ok"
	resultFailed    = "failed"
	resultPanic     = "panic"
	resultCancelled = "cancelled"
)

// sourceState is what the server knows of one source: whether it is
// crawling, how its last runs went, and how many ticks it sits out. Guarded
// by Server.mu.
type sourceState struct {
	src   *trialwatch.Source
	sched cron.Schedule

	running bool
	runID   string    // of the running crawl
	started time.Time // of the running crawl

	last       *trialwatch.Run // last finished run
	lastResult string
	lastOK     time.Time // when the last successful run finished
	failures   int       // failed runs in a row
	skip       int       // scheduled ticks still to sit out
	backoffTo  time.Time // roughly when the next scheduled run will be
	satOut     int       // scheduled ticks sat out while backing off, in all
	emptyRuns  int       // successful runs in a row that found no article
	stale      bool
	panics     int
}

// record takes in a finished run. A cancelled run (shutdown) changes
// nothing but the last run shown.
func (st *sourceState) record(run trialwatch.Run, result string, staleAfter int) {
	st.last = &run
	st.lastResult = result
	switch result {
	case resultOK:
		st.failures, st.skip, st.backoffTo = 0, 0, time.Time{}
		st.lastOK = run.Finished
		if run.Counts["articles"] > 0 {
			st.emptyRuns = 0
		} else {
			st.emptyRuns++
		}
		st.stale = st.emptyRuns >= staleAfter
	case resultPanic:
		st.panics++
		st.failures++
	case resultFailed:
		st.failures++
	}
}

// backOff sets how many ticks a source that just failed sits out: none
// after the first failure, then 1, 3, 7 … (2^(n-1)-1), so the gap between
// real runs doubles each time, up to max.
func (st *sourceState) backOff(now time.Time, max time.Duration) {
	interval := tickInterval(st.sched, now)
	limit := 0
	if interval > 0 {
		limit = int(max/interval) - 1
	}
	skip := 0
	if st.failures > 1 {
		n := st.failures - 1
		if n > 30 {
			n = 30
		}
		skip = 1<<n - 1
	}
	if skip > limit {
		skip = limit
	}
	if skip < 0 {
		skip = 0
	}
	st.skip = skip
	st.backoffTo = time.Time{}
	if skip > 0 {
		t := now
		for range skip + 1 {
			t = st.sched.Next(t)
		}
		st.backoffTo = t
	}
}

// tickInterval is the gap between the schedule's next two ticks after now.
func tickInterval(sched cron.Schedule, now time.Time) time.Duration {
	a := sched.Next(now)
	b := sched.Next(a)
	if a.IsZero() || b.IsZero() {
		return 0
	}
	return b.Sub(a)
}

// storedResult classifies a finished run from its record: the run's own
// error decides, and a run that reached nothing at all (every request
// failed, none answered) failed too, even if the crawl itself reported no
// error: the site is down or blocks us, and that is what backoff is for.
func storedResult(run trialwatch.Run) (result, msg string) {
	switch {
	case isCancelErr(run.Err):
		return resultCancelled, ""
	case run.Err != "":
		return resultFailed, ""
	case unreachable(run):
		return resultFailed, fmt.Sprintf("nothing fetched: %d %s failed", run.Counts["failed"], pick(run.Counts["failed"], "request", "requests"))
	}
	return resultOK, ""
}

// unreachable reports whether a run got no answer from its site: no page
// fetched or confirmed unchanged, and some request failed.
func unreachable(run trialwatch.Run) bool {
	c := run.Counts
	return c["failed"] > 0 && c["fetched"] == 0 && c["not_modified"] == 0
}

// healthy reports whether the source's last finished run succeeded (or it
// has not run yet).
func (st *sourceState) healthy() bool { return st.failures == 0 }

// restoreHealth seeds each source's state from the runs the store kept, so
// that a restarted daemon still shows the last runs, failures and stale
// flags.
func (s *Server) restoreHealth() {
	runs, err := s.db.Runs(restoreRuns)
	if err != nil {
		s.log.Warn("cannot read past runs", "err", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// Runs come newest first; replay them oldest first.
	for i := len(runs) - 1; i >= 0; i-- {
		run := runs[i]
		st, ok := s.sources[run.Source]
		if !ok || run.Finished.IsZero() {
			continue
		}
		result, msg := storedResult(run)
		if run.Err == "" {
			run.Err = msg
		}
		st.record(run, result, s.cfg.StaleAfter)
	}
	now := s.now()
	for _, st := range s.sources {
		if st.failures > 0 {
			st.backOff(now, s.cfg.MaxBackoff)
		}
	}
}

// restoreRuns is how many stored runs restoreHealth reads.
const restoreRuns = 500
