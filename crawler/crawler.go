package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/trialwatch/trialwatch"
)

// ErrMaxRunTime is returned (wrapped) when a crawl was stopped because it
// ran longer than Options.MaxRunTime. The Stats returned with it are valid.
var ErrMaxRunTime = errors.New("crawl stopped at its maximum run time")

// maxWorkers bounds the goroutines of one crawl whatever the source says.
const maxWorkers = 32

// Sink receives the article pages of a crawl.
type Sink interface {
	// Page is called once per fetched article page, from several
	// goroutines at once (up to the source's parallelism), with the body
	// decoded to valid UTF-8; the same article is never handed over twice
	// at the same time. An error
	// counts the page as failed and leaves its URL unvisited, so the next
	// crawl fetches it again.
	Page(ctx context.Context, p *trialwatch.Page) error
}

// VisitSink is a Sink that marks the page's visit ids (see VisitID) visited
// itself, in the same write that stores the page, instead of leaving it to
// the crawler's State afterwards: one write per article, and no article
// marked visited without being stored. The crawler uses PageVisits when
// its sink has it.
type VisitSink interface {
	Sink
	PageVisits(ctx context.Context, p *trialwatch.Page, visits []uint64) error
}

// State is the crawler's memory between crawls. Its visited methods have the
// shapes of Colly's storage.Storage so one store can serve both.
type State interface {
	// IsVisited reports whether the article with this VisitID was taken by a sink.
	IsVisited(id uint64) (bool, error)
	// Visited records the VisitID of an article a sink has taken.
	Visited(id uint64) error
	// Unvisit forgets a VisitID.
	Unvisit(id uint64) error
	// FetchState returns the validators last seen for an entry point URL.
	FetchState(url string) (etag, lastModified string, err error)
	// SetFetchState records the validators of an entry point URL.
	SetFetchState(url, etag, lastModified string) error
}

// Options are the settings of a crawl that do not belong to one source.
type Options struct {
	// UserAgent identifies the crawler to sites and selects its robots.txt
	// group; empty means a default naming trialwatch.
	UserAgent string
	// AllowNetworks are the non-public ranges crawls may reach (e.g.
	// 127.0.0.0/8 for a test site). All other loopback, private,
	// link-local, CGNAT, unique-local, metadata and IPv4-mapped addresses
	// are refused at connect time, redirects and DNS answers included.
	AllowNetworks []netip.Prefix
	// State holds the visited set and the entry points' validators. Required.
	State State
	// Logger receives one line per notable event; nil discards them.
	Logger *slog.Logger
	// Progress, if set, is called after every event with the running
	// counts. Calls are serialised; it must return quickly.
	Progress func(Progress)
	// MaxRunTime stops the crawl after this long; 0 means no limit.
	MaxRunTime time.Duration
	// Robots caches robots.txt files across crawls; nil means a cache
	// shared by the whole process.
	Robots *RobotsCache

	// attempts and backoffBase let tests retry fast.
	attempts    int
	backoffBase time.Duration
}

// Progress is one event of a running crawl.
type Progress struct {
	Source string
	// Event is what just happened: fetched, not_modified, article,
	// duplicate, known, skipped_robots, refused, failed, retry.
	Event  string
	URL    string
	Queued int   // URLs queued, waiting for a retry or in flight
	Stats  Stats // counts so far
}

// Stats counts what a crawl did, by outcome.
type Stats struct {
	Fetched       int            // responses read in full (entry points, listings, articles)
	NotModified   int            // entry points answering 304 to a conditional GET
	SkippedRobots int            // URLs robots.txt disallowed; never requested
	Refused       int            // requests the network guard refused
	Failed        int            // URLs given up on this crawl
	Articles      int            // article pages the sink took
	Known         int            // article URLs visited in an earlier crawl; not fetched
	Duplicates    int            // article pages whose canonical URL was already taken
	Retries       int            // extra attempts after 429, 5xx, timeouts, resets
	FailedBy      map[string]int // Failed by reason: timeout, too_large, http_404, robots_unavailable, sink, ...
}

// Counts returns the counts under the snake_case keys of trialwatch.Run.
func (s Stats) Counts() map[string]int {
	m := map[string]int{
		"fetched": s.Fetched, "not_modified": s.NotModified, "skipped_robots": s.SkippedRobots,
		"refused": s.Refused, "failed": s.Failed, "articles": s.Articles, "known": s.Known,
		"duplicates": s.Duplicates, "retries": s.Retries,
	}
	for k, v := range s.FailedBy {
		m["failed_"+k] = v
	}
	return m
}

func (s Stats) clone() Stats {
	c := s
	c.FailedBy = make(map[string]int, len(s.FailedBy))
	for k, v := range s.FailedBy {
		c.FailedBy[k] = v
	}
	return c
}

