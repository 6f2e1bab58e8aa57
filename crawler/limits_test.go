package crawler

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func TestHugeHeadersRefused(t *testing.T) {
	h := &hits{}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/headers", "/news/2024/fine"))
	})
	mux.HandleFunc("/news/2024/headers", func(w http.ResponseWriter, r *http.Request) {
		for i := range 40 {
			w.Header().Set(fmt.Sprintf("X-Junk-%d", i), strings.Repeat("j", 4000))
		}
		fmt.Fprint(w, articleHTML("headers"))
	})
	mux.HandleFunc("/news/2024/fine", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML("fine"))
	})
	srv := serve(t, h, mux)
	st, _, err := crawlOnce(t, testSource(srv.URL), testOptions(t), &pageSink{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Failed != 1 {
		t.Errorf("stats = %+v, want the 160 KB header response failed and the fine article taken", st)
	}
}

// TestBinaryArticleNotRead: a PDF behind an article URL is dropped after
// its headers; its body is not read or handed on.
func TestBinaryArticleNotRead(t *testing.T) {
	var written atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/scan", "/news/2024/fine"))
	})
	mux.HandleFunc("/news/2024/scan", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		chunk := make([]byte, 32<<10)
		for range 256 { // 8 MiB
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/news/2024/fine", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML("fine"))
	})
	srv := serve(t, &hits{}, mux)
	src := testSource(srv.URL)
	src.MaxBody = 16 << 20
	sink := &pageSink{}
	st, _, err := crawlOnce(t, src, testOptions(t), sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.FailedBy["not_html"] != 1 || sink.byPath("/news/2024/scan") != nil {
		t.Errorf("stats = %+v, want the PDF failed as not_html", st)
	}
	if written.Load() >= 8<<20 {
		t.Errorf("the whole PDF was read")
	}
}

// TestEnvironmentProxyIgnored: HTTP_PROXY must not divert a crawl (a
// proxy would also see past the network guard).
func TestEnvironmentProxyIgnored(t *testing.T) {
	proxyHits := &hits{}
	proxy := serve(t, proxyHits, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/from-proxy"))
	}))
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("http_proxy", proxy.URL)
	t.Setenv("NO_PROXY", "")
	h := &hits{}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/direct"))
	})
	mux.HandleFunc("/news/2024/direct", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML("direct"))
	})
	srv := serve(t, h, mux)
	sink := &pageSink{}
	st, _, err := crawlOnce(t, testSource(srv.URL), testOptions(t), sink)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(proxyHits.all()); n != 0 {
		t.Errorf("the environment's proxy got %d requests", n)
	}
	if st.Articles != 1 || sink.byPath("/news/2024/direct") == nil {
		t.Errorf("stats = %+v", st)
	}
}

// TestSourcesCrawlInParallel runs two crawls of two sites at once, sharing
// the process-wide robots cache, under the race detector.
func TestSourcesCrawlInParallel(t *testing.T) {
	var bases []string
	for i := range 2 {
		mux := http.NewServeMux()
		mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, listHTML("/news/2024/a", "/news/2024/b", "/news/2024/c"))
		})
		mux.HandleFunc("/news/2024/{slug}", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, articleHTML(fmt.Sprint(i, r.PathValue("slug"))))
		})
		bases = append(bases, serve(t, &hits{}, mux).URL)
	}
	var wg sync.WaitGroup
	results := make([]Stats, len(bases))
	for i, base := range bases {
		wg.Go(func() {
			opts := testOptions(t)
			opts.Robots = nil // the shared cache
			st, _, err := crawlOnce(t, testSource(base), opts, &pageSink{})
			if err != nil {
				t.Error(err)
			}
			results[i] = st
		})
	}
	wg.Wait()
	for i, st := range results {
		if st.Articles != 3 {
			t.Errorf("source %d: %+v", i, st)
		}
	}
}

// TestCanonicalDedupAcrossCrawls: an article taken in one crawl is not
// taken again when a later crawl meets it under another URL whose page
// names it as canonical.
func TestCanonicalDedupAcrossCrawls(t *testing.T) {
	h := &hits{}
	second := false
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		if second {
			fmt.Fprint(w, listHTML("/news/2024/story-amp", "/news/2024/story?utm_source=x"))
			return
		}
		fmt.Fprint(w, listHTML("/news/2024/story"))
	})
	mux.HandleFunc("/news/2024/story", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML("Story"))
	})
	mux.HandleFunc("/news/2024/story-amp", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Replace(articleHTML("Story"), "<head>",
			`<head><link rel="canonical" href="`+"http://"+r.Host+`/news/2024/story">`, 1))
	})
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	opts := testOptions(t)
	sink := &pageSink{}
	if st, _, err := crawlOnce(t, src, opts, sink); err != nil || st.Articles != 1 {
		t.Fatalf("first crawl: %+v %v", st, err)
	}
	second = true
	st, _, err := crawlOnce(t, src, opts, sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 0 || st.Duplicates != 1 || st.Known != 1 {
		t.Errorf("second crawl: %+v, want the alias a duplicate and the utm link known", st)
	}
	if n := h.count("/news/2024/story"); n != 1 {
		t.Errorf("story fetched %d times, want 1", n)
	}
	// The alias is remembered too: a third crawl does not fetch it.
	st, _, _ = crawlOnce(t, src, opts, sink)
	if st.Known != 2 || h.count("/news/2024/story-amp") != 1 {
		t.Errorf("third crawl: %+v, alias fetched %d times", st, h.count("/news/2024/story-amp"))
	}
}
