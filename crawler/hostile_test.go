package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// drip answers 200 and then one small chunk every 50ms, for ever.
func drip(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	for {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(50 * time.Millisecond):
		}
		if _, err := w.Write([]byte("<p>.")); err != nil {
			return
		}
		if fl != nil {
			fl.Flush()
		}
	}
}

// huge streams n bytes of HTML without allocating them, counting what it
// managed to write.
func huge(n int64, written *atomic.Int64, announce bool) http.HandlerFunc {
	chunk := bytes.Repeat([]byte("a"), 32<<10)
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if announce {
			w.Header().Set("Content-Length", fmt.Sprint(n))
		}
		for sent := int64(0); sent < n; sent += int64(len(chunk)) {
			k, err := w.Write(chunk)
			written.Add(int64(k))
			if err != nil {
				return
			}
		}
	}
}

var (
	bombOnce sync.Once
	bomb     []byte
)

// gzipBomb is 32 MiB of zeros, gzipped to about 32 KiB.
func gzipBomb() []byte {
	bombOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
		zero := make([]byte, 1<<20)
		for range 32 {
			zw.Write(zero)
		}
		zw.Close()
		bomb = buf.Bytes()
	})
	return bomb
}

// hostileHandlers are the endpoints of a site that fights back; every one
// is an article URL of testSource.
func hostileHandlers(mux *http.ServeMux, written *atomic.Int64) {
	mux.HandleFunc("/news/2024/drip", drip)
	mux.HandleFunc("/news/2024/huge", huge(200<<20, written, false))
	mux.HandleFunc("/news/2024/huge-announced", huge(200<<20, written, true))
	mux.HandleFunc("/news/2024/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBomb())
	})
	mux.HandleFunc("/sitemap-bomb.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(gzipBomb())
	})
	mux.HandleFunc("/news/2024/loop-a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/2024/loop-b", http.StatusFound)
	})
	mux.HandleFunc("/news/2024/loop-b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/2024/loop-a", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/news/2024/metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/iam/security-credentials/", http.StatusFound)
	})
	mux.HandleFunc("/news/2024/missing", http.NotFound)
}

func TestSlowDripTimesOut(t *testing.T) {
	h := &hits{}
	mux := http.NewServeMux()
	hostileHandlers(mux, &atomic.Int64{})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/drip"))
	})
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	src.Timeout = 400 * time.Millisecond
	st, took, err := crawlOnce(t, src, testOptions(t), &pageSink{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("took %s: %+v", took, st)
	if st.FailedBy["timeout"] != 1 || st.Retries != defaultAttempts-1 {
		t.Errorf("stats = %+v, want 1 timeout after %d attempts", st, defaultAttempts)
	}
	if n := h.count("/news/2024/drip"); n != defaultAttempts {
		t.Errorf("drip requested %d times, want %d", n, defaultAttempts)
	}
	// Three attempts of 400ms each plus short backoffs: the timeout bounds
	// the whole response, not just the gaps between bytes.
	if took > 2500*time.Millisecond {
		t.Errorf("crawl took %s, want under 2.5s", took)
	}
}

func TestHugeBodyStreamedNotAllocated(t *testing.T) {
	for _, path := range []string{"/news/2024/huge", "/news/2024/huge-announced"} {
		t.Run(path, func(t *testing.T) {
			h := &hits{}
			var written atomic.Int64
			mux := http.NewServeMux()
			hostileHandlers(mux, &written)
			mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, listHTML(path))
			})
			srv := serve(t, h, mux)
			src := testSource(srv.URL)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			st, took, err := crawlOnce(t, src, testOptions(t), &pageSink{})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("took %s, allocated %.1f MiB, server wrote %.1f MiB: %+v", took,
				float64(alloc)/(1<<20), float64(written.Load())/(1<<20), st)
			if st.FailedBy["too_large"] != 1 || st.Articles != 0 {
				t.Errorf("stats = %+v, want 1 too_large", st)
			}
			if alloc > 40<<20 {
				t.Errorf("crawl allocated %d MiB for a 200 MiB body with a 1 MiB limit", alloc>>20)
			}
			if written.Load() >= 200<<20 {
				t.Errorf("server wrote the whole 200 MiB: the crawler kept reading")
			}
		})
	}
}

