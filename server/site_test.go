package server

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// story is one article of a test news site, with the cases its text
// reports (the site embeds them so that these tests need no extractor).
type story struct {
	Slug, Title, Outlet, Published string
	Text                           string
	Cases                          []trialwatch.Case
}

// site is a test news site: a listing page linking every story, and the
// story pages. delay slows each article response; failing makes the
// listing answer 500.
type site struct {
	*httptest.Server
	mu      sync.Mutex
	stories []story
	delay   time.Duration
	failing bool
	hits    int
}

func newSite(tb testing.TB, stories []story) *site {
	tb.Helper()
	s := &site{stories: stories}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		failing, list := s.failing, s.stories
		s.hits++
		s.mu.Unlock()
		if failing {
			http.Error(w, "database error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><html><body><h1>Latest news</h1><ul>")
		for _, st := range list {
			fmt.Fprintf(w, `<li><a href="/news/%s">%s</a></li>`, st.Slug, html.EscapeString(st.Title))
		}
		fmt.Fprint(w, "</ul></body></html>")
	})
	mux.HandleFunc("GET /news/{slug}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		delay := s.delay
		var found *story
		for i := range s.stories {
			if s.stories[i].Slug == r.PathValue("slug") {
				found = &s.stories[i]
			}
		}
		s.mu.Unlock()
		if found == nil {
			http.NotFound(w, r)
			return
		}
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		cases, _ := json.Marshal(found.Cases)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>%s</title><meta name="outlet" content="%s"><meta name="published" content="%s"></head>
<body><article><h1>%s</h1><p>%s</p></article><script type="application/json" id="cases">%s</script></body></html>`,
			html.EscapeString(found.Title), html.EscapeString(found.Outlet), found.Published,
			html.EscapeString(found.Title), html.EscapeString(found.Text), cases)
	})
	s.Server = httptest.NewServer(mux)
	tb.Cleanup(s.Close)
	return s
}

func (s *site) setFailing(b bool) { s.mu.Lock(); s.failing = b; s.mu.Unlock() }

var (
	reLink     = regexp.MustCompile(`href="(/news/[^"]+)"`)
	reTitle    = regexp.MustCompile(`<title>([^<]*)</title>`)
	reMeta     = regexp.MustCompile(`<meta name="(outlet|published)" content="([^"]*)">`)
	reCases    = regexp.MustCompile(`(?s)<script type="application/json" id="cases">(.*?)</script>`)
	reParagrap = regexp.MustCompile(`(?s)<p>(.*?)</p>`)
)

// siteCrawler is a CrawlFunc that really fetches a test site over HTTP and
// saves what it reads into the store, recording the run as the pipeline
// does. Each article is fetched once, as the crawler's visited set would.
func siteCrawler(db *store.DB, base string) CrawlFunc {
	var mu sync.Mutex
	seen := map[string]bool{}
	client := &http.Client{Timeout: 5 * time.Second}
	return func(ctx context.Context, src *trialwatch.Source) (trialwatch.Run, error) {
		run := trialwatch.Run{Source: src.Name, Started: time.Now(), Counts: map[string]int{}}
		id, err := db.StartRun(src.Name, run.Started)
		if err != nil {
			return run, err
		}
		run.ID = id
		err = crawlSite(ctx, client, db, base, &run, &mu, seen)
		run.Finished = time.Now()
		if err != nil {
			run.Err = err.Error()
		}
		if ferr := db.FinishRun(run); ferr != nil && err == nil {
			err = ferr
		}
		return run, err
	}
}

func crawlSite(ctx context.Context, client *http.Client, db *store.DB, base string, run *trialwatch.Run, mu *sync.Mutex, seen map[string]bool) error {
	listing, err := get(ctx, client, base+"/")
	run.Counts["fetched"]++
	if err != nil {
		run.Counts["failed"]++
		return fmt.Errorf("listing: %w", err)
	}
	for _, m := range reLink.FindAllStringSubmatch(listing, -1) {
		u := base + m[1]
		mu.Lock()
		done := seen[u]
		mu.Unlock()
		if done {
			continue
		}
		body, err := get(ctx, client, u)
		run.Counts["fetched"]++
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			run.Counts["failed"]++
			continue
		}
		a := trialwatch.Article{URL: u}
		if t := reTitle.FindStringSubmatch(body); t != nil {
			a.Title = html.UnescapeString(t[1])
		}
		for _, mm := range reMeta.FindAllStringSubmatch(body, -1) {
			if mm[1] == "outlet" {
				a.Outlet = html.UnescapeString(mm[2])
			} else {
				a.Published = mm[2]
			}
		}
		if p := reParagrap.FindStringSubmatch(body); p != nil {
			a.Text = html.UnescapeString(p[1])
		}
		var cases []trialwatch.Case
		if c := reCases.FindStringSubmatch(body); c != nil {
			if err := json.Unmarshal([]byte(c[1]), &cases); err != nil {
				return fmt.Errorf("%s: cases: %w", u, err)
			}
		}
		res, err := db.SaveArticle(ctx, a, nil, cases)
		if err != nil {
			return err
		}
		mu.Lock()
		seen[u] = true
		mu.Unlock()
		run.Counts["articles"]++
		run.Counts["cases_new"] += res.New
		run.Counts["cases_merged"] += res.Merged
	}
	return ctx.Err()
}

