package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		v    string
		want time.Duration
	}{
		{"", 0},
		{"3", 3 * time.Second},
		{"-5", 0},
		{"soon", 0},
		{"100000", maxRetryAfter},
		{now.Add(10 * time.Second).Format(http.TimeFormat), 10 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
	}
	for _, tc := range cases {
		t.Run(tc.v, func(t *testing.T) {
			h := http.Header{}
			if tc.v != "" {
				h.Set("Retry-After", tc.v)
			}
			if got := retryAfter(h, now); got != tc.want {
				t.Errorf("= %s, want %s", got, tc.want)
			}
		})
	}
}

func TestBackoffGrowsWithJitterAndCap(t *testing.T) {
	for attempt := 1; attempt <= 10; attempt++ {
		full := min(time.Second<<(attempt-1), maxBackoff)
		for range 50 {
			d := backoff(time.Second, attempt)
			if d < full/2 || d > full {
				t.Fatalf("attempt %d: %s outside [%s, %s]", attempt, d, full/2, full)
			}
		}
	}
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[backoff(time.Second, 3)] = true
	}
	if len(seen) < 2 {
		t.Error("no jitter")
	}
}

func TestOutcome(t *testing.T) {
	cases := []struct {
		status    int
		err       error
		reason    string
		retryable bool
	}{
		{429, errors.New("Too Many Requests"), "http_429", true},
		{503, nil, "http_503", true},
		{500, nil, "http_500", true},
		{404, nil, "http_404", false},
		{403, nil, "http_403", false},
		{204, errors.New("No Content"), "http_204", false},
		{0, fmt.Errorf("get: %w", context.DeadlineExceeded), "timeout", true},
		{0, fmt.Errorf("read: %w", syscall.ECONNRESET), "connection", true},
		{0, io.ErrUnexpectedEOF, "connection", true},
		{0, fmt.Errorf("dial: %w", ErrRefused), "refused", false},
		{0, fmt.Errorf("x: %w", ErrTooLarge), "too_large", false},
		{0, fmt.Errorf("x: %w", ErrTooManyRedirects), "redirects", false},
		{0, fmt.Errorf("x: %w", ErrOffSite), "offsite_redirect", false},
		{0, fmt.Errorf("x: %w", ErrDisallowed), "skipped_robots", false},
		{0, fmt.Errorf("x: %w", ErrRobotsUnavailable), "robots_unavailable", false},
		{0, errors.New("something else"), "fetch", false},
	}
	for _, tc := range cases {
		t.Run(tc.reason, func(t *testing.T) {
			r, ok := outcome(tc.status, tc.err)
			if r != tc.reason || ok != tc.retryable {
				t.Errorf("= %s, %v; want %s, %v", r, ok, tc.reason, tc.retryable)
			}
		})
	}
}

func TestCrawlRejectsBadInput(t *testing.T) {
	src := testSource("http://127.0.0.1:1")
	opts := testOptions(t)
	cases := []struct {
		name string
		src  *trialwatch.Source
		opts Options
		sink Sink
		want string
	}{
		{"nil source", nil, opts, &pageSink{}, "crawler: source is nil"},
		{"nil sink", src, opts, nil, "crawler: test: sink is nil"},
		{"nil state", src, Options{}, &pageSink{}, "crawler: test: Options.State is nil"},
		{"no entry points", &trialwatch.Source{Name: "empty"}, opts, &pageSink{}, "crawler: empty: no start page, feed or sitemap"},
		{"feed not http", &trialwatch.Source{Name: "s", Feeds: []string{"ftp://x/feed"}}, opts, &pageSink{},
			`crawler: s: feed "ftp://x/feed": scheme "ftp" is not http or https`},
		{"start page off the allowed domains", &trialwatch.Source{Name: "s", Start: []string{"https://b.example/"}, AllowedDomains: []string{"a.example"}},
			opts, &pageSink{}, `crawler: s: start page "https://b.example/" is not on the allowed domains [a.example]`},
		{"sitemap without host", &trialwatch.Source{Name: "s", Sitemaps: []string{"https:///sitemap.xml"}}, opts, &pageSink{},
			`crawler: s: sitemap "https:///sitemap.xml": no host`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Crawl(context.Background(), tc.src, tc.opts, tc.sink)
			if err == nil || err.Error() != tc.want {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestSinkErrorLeavesURLUnvisited: an article the sink refused is fetched
// again by the next crawl, and the entry point's validators are not saved
// (a 304 would hide the link).
func TestSinkErrorLeavesURLUnvisited(t *testing.T) {
	h := &hits{}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"home"`)
		if r.Header.Get("If-None-Match") == `"home"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, listHTML("/news/2024/a", "/news/2024/b"))
	})
	mux.HandleFunc("/news/2024/{slug}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML(r.PathValue("slug")))
	})
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	opts := testOptions(t)
	sink := &pageSink{fail: func(p *trialwatch.Page) error {
		if strings.HasSuffix(p.URL, "/a") {
			return errors.New("disk full")
		}
		return nil
	}}
	st, _, err := crawlOnce(t, src, opts, sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.FailedBy["sink"] != 1 {
		t.Fatalf("first crawl: %+v", st)
	}
	sink.fail = nil
	st, _, err = crawlOnce(t, src, opts, sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Known != 1 || st.NotModified != 0 {
		t.Errorf("second crawl: %+v, want a again (1 article, b known, home read in full)", st)
	}
	if n := h.count("/news/2024/a"); n != 2 {
		t.Errorf("a fetched %d times, want 2", n)
	}
	// Now everything succeeded: the third crawl gets a 304.
	st, _, err = crawlOnce(t, src, opts, sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.NotModified != 1 || st.Fetched != 0 {
		t.Errorf("third crawl: %+v, want the home page not modified", st)
	}
}
