package reliability

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/trialwatch/trialwatch/pipeline"
	"github.com/trialwatch/trialwatch/rules"
)

// TestCrawlLeavesNoGoroutines checks that a crawl, whether it ends
// normally, is cancelled, or runs out of its time on a site that stalls,
// leaves no goroutine behind once the database is closed; the sites are
// still up, so kept-alive connections count as leaks too.
func TestCrawlLeavesNoGoroutines(t *testing.T) {
	tests := []struct {
		name string
		site http.Handler
		// cancelAfter cancels the crawl's context after this long (0: never).
		cancelAfter time.Duration
		maxRunTime  time.Duration
	}{
		{name: "finished", site: &newsSite{articles: 30, perList: 10}},
		{name: "cancelled", site: &newsSite{articles: 200, perList: 10, delay: 20 * time.Millisecond}, cancelAfter: 150 * time.Millisecond},
		{name: "stalling site, max run time", site: stall(&newsSite{articles: 30, perList: 10}), maxRunTime: 300 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.site)
			defer srv.Close()
			// Everything running now, the site's server included, is not
			// the crawl's.
			before := goleak.IgnoreCurrent()

			db := openDB(t, tempDB(t, "leak.db"))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancelAfter > 0 {
				time.AfterFunc(tt.cancelAfter, cancel)
			}
			p := pipeline.New(db, rules.Default(), pipeline.Options{AllowNetworks: loopback, MaxRunTime: tt.maxRunTime})
			start := time.Now()
			run, err := p.Crawl(ctx, source("leak", srv.URL))
			t.Logf("crawl ended after %s: err %v, counts %v", time.Since(start).Round(time.Millisecond), err, run.Counts)
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			goleak.VerifyNone(t, before)
		})
	}
}

// stall serves h, but article pages never finish: it sends the headers and
// waits until the client goes away.
func stall(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) > 6 && r.URL.Path[:6] == "/news/" {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			<-r.Context().Done()
			return
		}
		h.ServeHTTP(w, r)
	})
}
