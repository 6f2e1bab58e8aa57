package pipeline

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
	"github.com/trialwatch/trialwatch/store"
)

// TestThreeOutletsOneDecision crawls a site where three outlets' copies
// report one decision in their own words, one of them with another victim
// count: one case, three sources, the victim count disputed.
func TestThreeOutletsOneDecision(t *testing.T) {
	reports := []struct{ outlet, date, body string }{
		{"Steppe Wire", "2024-03-06", "The Taraz City Court on Monday sentenced three former police officers to between five and eight years in prison for torturing two detainees."},
		{"Caspian Daily", "2024-03-05", "A Kazakh court in Taraz on March 4 jailed three ex-policemen for five to eight years after finding them guilty of torturing two men in custody."},
		{"Valley Ledger", "2024-03-07", "Three former officers were sentenced on March 4 by the Taraz City Court to prison terms ranging from five to eight years for torturing three detainees."},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		for i := range reports {
			fmt.Fprintf(w, `<a href="/news/%d">story</a> `, i)
		}
	})
	for i, rep := range reports {
		mux.HandleFunc(fmt.Sprintf("GET /news/%d", i), func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Taraz officers jailed | %[1]s</title>
<meta property="og:site_name" content="%[1]s"><meta property="article:published_time" content="%[2]sT09:00:00+05:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Taraz officers jailed for torture</h1>
<p>%[3]s</p><p>Their lawyers said they would appeal. Rights groups say abuse in custody remains common.</p></article></body></html>`,
				rep.outlet, rep.date, rep.body)
		})
	}
	site := httptest.NewServer(mux)
	defer site.Close()

	db, err := store.Open(filepath.Join(t.TempDir(), "tw.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	src := &trialwatch.Source{
		Name: "wires", Start: []string{site.URL + "/"}, AllowedDomains: []string{"127.0.0.1"},
		Articles: []*regexp.Regexp{regexp.MustCompile(`^/news/\d+$`)},
		Parallel: 3, MaxDepth: 1, Timeout: 5 * time.Second, MaxBody: 1 << 20,
	}
	p := New(db, rules.Default(), Options{AllowNetworks: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}})
	if _, err := p.Crawl(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	var cases []trialwatch.StoredCase
	if err := db.Cases(context.Background(), store.Query{}, func(c trialwatch.StoredCase) error {
		cases = append(cases, c)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(cases) != 1 {
		for _, c := range cases {
			t.Logf("case %s: %d sources, victims %v, date %v", c.ID, len(c.Sources), c.Victims, c.DecisionDate)
		}
		t.Fatalf("%d cases, want the one decision", len(cases))
	}
	c := cases[0]
	if len(c.Sources) != 3 {
		t.Errorf("%d sources, want 3", len(c.Sources))
	}
	outlets := map[string]bool{}
	for _, s := range c.Sources {
		outlets[s.Outlet] = true
	}
	if len(outlets) != 3 {
		t.Errorf("outlets %v, want the three", outlets)
	}
	if c.Victims == nil || *c.Victims != 2 {
		t.Errorf("victims = %v, want 2 (two sources of three)", c.Victims)
	}
	if vals := c.Disputed["victims"]; len(vals) != 2 {
		t.Errorf("disputed victims = %+v, want the two values", vals)
	}
	if c.SentenceMinMonths == nil || *c.SentenceMinMonths != 60 || c.SentenceMaxMonths == nil || *c.SentenceMaxMonths != 96 {
		t.Errorf("terms %v-%v, want 60-96", c.SentenceMinMonths, c.SentenceMaxMonths)
	}
}
