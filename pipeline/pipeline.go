package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"sync"
	"syscall"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/crawler"
	"github.com/trialwatch/trialwatch/extract"
	"github.com/trialwatch/trialwatch/rules"
	"github.com/trialwatch/trialwatch/store"
)

// Options set up a pipeline.
type Options struct {
	UserAgent     string
	AllowNetworks []netip.Prefix
	Logger        *slog.Logger
	// Progress, when set, is called with the running counts of a crawl.
	Progress func(source string, p Progress)
	// MaxRunTime bounds one crawl of one source; 0 means no bound.
	MaxRunTime time.Duration
	Now        func() time.Time
}

// Progress is the state of a running crawl.
type Progress struct {
	crawler.Progress
	CasesNew, CasesMerged int
}

// Pipeline crawls sources into a store.
type Pipeline struct {
	db    *store.DB
	rules *ruleHolder
	opts  Options
}

// New returns a pipeline that stores into db and reads pages with rs.
func New(db *store.DB, rs *rules.Set, opts Options) *Pipeline {
	done := make(chan struct{})
	close(done)
	return newPipeline(db, &ruleHolder{cur: &ruleLoad{done: done, set: rs}, keep: true}, opts)
}

// NewLoading returns a pipeline that stores into db and reads pages with
// the rules load returns. The rules are loaded when a crawl starts, while
// it fetches its first pages, and dropped when the last running crawl
// ends, so a daemon holds no compiled rules between its scheduled runs,
// and edits to rule files take effect at the next run. A load that fails
// stops that crawl, with the error; nothing is stored meanwhile.
func NewLoading(db *store.DB, load func() (*rules.Set, error), opts Options) *Pipeline {
	return newPipeline(db, &ruleHolder{load: load}, opts)
}

func newPipeline(db *store.DB, rh *ruleHolder, opts Options) *Pipeline {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Pipeline{db: db, rules: rh, opts: opts}
}

// ruleHolder hands a rule set to the crawls that run, loading it for the
// first and dropping it after the last unless it is kept.
type ruleHolder struct {
	load func() (*rules.Set, error)
	keep bool

	mu    sync.Mutex
	cur   *ruleLoad
	users int
}

// ruleLoad is one loading of the rules, shared by the crawls that run
// meanwhile.
type ruleLoad struct {
	done chan struct{}
	set  *rules.Set
	err  error
}

// wait returns the rules once they are loaded.
func (l *ruleLoad) wait() (*rules.Set, error) {
	<-l.done
	return l.set, l.err
}

// acquire returns the rules the running crawls use, starting to load them
// if none runs; the caller must release them.
func (h *ruleHolder) acquire() *ruleLoad {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cur == nil {
		l := &ruleLoad{done: make(chan struct{})}
		go func() {
			defer close(l.done)
			l.set, l.err = h.load()
		}()
		h.cur = l
	}
	h.users++
	return h.cur
}

func (h *ruleHolder) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.users--
	if h.users == 0 && !h.keep {
		h.cur = nil
	}
}

// loaded reports whether the holder holds rules now.
func (h *ruleHolder) loaded() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.cur != nil
}

// Crawl runs one crawl of src and records it in the store. The run is
// returned also when the crawl failed; what was stored before a failure or
// a cancellation stays stored. A store that can take no more writes (disk
// full, file too large, read-only) stops the crawl at once with that error.
func (p *Pipeline) Crawl(ctx context.Context, src *trialwatch.Source) (trialwatch.Run, error) {
	run := trialwatch.Run{Source: src.Name, Started: p.opts.Now(), Counts: map[string]int{}}
	id, err := p.db.StartRun(src.Name, run.Started)
	if err != nil {
		return run, fmt.Errorf("pipeline: %s: %w", src.Name, err)
	}
	run.ID = id
	rl := p.rules.acquire()
	defer p.rules.release()
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	s := &sink{p: p, rules: rl, source: src.Name, stop: stop}
	opts := crawler.Options{
		UserAgent:     p.opts.UserAgent,
		AllowNetworks: p.opts.AllowNetworks,
		State:         p.db,
		Logger:        p.opts.Logger,
		MaxRunTime:    p.opts.MaxRunTime,
	}
	if p.opts.Progress != nil {
		opts.Progress = func(cp crawler.Progress) {
			p.opts.Progress(src.Name, s.progress(cp))
		}
	}
	stats, crawlErr := crawler.Crawl(ctx, src, opts, s)
	s.wait()
	if _, err := rl.wait(); err != nil {
		crawlErr = err // the rules did not load: the crawl read nothing
	}
	run.Finished = p.opts.Now()
	s.mu.Lock()
	run.Counts = stats.Counts()
	run.Counts["cases_new"] = s.casesNew
	run.Counts["cases_merged"] = s.casesMerged
	run.Counts["stored"] = s.stored
	if s.failed > 0 {
		run.Counts["store_failed"] = s.failed
	}
	run.Errors = append(run.Errors, s.errors...)
	if s.fatal != nil {
		crawlErr = fmt.Errorf("crawl stopped, the store takes no more writes: %w", s.fatal)
	}
	s.mu.Unlock()
	if crawlErr != nil {
		run.Err = crawlErr.Error()
	}
	if err := p.db.FinishRun(run); err != nil && crawlErr == nil {
		crawlErr = err
	}
	if crawlErr != nil {
		return run, fmt.Errorf("pipeline: %s: %w", src.Name, crawlErr)
	}
	return run, nil
}