// crawl is the state of one Crawl call.
type crawl struct {
	src      *trialwatch.Source
	opts     Options
	sink     Sink
	log      *slog.Logger
	client   *http.Client
	coll     *colly.Collector
	front    *frontier
	robots   *robotsRun
	hosts    map[string]bool // allowed host names, lower case, no port
	maxDepth int
	attempts int
	backoff  time.Duration

	statsMu    sync.Mutex
	stats      Stats
	validators []validator // entry points' ETag and Last-Modified, saved at the end
	transient  int         // articles that failed in a way a later crawl may fix

	sinkMu  sync.Mutex
	claimed map[string]bool // canonical article URLs taken (or being taken) this crawl
}

// Crawl fetches src once: its entry points with conditional GETs, listing
// pages to src.MaxDepth hops, and every article page not visited before,
// each handed to sink. It returns when nothing is left to fetch, when ctx is
// done or when opts.MaxRunTime has passed, with the counts of what it did;
// the error is then ctx's error or ErrMaxRunTime, wrapped.
func Crawl(ctx context.Context, src *trialwatch.Source, opts Options, sink Sink) (Stats, error) {
	c, err := newCrawl(src, opts, sink)
	if err != nil {
		return Stats{FailedBy: map[string]int{}}, err
	}
	runCtx := ctx
	if opts.MaxRunTime > 0 {
		var cancel context.CancelFunc
		runCtx, cancel = context.WithTimeoutCause(ctx, opts.MaxRunTime, ErrMaxRunTime)
		defer cancel()
	}
	c.coll.Context = runCtx
	defer closeIdle(c.client)

	start := time.Now()
	c.seed()
	workers := min(max(1, src.Parallel)*max(1, len(c.hosts)), maxWorkers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				t, ok := c.front.next(runCtx)
				if !ok {
					return
				}
				c.process(runCtx, t)
			}
		})
	}
	wg.Wait()

	if runCtx.Err() == nil {
		c.saveValidators()
	}
	stats := c.snapshot()
	c.log.Info("crawl finished", "source", src.Name, "took", time.Since(start).Round(time.Millisecond),
		"fetched", stats.Fetched, "articles", stats.Articles, "not_modified", stats.NotModified,
		"failed", stats.Failed, "refused", stats.Refused, "skipped_robots", stats.SkippedRobots)
	if err := ctx.Err(); err != nil {
		return stats, fmt.Errorf("crawler: %s: %w", src.Name, err)
	}
	if errors.Is(context.Cause(runCtx), ErrMaxRunTime) {
		return stats, fmt.Errorf("crawler: %s after %s: %w", src.Name, opts.MaxRunTime, ErrMaxRunTime)
	}
	return stats, nil
}

