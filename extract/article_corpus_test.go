package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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

// Rewrites of the labelled pages that take away what the fallback leans on
// most, to check that it still finds its way.
var (
	reLD        = regexp.MustCompile(`(?s)<script type="application/ld\+json">.*?</script>`)
	reMetaDate  = regexp.MustCompile(`<meta [^>]*(?:time|date)[^>]*>`)
	reDatetime  = regexp.MustCompile(` datetime="[^"]*"`)
	reCanonical = regexp.MustCompile(`<(?:link|meta) [^>]*(?:canonical|og:url)[^>]*>`)
	reOG        = regexp.MustCompile(`<meta [^>]*og:[^>]*>`)
	reClassID   = regexp.MustCompile(`\s(?:class|id)="[^"]*"`)
	reSemantic  = regexp.MustCompile(`<(/?)(?:aside|nav|footer|header|section|main|article|figure|figcaption)\b`)
)

// TestDevCorpusWithoutMetadata reads the labelled pages stripped of
// JSON-LD, date and Open Graph meta tags, datetime attributes and canonical
// links: dates and headlines must come from the visible page.
func TestDevCorpusWithoutMetadata(t *testing.T) {
	pages := loadDevCorpus(t)
	var dates, titles int
	for _, dp := range pages {
		h := dp.html
		for _, re := range []*regexp.Regexp{reLD, reMetaDate, reDatetime, reCanonical, reOG} {
			h = re.ReplaceAll(h, nil)
		}
		a, err := ReadArticle(&trialwatch.Page{Body: h}, nil)
		if err != nil {
			t.Fatalf("%s: %v", dp.id, err)
		}
		if a.Published == dp.gold.Published {
			dates++
		} else {
			t.Logf("%s: published %q, want %q", dp.id, a.Published, dp.gold.Published)
		}
		if a.Title == dp.gold.Title {
			titles++
		} else {
			t.Logf("%s: title %q, want %q", dp.id, a.Title, dp.gold.Title)
		}
	}
	n := float64(len(pages))
	if float64(dates)/n < 0.95 || float64(titles)/n < 0.95 {
		t.Errorf("without metadata: dates %d/%d, titles %d/%d", dates, len(pages), titles, len(pages))
	}
}

// TestDevCorpusTeasersWithoutClasses strips the labelled pages of class
// names, ids and semantic tags, adds teaser cards and a teaser list of
// other verdicts after the story, and checks that none of it reaches the
// main text while the story does.
func TestDevCorpusTeasersWithoutClasses(t *testing.T) {
	const teasers = `<div><div><a href="/n/1">Five police officers jailed in Aktobe</a><p>A court in Aktobe sentenced five police officers to seven years in prison for torturing a detainee.</p></div>
<div><a href="/n/2">Guards acquitted in Karaganda</a><p>Two prison guards were acquitted by a court in Karaganda of abusing an inmate, their lawyer said.</p></div></div>
<ul><li><a href="/n/3">Court in Shymkent jails a jailer</a> – a former jailer got nine years for beating an inmate in Shymkent.</li>
<li><a href="/n/4">Appeal rejected in Pavlodar court</a> – the Pavlodar regional court upheld the sentences of two officers.</li></ul>`
	for _, dp := range loadDevCorpus(t) {
		h := reClassID.ReplaceAll(dp.html, nil)
		h = reSemantic.ReplaceAll(h, []byte("<${1}div"))
		i := bytes.LastIndex(h, []byte("</p>"))
		j := bytes.Index(h[i:], []byte("</div>"))
		if i < 0 || j < 0 {
			t.Fatalf("%s: no place for teasers", dp.id)
		}
		at := i + j + len("</div>")
		h = append(h[:at:at], append([]byte(teasers), h[at:]...)...)
		a, err := ReadArticle(&trialwatch.Page{Body: h}, nil)
		if err != nil {
			t.Fatalf("%s: %v", dp.id, err)
		}
		for _, town := range []string{"Aktobe", "Karaganda", "Shymkent jails", "Pavlodar court"} {
			if strings.Contains(a.Text, town) {
				t.Errorf("%s: teaser about %s in the main text", dp.id, town)
			}
		}
		if len(a.Text) < 400 {
			t.Errorf("%s: main text only %d bytes", dp.id, len(a.Text))
		}
	}
}
