package crawler

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func sortTimes(ts []time.Time) { slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) }) }

// concurrency tracks how many requests a server handles at once.
type concurrency struct {
	now, peak atomic.Int32
}

func (c *concurrency) enter() {
	n := c.now.Add(1)
	for {
		p := c.peak.Load()
		if n <= p || c.peak.CompareAndSwap(p, n) {
			return
		}
	}
}

func (c *concurrency) leave() { c.now.Add(-1) }

// TestLimitsArePerHost: with Parallel 1 each host sees one request at a
// time while two hosts are crawled at once, and with Parallel 3 a host sees
// up to three.
func TestLimitsArePerHost(t *testing.T) {
	for _, parallel := range []int{1, 3} {
		t.Run(fmt.Sprintf("parallel %d", parallel), func(t *testing.T) {
			var all concurrency
			per := map[string]*concurrency{}
			var mu sync.Mutex
			site := func(name string) http.Handler {
				mu.Lock()
				per[name] = &concurrency{}
				c := per[name]
				mu.Unlock()
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Path == "/" {
						fmt.Fprint(w, listHTML("/news/2024/a", "/news/2024/b", "/news/2024/c", "/news/2024/d", "/news/2024/e", "/news/2024/f"))
						return
					}
					if r.URL.Path == "/robots.txt" {
						http.NotFound(w, r)
						return
					}
					all.enter()
					c.enter()
					time.Sleep(100 * time.Millisecond)
					c.leave()
					all.leave()
					fmt.Fprint(w, articleHTML(r.URL.Path))
				})
			}
			one := serve(t, &hits{}, site("one"))
			two := serveOn(t, "127.0.0.2", &hits{}, site("two"))
			src := testSource(one.URL)
			src.Start = append(src.Start, two.URL+"/")
			src.AllowedDomains = []string{"127.0.0.1", "127.0.0.2"}
			src.Parallel = parallel
			st, took, err := crawlOnce(t, src, testOptions(t), &pageSink{})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("took %s, peak %d/%d, overall %d", took, per["one"].peak.Load(), per["two"].peak.Load(), all.peak.Load())
			if st.Articles != 12 {
				t.Fatalf("stats = %+v", st)
			}
			for name, c := range per {
				if p := c.peak.Load(); p != int32(parallel) {
					t.Errorf("host %s saw %d requests at once, want %d", name, p, parallel)
				}
			}
			if p := all.peak.Load(); p != int32(2*parallel) {
				t.Errorf("both hosts together saw %d at once, want %d: limits are not per host", p, 2*parallel)
			}
		})
	}
}

func TestDelayBetweenRequestsToOneHost(t *testing.T) {
	h := &hits{}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/a", "/news/2024/b", "/news/2024/c"))
	})
	mux.HandleFunc("/news/2024/{slug}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML(r.PathValue("slug")))
	})
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	src.Delay = 150 * time.Millisecond
	src.Parallel = 3
	if _, _, err := crawlOnce(t, src, testOptions(t), &pageSink{}); err != nil {
		t.Fatal(err)
	}
	var starts []time.Time
	for _, p := range []string{"/", "/news/2024/a", "/news/2024/b", "/news/2024/c"} {
		starts = append(starts, h.at(p)...)
	}
	sortTimes(starts)
	if len(starts) != 4 {
		t.Fatalf("%d requests", len(starts))
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 120*time.Millisecond {
			t.Errorf("requests %d and %d %s apart, want >= 150ms", i-1, i, gap)
		}
	}
}

// TestKnownArticlesCostNoDelay: a sitemap of thousands of articles taken
// in earlier crawls must not make the next crawl wait out the host's delay
// once per known URL.
func TestKnownArticlesCostNoDelay(t *testing.T) {
	var links []string
	for i := range 2000 {
		links = append(links, fmt.Sprintf("/news/2024/old-%d", i))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, listHTML(links...)) })
	mux.HandleFunc("/news/2024/{slug}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML(r.PathValue("slug")))
	})
	srv := serve(t, &hits{}, mux)
	src := testSource(srv.URL)
	src.Delay = time.Second
	opts := testOptions(t)
	state := opts.State.(*memState)
	for _, l := range links {
		state.Visited(VisitID(srv.URL + l))
	}
	st, took, err := crawlOnce(t, src, opts, &pageSink{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Known != len(links) || st.Fetched != 1 {
		t.Errorf("stats = %+v", st)
	}
	if took > 2*time.Second {
		t.Errorf("took %s for one fetch and %d known links", took, len(links))
	}
}

// TestConnectionsAreReused: a crawl with Parallel 6 opens about one
// connection per request in flight, not one per page, so a site is not
// hammered with new connections (and the crawl pays no dial per page).
func TestConnectionsAreReused(t *testing.T) {
	const parallel, pages = 6, 120
	var links []string
	for i := range pages {
		links = append(links, fmt.Sprintf("/news/2024/a%d", i))
	}
	var conns atomic.Int32
	h := &hits{}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, listHTML(links...))
		case "/robots.txt":
			http.NotFound(w, r)
		default:
			time.Sleep(2 * time.Millisecond)
			fmt.Fprint(w, articleHTML(r.URL.Path))
		}
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	src := testSource(srv.URL)
	src.Parallel = parallel
	st, _, err := crawlOnce(t, src, testOptions(t), &pageSink{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != pages {
		t.Fatalf("stats = %+v", st)
	}
	// One per worker, plus robots.txt and the start page on their own,
	// and a few more: net/http dials for a request that waits, and keeps
	// the connection if another one came free first, which a busy machine
	// makes more likely. Without reuse it is one new connection for most
	// pages.
	if n := conns.Load(); n > 2*parallel {
		t.Errorf("%d connections for %d pages with Parallel %d: keep-alive connections are not reused", n, pages+2, parallel)
	}
}
