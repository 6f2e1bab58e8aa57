package server

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch"
)

// runView is a crawl run as GET /api/runs gives it: the stored record,
// the run id POST /api/crawl handed out (for runs this process started)
// and its state: running, ok, failed, cancelled or interrupted (a run the
// store holds as started but that never finished, e.g. after a crash).
type runView struct {
	RunID string `json:"run_id,omitempty"`
	State string `json:"state"`
	trialwatch.Run
}

// Limits of GET /api/runs.
const (
	defaultRuns = 50
	maxRuns     = 500
)

// handleRuns answers GET /api/runs?limit=N: recent runs, newest first,
// the running ones included.
func (s *Server) handleRuns(w http.ResponseWriter, r *http.Request) {
	limit := defaultRuns
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			writeError(w, http.StatusBadRequest, "bad limit "+strconv.Quote(v)+": want a whole number from 1 to "+strconv.Itoa(maxRuns))
			return
		}
		limit = min(n, maxRuns)
	}
	runs, err := s.recentRuns(limit)
	if err != nil {
		s.log.Error("list runs", "err", err)
		writeError(w, http.StatusInternalServerError, "cannot read runs")
		return
	}
	writeJSON(w, http.StatusOK, runs)
}

// handleRun answers GET /api/runs/{id}: one recent run, by the run id
// POST /api/crawl handed out or by its stored number; 404 if it is not
// among the last runs.
func (s *Server) handleRun(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	runs, err := s.recentRuns(maxRuns)
	if err != nil {
		s.log.Error("list runs", "err", err)
		writeError(w, http.StatusInternalServerError, "cannot read runs")
		return
	}
	for _, run := range runs {
		if run.RunID == id || run.ID != 0 && strconv.FormatUint(run.ID, 10) == id {
			writeJSON(w, http.StatusOK, run)
			return
		}
	}
	writeError(w, http.StatusNotFound, "no recent run "+strconv.Quote(id))
}

// recentRuns merges the stored runs with the ones running now, newest
// first.
func (s *Server) recentRuns(limit int) ([]runView, error) {
	stored, err := s.db.Runs(limit)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	live := map[string]*sourceState{}
	for name, st := range s.sources {
		if st.running {
			live[name] = st
		}
	}
	out := make([]runView, 0, len(stored)+len(live))
	claimed := map[string]bool{}
	for _, run := range stored {
		v := runView{Run: run, RunID: s.runIDs[run.ID]}
		if run.Counts == nil {
			v.Counts = map[string]int{}
		}
		switch {
		case run.Finished.IsZero():
			// The newest unfinished record of a crawling source is its
			// current run (the store records a run when it starts).
			if st := live[run.Source]; st != nil && !claimed[run.Source] && !run.Started.Before(st.started.Add(-time.Second)) {
				claimed[run.Source] = true
				v.State, v.RunID = "running", st.runID
			} else {
				v.State = "interrupted"
			}
		default:
			var msg string
			if v.State, msg = storedResult(run); v.Err == "" {
				v.Err = msg
			}
		}
		out = append(out, v)
	}
	for name, st := range live {
		if claimed[name] {
			continue
		}
		out = append(out, runView{RunID: st.runID, State: "running",
			Run: trialwatch.Run{Source: name, Started: st.started, Counts: map[string]int{}}})
	}
	slices.SortStableFunc(out, func(a, b runView) int { return b.Started.Compare(a.Started) })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// sourceView is one source's health as GET /api/sources and the page show
// it.
type sourceView struct {
	Name       string          `json:"name"`
	Schedule   string          `json:"schedule"`
	Running    bool            `json:"running"`
	RunID      string          `json:"run_id,omitempty"`
	Healthy    bool            `json:"healthy"`
	Failures   int             `json:"consecutive_failures"`
	BackingOff bool            `json:"backing_off"`
	SkipTicks  int             `json:"skip_ticks,omitempty"`
	SatOut     int             `json:"ticks_sat_out,omitempty"`
	Stale      bool            `json:"stale"`
	EmptyRuns  int             `json:"runs_without_articles"`
	Panics     int             `json:"panics,omitempty"`
	NextRun    time.Time       `json:"next_run,omitzero"`
	LastOK     time.Time       `json:"last_success,omitzero"`
	LastResult string          `json:"last_result,omitempty"`
	LastRun    *trialwatch.Run `json:"last_run,omitempty"`
}

// sourceViews returns the health of every source, in configuration order.
func (s *Server) sourceViews() []sourceView {
	now := s.now().In(s.cfg.Location)
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]sourceView, 0, len(s.order))
	for _, name := range s.order {
		st := s.sources[name]
		v := sourceView{
			Name: name, Schedule: st.src.Schedule, Running: st.running,
			Healthy: st.healthy(), Failures: st.failures, BackingOff: st.skip > 0,
			SkipTicks: st.skip, SatOut: st.satOut, Stale: st.stale, EmptyRuns: st.emptyRuns, Panics: st.panics,
			LastOK: st.lastOK, LastResult: st.lastResult, LastRun: st.last,
		}
		if st.running {
			v.RunID = st.runID
		}
		v.NextRun = st.sched.Next(now)
		if st.skip > 0 && !st.backoffTo.IsZero() {
			v.NextRun = st.backoffTo
		}
		out = append(out, v)
	}
	return out
}

// handleSources answers GET /api/sources: each source's health.
func (s *Server) handleSources(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.sourceViews())
}

// isCancelErr reports whether a stored run's error says it was cancelled.
func isCancelErr(msg string) bool { return strings.Contains(msg, context.Canceled.Error()) }
