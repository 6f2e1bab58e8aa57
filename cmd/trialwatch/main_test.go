package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/demo"
)

// runCLI runs one command line in-process and returns its exit code and
// output streams.
func runCLI(tb testing.TB, args ...string) (code int, stdout, stderr string) {
	tb.Helper()
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	code = run(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

// newsSite serves the sample site and records every path requested.
type newsSite struct {
	*httptest.Server
	mu       sync.Mutex
	requests map[string]int
}

func startNewsSite(tb testing.TB) *newsSite {
	tb.Helper()
	s := &newsSite{requests: map[string]int{}}
	h := demo.Handler()
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests[r.URL.Path]++
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	tb.Cleanup(s.Close)
	return s
}

func (s *newsSite) count(prefix string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, c := range s.requests {
		if strings.HasPrefix(p, prefix) {
			n += c
		}
	}
	return n
}

func (s *newsSite) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = map[string]int{}
}

func writeConfig(tb testing.TB, dir, base string) string {
	tb.Helper()
	p := filepath.Join(dir, "config.yaml")
	cfg := fmt.Sprintf(`db: %s
allow_networks: ["127.0.0.0/8"]
defaults:
  delay: 0s
  parallel: 4
  timeout: 10s
sources:
  - name: herald
    start: ["%s/"]
    feeds: ["%s/rss.xml"]
    sitemaps: ["%s/sitemap.xml"]
    follow: ['^/page/\d+$']
    articles: ['^/news/\d{4}/']
    max_depth: 3
`, filepath.Join(dir, "tw.db"), base, base, base)
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestCrawlExportEndToEnd(t *testing.T) {
	site := startNewsSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)

	code, out, errOut := runCLI(t, "crawl", "--config", cfg)
	if code != 0 {
		t.Fatalf("crawl exit %d: %s %s", code, out, errOut)
	}
	articles := len(demo.Stories())
	if got := site.count("/news/"); got != articles {
		t.Errorf("first crawl fetched %d article pages, want each of the %d once", got, articles)
	}
	if got := site.count("/private/"); got != 0 {
		t.Errorf("robots-disallowed path requested %d times", got)
	}
	if !strings.Contains(out, "total: ") {
		t.Errorf("no summary in output: %s", out)
	}

	code, out, errOut = runCLI(t, "export", "--config", cfg, "--format", "json")
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, errOut)
	}
	var cases []trialwatch.StoredCase
	if err := json.Unmarshal([]byte(out), &cases); err != nil {
		t.Fatalf("export is not a JSON array: %v\n%s", err, out)
	}
	byPlace := map[string]trialwatch.StoredCase{}
	for _, c := range cases {
		if c.Location != nil {
			byPlace[*c.Location] = c
		}
		if len(c.Sources) == 0 {
			t.Errorf("case %s has no sources", c.ID)
		}
	}
	shym, ok := byPlace["Shymkent"]
	if !ok {
		t.Fatalf("no Shymkent case among %d cases: %s", len(cases), out)
	}
	if len(shym.Sources) != 2 {
		t.Errorf("Shymkent case has %d sources, want the 2 articles that report it", len(shym.Sources))
	}
	if shym.SentenceMinMonths == nil || *shym.SentenceMinMonths != 60 || shym.SentenceMaxMonths == nil || *shym.SentenceMaxMonths != 84 {
		t.Errorf("Shymkent terms = %v-%v, want 60-84 months", shym.SentenceMinMonths, shym.SentenceMaxMonths)
	}
	for _, c := range cases {
		if c.Location != nil && (*c.Location == "Taraz" || *c.Location == "Almaty") {
			t.Errorf("a non-decision became a case: %+v", c.Case)
		}
	}

	site.reset()
	code, out, errOut = runCLI(t, "crawl", "--config", cfg)
	if code != 0 {
		t.Fatalf("second crawl exit %d: %s %s", code, out, errOut)
	}
	if got := site.count("/news/"); got != 0 {
		t.Errorf("second crawl fetched %d article pages again", got)
	}
	if site.count("/rss.xml") == 0 {
		t.Error("second crawl did not read the feed again")
	}
}

