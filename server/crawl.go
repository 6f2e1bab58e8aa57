package server

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/trialwatch/trialwatch"
)

// StartCrawl starts a crawl of the named source now, in the background, and
// returns the id of its run. It fails with ErrRunning when that source is
// already crawling (on its schedule or by an earlier call), with
// ErrUnknownSource for a name not configured, and with ErrStopped once the
// server is shutting down. A started crawl ignores the source's backoff.
func (s *Server) StartCrawl(source string) (runID string, err error) {
	st, runID, err := s.acquire(source)
	if err != nil {
		return "", err
	}
	go s.execute(st, runID, "api")
	return runID, nil
}

// acquire marks the source as crawling and hands out a run id; the caller
// must call execute.
func (s *Server) acquire(source string) (*sourceState, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.sources[source]
	if !ok {
		return nil, "", fmt.Errorf("%w %q", ErrUnknownSource, source)
	}
	if s.stopped {
		return nil, "", ErrStopped
	}
	if st.running {
		return nil, "", fmt.Errorf("%w: %s (run %s since %s)", ErrRunning, source, st.runID, st.started.UTC().Format(time.RFC3339))
	}
	s.seq++
	runID := strconv.FormatInt(s.booted.Unix(), 36) + "-" + strconv.FormatUint(s.seq, 10)
	st.running, st.runID, st.started = true, runID, s.now()
	s.crawls.Add(1)
	s.metrics.running.WithLabelValues(source).Set(1)
	return st, runID, nil
}

// execute runs one crawl of an acquired source and records its outcome.
// A panic in the crawl is recovered here, logged with its stack, counted,
// and recorded as a failed run: the next tick runs as usual.
func (s *Server) execute(st *sourceState, runID, trigger string) {
	defer s.crawls.Done()
	name := st.src.Name
	log := s.log.With("source", name, "run_id", runID, "trigger", trigger)
	log.Info("crawl started")
	start := time.Now()

	run, panicked, err := s.callCrawl(st.src)
	elapsed := time.Since(start)

	if run.Source == "" {
		run.Source = name
	}
	if run.Started.IsZero() {
		run.Started = st.started
	}
	if run.Finished.IsZero() {
		run.Finished = s.now()
	}
	if run.Counts == nil {
		run.Counts = map[string]int{}
	}
	result := resultOK
	switch {
	case panicked:
		result = resultPanic
		run.Err = err.Error()
	case err != nil && s.crawlCtx.Err() != nil:
		result = resultCancelled
		if run.Err == "" {
			run.Err = err.Error()
		}
	case err != nil:
		result = resultFailed
		if run.Err == "" {
			run.Err = err.Error()
		}
	case s.crawlCtx.Err() == nil:
		var msg string
		if result, msg = storedResult(run); run.Err == "" {
			run.Err = msg
		}
	}
	s.metrics.observe(name, result, elapsed, run)

	s.mu.Lock()
	st.running = false
	wasStale := st.stale
	st.record(run, result, s.cfg.StaleAfter)
	if result == resultFailed || result == resultPanic {
		st.backOff(s.now(), s.cfg.MaxBackoff)
	}
	if run.ID != 0 {
		s.rememberRunID(run.ID, runID)
	}
	failures, skip, stale, lastOK := st.failures, st.skip, st.stale, st.lastOK
	idle := true
	for _, o := range s.sources {
		idle = idle && !o.running
	}
	s.mu.Unlock()
	if idle {
		// The daemon waits for the next run: give back the memory the
		// crawl used, once the run is told.
		defer s.releaseMemory()
	}
	s.metrics.health(name, failures, stale, lastOK)

	attrs := []any{"result", result, "duration", elapsed.Round(time.Millisecond),
		"articles", run.Counts["articles"], "cases_new", run.Counts["cases_new"], "cases_merged", run.Counts["cases_merged"]}
	switch result {
	case resultOK:
		if stale && !wasStale {
			log.Warn("crawl finished; source is now stale: no article in its last runs", append(attrs, "stale_after", s.cfg.StaleAfter)...)
		} else {
			log.Info("crawl finished", attrs...)
		}
	case resultCancelled:
		log.Info("crawl cancelled", attrs...)
	default:
		log.Error("crawl failed", append(attrs, "err", run.Err, "failures", failures, "skip_ticks", skip)...)
	}
}

// callCrawl calls the CrawlFunc and turns a panic into an error.
func (s *Server) callCrawl(src *trialwatch.Source) (run trialwatch.Run, panicked bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			panicked = true
			err = fmt.Errorf("panic: %v", p)
			s.log.Error("crawl panicked", "source", src.Name, "err", err, "stack", string(debug.Stack()))
		}
	}()
	run, err = s.crawl(s.crawlCtx, src)
	if err == nil && s.crawlCtx.Err() != nil {
		err = context.Cause(s.crawlCtx)
	}
	return run, false, err
}

// rememberRunID keeps which run id was handed out for a stored run, for
// the most recent runs.
func (s *Server) rememberRunID(id uint64, runID string) {
	const keep = 256
	if _, ok := s.runIDs[id]; !ok {
		s.runKeys = append(s.runKeys, id)
	}
	s.runIDs[id] = runID
	for len(s.runKeys) > keep {
		delete(s.runIDs, s.runKeys[0])
		s.runKeys = s.runKeys[1:]
	}
}

// releaseMemory returns what a finished crawl leaves to the system: the
// database pages it mapped in, and the free heap. It collects twice:
// objects parked in a sync.Pool (the store's compressors) outlive one
// collection and are freed by the next.
func (s *Server) releaseMemory() {
	if err := s.db.DropMapped(); err != nil {
		s.log.Warn("mapped database pages kept", "err", err)
	}
	runtime.GC()
	debug.FreeOSMemory()
}
