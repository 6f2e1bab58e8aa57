package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/trialwatch/trialwatch"
)

// process runs one task: robots.txt, the visited check, the fetch, retries,
// and what the response means for its kind.
func (c *crawl) process(ctx context.Context, t task) {
	requeued := false
	defer func() {
		if !requeued {
			c.front.done(t)
		}
	}()
	u, err := url.Parse(t.url)
	if err != nil {
		c.fail(t, "url", err)
		return
	}
	if !c.robotsAllow(ctx, t, u) {
		return
	}
	if t.kind == kindArticle {
		visited, err := c.opts.State.IsVisited(VisitID(t.url))
		if err != nil {
			c.fail(t, "state", err)
			return
		}
		if visited {
			c.count("known", t.url, func(s *Stats) { s.Known++ })
			return
		}
	}
	hdr := http.Header{}
	if t.kind != kindArticle {
		etag, lastMod, err := c.opts.State.FetchState(t.url)
		if err != nil {
			c.log.Warn("fetch state unreadable", "source", c.src.Name, "url", t.url, "err", err)
		}
		if etag != "" {
			hdr.Set("If-None-Match", etag)
		}
		if lastMod != "" {
			hdr.Set("If-Modified-Since", lastMod)
		}
	}

	j := c.fetch(ctx, t, hdr)
	if ctx.Err() != nil {
		return // the crawl is stopping; this URL is neither done nor failed
	}
	if j.status == http.StatusNotModified && t.kind != kindArticle {
		c.count("not_modified", t.url, func(s *Stats) { s.NotModified++ })
		return
	}
	if j.binary {
		c.fail(t, "not_html", fmt.Errorf("crawler: %s is %s, not a page", t.url, j.contentType))
		return
	}
	if j.err != nil || j.status >= 203 {
		requeued = c.failed(t, j)
		return
	}
	c.count("fetched", t.url, func(s *Stats) { s.Fetched++ })

	final, err := url.Parse(j.finalURL)
	if err != nil {
		final = u
	}
	body, _ := decodeUTF8(j.body, j.header.Get("Content-Type"))
	switch t.kind {
	case kindListing:
		c.listing(t, final, body, j.header)
	case kindFeed:
		c.feed(t, final, body, j.header)
	case kindSitemap:
		c.sitemap(t, final, body, j.header)
	case kindArticle:
		c.article(ctx, t, j, final, body)
	}
}

// robotsAllow consults robots.txt for t, queueing the file's sitemaps and
// applying its Crawl-delay the first time the crawl meets the host, and
// counts t when it may not be fetched.
func (c *crawl) robotsAllow(ctx context.Context, t task, u *url.URL) bool {
	rb := c.robotsFor(ctx, u)
	if ctx.Err() != nil {
		return false
	}
	switch {
	case rb.err != nil && errors.Is(rb.err, ErrRefused):
		c.refused(t.url, rb.err)
		return false
	case rb.err != nil:
		c.fail(t, "robots_unavailable", rb.err)
		return false
	case !rb.allowed(u):
		c.log.Debug("disallowed by robots.txt", "source", c.src.Name, "url", t.url)
		c.count("skipped_robots", t.url, func(s *Stats) { s.SkippedRobots++ })
		return false
	}
	return true
}

// robotsFor returns the robots.txt rules for u; the first time the crawl
// meets a host it queues the file's sitemaps and applies its Crawl-delay.
func (c *crawl) robotsFor(ctx context.Context, u *url.URL) *robotsResult {
	rb, first := c.robots.lookup(ctx, u)
	if first && rb.data != nil {
		if d := rb.crawlDelay(); d > 0 {
			c.front.setDelay(u.Host, d)
			c.log.Info("crawl-delay from robots.txt", "source", c.src.Name, "host", u.Host, "delay", d)
		}
		for _, sm := range rb.data.Sitemaps {
			c.enqueue(sm, kindSitemap, 0, "robots.txt")
		}
	}
	return rb
}

// robotsFetchKey marks the context of a robots.txt request, whose own
// redirects are not checked against robots.txt.
type robotsFetchKey struct{}

// redirectOK vets one redirect hop of a page: it must stay on the allowed
// hosts and be allowed by the target's robots.txt.
func (c *crawl) redirectOK(req *http.Request) error {
	if req.Context().Value(robotsFetchKey{}) != nil {
		// robots.txt may live elsewhere (http://a/ to https://www.a/);
		// the network guard still applies.
		return nil
	}
	if !c.allowedHost(req.URL.Hostname()) {
		return fmt.Errorf("%w: %s", ErrOffSite, req.URL)
	}
	rb := c.robotsFor(req.Context(), req.URL)
	if rb.err != nil {
		return rb.err
	}
	if !rb.allowed(req.URL) {
		return fmt.Errorf("%w: redirect to %s", ErrDisallowed, req.URL)
	}
	return nil
}