func TestExportNewAdvancesCursorOnce(t *testing.T) {
	site := startNewsSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	if code, _, errOut := runCLI(t, "crawl", "--config", cfg); code != 0 {
		t.Fatal(errOut)
	}
	out := filepath.Join(dir, "new.jsonl")
	code, _, errOut := runCLI(t, "export", "--config", cfg, "--new", "--consumer", "desk", "-o", out)
	if code != 0 {
		t.Fatal(errOut)
	}
	data, _ := os.ReadFile(out)
	if n := bytes.Count(data, []byte("\n")); n == 0 {
		t.Fatal("first --new export wrote no case")
	}
	code, second, _ := runCLI(t, "export", "--config", cfg, "--new", "--consumer", "desk")
	if code != 0 || strings.TrimSpace(second) != "" {
		t.Errorf("second --new export: exit %d, output %q, want nothing new", code, second)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("sources:\n  - name: a\n    start: [\"https://a.example/\"]\n    delay: soon\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad config", []string{"crawl", "--config", bad}, bad + ":4:"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"bad format", []string{"export", "--db", filepath.Join(dir, "x.db"), "--format", "xml"}, `--format "xml"`},
		{"new without consumer", []string{"export", "--db", filepath.Join(dir, "x.db"), "--new"}, "--consumer"},
		{"unknown source", []string{"crawl", "--source", "nope"}, `--source "nope"`},
		{"bad rules dir", []string{"rules", "check", filepath.Join(dir, "missing")}, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, errOut)
			}
			if !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 && tt.name != "bad rules dir" {
				t.Errorf("stderr %q, want one line containing %q", errOut, tt.want)
			}
		})
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, args := range [][]string{{}, {"crawl"}, {"serve"}, {"export"}, {"cases"}, {"articles"}, {"extract"}, {"reextract"}, {"rules", "check"}, {"demo"}} {
		code, out, _ := runCLI(t, append(args, "--help")...)
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v --help: exit %d, output %q", args, code, out)
		}
	}
}

func TestDemo(t *testing.T) {
	code, out, errOut := runCLI(t, "demo")
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "case(s) found") || !strings.Contains(out, "Shymkent") {
		t.Errorf("demo printed no cases:\n%s", out)
	}
}

func TestExtractSeedPage(t *testing.T) {
	page := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "dev-000.html")
	if _, err := os.Stat(page); err != nil {
		t.Skip("dev corpus not present")
	}
	code, out, errOut := runCLI(t, "extract", page)
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errOut)
	}
	var res trialwatch.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var gold trialwatch.Result
	data, err := os.ReadFile(strings.TrimSuffix(page, ".html") + ".gold.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	if len(res.Cases) != len(gold.Cases) {
		t.Fatalf("got %d cases, want the seed article's %d", len(res.Cases), len(gold.Cases))
	}
	for i := range gold.Cases {
		got, want := scored(&res.Cases[i]), scored(&gold.Cases[i])
		for k, v := range want {
			if got[k] != v {
				t.Errorf("case %d %s = %s, want %s", i, k, got[k], v)
			}
		}
	}
	if res.Published != gold.Published || res.Title != gold.Title {
		t.Errorf("published %q title %q, want %q %q", res.Published, res.Title, gold.Published, gold.Title)
	}
}

// scored renders the scored fields of a case as strings.
func scored(c *trialwatch.Case) map[string]string {
	m := map[string]string{"stage": string(c.Stage)}
	for k, p := range c.Strings() {
		m[k] = str(*p)
	}
	for k, p := range c.Ints() {
		m[k] = num(*p)
	}
	delete(m, "defendant_role")
	return m
}

func TestRulesCheck(t *testing.T) {
	if code, out, errOut := runCLI(t, "rules", "check"); code != 0 || !strings.Contains(out, "rules ok") {
		t.Errorf("rules check of the built-in rules: exit %d, %q %q", code, out, errOut)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "sites.yaml"), []byte("sites:\n  - name: x\n    domains: [x.example]\n    body: \"div[\"\n"), 0o644)
	code, _, errOut := runCLI(t, "rules", "check", dir)
	if code != 2 || !strings.Contains(errOut, "sites.yaml:") {
		t.Errorf("rules check of a bad selector: exit %d, %q", code, errOut)
	}
}

// TestProfiles checks that --cpuprofile and --memprofile write pprof files
// a command can be examined with.
func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "heap.prof")
	if code, _, errOut := runCLI(t, "--cpuprofile", cpu, "--memprofile", mem, "rules", "check"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, p := range []string{cpu, mem} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// pprof files are gzipped protocol buffers.
		if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("%s is no gzipped profile (%d bytes)", filepath.Base(p), len(b))
		}
	}
}
