package crawler

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"time"
)

// ErrTooLarge is returned (wrapped) when a response body, after
// decompression, is larger than the source's MaxBody.
var ErrTooLarge = errors.New("response body too large")

// ErrTooManyRedirects is returned (wrapped) when a page redirects more than
// 10 times.
var ErrTooManyRedirects = errors.New("too many redirects")

// ErrDisallowed is returned (wrapped) for a redirect to a URL that the
// target's robots.txt disallows.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// ErrOffSite is returned (wrapped) for a redirect to a host outside the
// source's allowed domains.
var ErrOffSite = errors.New("redirect leaves the allowed domains")

const (
	maxRedirects     = 10
	maxHeaderBytes   = 64 << 10
	dialTimeout      = 10 * time.Second
	tlsTimeout       = 10 * time.Second
	defaultTimeout   = 30 * time.Second
	defaultMaxBody   = 10 << 20
	defaultUserAgent = "trialwatch/1.0 (+https://github.com/trialwatch/trialwatch)"
)

// newClient builds the HTTP client every request of one crawl goes through:
// guarded dialer, no proxy from the environment, a total per-request
// timeout (a server dripping bytes cannot hold a worker past it), bounded
// headers, bounded redirects that stay on the allowed hosts, and a body limit
// that applies after decompression. perHost idle connections are kept to
// each host, one for each request the crawl runs at once there, so that
// keep-alive connections are reused rather than closed and dialled again.
func newClient(g guard, timeout time.Duration, maxBody int64, perHost int, redirectOK func(*http.Request) error) *http.Client {
	dialer := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second, Control: g.control}
	tr := &http.Transport{
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           max(32, perHost),
		MaxIdleConnsPerHost:    max(2, perHost),
		IdleConnTimeout:        30 * time.Second,
		TLSHandshakeTimeout:    tlsTimeout,
		ResponseHeaderTimeout:  timeout,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: maxHeaderBytes,
	}
	jar, _ := cookiejar.New(nil) // never fails with nil options
	return &http.Client{
		Transport: &limitTransport{next: tr, max: maxBody},
		Jar:       jar,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("%w: %d hops, last to %s", ErrTooManyRedirects, len(via), req.URL)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: scheme of %s", ErrOffSite, req.URL)
			}
			return redirectOK(req)
		},
	}
}

// closeIdle drops the client's idle connections so no transport goroutine
// outlives the crawl.
func closeIdle(c *http.Client) {
	if lt, ok := c.Transport.(*limitTransport); ok {
		if tr, ok := lt.next.(*http.Transport); ok {
			tr.CloseIdleConnections()
		}
	}
}

// limitTransport decompresses gzip bodies that the standard transport leaves
// alone (sitemap.xml.gz served as application/gzip) and bounds every body
// after decompression, so a gzip bomb fails after max bytes instead of
// filling memory. Colly's own MaxBodySize counts compressed bytes and
// truncates silently; the crawler sets it to 0 and relies on this.
type limitTransport struct {
	next http.RoundTripper
	max  int64
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if res.ContentLength > t.max && !res.Uncompressed && !gzipCandidate(req, res) {
		res.Body.Close()
		return nil, fmt.Errorf("%w: %s announces %d bytes, limit %d", ErrTooLarge, req.URL, res.ContentLength, t.max)
	}
	body := io.ReadCloser(res.Body)
	if gzipCandidate(req, res) {
		br := bufio.NewReader(res.Body)
		if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
			zr, err := gzip.NewReader(br)
			if err != nil {
				res.Body.Close()
				return nil, fmt.Errorf("crawler: gzip body of %s: %w", req.URL, err)
			}
			body = &gzipBody{zr: zr, raw: res.Body}
			res.Header.Del("Content-Encoding")
			res.Header.Del("Content-Length")
			res.ContentLength = -1
			res.Uncompressed = true
		} else {
			body = readCloser{Reader: br, Closer: res.Body}
		}
		// Tell Colly the body is plain: its own gunzip of .xml.gz paths
		// would fail on a plain or empty body (a 304) and is unbounded.
		res.Uncompressed = true
	}
	res.Body = &limitedBody{rc: body, left: t.max, max: t.max, url: req.URL.String()}
	return res, nil
}

// gzipCandidate reports whether a body may be a gzip file that the standard
// transport did not decompress: a .gz path, a gzip content type, or a gzip
// content encoding the transport did not ask for.
func gzipCandidate(req *http.Request, res *http.Response) bool {
	if res.Uncompressed {
		return false
	}
	ct := strings.ToLower(res.Header.Get("Content-Type"))
	ce := strings.ToLower(res.Header.Get("Content-Encoding"))
	return strings.HasSuffix(strings.ToLower(req.URL.Path), ".gz") ||
		strings.Contains(ct, "gzip") || strings.Contains(ce, "gzip")
}

type readCloser struct {
	io.Reader
	io.Closer
}

type gzipBody struct {
	zr  *gzip.Reader
	raw io.Closer
}

func (g *gzipBody) Read(p []byte) (int, error) { return g.zr.Read(p) }
func (g *gzipBody) Close() error {
	g.zr.Close()
	return g.raw.Close()
}

// limitedBody fails with ErrTooLarge once more than max bytes were read;
// a body of exactly max bytes passes.
type limitedBody struct {
	rc   io.ReadCloser
	left int64
	max  int64
	url  string
}

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, fmt.Errorf("%w: %s exceeds %d bytes", ErrTooLarge, l.url, l.max)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.rc.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n - 1, fmt.Errorf("%w: %s exceeds %d bytes", ErrTooLarge, l.url, l.max)
	}
	return n, err
}

func (l *limitedBody) Close() error { return l.rc.Close() }
