package reliability

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// smallDir returns a folder on a filesystem of size bytes: a tmpfs mount
// when the test may mount one. Otherwise it returns a plain folder and a
// wrap that runs the command with a file size limit of size bytes, which
// makes writes past it fail as on a full disk.
func smallDir(tb testing.TB, size int) (dir string, wrap func(args ...string) []string) {
	tb.Helper()
	dir = filepath.Join(tb.TempDir(), "small")
	if err := os.Mkdir(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir).CombinedOutput()
	if err == nil {
		tb.Cleanup(func() {
			if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
				tb.Errorf("umount %s: %v %s", dir, err, out)
			}
		})
		tb.Logf("tmpfs of %d bytes at %s", size, dir)
		return dir, func(args ...string) []string { return args }
	}
	tb.Logf("no tmpfs (%v: %s); limiting the file size instead", err, strings.TrimSpace(string(out)))
	return dir, func(args ...string) []string {
		// ulimit -f counts blocks of 512 bytes in POSIX sh.
		return append([]string{"/bin/sh", "-c", fmt.Sprintf(`ulimit -f %d && exec "$0" "$@"`, size/512)}, args...)
	}
}

// TestCrawlOnFullDisk fills the disk under a crawl and checks that it ends
// with a clear one-line error and no panic, and that the database reopens
// sound with everything stored before.
func TestCrawlOnFullDisk(t *testing.T) {
	bin := needBinary(t)
	dir, wrap := smallDir(t, 512<<10)
	db := filepath.Join(dir, "tw.db")
	cfgDir := t.TempDir()

	small := startSite(t, &newsSite{articles: 20, perList: 10})
	first := filepath.Join(cfgDir, "first")
	os.Mkdir(first, 0o755)
	r := runWrapped(t, wrap(bin, "crawl", "--config", writeConfig(t, first, db, small.URL)))
	if r.code != 0 {
		t.Fatalf("crawl of the small site: exit %d: %s", r.code, r.stderr)
	}
	before := caseKeys(t, db)
	if total(before) == 0 {
		t.Fatal("the small site gave no case")
	}
	if fi, err := os.Stat(db); err == nil {
		t.Logf("after the small site: %d cases, file %d bytes", total(before), fi.Size())
	}

	big := &newsSite{articles: 3000, perList: 50, base: 500}
	bigSrv := startSite(t, big)
	second := filepath.Join(cfgDir, "second")
	os.Mkdir(second, 0o755)
	r = runWrapped(t, wrap(bin, "crawl", "--config", writeConfig(t, second, db, bigSrv.URL)))
	t.Logf("crawl onto the full disk: exit %d after %s, %d articles served", r.code, r.took.Round(time.Millisecond), big.served.Load())
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("crawl panicked:\n%s", r.stderr)
	}
	if r.code == 0 {
		t.Errorf("crawl onto a full disk exited 0; stdout:\n%s", r.stdout)
	}
	var errLines []string
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.HasPrefix(l, "trialwatch: ") {
			errLines = append(errLines, l)
		}
	}
	if len(errLines) != 1 {
		t.Errorf("want one error line, got %d; stderr:\n%s", len(errLines), tail(r.stderr, 20))
	} else {
		t.Logf("error: %s", errLines[0])
		if !strings.Contains(errLines[0], "no space") && !strings.Contains(errLines[0], "file too large") {
			t.Errorf("error line %q does not say the disk is full", errLines[0])
		}
	}

	checkFile(t, db)
	after := caseKeys(t, db)
	for k, n := range before {
		if after[k] != n {
			t.Errorf("case stored before the disk filled is there %d times, want %d: %s", after[k], n, k)
		}
	}
	t.Logf("%d cases after the failed crawl", total(after))
}

// runWrapped runs args[0] with args[1:] like runChild.
func runWrapped(tb testing.TB, args []string) result {
	tb.Helper()
	if args[0] == binary {
		return runChild(tb, 2*time.Minute, args[1:]...)
	}
	return runCommand(tb, 2*time.Minute, args...)
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
