package crawler

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRobots(t *testing.T) {
	cases := []struct {
		name   string
		robots http.HandlerFunc
		// what the crawl must do
		articles, skipped int
		failedBy          string
		onlyRobots        bool // nothing but robots.txt requested
		redirect          bool // article b redirects to /private/b
	}{
		{
			name:     "disallowed link never requested",
			robots:   text("User-agent: *\nDisallow: /news/2024/b\n"),
			articles: 1, skipped: 1,
		},
		{
			name:     "group for our agent wins over *",
			robots:   text("User-agent: *\nDisallow: /\n\nUser-agent: trialwatch-test\nDisallow: /news/2024/a\n"),
			articles: 1, skipped: 1,
		},
		{
			name:     "redirect to a disallowed path not followed",
			robots:   text("User-agent: *\nDisallow: /private/\n"),
			redirect: true,
			articles: 1, skipped: 1,
		},
		{
			name:     "404 allows everything",
			robots:   func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) },
			articles: 2,
		},
		{
			name:     "403 allows everything",
			robots:   func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) },
			articles: 2,
		},
		{
			name:       "5xx: nothing from the host",
			robots:     func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) },
			failedBy:   "robots_unavailable",
			onlyRobots: true,
		},
		{
			name: "timeout: nothing from the host",
			robots: func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-r.Context().Done():
				case <-time.After(3 * time.Second):
				}
			},
			failedBy:   "robots_unavailable",
			onlyRobots: true,
		},
		{
			name:     "bad lines are skipped, not fatal",
			robots:   text("Disallow: /news/2024/a\nUser-agent: *\nCrawl-delay: soon\nDisallow: /news/2024/b\n"),
			articles: 1, skipped: 1,
		},
		{
			name: "rules past 500 KiB are ignored",
			robots: text("User-agent: *\nDisallow: /news/2024/a\n" + strings.Repeat("# padding\n", 60<<10) +
				"Disallow: /news/2024/b\n"),
			articles: 1, skipped: 1,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := &hits{}
			mux := http.NewServeMux()
			mux.HandleFunc("/robots.txt", tc.robots)
			mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, listHTML("/news/2024/a", "/news/2024/b"))
			})
			mux.HandleFunc("/news/2024/{slug}", func(w http.ResponseWriter, r *http.Request) {
				if tc.redirect && r.PathValue("slug") == "b" {
					http.Redirect(w, r, "/private/b", http.StatusFound)
					return
				}
				fmt.Fprint(w, articleHTML(r.PathValue("slug")))
			})
			mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, articleHTML("private"))
			})
			srv := serve(t, h, mux)
			src := testSource(srv.URL)
			src.Timeout = 500 * time.Millisecond
			st, _, err := crawlOnce(t, src, testOptions(t), &pageSink{})
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != tc.articles || st.SkippedRobots != tc.skipped {
				t.Errorf("stats = %+v, want %d articles, %d skipped", st, tc.articles, tc.skipped)
			}
			if tc.failedBy != "" && st.FailedBy[tc.failedBy] == 0 {
				t.Errorf("failed by %v, want %s", st.FailedBy, tc.failedBy)
			}
			if got := h.all(); tc.onlyRobots && (len(got) != 1 || got[0] != "/robots.txt") {
				t.Errorf("requests %v, want only /robots.txt", got)
			}
			if n := h.countPrefix("/private/"); n != 0 {
				t.Errorf("disallowed redirect target requested %d times", n)
			}
			if tc.skipped > 0 && !tc.redirect && h.countPrefix("/news/2024/") != tc.articles {
				t.Errorf("requests %v: a disallowed article was fetched", h.all())
			}
		})
	}
}

func text(s string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, s)
	}
}

// TestRobotsUnavailableNotCached: a robots.txt that failed is asked again
// on the next crawl, one that answered is not.
func TestRobotsCaching(t *testing.T) {
	h := &hits{}
	fail := true
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if fail {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, listHTML()) })
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	opts := testOptions(t)
	for i, want := range []int{1, 2, 2} {
		if _, _, err := crawlOnce(t, src, opts, &pageSink{}); err != nil {
			t.Fatal(err)
		}
		fail = false
		if n := h.count("/robots.txt"); n != want {
			t.Errorf("after crawl %d: robots.txt fetched %d times, want %d", i+1, n, want)
		}
	}
	// Past 24 hours the cached copy is dropped.
	opts.Robots.now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	if _, _, err := crawlOnce(t, src, opts, &pageSink{}); err != nil {
		t.Fatal(err)
	}
	if n := h.count("/robots.txt"); n != 3 {
		t.Errorf("after 25h: robots.txt fetched %d times, want 3", n)
	}
}

func TestCrawlDelayIsLowerBound(t *testing.T) {
	h := &hits{}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", text("User-agent: *\nCrawl-delay: 0.3\n"))
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML("/news/2024/a", "/news/2024/b", "/news/2024/c"))
	})
	mux.HandleFunc("/news/2024/{slug}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML(r.PathValue("slug")))
	})
	srv := serve(t, h, mux)
	src := testSource(srv.URL)
	src.Delay = 50 * time.Millisecond
	src.Parallel = 4
	st, took, err := crawlOnce(t, src, testOptions(t), &pageSink{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 {
		t.Fatalf("stats = %+v", st)
	}
	var starts []time.Time
	for _, p := range []string{"/", "/news/2024/a", "/news/2024/b", "/news/2024/c"} {
		starts = append(starts, h.at(p)...)
	}
	sortTimes(starts)
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 250*time.Millisecond {
			t.Errorf("requests %d and %d only %s apart, want >= 300ms (Crawl-delay)", i-1, i, gap)
		}
	}
	t.Logf("took %s", took)
}
