package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func freeAddr(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestCommandsThroughRunningServer runs `serve` and then uses --server for
// crawl, cases and export while the daemon holds the database; a command
// that opens the same file directly fails fast, naming it.
func TestCommandsThroughRunningServer(t *testing.T) {
	site := startNewsSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	t.Setenv("TRIALWATCH_TOKEN", "s3cret")
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var serveErr bytes.Buffer
	go func() {
		done <- run(ctx, []string{"serve", "--config", cfg, "--addr", addr}, &bytes.Buffer{}, &serveErr)
	}()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exit %d: %s", code, serveErr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s")
		}
	}()
	base := "http://" + addr
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not healthy: %v %s", err, serveErr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}

	start := time.Now()
	code, _, errOut := runCLI(t, "cases", "--db", filepath.Join(dir, "tw.db"))
	if code == 0 || !strings.Contains(errOut, "tw.db") || time.Since(start) > 5*time.Second {
		t.Errorf("second opener: exit %d after %v, stderr %q", code, time.Since(start), errOut)
	}

	code, out, errOut := runCLI(t, "crawl", "--config", cfg, "--server", base, "--source", "herald")
	if code != 0 || !strings.Contains(out, "herald: ok") {
		t.Fatalf("crawl --server: exit %d, %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "cases", "--server", base)
	if code != 0 || !strings.Contains(out, "Shymkent") {
		t.Errorf("cases --server: exit %d, %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "export", "--server", base, "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "id,") || !strings.Contains(out, "Shymkent") {
		t.Errorf("export --server: exit %d, %q %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "export", "--server", base, "--new", "--consumer", "x")
	if code != 2 {
		t.Errorf("export --server --new: exit %d (%s), want 2", code, errOut)
	}
	t.Setenv("TRIALWATCH_TOKEN", "wrong")
	code, _, errOut = runCLI(t, "crawl", "--config", cfg, "--server", base)
	if code != 1 || !strings.Contains(errOut, "401") {
		t.Errorf("crawl with a wrong token: exit %d, %q", code, errOut)
	}
}
