package extract

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/extract/htmlparse"
	"github.com/trialwatch/trialwatch/rules"
)

// benchDir holds real news pages with ground truth (bench/README.md).
const benchDir = "../../shared/bench"

// benchPage is one real page, decoded to UTF-8.
type benchPage struct {
	id, url string
	body    []byte
}

// loadBench reads the pages of one bench set ("aeb" or "dates"), skipping
// the test or benchmark when the set is not there.
func loadBench(tb testing.TB, set string) []benchPage {
	tb.Helper()
	dir := filepath.Join(benchDir, set)
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Skipf("no bench set %s: %v", set, err)
	}
	var out []benchPage
	switch set {
	case "aeb":
		var gt map[string]struct{ URL string }
		if err := json.Unmarshal(raw, &gt); err != nil {
			tb.Fatal(err)
		}
		for id, t := range gt {
			out = append(out, benchPage{id: id, url: t.URL, body: readDecoded(tb, filepath.Join(dir, "html", id+".html"))})
		}
	case "dates":
		var gt map[string]struct{ File string }
		if err := json.Unmarshal(raw, &gt); err != nil {
			tb.Fatal(err)
		}
		for u, t := range gt {
			id := strings.TrimSuffix(t.File, ".html")
			out = append(out, benchPage{id: id, url: u, body: readDecoded(tb, filepath.Join(dir, "html", t.File))})
		}
	}
	return out
}

// readDecoded reads an HTML file and decodes it to UTF-8 by its meta
// charset, as the crawler does.
func readDecoded(tb testing.TB, path string) []byte {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if utf8.Valid(raw) {
		return raw
	}
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		return raw
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return raw
	}
	return b
}

// TestBenchPredictions writes this package's reading of every bench page to
// $TRIALWATCH_PRED_DIR/<set>/<id>.json for the scorers in shared/tools; it
// runs only when that variable is set.
func TestBenchPredictions(t *testing.T) {
	out := os.Getenv("TRIALWATCH_PRED_DIR")
	if out == "" {
		t.Skip("TRIALWATCH_PRED_DIR not set")
	}
	for _, set := range []string{"aeb", "dates"} {
		dir := filepath.Join(out, set)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, bp := range loadBench(t, set) {
			a, err := ReadArticle(&trialwatch.Page{URL: bp.url, Body: bp.body}, nil)
			if err != nil {
				t.Errorf("%s: %v", bp.id, err)
			}
			j, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, bp.id+".json"), j, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// BenchmarkReadArticle reads every page of the labelled corpus (about 5 KB
// each); ns/op is per page.
func BenchmarkReadArticle(b *testing.B) {
	pages := loadDevCorpus(b)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		dp := pages[i%len(pages)]
		if _, err := ReadArticle(&trialwatch.Page{Body: dp.html}, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// reportCPU adds the CPU time per page since start as the metric
// cpu-ns/op: on a busy machine it tells the cost better than ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkReadArticleRealPages reads the real pages of the text bench
// (about 170 KB each); ns/op is per page.
func BenchmarkReadArticleRealPages(b *testing.B) {
	pages := loadBench(b, "aeb")
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		bp := pages[i%len(pages)]
		if _, err := ReadArticle(&trialwatch.Page{URL: bp.url, Body: bp.body}, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkExtract runs the whole extraction (HTML parse, article, cases)
// on every page of the labelled corpus; ns/op is per page.
func BenchmarkExtract(b *testing.B) {
	pages := loadDevCorpus(b)
	rs := rules.Default()
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		dp := pages[i%len(pages)]
		Extract(&trialwatch.Page{Body: dp.html}, rs)
	}
	reportCPU(b, start)
}

// BenchmarkExtractRealPages runs the whole extraction on the real pages of
// the text bench (about 170 KB each); ns/op is per page.
func BenchmarkExtractRealPages(b *testing.B) {
	pages := loadBench(b, "aeb")
	rs := rules.Default()
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		bp := pages[i%len(pages)]
		Extract(&trialwatch.Page{URL: bp.url, Body: bp.body}, rs)
	}
	reportCPU(b, start)
}

// BenchmarkParseHTML parses the labelled corpus pages and nothing else:
// the floor under BenchmarkReadArticle.
func BenchmarkParseHTML(b *testing.B) {
	pages := loadDevCorpus(b)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := htmlparse.Parse(pages[i%len(pages)].html); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}