func newCrawl(src *trialwatch.Source, opts Options, sink Sink) (*crawl, error) {
	switch {
	case src == nil:
		return nil, errors.New("crawler: source is nil")
	case sink == nil:
		return nil, fmt.Errorf("crawler: %s: sink is nil", src.Name)
	case opts.State == nil:
		return nil, fmt.Errorf("crawler: %s: Options.State is nil", src.Name)
	case len(src.Start)+len(src.Feeds)+len(src.Sitemaps) == 0:
		return nil, fmt.Errorf("crawler: %s: no start page, feed or sitemap", src.Name)
	}
	if opts.UserAgent == "" {
		opts.UserAgent = defaultUserAgent
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	timeout := src.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	maxBody := src.MaxBody
	if maxBody <= 0 {
		maxBody = defaultMaxBody
	}
	c := &crawl{
		src: src, opts: opts, sink: sink, log: logger,
		hosts:    map[string]bool{},
		maxDepth: max(src.MaxDepth, 1),
		attempts: defaultAttempts,
		backoff:  defaultBackoff,
		claimed:  map[string]bool{},
		stats:    Stats{FailedBy: map[string]int{}},
	}
	if opts.attempts > 0 {
		c.attempts = opts.attempts
	}
	if opts.backoffBase > 0 {
		c.backoff = opts.backoffBase
	}
	for _, d := range src.AllowedDomains {
		c.hosts[strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")] = true
	}
	if len(c.hosts) == 0 {
		// No list: the hosts of the entry points.
		for _, l := range [][]string{src.Start, src.Feeds, src.Sitemaps} {
			for _, raw := range l {
				if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
					c.hosts[strings.ToLower(u.Hostname())] = true
				}
			}
		}
	}
	if err := c.checkEntryPoints(); err != nil {
		return nil, err
	}
	c.client = newClient(guard{allow: opts.AllowNetworks}, timeout, maxBody, min(max(src.Parallel, 1), maxWorkers), c.redirectOK)
	c.front = newFrontier(max(src.Delay, 0), max(src.Parallel, 1))
	cache := opts.Robots
	if cache == nil {
		cache = processRobots
	}
	c.robots = &robotsRun{cache: cache, client: c.client, ua: opts.UserAgent,
		timeout: min(timeout, robotsTimeoutCap), origins: map[string]*robotsResult{}}
	c.coll = newCollector(c.client, opts.UserAgent)
	return c, nil
}

// checkEntryPoints rejects a source whose entry points are not http(s)
// URLs on its allowed domains.
func (c *crawl) checkEntryPoints() error {
	for _, l := range []struct {
		what string
		urls []string
	}{{"start page", c.src.Start}, {"feed", c.src.Feeds}, {"sitemap", c.src.Sitemaps}} {
		for _, raw := range l.urls {
			canon, err := canonical(raw)
			if err != nil {
				return fmt.Errorf("crawler: %s: %s %q: %w", c.src.Name, l.what, raw, err)
			}
			if u, _ := url.Parse(canon); !c.allowedHost(u.Hostname()) {
				return fmt.Errorf("crawler: %s: %s %q is not on the allowed domains %v", c.src.Name, l.what, raw, c.src.AllowedDomains)
			}
		}
	}
	return nil
}

// allowedHost reports whether the source may fetch from host.
func (c *crawl) allowedHost(host string) bool {
	return c.hosts[strings.TrimSuffix(strings.ToLower(host), ".")]
}

// seed queues the entry points.
func (c *crawl) seed() {
	for _, raw := range c.src.Start {
		c.enqueue(raw, kindListing, 0, "start page")
	}
	for _, raw := range c.src.Feeds {
		c.enqueue(raw, kindFeed, 0, "feed")
	}
	for _, raw := range c.src.Sitemaps {
		c.enqueue(raw, kindSitemap, 0, "sitemap")
	}
}

// enqueue canonicalises raw and queues it if it is on an allowed host and
// new to this crawl.
func (c *crawl) enqueue(raw string, k kind, hops int, from string) {
	canon, err := CanonicalURL(raw)
	if err != nil {
		c.log.Debug("link skipped", "source", c.src.Name, "url", raw, "from", from, "err", err)
		return
	}
	u, _ := url.Parse(canon) // canonical URLs parse
	if !c.allowedHost(u.Hostname()) {
		if hops == 0 {
			c.log.Warn("entry point outside the allowed domains", "source", c.src.Name, "url", canon)
		}
		return
	}
	if !c.front.see(canon) {
		return
	}
	if rb := c.robots.peek(u); rb != nil && rb.err == nil && !rb.allowed(u) {
		c.log.Debug("disallowed by robots.txt", "source", c.src.Name, "url", canon)
		c.count("skipped_robots", canon, func(s *Stats) { s.SkippedRobots++ })
		return
	}
	if k == kindArticle {
		// Known articles are dropped here, not queued: in the queue each
		// would wait out the host's delay for nothing.
		visited, err := c.opts.State.IsVisited(VisitID(canon))
		if err != nil {
			c.fail(task{url: canon, kind: k}, "state", err)
			return
		}
		if visited {
			c.count("known", canon, func(s *Stats) { s.Known++ })
			return
		}
	}
	c.front.push(task{url: canon, host: u.Host, kind: k, hops: hops})
}

// count applies f to the stats and reports the event.
func (c *crawl) count(event, u string, f func(*Stats)) {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	f(&c.stats)
	if c.opts.Progress != nil {
		c.opts.Progress(Progress{Source: c.src.Name, Event: event, URL: u, Queued: c.front.queued(), Stats: c.stats.clone()})
	}
}

// fail counts t as given up on for reason. An article that failed for a
// reason a later crawl may not meet again keeps the entry points'
// validators from being saved, so that crawl sees its link again.
func (c *crawl) fail(t task, reason string, err error) {
	c.log.Warn("fetch failed", "source", c.src.Name, "url", t.url, "reason", reason, "err", err)
	transient := t.kind == kindArticle && !permanentReasons[reason] &&
		!(strings.HasPrefix(reason, "http_4") && reason != "http_429" && reason != "http_408")
	c.count("failed", t.url, func(s *Stats) {
		s.Failed++
		s.FailedBy[reason]++
		if transient {
			c.transient++
		}
	})
}

// permanentReasons are failures that another crawl would meet again.
var permanentReasons = map[string]bool{
	"too_large": true, "not_html": true, "redirects": true, "offsite_redirect": true, "url": true, "parse": true,
}

func (c *crawl) snapshot() Stats {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	return c.stats.clone()
}
