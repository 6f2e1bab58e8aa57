package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch/store"
	"github.com/trialwatch/trialwatch/store/storetest"
)

// benchDB opens the database of n synthetic cases the store's benchmarks
// build (the same file, if they ran first), filling it if it is missing.
func benchDB(b *testing.B, n int) *store.DB {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("trialwatch-bench-store-v2-%d.db", n))
	_, err := os.Stat(path)
	fresh := os.IsNotExist(err)
	opts := []store.Option{}
	if fresh {
		opts = append(opts, store.WithNoSync())
	}
	db, err := store.Open(path, opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if fresh {
		start := time.Now()
		for lo := 0; lo < n; lo += 2000 {
			batch := make([]store.ArticleSave, 0, 2000)
			for i := lo; i < min(lo+2000, n); i++ {
				a, cs := storetest.Article(i)
				batch = append(batch, store.ArticleSave{Article: a, Cases: cs})
			}
			if _, err := db.SaveArticles(context.Background(), batch); err != nil {
				os.Remove(path)
				b.Fatal(err)
			}
		}
		b.Logf("filled %d cases in %s", n, time.Since(start))
	}
	return db
}

// BenchmarkExport streams every case of a database of a million cases to
// io.Discard in each format.
func BenchmarkExport(b *testing.B) {
	db := benchDB(b, 1_000_000)
	st, err := db.Stats()
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			total := 0
			start, cpu0 := time.Now(), cpuTime(b)
			for range b.N {
				n, err := Write(context.Background(), db, io.Discard, Options{Format: f})
				if err != nil {
					b.Fatal(err)
				}
				if n != st.Cases {
					b.Fatalf("exported %d of %d cases", n, st.Cases)
				}
				total += n
			}
			b.ReportMetric(float64(total)/time.Since(start).Seconds(), "cases/s")
			// CPU time per case says what a case costs however busy the
			// machine is; cases/s also depends on what else runs.
			b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(total), "cpu-ns/case")
		})
	}
}