// sink extracts and stores each article page the crawler hands over.
type sink struct {
	p      *Pipeline
	rules  *ruleLoad
	source string
	stop   context.CancelCauseFunc

	pending sync.WaitGroup

	mu                    sync.Mutex
	casesNew, casesMerged int
	stored, failed        int
	errors                []string
	// fatal is the first store error that every later write would meet
	// again; it stopped the crawl.
	fatal error
}

const maxRunErrors = 50

// Process extracts the article and cases of one page and stores them. It is
// the step the crawl applies to each article page, and what re-extraction
// applies to stored pages.
func (p *Pipeline) Process(ctx context.Context, page *trialwatch.Page) (store.SaveResult, error) {
	return p.process(ctx, page, nil)
}

func (p *Pipeline) process(ctx context.Context, page *trialwatch.Page, visits []uint64) (store.SaveResult, error) {
	rl := p.rules.acquire()
	defer p.rules.release()
	rs, err := rl.wait()
	if err != nil {
		return store.SaveResult{}, fmt.Errorf("pipeline: %w", err)
	}
	res := extract.Extract(page, rs)
	return p.db.Save(ctx, store.ArticleSave{Article: res.Article, Page: page, Cases: decisions(res.Cases), Visits: visits})
}

func (s *sink) Page(ctx context.Context, page *trialwatch.Page) error {
	return s.PageVisits(ctx, page, nil)
}

// PageVisits extracts the page and queues it to be stored, with the
// crawler's visit ids marked in the same write (crawler.VisitSink). It does
// not wait for the commit, so the crawl goes on fetching while the store
// commits many articles at once; wait waits for the queued saves. A save
// that fails leaves its visit ids unmarked, so the next crawl fetches the
// page again, and a store that takes no more writes stops the crawl.
func (s *sink) PageVisits(ctx context.Context, page *trialwatch.Page, visits []uint64) error {
	rs, err := s.rules.wait()
	if err != nil {
		s.stop(err)
		return err
	}
	res := extract.Extract(page, rs)
	url := page.URL // the callback keeps no hold on the page body
	s.pending.Add(1)
	s.p.db.SaveAsync(ctx, store.ArticleSave{Article: res.Article, Page: page, Cases: decisions(res.Cases), Visits: visits},
		func(r store.SaveResult, err error) {
			defer s.pending.Done()
			s.saved(url, r, err)
		})
	return nil
}

// wait returns when every queued save has been committed or has failed.
func (s *sink) wait() { s.pending.Wait() }

func (s *sink) saved(url string, r store.SaveResult, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		if s.fatal == nil && storeExhausted(err) {
			s.fatal = err
			s.stop(err)
		}
		if len(s.errors) < maxRunErrors {
			s.errors = append(s.errors, fmt.Sprintf("%s: %v", url, err))
		}
		s.failed++
		return
	}
	s.stored++
	s.casesNew += r.New
	s.casesMerged += r.Merged
	s.p.opts.Logger.Debug("article stored", "source", s.source, "url", url, "cases_new", r.New, "cases_merged", r.Merged)
}

// storeExhausted reports whether err says the store can take no more
// writes, so crawling on would only fetch pages to throw them away.
func storeExhausted(err error) bool {
	for _, e := range []error{store.ErrWrite, syscall.ENOSPC, syscall.EFBIG, syscall.EROFS, syscall.EIO, store.ErrClosed} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func (s *sink) progress(cp crawler.Progress) Progress {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Progress{Progress: cp, CasesNew: s.casesNew, CasesMerged: s.casesMerged}
}

// decisions keeps the cases that record a court decision; reports of trials
// still under way are not stored as cases.
func decisions(cases []trialwatch.Case) []trialwatch.Case {
	out := cases[:0:0]
	for _, c := range cases {
		if c.Stage != trialwatch.StageOngoing {
			out = append(out, c)
		}
	}
	return out
}
