package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// Limits of GET /api/cases.
const (
	defaultLimit = 100
	maxLimit     = 1000
)

// parseCaseQuery reads since, after, limit, country and stage, naming the
// parameter that is wrong.
func parseCaseQuery(v url.Values) (store.Query, error) {
	q := store.Query{Limit: defaultLimit}
	if s := v.Get("since"); s != "" {
		t, err := time.ParseInLocation("2006-01-02", s, time.UTC)
		if err != nil {
			return q, fmt.Errorf("bad since %q: want YYYY-MM-DD", s)
		}
		q.Since = t
	}
	if s := v.Get("after"); s != "" {
		id, err := normalizeID(s)
		if err != nil {
			return q, fmt.Errorf("bad after %q: %v", s, err)
		}
		q.After = id
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return q, fmt.Errorf("bad limit %q: want a whole number from 1 to %d", s, maxLimit)
		}
		q.Limit = min(n, maxLimit)
	}
	q.Country = strings.TrimSpace(v.Get("country"))
	if s := v.Get("stage"); s != "" {
		if err := checkStage(s); err != nil {
			return q, err
		}
		q.Stage = s
	}
	return q, nil
}

func checkStage(s string) error {
	switch trialwatch.Stage(s) {
	case trialwatch.StageVerdict, trialwatch.StageAppeal, trialwatch.StageOngoing:
		return nil
	}
	return fmt.Errorf("bad stage %q: want verdict, appeal or ongoing", s)
}

// idWidth is the width of the store's case ids; shorter numbers are padded.
const idWidth = 10

// normalizeID accepts a case id with or without its leading zeros.
func normalizeID(s string) (string, error) {
	if s == "" || len(s) > idWidth || strings.Trim(s, "0123456789") != "" {
		return "", fmt.Errorf("want a case id of up to %d digits", idWidth)
	}
	return strings.Repeat("0", idWidth-len(s)) + s, nil
}

// handleCases answers GET /api/cases: a JSON array of cases, oldest first.
func (s *Server) handleCases(w http.ResponseWriter, r *http.Request) {
	q, err := parseCaseQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	out := make([]trialwatch.StoredCase, 0, min(q.Limit, 64))
	err = s.db.Cases(r.Context(), q, func(c trialwatch.StoredCase) error {
		c.Normalize()
		out = append(out, c)
		if len(out) >= q.Limit {
			return errStop
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		s.log.Error("list cases", "err", err)
		writeError(w, http.StatusInternalServerError, "cannot read cases")
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// errStop ends a scan early.
var errStop = errors.New("server: enough")

// handleCase answers GET /api/cases/{id}.
func (s *Server) handleCase(w http.ResponseWriter, r *http.Request) {
	raw := r.PathValue("id")
	id, err := normalizeID(raw)
	if err != nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no case %q: %v", raw, err))
		return
	}
	c, err := s.db.Case(id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no case "+id)
		return
	}
	if err != nil {
		s.log.Error("read case", "case_id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "cannot read case "+id)
		return
	}
	c.Normalize()
	writeJSON(w, http.StatusOK, c)
}

// crawlStarted is the answer to POST /api/crawl.
type crawlStarted struct {
	RunID  string `json:"run_id,omitempty"`
	Source string `json:"source,omitempty"`
	// Runs lists the runs started when no source was named.
	Runs []startedRun `json:"runs,omitempty"`
	// Running lists the sources skipped because they were crawling.
	Running []string `json:"already_running,omitempty"`
}

type startedRun struct {
	Source string `json:"source"`
	RunID  string `json:"run_id"`
}

// handleCrawl answers POST /api/crawl?source=NAME: 202 with the run id, 409
// when the source is crawling, 404 for an unknown source. Without a source
// every source that is not crawling starts.
func (s *Server) handleCrawl(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		if isTooLarge(err) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body too large: limit is 64 KiB")
			return
		}
		writeError(w, http.StatusBadRequest, "bad request: "+err.Error())
		return
	}
	// Drain what ParseForm left (a body of another type) to enforce the cap.
	if _, err := readAllLimited(r); err != nil {
		if isTooLarge(err) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body too large: limit is 64 KiB")
			return
		}
		writeError(w, http.StatusBadRequest, "bad request body: "+err.Error())
		return
	}
	name := r.Form.Get("source")
	if name != "" {
		runID, err := s.StartCrawl(name)
		if err != nil {
			writeError(w, crawlStatus(err), err.Error())
			return
		}
		w.Header().Set("Location", "/api/runs/"+runID)
		writeJSON(w, http.StatusAccepted, crawlStarted{RunID: runID, Source: name})
		return
	}
	var ans crawlStarted
	for _, n := range s.order {
		runID, err := s.StartCrawl(n)
		switch {
		case err == nil:
			ans.Runs = append(ans.Runs, startedRun{Source: n, RunID: runID})
		case errors.Is(err, ErrRunning):
			ans.Running = append(ans.Running, n)
		default:
			writeError(w, crawlStatus(err), err.Error())
			return
		}
	}
	if len(ans.Runs) == 0 {
		if len(s.order) == 0 {
			writeError(w, http.StatusNotFound, "no source configured")
			return
		}
		writeError(w, http.StatusConflict, "every source is already crawling")
		return
	}
	ans.RunID = ans.Runs[0].RunID
	writeJSON(w, http.StatusAccepted, ans)
}

// crawlStatus maps StartCrawl's errors to HTTP codes.
func crawlStatus(err error) int {
	switch {
	case errors.Is(err, ErrRunning):
		return http.StatusConflict
	case errors.Is(err, ErrUnknownSource):
		return http.StatusNotFound
	case errors.Is(err, ErrStopped):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// readAllLimited reads the rest of the (capped) body.
func readAllLimited(r *http.Request) (int64, error) {
	if r.Body == nil {
		return 0, nil
	}
	return io.Copy(io.Discard, r.Body)
}
