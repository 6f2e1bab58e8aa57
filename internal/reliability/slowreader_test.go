package reliability

import (
	"context"
	"net/netip"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/export"
	"github.com/trialwatch/trialwatch/pipeline"
	"github.com/trialwatch/trialwatch/rules"
	"github.com/trialwatch/trialwatch/store"
)

var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}

// slowWriter takes 512 bytes at a time and sleeps after each piece, like a
// client on a slow link.
type slowWriter struct {
	ctx   context.Context
	pause time.Duration
}

func (w *slowWriter) Write(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if err := w.ctx.Err(); err != nil {
			return n, err
		}
		n += min(len(p)-n, 512)
		time.Sleep(w.pause)
	}
	return n, nil
}

// TestSlowReaderDoesNotStallCrawl reads the stored cases slowly while a
// crawl stores more and checks that the crawl takes about as long as it
// does alone.
func TestSlowReaderDoesNotStallCrawl(t *testing.T) {
	articles := 100
	if soak() {
		articles = 400
	}
	old := startSite(t, &newsSite{articles: articles, perList: 10})
	fresh := startSite(t, &newsSite{articles: articles, perList: 10, base: 2000})

	seeded := tempDB(t, "seeded.db")
	func() {
		db, err := store.Open(seeded)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		crawl(t, context.Background(), db, source("old", old.URL))
	}()

	readers := []struct {
		name string
		read func(ctx context.Context, db *store.DB) (int, error)
	}{
		{"cases with a pause per case", func(ctx context.Context, db *store.DB) (int, error) {
			n := 0
			err := db.Cases(ctx, store.Query{}, func(trialwatch.StoredCase) error {
				n++
				time.Sleep(15 * time.Millisecond)
				return ctx.Err()
			})
			return n, err
		}},
		{"export to a slow client", func(ctx context.Context, db *store.DB) (int, error) {
			return export.Write(ctx, db, &slowWriter{ctx: ctx, pause: 4 * time.Millisecond}, export.Options{Format: export.JSON})
		}},
	}
	for _, rd := range readers {
		t.Run(rd.name, func(t *testing.T) {
			alonePath, withPath := tempDB(t, "alone.db"), tempDB(t, "with.db")
			copyFile(t, seeded, alonePath)
			copyFile(t, seeded, withPath)
			ctx := context.Background()

			alone := openDB(t, alonePath)
			start := time.Now()
			crawl(t, ctx, alone, source("fresh", fresh.URL))
			aloneTook := time.Since(start)

			db := openDB(t, withPath)
			// The reader reads everything over and over, slowly, until
			// the crawl has ended.
			readCtx, stopReading := context.WithCancel(ctx)
			defer stopReading()
			type readEnd struct {
				n, passes int
				err       error
			}
			ended := make(chan readEnd, 1)
			go func() {
				var e readEnd
				for readCtx.Err() == nil {
					n, err := rd.read(readCtx, db)
					e.n += n
					if err != nil && readCtx.Err() == nil {
						e.err = err
						break
					}
					e.passes++
				}
				ended <- e
			}()
			time.Sleep(20 * time.Millisecond) // the reader is under way
			limit := 2*aloneTook + time.Second
			start = time.Now()
			type crawlEnd struct {
				run trialwatch.Run
				err error
			}
			crawled := make(chan crawlEnd, 1)
			go func() {
				run, err := pipeline.New(db, rules.Default(), pipeline.Options{AllowNetworks: loopback}).Crawl(ctx, source("fresh", fresh.URL))
				crawled <- crawlEnd{run, err}
			}()
			var run trialwatch.Run
			select {
			case ce := <-crawled:
				if ce.err != nil {
					t.Fatalf("crawl beside the reader: %v", ce.err)
				}
				run = ce.run
			case <-time.After(limit + 10*time.Second):
				// A stalled writer may never return; the test cannot wait.
				t.Fatalf("crawl beside a slow reader still running after %s (alone %s): the reader stalls the writes", time.Since(start).Round(time.Millisecond), aloneTook)
			}
			withTook := time.Since(start)
			stopReading()
			re := <-ended
			if re.err != nil {
				t.Fatalf("reader: %v", re.err)
			}
			if re.n == 0 {
				t.Error("the reader read nothing during the crawl")
			}
			if run.Counts["cases_new"] == 0 {
				t.Errorf("the crawl beside the reader stored no new case: %v", run.Counts)
			}
			t.Logf("crawl alone %s, beside the reader %s; the reader read %d cases in %d passes",
				aloneTook.Round(time.Millisecond), withTook.Round(time.Millisecond), re.n, re.passes)
			if withTook > limit {
				t.Errorf("crawl beside a slow reader took %s, alone %s: the reader stalls the writes", withTook, aloneTook)
			}
		})
	}
}
