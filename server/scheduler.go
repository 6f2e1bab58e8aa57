package server

import (
	"errors"
	"log/slog"

	"github.com/robfig/cron/v3"
)

// startScheduler adds one cron entry per source and starts them. Each
// entry is wrapped so that a tick is skipped while the previous one still
// runs and a panic is logged instead of killing the daemon.
func (s *Server) startScheduler() *cron.Cron {
	l := cronLogger{s.log.With("component", "cron")}
	c := cron.New(
		cron.WithLocation(s.cfg.Location),
		cron.WithLogger(l),
		cron.WithChain(cron.SkipIfStillRunning(l), cron.Recover(l)),
	)
	for _, name := range s.order {
		st := s.sources[name]
		c.Schedule(st.sched, cron.FuncJob(func() { s.tick(name) }))
	}
	c.Start()
	return c
}

// tick is one scheduled run of a source: sat out while the source backs
// off or is already crawling (started through the API), run otherwise.
func (s *Server) tick(name string) {
	s.mu.Lock()
	st := s.sources[name]
	if st.skip > 0 {
		st.skip--
		st.satOut++
		left, failures := st.skip, st.failures
		s.mu.Unlock()
		s.metrics.skipped.WithLabelValues(name, "backoff").Inc()
		s.log.Info("scheduled crawl skipped: backing off", "source", name, "failures", failures, "ticks_left", left)
		return
	}
	s.mu.Unlock()
	st, runID, err := s.acquire(name)
	if err != nil {
		if errors.Is(err, ErrRunning) {
			s.metrics.skipped.WithLabelValues(name, "running").Inc()
		}
		s.log.Info("scheduled crawl skipped", "source", name, "err", err)
		return
	}
	s.execute(st, runID, "schedule")
}

// cronLogger passes cron's messages to slog: its chatter (wake, run,
// skip) at debug level, its errors (recovered panics) as errors.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }

func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append([]any{"err", err}, kv...)...)
}