func TestGzipBombs(t *testing.T) {
	start := time.Now()
	t.Logf("bomb of %d bytes built in %s", len(gzipBomb()), time.Since(start))
	h := &hits{}
	mux := http.NewServeMux()
	hostileHandlers(mux, &atomic.Int64{})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/bomb"))
	})
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	src.Sitemaps = []string{srv.URL + "/sitemap-bomb.xml.gz"}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	st, took, err := crawlOnce(t, src, testOptions(t), &pageSink{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("took %s, allocated %.1f MiB: %+v", took, float64(alloc)/(1<<20), st)
	if st.FailedBy["too_large"] != 2 {
		t.Errorf("stats = %+v, want the gzipped page and the .xml.gz sitemap too_large", st)
	}
	if alloc > 24<<20 {
		t.Errorf("crawl allocated %d MiB for 32 MiB bombs with a 1 MiB limit", alloc>>20)
	}
}

func TestRedirects(t *testing.T) {
	h := &hits{}
	mux := http.NewServeMux()
	hostileHandlers(mux, &atomic.Int64{})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/loop-a", "/news/2024/metadata", "/news/2024/moved"))
	})
	mux.HandleFunc("/news/2024/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/2024/target", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/news/2024/target", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML("Target"))
	})
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	// The metadata address is even an allowed domain: the guard, not the
	// domain list, must stop it (as it must for a DNS name resolving there).
	src.AllowedDomains = append(src.AllowedDomains, "169.254.169.254")
	sink := &pageSink{}
	st, _, err := crawlOnce(t, src, testOptions(t), sink)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", st)
	if st.FailedBy["redirects"] != 1 {
		t.Errorf("redirect loop: stats = %+v, want 1 failed by redirects", st)
	}
	if n := h.countPrefix("/news/2024/loop-"); n > maxRedirects+1 {
		t.Errorf("redirect loop followed %d times, want at most %d", n, maxRedirects+1)
	}
	if st.Refused != 1 {
		t.Errorf("redirect to 169.254.169.254: refused = %d, want 1", st.Refused)
	}
	if st.Articles != 1 || sink.byPath("/news/2024/target") == nil {
		t.Errorf("a plain redirect should deliver the target page with its final URL; got %v", sink.paths())
	}
}

func TestGuardRefusesLoopback(t *testing.T) {
	// The target is on 127.0.0.1; the site is on 127.0.0.2, the only
	// range allowed.
	targetHits := &hits{}
	target := serve(t, targetHits, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML("internal admin page"))
	}))
	h := &hits{}
	site := serveOn(t, "127.0.0.2", h, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, listHTML("/news/2024/admin", "/news/2024/plain"))
		case "/news/2024/admin":
			http.Redirect(w, r, target.URL+"/news/2024/admin", http.StatusFound)
		case "/news/2024/plain":
			fmt.Fprint(w, articleHTML("Plain"))
		default:
			http.NotFound(w, r)
		}
	}))
	src := testSource(site.URL)
	src.AllowedDomains = []string{"127.0.0.2", "127.0.0.1"}
	opts := testOptions(t)
	opts.AllowNetworks = nil
	t.Run("nothing allowed", func(t *testing.T) {
		st, _, err := crawlOnce(t, src, opts, &pageSink{})
		if err != nil {
			t.Fatal(err)
		}
		if st.Refused != 1 || st.Fetched != 0 || len(h.all()) != 0 {
			t.Errorf("stats = %+v, site saw %v; want everything refused before connecting", st, h.all())
		}
	})
	t.Run("site allowed, redirect to 127.0.0.1 refused", func(t *testing.T) {
		opts.AllowNetworks = mustPrefixes("127.0.0.2/32")
		opts.State = newMemState()
		sink := &pageSink{}
		st, _, err := crawlOnce(t, src, opts, sink)
		if err != nil {
			t.Fatal(err)
		}
		if st.Refused != 1 || st.Articles != 1 {
			t.Errorf("stats = %+v, want 1 refused and the plain article", st)
		}
		if n := len(targetHits.all()); n != 0 {
			t.Errorf("the loopback target got %d requests", n)
		}
	})
}

