package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// binary is the trialwatch command built once for the tests that run it as
// a child process; "" when the build failed (buildErr says why).
var (
	binary   string
	buildErr error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "trialwatch-reliability-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "reliability:", err)
		os.Exit(1)
	}
	binary, buildErr = build(dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// build compiles the trialwatch command into dir.
func build(dir string) (string, error) {
	out := filepath.Join(dir, "trialwatch")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, "github.com/trialwatch/trialwatch/cmd/trialwatch")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build trialwatch: %v\n%s", err, b)
	}
	return out, nil
}

// needBinary returns the built command or fails the test.
func needBinary(tb testing.TB) string {
	tb.Helper()
	if buildErr != nil {
		tb.Fatal(buildErr)
	}
	return binary
}

// soak reports whether the long variants were asked for.
func soak() bool { return os.Getenv("TRIALWATCH_SOAK") == "1" }

// startSite serves s on loopback for the test.
func startSite(tb testing.TB, s *newsSite) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return srv
}

// writeConfig writes a configuration crawling the site at base into db and
// returns its path.
func writeConfig(tb testing.TB, dir, db, base string) string {
	tb.Helper()
	p := filepath.Join(dir, "config.yaml")
	cfg := fmt.Sprintf(`db: %s
allow_networks: ["127.0.0.0/8"]
defaults:
  delay: 0s
  parallel: 4
  timeout: 10s
  max_depth: 3
sources:
  - name: courier
    start: ["%s/"]
    follow: ['^/list/\d+$']
    articles: ['^/news/\d+$']
`, db, base)
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// result is how a child process ended.
type result struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// runChild runs the command to its end, at most limit.
func runChild(tb testing.TB, limit time.Duration, args ...string) result {
	tb.Helper()
	return runCommand(tb, limit, append([]string{needBinary(tb)}, args...)...)
}

// runCommand runs the program args[0] with args[1:] to its end, at most
// limit.
func runCommand(tb testing.TB, limit time.Duration, args ...string) result {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	if ctx.Err() != nil {
		tb.Fatalf("%v did not end within %s; stderr: %s", args, limit, r.stderr)
	}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			tb.Fatalf("%v: %v", args, err)
		}
		r.code = ee.ExitCode()
	}
	return r
}

// checkFile opens the database file read-only with bbolt itself and fails
// the test for each inconsistency tx.Check finds.
func checkFile(tb testing.TB, path string) {
	tb.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		tb.Fatalf("open %s read-only: %v", path, err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		n := 0
		for err := range tx.Check() {
			if n < 10 {
				tb.Errorf("%s: %v", path, err)
			}
			n++
		}
		if n > 0 {
			return fmt.Errorf("%d inconsistencies", n)
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("check %s: %v", path, err)
	}
}

// caseKeys returns, for each case in the database, a key made of its
// fields and its sources' URLs, ids, timestamps and evidence left out;
// the count of each key says whether a case is doubled.
func caseKeys(tb testing.TB, path string) map[string]int {
	tb.Helper()
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	keys := map[string]int{}
	err = db.Cases(context.Background(), store.Query{}, func(sc trialwatch.StoredCase) error {
		keys[caseKey(sc)]++
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return keys
}

func caseKey(sc trialwatch.StoredCase) string {
	c := sc.Case
	c.Evidence, c.Rules = nil, nil
	var urls []string
	for _, s := range sc.Sources {
		urls = append(urls, s.URL)
	}
	slices.Sort(urls)
	b, _ := json.Marshal(struct {
		trialwatch.Case
		Sources  []string
		Disputed map[string][]trialwatch.FieldValue
	}{c, urls, sc.Disputed})
	return string(b)
}

// diffKeys describes how got differs from want, "" when it does not.
func diffKeys(got, want map[string]int) string {
	var b strings.Builder
	n := 0
	for k, w := range want {
		if g := got[k]; g != w && n < 5 {
			fmt.Fprintf(&b, "\n  %d times, want %d: %s", g, w, k)
			n++
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok && n < 10 {
			fmt.Fprintf(&b, "\n  %d times, want none: %s", g, k)
			n++
		}
	}
	return b.String()
}

// total sums the counts of keys.
func total(keys map[string]int) int {
	n := 0
	for _, c := range keys {
		n += c
	}
	return n
}

// oneLine fails the test unless s is one non-empty line.
func oneLine(tb testing.TB, what, s string) {
	tb.Helper()
	s = strings.TrimSpace(s)
	if s == "" || strings.Contains(s, "\n") {
		tb.Errorf("%s: want one line, got %q", what, s)
	}
}
