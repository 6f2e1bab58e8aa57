package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// CrawlFunc runs one crawl of one source through the whole pipeline (fetch,
// extract, store) and returns its run record (counts: fetched,
// not_modified, skipped_robots, refused, failed, articles, cases_new,
// cases_merged). It must return promptly once ctx is cancelled. Provided by
// the caller.
type CrawlFunc func(ctx context.Context, src *trialwatch.Source) (trialwatch.Run, error)

// Config sets up a Server. Only Sources is required.
type Config struct {
	Addr     string // listen address; default 127.0.0.1:8080
	Token    string // bearer token for POST endpoints; "" refuses every POST
	Sources  []*trialwatch.Source
	Location *time.Location // time zone of cron schedules; default UTC
	Logger   *slog.Logger
	// ShutdownTimeout bounds how long Run waits, once cancelled, for crawls
	// and HTTP requests to finish; default 8s.
	ShutdownTimeout time.Duration
	// MaxBackoff caps how long a failing source waits between runs;
	// default 24h.
	MaxBackoff time.Duration
	// StaleAfter is how many successful runs in a row that found no
	// article flag a source as stale; default 12.
	StaleAfter int
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// Defaults applied by New.
const (
	DefaultAddr            = "127.0.0.1:8080"
	DefaultShutdownTimeout = 8 * time.Second
	DefaultMaxBackoff      = 24 * time.Hour
	DefaultStaleAfter      = 12
	// maxBodyBytes limits every request body.
	maxBodyBytes = 64 << 10
)

// Sentinel errors callers branch on.
var (
	// ErrRunning is returned by StartCrawl when the source is crawling.
	ErrRunning = errors.New("server: source is already crawling")
	// ErrUnknownSource is returned by StartCrawl for a name not configured.
	ErrUnknownSource = errors.New("server: unknown source")
	// ErrStopped is returned by StartCrawl once the server is shutting down.
	ErrStopped = errors.New("server: shutting down")
)

var sourceName = regexp.MustCompile(`^[a-z0-9-]+$`)

// Server schedules crawls and serves the HTTP side of the daemon. Create it
// with New; Run it once.
type Server struct {
	db      *store.DB
	cfg     Config
	crawl   CrawlFunc
	log     *slog.Logger
	now     func() time.Time
	metrics *metrics
	handler http.Handler
	booted  time.Time

	// crawlCtx is the parent of every crawl; cancelled on shutdown.
	crawlCtx    context.Context
	cancelCrawl context.CancelFunc
	crawls      sync.WaitGroup

	mu      sync.Mutex
	sources map[string]*sourceState
	order   []string // source names in configuration order
	stopped bool
	started bool
	seq     uint64            // last run id handed out
	runIDs  map[uint64]string // store run id -> run id handed out, for recent runs
	runKeys []uint64          // keys of runIDs, oldest first, to bound it
}

// New checks cfg and returns a server that crawls cfg.Sources with crawl
// and reads cases from db. Nothing starts before Run.
func New(db *store.DB, cfg Config, crawl CrawlFunc) (*Server, error) {
	if db == nil {
		return nil, errors.New("server: no database")
	}
	if crawl == nil {
		return nil, errors.New("server: no crawl function")
	}
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.StaleAfter <= 0 {
		cfg.StaleAfter = DefaultStaleAfter
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{
		db: db, cfg: cfg, crawl: crawl, log: cfg.Logger, now: cfg.Now,
		sources: map[string]*sourceState{}, runIDs: map[uint64]string{},
	}
	s.booted = s.now()
	for i, src := range cfg.Sources {
		if src == nil {
			return nil, fmt.Errorf("server: source %d is nil", i)
		}
		if !sourceName.MatchString(src.Name) {
			return nil, fmt.Errorf("server: source %d: bad name %q: want [a-z0-9-]+", i, src.Name)
		}
		if _, dup := s.sources[src.Name]; dup {
			return nil, fmt.Errorf("server: source %q configured twice", src.Name)
		}
		sched, err := cron.ParseStandard(src.Schedule)
		if err != nil {
			return nil, fmt.Errorf("server: source %s: bad schedule %q: %w", src.Name, src.Schedule, err)
		}
		s.sources[src.Name] = &sourceState{src: src, sched: sched}
		s.order = append(s.order, src.Name)
	}
	s.crawlCtx, s.cancelCrawl = context.WithCancel(context.Background())
	s.metrics = newMetrics(db, s)
	s.handler = s.routes()
	s.restoreHealth()
	for _, name := range s.order {
		st := s.sources[name]
		s.metrics.health(name, st.failures, st.stale, st.lastOK)
	}
	return s, nil
}

// Handler returns the HTTP handler of every endpoint, for tests and for
// callers that run their own http.Server.
func (s *Server) Handler() http.Handler { return s.handler }

// Run listens on cfg.Addr, starts the scheduler and serves HTTP until ctx
// is cancelled; then it shuts down in order (see Serve).
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		s.shutdownCrawls(context.Background())
		return fmt.Errorf("server: listen %s: %w", s.cfg.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve is Run on a listener the caller opened. When ctx is cancelled it
// stops the scheduler, cancels running crawls and waits for them, shuts the
// HTTP server down and returns, all within cfg.ShutdownTimeout. It closes
// ln. The caller closes the database afterwards.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.mu.Lock()
	if s.started || s.stopped {
		s.mu.Unlock()
		ln.Close()
		return errors.New("server: already run")
	}
	s.started = true
	s.mu.Unlock()

	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	sched := s.startScheduler()
	s.log.Info("serving", "addr", ln.Addr().String(), "sources", len(s.order))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
		served = nil
	}

	deadline, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	s.log.Info("shutting down")
	began := time.Now()
	defer func() { s.log.Info("stopped", "took", time.Since(began).Round(time.Millisecond)) }()
	stopCtx := sched.Stop()
	s.shutdownCrawls(deadline)
	select {
	case <-stopCtx.Done():
	case <-deadline.Done():
	}
	if err := srv.Shutdown(deadline); err != nil {
		srv.Close()
		s.log.Warn("http shutdown cut short", "err", err)
	}
	if served != nil {
		if err := <-served; !errors.Is(err, http.ErrServerClosed) {
			serveErr = err
		}
	}
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("server: serve: %w", serveErr)
	}
	return nil
}

// shutdownCrawls refuses new crawls, cancels the running ones and waits
// for them until ctx is done.
func (s *Server) shutdownCrawls(ctx context.Context) {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.cancelCrawl()
	done := make(chan struct{})
	go func() { s.crawls.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.log.Warn("crawls still running at shutdown deadline")
	}
}
