package reliability

import (
	"bufio"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSecondInstanceRefused starts `trialwatch serve` on a database and
// checks that a second crawl or serve on the same file gives up within 5 s
// with a one-line message naming the file.
func TestSecondInstanceRefused(t *testing.T) {
	bin := needBinary(t)
	srv := startSite(t, &newsSite{articles: 20, perList: 10})
	dir := t.TempDir()
	db := filepath.Join(dir, "held.db")
	cfg := writeConfig(t, dir, db, srv.URL)

	serve := exec.Command(bin, "serve", "--config", cfg, "--addr", "127.0.0.1:0", "--log-level", "info")
	stderr, err := serve.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	t.Cleanup(func() {
		serve.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			serve.Process.Kill()
			<-exited
		}
	})
	serving := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "msg=serving") {
				close(serving)
				break
			}
		}
		io.Copy(io.Discard, stderr)
		exited <- serve.Wait()
	}()
	select {
	case <-serving:
	case err := <-exited:
		exited <- err
		t.Fatalf("serve ended before serving: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not log that it is serving within 30 s")
	}

	tests := []struct {
		name string
		args []string
	}{
		{"crawl", []string{"crawl", "--config", cfg}},
		{"serve", []string{"serve", "--config", cfg, "--addr", "127.0.0.1:0"}},
		{"export", []string{"export", "--config", cfg}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runChild(t, 30*time.Second, tt.args...)
			if r.code == 0 {
				t.Fatalf("exit 0 on a held database; stdout %q", r.stdout)
			}
			if r.took > 5*time.Second {
				t.Errorf("gave up after %s, want within 5 s", r.took.Round(time.Millisecond))
			}
			oneLine(t, "stderr", r.stderr)
			if !strings.Contains(r.stderr, db) {
				t.Errorf("stderr %q does not name %s", r.stderr, db)
			}
			t.Logf("exit %d after %s: %s", r.code, r.took.Round(time.Millisecond), strings.TrimSpace(r.stderr))
		})
	}
}
