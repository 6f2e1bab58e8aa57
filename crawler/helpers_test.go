package crawler

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// memState is an in-memory State: a plain key-value map, the test double of
// the store's visited set and fetch state.
type memState struct {
	mu      sync.Mutex
	visited map[uint64]bool
	fetch   map[string][2]string
}

func newMemState() *memState {
	return &memState{visited: map[uint64]bool{}, fetch: map[string][2]string{}}
}

func (m *memState) IsVisited(id uint64) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.visited[id], nil
}

func (m *memState) Visited(id uint64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.visited[id] = true
	return nil
}

func (m *memState) Unvisit(id uint64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.visited, id)
	return nil
}

func (m *memState) FetchState(u string) (string, string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v := m.fetch[u]
	return v[0], v[1], nil
}

func (m *memState) SetFetchState(u, etag, lastModified string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fetch[u] = [2]string{etag, lastModified}
	return nil
}

// pageSink collects the pages a crawl hands on; fail, if set, decides which
// to refuse.
type pageSink struct {
	mu    sync.Mutex
	pages []*trialwatch.Page
	fail  func(*trialwatch.Page) error
}

func (s *pageSink) Page(_ context.Context, p *trialwatch.Page) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		if err := s.fail(p); err != nil {
			return err
		}
	}
	s.pages = append(s.pages, p)
	return nil
}

func (s *pageSink) paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, p := range s.pages {
		u, _ := url.Parse(p.URL)
		out = append(out, u.Path)
	}
	return out
}

func (s *pageSink) byPath(path string) *trialwatch.Page {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.pages {
		if u, _ := url.Parse(p.URL); u.Path == path {
			return p
		}
	}
	return nil
}

// hits records the requests a test server saw, by path.
type hits struct {
	mu    sync.Mutex
	paths []string
	times map[string][]time.Time
}

func (h *hits) add(r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.paths = append(h.paths, r.URL.Path)
	if h.times == nil {
		h.times = map[string][]time.Time{}
	}
	h.times[r.URL.Path] = append(h.times[r.URL.Path], time.Now())
}

func (h *hits) all() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.paths...)
}

func (h *hits) count(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.times[path])
}

func (h *hits) countPrefix(prefix string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, p := range h.paths {
		if strings.HasPrefix(p, prefix) {
			n++
		}
	}
	return n
}

func (h *hits) at(path string) []time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]time.Time(nil), h.times[path]...)
}

// serve starts a test server whose handler records every request first.
func serve(tb testing.TB, h *hits, handler http.Handler) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		handler.ServeHTTP(w, r)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// serveOn starts a test server on a given loopback address such as
// 127.0.0.2, so a test can have a second host that the guard tells apart.
func serveOn(tb testing.TB, addr string, h *hits, handler http.Handler) *httptest.Server {
	tb.Helper()
	ln, err := net.Listen("tcp", addr+":0")
	if err != nil {
		tb.Skipf("cannot listen on %s: %v", addr, err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		handler.ServeHTTP(w, r)
	}))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	tb.Cleanup(srv.Close)
	return srv
}

var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}

// testOptions are crawl options for a loopback test site: fast retries,
// a private robots.txt cache, a fresh visited set.
func testOptions(tb testing.TB) Options {
	tb.Helper()
	level := slog.LevelError
	if testing.Verbose() {
		level = slog.LevelDebug
	}
	return Options{
		UserAgent:     "trialwatch-test/1.0",
		AllowNetworks: loopback,
		State:         newMemState(),
		Logger:        slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})),
		Robots:        NewRobotsCache(),
		backoffBase:   20 * time.Millisecond,
	}
}

// testSource is a source for a site served at base, with article pages
// under /news/YYYY/slug and listing pages under /news/page/N.
func testSource(base string) *trialwatch.Source {
	u, _ := url.Parse(base)
	return &trialwatch.Source{
		Name:           "test",
		Start:          []string{base + "/"},
		AllowedDomains: []string{u.Hostname()},
		Follow:         []*regexp.Regexp{regexp.MustCompile(`^/news/page/\d+$`)},
		Articles:       []*regexp.Regexp{regexp.MustCompile(`^/news/\d{4}/[a-z0-9-]+$`)},
		Parallel:       2,
		MaxDepth:       2,
		Timeout:        2 * time.Second,
		MaxBody:        1 << 20,
	}
}

func articleHTML(title string) string {
	return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title +
		"</title></head><body><article><h1>" + title + "</h1><p>The court ruled.</p></article></body></html>"
}

func listHTML(links ...string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>News</title></head><body><ul>")
	for _, l := range links {
		b.WriteString(`<li><a href="` + l + `">` + l + `</a></li>`)
	}
	b.WriteString("</ul></body></html>")
	return b.String()
}

// crawlOnce runs Crawl with a deadline so a broken crawl fails the test
// instead of hanging it.
func crawlOnce(tb testing.TB, src *trialwatch.Source, opts Options, sink Sink) (Stats, time.Duration, error) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	start := time.Now()
	st, err := Crawl(ctx, src, opts, sink)
	if errors.Is(err, context.DeadlineExceeded) {
		tb.Fatalf("crawl did not finish within 45s: %+v", st)
	}
	return st, time.Since(start), err
}

// verifyNoLeaks fails tb if goroutines other than the test machinery's are
// still running.
func verifyNoLeaks(tb testing.TB) {
	tb.Helper()
	if err := goleak.Find(); err != nil {
		tb.Errorf("goroutines left behind: %v", err)
	}
}
