package crawler

import (
	"context"
	"mime"
	"net/http"
	"strings"

	"github.com/gocolly/colly/v2"
)

const jobKey = "trialwatch.job"

// job carries one request through Colly's callbacks: they only record what
// came back, and the worker that made the request decides what it means.
type job struct {
	status      int
	header      http.Header
	body        []byte
	finalURL    string
	contentType string // as sent, before the charset parameter is hidden from Colly
	wantHTML    bool   // a listing or article page: binary bodies are not read
	binary      bool   // the body was not read: its type is not a page
	err         error
}

// newCollector sets Colly up as a synchronous request engine over client:
// no revisit check (the crawler keeps its own visited set, marked only once
// an article is taken, where Colly marks a URL before fetching it), no
// robots.txt (the crawler's own follows RFC 9309), no body limit (the
// transport's counts decompressed bytes), no charset conversion (the
// crawler decodes), no domain filter (the crawler's runs on redirects too).
func newCollector(client *http.Client, ua string) *colly.Collector {
	c := colly.NewCollector()
	c.UserAgent = ua
	c.Headers = nil
	c.MaxDepth = 0
	c.MaxRequests = 0
	c.MaxBodySize = 0
	c.AllowURLRevisit = true
	c.IgnoreRobotsTxt = true
	c.DetectCharset = false
	c.ParseHTTPErrorResponse = false
	c.Async = false
	c.CacheDir = ""
	c.AllowedDomains = nil
	c.DisallowedDomains = nil
	c.URLFilters = nil
	c.DisallowedURLFilters = nil
	c.CheckHead = false
	c.TraceHTTP = false
	c.SetClient(client)

	c.OnResponseHeaders(func(r *colly.Response) {
		j := jobOf(r.Ctx)
		if j == nil || r.Headers == nil {
			return
		}
		// Colly converts a body whose Content-Type names a charset even with
		// DetectCharset off, and replaces what it cannot read; the crawler
		// wants the raw bytes, so the parameter is hidden until OnResponse.
		j.contentType = r.Headers.Get("Content-Type")
		mt, _, err := mime.ParseMediaType(j.contentType)
		if err == nil {
			r.Headers.Set("Content-Type", mt)
		} else if j.contentType != "" {
			r.Headers.Set("Content-Type", "application/octet-stream")
		}
		if j.wantHTML && r.StatusCode < 300 && isBinary(mt) {
			// A PDF or video behind an article URL: stop before the body.
			j.binary = true
			r.Request.Abort()
		}
	})
	c.OnResponse(func(r *colly.Response) {
		j := jobOf(r.Ctx)
		if j == nil {
			return
		}
		j.record(r)
	})
	c.OnError(func(r *colly.Response, err error) {
		j := jobOf(r.Ctx)
		if j == nil {
			return
		}
		j.record(r)
		j.err = err
	})
	return c
}

func jobOf(ctx *colly.Context) *job {
	if ctx == nil {
		return nil
	}
	j, _ := ctx.GetAny(jobKey).(*job)
	return j
}

func (j *job) record(r *colly.Response) {
	j.status = r.StatusCode
	j.body = r.Body
	if r.Headers != nil {
		j.header = *r.Headers
		if j.contentType != "" {
			j.header.Set("Content-Type", j.contentType)
		}
	}
	if r.Request != nil && r.Request.URL != nil {
		j.finalURL = r.Request.URL.String()
	}
}

// fetch makes one GET through Colly and returns what came back.
func (c *crawl) fetch(ctx context.Context, t task, hdr http.Header) *job {
	j := &job{wantHTML: t.kind == kindListing || t.kind == kindArticle}
	cctx := colly.NewContext()
	cctx.Put(jobKey, j)
	if hdr == nil {
		hdr = http.Header{}
	}
	hdr.Set("User-Agent", c.opts.UserAgent)
	hdr.Set("Accept", acceptFor(t.kind))
	err := c.coll.Request(http.MethodGet, t.url, nil, cctx, hdr)
	if err != nil && j.err == nil {
		j.err = err // refused before any callback ran
	}
	if j.finalURL == "" {
		j.finalURL = t.url
	}
	if ctx.Err() != nil && j.err == nil && j.status == 0 {
		j.err = ctx.Err()
	}
	return j
}

// binaryTypes are media type prefixes that are never a news page.
var binaryTypes = []string{"image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
	"application/gzip", "application/x-gzip", "application/msword", "application/vnd.", "application/octet-stream"}

// isBinary reports whether a media type (lower case, no parameters) names
// something other than a page.
func isBinary(mt string) bool {
	for _, p := range binaryTypes {
		if strings.HasPrefix(mt, p) {
			return true
		}
	}
	return false
}

func acceptFor(k kind) string {
	switch k {
	case kindFeed:
		return "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"
	case kindSitemap:
		return "application/xml, text/xml;q=0.9, */*;q=0.5"
	}
	return "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
}
