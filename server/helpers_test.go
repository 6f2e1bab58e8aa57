package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// openDB opens a fresh database file in a temporary folder.
func openDB(tb testing.TB) (*store.DB, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "trialwatch.db")
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, path
}

// fill saves the sample stories straight into db and returns the case ids.
func fill(tb testing.TB, db *store.DB) []string {
	tb.Helper()
	var ids []string
	for _, st := range sampleStories() {
		res, err := db.SaveArticle(context.Background(), trialwatch.Article{
			URL: "https://news.example/" + st.Slug, Title: st.Title, Outlet: st.Outlet, Published: st.Published, Text: st.Text,
		}, nil, st.Cases)
		if err != nil {
			tb.Fatal(err)
		}
		for _, id := range res.IDs {
			if !contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// source returns a source to crawl on the given schedule.
func source(name, schedule string) *trialwatch.Source {
	return &trialwatch.Source{Name: name, Schedule: schedule}
}

// testLogger writes the server's log to the test log when -v is given.
func testLogger(tb testing.TB) *slog.Logger {
	if !testing.Verbose() {
		return slog.New(slog.DiscardHandler)
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// running is a server started with Serve on a loopback port.
type running struct {
	*Server
	URL    string
	cancel context.CancelFunc
	done   chan error
}

// serve starts s on 127.0.0.1:0 and stops it at the end of the test.
func serve(tb testing.TB, s *Server) *running {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{Server: s, URL: "http://" + ln.Addr().String(), cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- s.Serve(ctx, ln) }()
	tb.Cleanup(func() { r.stop(tb) })
	return r
}

// stop cancels the server and waits for Serve to return; it may be called
// more than once.
func (r *running) stop(tb testing.TB) time.Duration {
	tb.Helper()
	start := time.Now()
	r.cancel()
	select {
	case err, ok := <-r.done:
		if ok && err != nil {
			tb.Errorf("Serve: %v", err)
		}
		if ok {
			close(r.done)
		}
	case <-time.After(15 * time.Second):
		tb.Fatal("Serve did not return 15s after cancel")
	}
	return time.Since(start)
}

// patience bounds every wait for something the server does on its own.
// It is generous because CI runs all packages' tests at once, under the race
// detector, on two cores: a wait that ends early costs nothing.
const patience = 20 * time.Second

// waitFor polls cond every 20ms until it holds or the timeout passes.
func waitFor(tb testing.TB, timeout time.Duration, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// do sends a request and returns the status and body.
func do(tb testing.TB, method, url, token string, body io.Reader) (int, http.Header, string) {
	tb.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		tb.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := testClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

var testClient = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}

// countCases counts the cases in db.
func countCases(tb testing.TB, db *store.DB) int {
	tb.Helper()
	n := 0
	if err := db.Cases(context.Background(), store.Query{}, func(trialwatch.StoredCase) error { n++; return nil }); err != nil {
		tb.Fatal(err)
	}
	return n
}

func hasAll(s string, subs ...string) (string, bool) {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return sub, false
		}
	}
	return "", true
}
