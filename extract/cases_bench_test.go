package extract

import (
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// BenchmarkCases measures the case extractor alone, per article of the
// labelled corpus (the articles are read once, before timing).
func BenchmarkCases(b *testing.B) {
	pages := loadLabelled(b)
	rs := rules.Default()
	var arts []trialwatch.Article
	for _, p := range pages {
		a, err := ReadArticle(&trialwatch.Page{URL: p.url, Status: 200, Body: p.html}, rs)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		Cases(arts[i%len(arts)], rs)
	}
	reportCPU(b, start)
}
