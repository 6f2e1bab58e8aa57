package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trialwatch/trialwatch"
)

// devCorpus is the labelled corpus of the project, beside the checkout.
const devCorpus = "../../shared/corpus/dev"

// devPage is one page of the corpus with its gold article fields.
type devPage struct {
	id   string
	html []byte
	gold trialwatch.Article
}

// loadDevCorpus reads the labelled pages, skipping the test when the corpus
// is not there.
func loadDevCorpus(tb testing.TB) []devPage {
	tb.Helper()
	dir := os.Getenv("TRIALWATCH_DEV_CORPUS")
	if dir == "" {
		dir = devCorpus
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(files) == 0 {
		tb.Skipf("no labelled corpus in %s", dir)
	}
	var out []devPage
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".gold.json")
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var g trialwatch.Article
		if err := json.Unmarshal(raw, &g); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		body, err := os.ReadFile(filepath.Join(dir, id+".html"))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, devPage{id: id, html: body, gold: g})
	}
	return out
}

// TestDevCorpusArticles checks title, URL, outlet and publication date of
// every labelled page, read without its URL, against the gold fields, and
// holds the publication-date accuracy to at least 0.95.
func TestDevCorpusArticles(t *testing.T) {
	pages := loadDevCorpus(t)
	var dates, titles, urls, outlets int
	for _, dp := range pages {
		a, err := ReadArticle(&trialwatch.Page{Body: dp.html}, nil)
		if err != nil {
			t.Errorf("%s: %v", dp.id, err)
			continue
		}
		check := func(field, got, want string, n *int) {
			if got == want {
				*n++
			} else {
				t.Logf("%s %s: got %q, want %q", dp.id, field, got, want)
			}
		}
		check("published", a.Published, dp.gold.Published, &dates)
		check("title", a.Title, dp.gold.Title, &titles)
		check("url", a.URL, dp.gold.URL, &urls)
		check("outlet", a.Outlet, dp.gold.Outlet, &outlets)
		if len(a.Text) < 200 {
			t.Errorf("%s: main text only %d bytes", dp.id, len(a.Text))
		}
	}
	n := float64(len(pages))
	t.Logf("pages %d: published %.3f, title %.3f, url %.3f, outlet %.3f",
		len(pages), float64(dates)/n, float64(titles)/n, float64(urls)/n, float64(outlets)/n)
	if float64(dates)/n < 0.95 {
		t.Errorf("publication-date accuracy %.3f, want at least 0.95", float64(dates)/n)
	}
	if float64(titles)/n < 0.95 {
		t.Errorf("title accuracy %.3f, want at least 0.95", float64(titles)/n)
	}
}
