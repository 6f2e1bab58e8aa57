package store

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store/storetest"
)

// BenchmarkCrawlSave saves articles as a crawl does: from 8 goroutines at
// once with SaveAsync, each with its page (a 13 KB news page) and visit
// ids, into a fresh file with fsync, as fast as the store takes them
// (flood) or at the pace of a crawl (800/s). Besides the time per article
// it reports the processor time per article (cpu-ns/op), which a busy
// machine disturbs less, and the articles committed together.
func BenchmarkCrawlSave(b *testing.B) {
	b.Run("flood", func(b *testing.B) { benchCrawlSave(b, 0) })
	b.Run("800/s", func(b *testing.B) { benchCrawlSave(b, time.Second/800) })
}

func benchCrawlSave(b *testing.B, every time.Duration) {
	db, err := Open(filepath.Join(b.TempDir(), "crawl.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	pad := strings.Repeat(`<li class="teaser"><a href="/section/1">Section</a><p>Opinion, analysis and reports from across the region, updated daily.</p></li>`, 40)
	hdr := http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Date": {"Thu, 26 Nov 2026 15:00:00 GMT"}}
	ctx := context.Background()
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	cpu0 := cpuTime()
	b.ResetTimer()
	for range 8 {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				if every > 0 {
					time.Sleep(time.Until(start.Add(time.Duration(i) * every)))
				}
				a, cs := storetest.Article(i)
				a.Text = fmt.Sprintf("Report number %d. ", i) + strings.Repeat("The court sentenced the officers. ", 30)
				body := fmt.Sprintf(`<!DOCTYPE html><html><head><title>%s</title></head><body><ul>%s</ul><p>%s</p><ul>%s</ul></body></html>`, a.Title, pad, a.Text, pad)
				p := &trialwatch.Page{URL: a.URL, Source: "bench", Status: 200, Header: hdr, Body: []byte(body), Fetched: time.Now().UTC()}
				wg.Add(1)
				db.SaveAsync(ctx, ArticleSave{Article: a, Page: p, Cases: cs, Visits: []uint64{uint64(i) + 1}}, func(_ SaveResult, err error) {
					defer wg.Done()
					if err != nil {
						b.Error(err)
					}
				})
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(db.w.writes.Load())/float64(db.w.commits.Load()), "writes/commit")
}

// cpuTime is the processor time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