func TestRetries(t *testing.T) {
	h := &hits{}
	var busy, flaky atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/busy", "/news/2024/flaky", "/news/2024/down"))
	})
	mux.HandleFunc("/news/2024/busy", func(w http.ResponseWriter, r *http.Request) {
		if busy.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, articleHTML("Busy"))
	})
	mux.HandleFunc("/news/2024/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) <= 2 {
			http.Error(w, "try later", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, articleHTML("Flaky"))
	})
	mux.HandleFunc("/news/2024/down", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusBadGateway)
	})
	srv := serve(t, h, mux)
	st, took, err := crawlOnce(t, testSource(srv.URL), testOptions(t), &pageSink{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("took %s: %+v", took, st)
	if st.Articles != 2 {
		t.Errorf("articles = %d, want busy and flaky after retries", st.Articles)
	}
	if st.FailedBy["http_502"] != 1 || h.count("/news/2024/down") != defaultAttempts {
		t.Errorf("down: stats %+v, %d requests; want failed after %d attempts", st, h.count("/news/2024/down"), defaultAttempts)
	}
	if got := h.at("/news/2024/busy"); len(got) != 2 || got[1].Sub(got[0]) < 990*time.Millisecond {
		t.Errorf("429 with Retry-After: 1 retried at %v, want one retry at least 1s later", got)
	}
	if n := h.count("/news/2024/flaky"); n != 3 {
		t.Errorf("flaky requested %d times, want 3", n)
	}
	if st.Retries != 1+2+2 {
		t.Errorf("retries = %d, want 5", st.Retries)
	}
}

func TestHostileSiteFinishesInTime(t *testing.T) {
	gzipBomb()
	h := &hits{}
	var written atomic.Int64
	var busy atomic.Int32
	mux := http.NewServeMux()
	hostileHandlers(mux, &written)
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/drip", "/news/2024/huge", "/news/2024/huge-announced", "/news/2024/bomb",
			"/news/2024/loop-a", "/news/2024/metadata", "/news/2024/missing", "/news/2024/busy",
			"/news/2024/good-1", "/news/2024/good-2", "/news/2024/good-3"))
	})
	mux.HandleFunc("/news/2024/busy", func(w http.ResponseWriter, r *http.Request) {
		if busy.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, articleHTML("Busy"))
	})
	mux.HandleFunc("/news/2024/{good}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML(r.PathValue("good")))
	})
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	src.Timeout = 500 * time.Millisecond
	src.AllowedDomains = append(src.AllowedDomains, "169.254.169.254")
	src.Sitemaps = []string{srv.URL + "/sitemap-bomb.xml.gz"}
	opts := testOptions(t)
	opts.MaxRunTime = 20 * time.Second
	st, took, err := crawlOnce(t, src, opts, &pageSink{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("took %s: %+v", took, st)
	if took > 5*time.Second {
		t.Errorf("hostile site took %s, want under 5s", took)
	}
	if st.Articles != 4 {
		t.Errorf("articles = %d, want the 3 good ones and busy", st.Articles)
	}
	want := map[string]int{"timeout": 1, "too_large": 4, "redirects": 1, "http_404": 1}
	for k, v := range want {
		if st.FailedBy[k] != v {
			t.Errorf("failed by %s = %d, want %d (%v)", k, st.FailedBy[k], v, st.FailedBy)
		}
	}
	if st.Refused != 1 {
		t.Errorf("refused = %d, want 1", st.Refused)
	}
}

func TestCancelReturnsPromptly(t *testing.T) {
	h := &hits{}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		var links []string
		for i := range 20 {
			links = append(links, fmt.Sprintf("/news/2024/drip-%d", i))
		}
		fmt.Fprint(w, listHTML(links...))
	})
	mux.HandleFunc("/news/2024/{slug}", drip)
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	src.Timeout = 30 * time.Second
	src.Delay = 2 * time.Second

	t.Run("context cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		start := time.Now()
		st, err := Crawl(ctx, src, testOptions(t), &pageSink{})
		took := time.Since(start)
		t.Logf("returned after %s: %v %+v", took, err, st)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		if took > 2*time.Second {
			t.Errorf("returned after %s, want within 2s of cancel", took)
		}
	})
	t.Run("max run time", func(t *testing.T) {
		opts := testOptions(t)
		opts.MaxRunTime = 400 * time.Millisecond
		start := time.Now()
		st, err := Crawl(context.Background(), src, opts, &pageSink{})
		took := time.Since(start)
		t.Logf("returned after %s: %v %+v", took, err, st)
		if !errors.Is(err, ErrMaxRunTime) {
			t.Errorf("err = %v, want ErrMaxRunTime", err)
		}
		if took > 2*time.Second {
			t.Errorf("returned after %s, want within 2s of MaxRunTime", took)
		}
	})
	srv.Close()
	// No goroutine of the crawls may be left once the server is gone.
	verifyNoLeaks(t)
}