// failed handles an error or a non-2xx answer: another attempt later if it
// may help and attempts are left, else a counted failure. It reports
// whether t was queued again.
func (c *crawl) failed(t task, j *job) bool {
	reason, retryable := outcome(j.status, j.err)
	switch reason {
	case "refused":
		c.refused(t.url, j.err)
		return false
	case "skipped_robots":
		c.log.Debug("redirect disallowed by robots.txt", "source", c.src.Name, "url", t.url, "err", j.err)
		c.count("skipped_robots", t.url, func(s *Stats) { s.SkippedRobots++ })
		return false
	}
	if !retryable || t.attempt+1 >= c.attempts {
		c.fail(t, reason, j.err)
		return false
	}
	now := time.Now()
	wait := backoff(c.backoff, t.attempt+1)
	if ra := retryAfter(j.header, now); ra > 0 {
		// The server said when to come back: the whole host waits.
		c.front.pause(t.host, now.Add(ra))
		wait = max(wait, ra)
	}
	c.log.Info("fetch retried", "source", c.src.Name, "url", t.url, "reason", reason,
		"attempt", t.attempt+2, "wait", wait.Round(time.Millisecond), "err", j.err)
	c.front.retry(t, now.Add(wait))
	c.count("retry", t.url, func(s *Stats) { s.Retries++ })
	return true
}

func (c *crawl) refused(u string, err error) {
	c.log.Warn("request refused by network guard", "source", c.src.Name, "url", u, "err", err)
	c.count("refused", u, func(s *Stats) { s.Refused++ })
}

// article hands an article page to the sink unless the same article, by
// canonical URL, was taken before in this crawl or an earlier one.
func (c *crawl) article(ctx context.Context, t task, j *job, final *url.URL, body []byte) {
	finalCanon, err := CanonicalURL(final.String())
	if err != nil {
		finalCanon = t.url
	}
	canon := finalCanon
	if link, err := canonicalLink(body, final); err == nil && link != "" {
		if cu, err := CanonicalURL(link); err == nil {
			if pu, err := url.Parse(cu); err == nil && c.allowedHost(pu.Hostname()) {
				canon = cu // rel=canonical honoured on the same site only
			}
		}
	}
	ids := []uint64{VisitID(t.url)}
	for _, s := range []string{finalCanon, canon} {
		if id := VisitID(s); id != ids[0] && id != ids[len(ids)-1] {
			ids = append(ids, id)
		}
	}

	c.sinkMu.Lock()
	dup := c.claimed[canon]
	if !dup && canon != t.url {
		v, err := c.opts.State.IsVisited(VisitID(canon))
		if err != nil {
			c.sinkMu.Unlock()
			c.fail(t, "state", err)
			return
		}
		dup = v
	}
	if dup {
		c.sinkMu.Unlock()
		c.markVisited(t.url, ids)
		c.log.Debug("duplicate article", "source", c.src.Name, "url", t.url, "canonical", canon)
		c.count("duplicate", t.url, func(s *Stats) { s.Duplicates++ })
		return
	}
	c.claimed[canon] = true
	c.sinkMu.Unlock()
	page := &trialwatch.Page{
		URL:     final.String(),
		Source:  c.src.Name,
		Status:  j.status,
		Header:  j.header,
		Body:    body,
		Fetched: time.Now().UTC(),
	}
	vs, marks := c.sink.(VisitSink)
	if marks {
		err = vs.PageVisits(ctx, page, ids)
	} else {
		err = c.sink.Page(ctx, page)
	}
	if err != nil {
		c.sinkMu.Lock()
		delete(c.claimed, canon)
		c.sinkMu.Unlock()
		c.fail(t, "sink", err)
		return
	}
	if !marks {
		c.markVisited(t.url, ids)
	}
	c.count("article", t.url, func(s *Stats) { s.Articles++ })
}

// batchState is a State that records several visit ids in one write.
type batchState interface {
	VisitedAll(ids ...uint64) error
}

func (c *crawl) markVisited(u string, ids []uint64) {
	if b, ok := c.opts.State.(batchState); ok {
		if err := b.VisitedAll(ids...); err != nil {
			c.log.Warn("visited set not updated", "source", c.src.Name, "url", u, "err", err)
		}
		return
	}
	for _, id := range ids {
		if err := c.opts.State.Visited(id); err != nil {
			c.log.Warn("visited set not updated", "source", c.src.Name, "url", u, "err", err)
		}
	}
}
