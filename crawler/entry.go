package crawler

import (
	"net/http"
	"net/url"
)

// listing queues the links of an HTML listing page: article pages and, while
// hops are left, further listing pages; feeds announced on a start page.
func (c *crawl) listing(t task, final *url.URL, body []byte, h http.Header) {
	links, err := parseHTML(body, final)
	if err != nil {
		c.fail(t, "parse", err)
		return
	}
	from := "page " + t.url
	if next := t.hops + 1; next <= c.maxDepth {
		for _, l := range links.links {
			lu, err := url.Parse(l)
			if err != nil {
				continue
			}
			switch {
			case c.src.IsArticle(lu.Path):
				c.enqueue(l, kindArticle, next, from)
			case c.src.IsListing(lu.Path):
				c.enqueue(l, kindListing, next, from)
			}
		}
	}
	if t.hops == 0 && len(links.feeds) > 0 {
		for _, f := range links.feeds {
			c.enqueue(f, kindFeed, 0, from)
		}
		// A 304 would hide the feeds this page announces, whose items
		// change without the page changing: always read it in full.
		return
	}
	c.keepValidators(t.url, h)
}

// feed queues the article links of a feed.
func (c *crawl) feed(t task, final *url.URL, body []byte, h http.Header) {
	items, err := parseFeed(body, final)
	if err != nil {
		c.fail(t, "parse", err)
		return
	}
	c.articleLinks(items, "feed "+t.url)
	c.keepValidators(t.url, h)
}

// sitemap queues the sitemaps of an index or the article links of a urlset.
func (c *crawl) sitemap(t task, final *url.URL, body []byte, h http.Header) {
	sm, err := parseSitemap(body, final)
	if err != nil {
		c.fail(t, "parse", err)
		return
	}
	if sm.index {
		// Child sitemaps change in place while their index stays the
		// same, so an index is read in full every time (no validators).
		for _, l := range sm.locs {
			c.enqueue(l, kindSitemap, 0, "sitemap "+t.url)
		}
		return
	}
	c.articleLinks(sm.locs, "sitemap "+t.url)
	c.keepValidators(t.url, h)
}

// articleLinks queues the links of a feed or sitemap that are article
// pages: those matching the source's article patterns, or all of them when
// it has none.
func (c *crawl) articleLinks(links []string, from string) {
	for _, l := range links {
		lu, err := url.Parse(l)
		if err != nil {
			continue
		}
		if len(c.src.Articles) == 0 || c.src.IsArticle(lu.Path) {
			c.enqueue(l, kindArticle, 1, from)
		}
	}
}

// keepValidators remembers an entry point's ETag and Last-Modified. They
// are written to State when the crawl ends, and only if it ended normally
// with no article left to retry: otherwise the next crawl would get a 304
// and never see the links it still has to fetch.
func (c *crawl) keepValidators(u string, h http.Header) {
	etag, lastMod := h.Get("ETag"), h.Get("Last-Modified")
	if etag == "" && lastMod == "" {
		return
	}
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	c.validators = append(c.validators, validator{url: u, etag: etag, lastModified: lastMod})
}

type validator struct{ url, etag, lastModified string }

// saveValidators writes the validators kept during a finished crawl.
func (c *crawl) saveValidators() {
	c.statsMu.Lock()
	vs, transient := c.validators, c.transient
	c.statsMu.Unlock()
	if transient > 0 {
		c.log.Info("entry point validators not saved: articles left to retry", "source", c.src.Name, "count", transient)
		return
	}
	for _, v := range vs {
		if err := c.opts.State.SetFetchState(v.url, v.etag, v.lastModified); err != nil {
			c.log.Warn("fetch state not saved", "source", c.src.Name, "url", v.url, "err", err)
		}
	}
}
