package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

const (
	robotsMaxBytes   = 500 << 10 // RFC 9309 §2.5: parse at least 500 KiB
	robotsTTL        = 24 * time.Hour
	maxCrawlDelay    = time.Minute
	robotsTimeoutCap = 30 * time.Second
)

// ErrRobotsUnavailable is returned (wrapped) for every URL of a host whose
// robots.txt answered 5xx or could not be fetched: RFC 9309 says to assume
// complete disallow, so nothing is fetched from that host in this crawl.
var ErrRobotsUnavailable = errors.New("robots.txt unavailable")

// RobotsCache keeps parsed robots.txt files for up to 24 hours across
// crawls, as RFC 9309 allows. Only usable answers (2xx, 4xx) are kept; an
// unreachable robots.txt is asked again on the next crawl. The zero value is
// not usable; a nil *RobotsCache in Options means a cache shared by the
// whole process.
type RobotsCache struct {
	mu      sync.Mutex
	entries map[string]robotsEntry
	now     func() time.Time
}

type robotsEntry struct {
	data    *robotstxt.RobotsData
	fetched time.Time
}

// NewRobotsCache returns an empty cache.
func NewRobotsCache() *RobotsCache {
	return &RobotsCache{entries: map[string]robotsEntry{}, now: time.Now}
}

var processRobots = NewRobotsCache()

func (c *RobotsCache) get(origin string) *robotstxt.RobotsData {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[origin]
	if !ok || c.now().Sub(e.fetched) > robotsTTL {
		delete(c.entries, origin)
		return nil
	}
	return e.data
}

func (c *RobotsCache) put(origin string, d *robotstxt.RobotsData) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[origin] = robotsEntry{data: d, fetched: c.now()}
}

// robotsRun is one crawl's view of robots.txt: one fetch per origin, shared
// by the workers, failures remembered for the rest of the crawl.
type robotsRun struct {
	cache   *RobotsCache
	client  *http.Client
	ua      string
	timeout time.Duration

	mu      sync.Mutex
	origins map[string]*robotsResult
}

type robotsResult struct {
	ready chan struct{}
	group *robotstxt.Group
	data  *robotstxt.RobotsData
	err   error
	fresh bool // fetched in this crawl (its Sitemap lines are new to it)
}

// lookup returns the rules for the origin of u, fetching robots.txt the
// first time the crawl meets that origin. first is true for exactly one
// caller per origin and crawl, which then queues the file's sitemaps.
func (r *robotsRun) lookup(ctx context.Context, u *url.URL) (res *robotsResult, first bool) {
	origin := u.Scheme + "://" + u.Host
	r.mu.Lock()
	res, ok := r.origins[origin]
	if !ok {
		res = &robotsResult{ready: make(chan struct{})}
		r.origins[origin] = res
	}
	r.mu.Unlock()
	if ok {
		select {
		case <-res.ready:
		case <-ctx.Done():
			return &robotsResult{err: ctx.Err()}, false
		}
		return res, false
	}
	defer close(res.ready)
	if d := r.cache.get(origin); d != nil {
		res.data = d
	} else {
		res.data, res.err = r.fetch(ctx, origin)
		if res.err == nil {
			r.cache.put(origin, res.data)
		}
	}
	if res.data != nil {
		res.group = res.data.FindGroup(r.ua)
	}
	return res, true
}

// peek returns the rules for the origin of u if they are already known in
// this crawl, without waiting or fetching.
func (r *robotsRun) peek(u *url.URL) *robotsResult {
	r.mu.Lock()
	res := r.origins[u.Scheme+"://"+u.Host]
	r.mu.Unlock()
	if res == nil {
		return nil
	}
	select {
	case <-res.ready:
		return res
	default:
		return nil
	}
}

func (r *robotsRun) fetch(ctx context.Context, origin string) (*robotstxt.RobotsData, error) {
	ctx, cancel := context.WithTimeout(context.WithValue(ctx, robotsFetchKey{}, true), r.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err != nil {
		return nil, fmt.Errorf("crawler: robots.txt of %s: %w", origin, err)
	}
	req.Header.Set("User-Agent", r.ua)
	resp, err := r.client.Do(req)
	if errors.Is(err, ErrTooManyRedirects) {
		// RFC 9309 §2.3.1.2: too many redirects means unavailable (4xx).
		return robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("crawler: robots.txt of %s: %w: %w", origin, ErrRobotsUnavailable, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		body, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
		if err != nil && !errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("crawler: robots.txt of %s: %w: %w", origin, ErrRobotsUnavailable, err)
		}
		return parseRobots(body), nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, fmt.Errorf("crawler: robots.txt of %s: %w: status %d", origin, ErrRobotsUnavailable, resp.StatusCode)
	case resp.StatusCode >= 400:
		return robotstxt.FromStatusAndBytes(resp.StatusCode, nil)
	default:
		return nil, fmt.Errorf("crawler: robots.txt of %s: %w: status %d", origin, ErrRobotsUnavailable, resp.StatusCode)
	}
}

// allowed reports whether the rules let the crawler fetch u.
func (res *robotsResult) allowed(u *url.URL) bool {
	if res.group == nil {
		return true
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return res.group.Test(p)
}

// crawlDelay is the Crawl-delay of the matching group, capped.
func (res *robotsResult) crawlDelay() time.Duration {
	if res.group == nil {
		return 0
	}
	return min(res.group.CrawlDelay, maxCrawlDelay)
}

// parseRobots parses a robots.txt leniently, as RFC 9309 asks: the parser
// used rejects a whole file for one bad line (a Disallow before any
// User-agent, an unreadable Crawl-delay), so such lines are dropped and the
// rest parsed again. A file that still cannot be read allows everything.
func parseRobots(body []byte) *robotstxt.RobotsData {
	if d, err := robotstxt.FromBytes(body); err == nil {
		return d
	}
	var kept []string
	agent := false
	for _, line := range strings.Split(string(body), "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val, _, _ = strings.Cut(val, "#")
		val = strings.TrimSpace(val)
		switch k := strings.ToLower(strings.TrimSpace(key)); k {
		case "user-agent":
			agent = true
		case "allow", "disallow":
			if !agent {
				continue
			}
		case "crawl-delay", "crawldelay":
			f, err := strconv.ParseFloat(val, 64)
			if !agent || err != nil || f < 0 || f > 1e6 {
				continue
			}
		case "sitemap", "host":
		default:
			continue
		}
		kept = append(kept, strings.TrimSpace(key)+": "+val)
	}
	if d, err := robotstxt.FromBytes([]byte(strings.Join(kept, "\n"))); err == nil {
		return d
	}
	d, _ := robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	return d
}
