package main

import (
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/extract"
	"github.com/trialwatch/trialwatch/rules"
)

// sitePages returns n article pages of the synthetic site, as served.
func sitePages(t testing.TB, n int) []*trialwatch.Page {
	s := newSite(3000, 60)
	pages := make([]*trialwatch.Page, n)
	for i := range pages {
		u := "http://bench.test/news/" + strconv.Itoa(i+1)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", u, rec.Code)
		}
		pages[i] = &trialwatch.Page{URL: u, Body: rec.Body.Bytes()}
	}
	return pages
}

// TestSiteArticlesReportOneDecision checks that the synthetic site's
// articles read as the crawl benchmark counts them: one verdict each.
func TestSiteArticlesReportOneDecision(t *testing.T) {
	rs := rules.Default()
	for _, p := range sitePages(t, 12) {
		res := extract.Extract(p, rs)
		if !res.Relevant || len(res.Cases) != 1 {
			t.Fatalf("%s: relevant %v, %d cases; want one verdict", p.URL, res.Relevant, len(res.Cases))
		}
		c := res.Cases[0]
		if c.Court == nil || c.SentenceMinMonths == nil || c.Defendants == nil {
			t.Errorf("%s: court, sentence or defendants missing: %+v", p.URL, c)
		}
	}
}

// BenchmarkExtractSiteArticle runs the whole extraction (HTML parse,
// article, cases) on the synthetic site's article pages (~13 KB, most of
// it navigation and teasers), as the crawl benchmark does for each page.
func BenchmarkExtractSiteArticle(b *testing.B) {
	pages := sitePages(b, 60)
	rs := rules.Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		extract.Extract(pages[i%len(pages)], rs)
	}
}