func get(ctx context.Context, client *http.Client, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("%s: status %d", u, resp.StatusCode)
	}
	return string(b), nil
}

// sampleStories are reports of a few decisions by two outlets; the appeal
// in Bishkek and the Shymkent verdict are reported twice.
func sampleStories() []story {
	p := trialwatch.Ptr[string]
	n := trialwatch.Ptr[int]
	shymkent := trialwatch.Case{
		Stage: trialwatch.StageVerdict, Court: p("Shymkent City Court"), Location: p("Shymkent"), Country: p("Kazakhstan"),
		DecisionDate: p("2024-03-18"), Defendants: n(3), Convicted: n(3), Imprisoned: n(2), Suspended: n(1),
		SentenceMinMonths: n(42), SentenceMaxMonths: n(72), Victims: n(1), Charges: []string{"torture"},
		DefendantRole: p("police officers"),
		Evidence: map[string]string{
			"court":               "The Shymkent City Court on March 18 found three police officers guilty of torture.",
			"sentence_min_months": "Two of them were sentenced to between three and a half and six years in prison.",
			"sentence_max_months": "Two of them were sentenced to between three and a half and six years in prison.",
			"suspended":           "The third received a suspended sentence.",
		},
	}
	// The second outlet counts two victims.
	shymkent2 := shymkent
	shymkent2.Victims = n(2)
	shymkent2.Evidence = map[string]string{"victims": "Relatives of the two victims said the sentences handed down in Shymkent on March 18 were too lenient."}
	bishkek := trialwatch.Case{
		Stage: trialwatch.StageAppeal, Court: p("Bishkek City Court"), Location: p("Bishkek"), Country: p("Kyrgyzstan"),
		DecisionDate: p("2024-02"), Defendants: n(1), Convicted: n(1), Imprisoned: n(1), SentenceMinMonths: n(96), SentenceMaxMonths: n(96),
		Evidence: map[string]string{"court": "The Bishkek City Court upheld the eight-year sentence of a former investigator."},
	}
	andijan := trialwatch.Case{
		Stage: trialwatch.StageVerdict, Location: p("Andijan"), Country: p("Uzbekistan"), DecisionDate: p("2023-11-02"),
		Defendants: n(2), Acquitted: n(2), Evidence: map[string]string{"acquitted": "A court in Andijan acquitted two prison guards."},
	}
	taraz := trialwatch.Case{
		Stage: trialwatch.StageVerdict, Court: p("Taraz City Court"), Location: p("Taraz"), Country: p("Kazakhstan"),
		DecisionDate: p("2023-06-30"), Defendants: n(1), Convicted: n(1), Imprisoned: n(1), SentenceMinMonths: n(18), SentenceMaxMonths: n(18),
		Evidence: map[string]string{"sentence_max_months": "He was jailed for 18 months."},
	}
	return []story{
		{Slug: "shymkent-officers-jailed", Title: "Shymkent police officers jailed for torture", Outlet: "Steppe Herald", Published: "2024-03-20",
			Text: "The Shymkent City Court on March 18 found three police officers guilty of torture.", Cases: []trialwatch.Case{shymkent}},
		{Slug: "bishkek-appeal", Title: "Court upholds sentence of former investigator", Outlet: "Steppe Herald", Published: "2024-02-28",
			Text: "The Bishkek City Court upheld the eight-year sentence of a former investigator.", Cases: []trialwatch.Case{bishkek}},
		{Slug: "andijan-acquittal", Title: "Andijan court acquits prison guards", Outlet: "Valley Times", Published: "2023-11-03",
			Text: "A court in Andijan acquitted two prison guards.", Cases: []trialwatch.Case{andijan}},
		{Slug: "taraz-officer", Title: "Taraz officer jailed", Outlet: "Valley Times", Published: "2023-07-01",
			Text: "He was jailed for 18 months.", Cases: []trialwatch.Case{taraz}},
		{Slug: "shymkent-families", Title: "Families say Shymkent sentences too lenient", Outlet: "Valley Times", Published: "2024-03-21",
			Text: "Relatives of the two victims said the sentences handed down in Shymkent on March 18 were too lenient.", Cases: []trialwatch.Case{shymkent2}},
		{Slug: "tennis", Title: "Junior tennis championship opens in Almaty", Outlet: "Valley Times", Published: "2024-03-22",
			Text: "Forty players take part."},
	}
}
