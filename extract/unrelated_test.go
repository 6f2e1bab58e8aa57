package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// TestUnrelatedNews runs the extractor over real news and blog pages on
// every subject (the article-extraction benchmark beside the checkout) and
// holds the pages in which it finds a court decision to a handful: the few
// that report one (a sentencing, a conviction) and nothing from sport,
// science or politics.
func TestUnrelatedNews(t *testing.T) {
	files, _ := filepath.Glob("../../shared/bench/aeb/html/*.html")
	if len(files) == 0 {
		t.Skip("no benchmark pages")
	}
	rs := rules.Default()
	found := 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := Extract(&trialwatch.Page{URL: "https://news.example/" + filepath.Base(f), Status: 200, Body: body}, rs)
		if len(res.Cases) > 0 {
			found++
			for _, c := range res.Cases {
				t.Logf("%s: %s (%s)", filepath.Base(f), describe(c), c.Evidence["stage"])
			}
		}
	}
	t.Logf("%d of %d pages with cases", found, len(files))
	if found > 8 {
		t.Errorf("cases found in %d of %d unrelated pages", found, len(files))
	}
}
