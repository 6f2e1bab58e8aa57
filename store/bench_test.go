package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch/store/storetest"
)

// benchDB returns a database holding n synthetic cases. Filling a million
// takes minutes, so the file is kept in the temporary directory and reused
// by later runs (they add the few articles each benchmark saves).
func benchDB(b *testing.B, n int) *DB {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("trialwatch-bench-store-v2-%d.db", n))
	_, err := os.Stat(path)
	fresh := os.IsNotExist(err)
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if fresh {
		start := time.Now()
		if err := Fill(db, 0, n); err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
		b.Logf("filled %d cases in %s", n, time.Since(start))
	}
	return db
}

// Fill saves synthetic articles [from, to) in large transactions without
// fsync.
func Fill(db *DB, from, to int) error {
	prev := db.bolt.NoSync
	db.bolt.NoSync = true
	defer func() { db.bolt.NoSync = prev; db.bolt.Sync() }()
	const chunk = 10000
	for lo := from; lo < to; lo += chunk {
		batch := make([]ArticleSave, 0, chunk)
		for i := lo; i < min(lo+chunk, to); i++ {
			a, cs := storetest.Article(i)
			batch = append(batch, ArticleSave{Article: a, Cases: cs})
		}
		if _, err := db.SaveArticles(context.Background(), batch); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkSaveArticle saves one article per op into a database of 10^3,
// 10^5 and 10^6 cases: half the articles retell a stored case (a merge),
// half report a new one. "sync" is the real cost with fsync per commit;
// "nosync" shows the cost of dedup and writing alone.
func BenchmarkSaveArticle(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		for _, mode := range []string{"nosync", "sync"} {
			b.Run(fmt.Sprintf("cases=%d/%s", n, mode), func(b *testing.B) {
				db := benchDB(b, n)
				db.bolt.NoSync = mode == "nosync"
				defer func() { db.bolt.NoSync = false }()
				ctx := context.Background()
				merged, falseMerged := 0, 0
				b.ResetTimer()
				for i := range b.N {
					var err error
					var res SaveResult
					if i%2 == 0 {
						a, cs := storetest.Retold((i*7919)%n, int(time.Now().UnixNano()%1e9))
						res, err = db.SaveArticle(ctx, a, nil, cs)
					} else {
						a, cs := storetest.Article(n + 10_000_000 + int(time.Now().UnixNano()%1e12))
						res, err = db.SaveArticle(ctx, a, nil, cs)
						falseMerged += res.Merged
					}
					if err != nil {
						b.Fatal(err)
					}
					merged += res.Merged
				}
				b.ReportMetric(float64(merged-falseMerged)/float64((b.N+1)/2), "merged/retold")
				b.ReportMetric(float64(falseMerged)/float64(b.N/2+1), "merged/unrelated")
			})
		}
	}
}

// BenchmarkSaveArticleParallel saves from many goroutines at once, as a
// crawl of many sources does, with fsync: group commit shares each fsync.
func BenchmarkSaveArticleParallel(b *testing.B) {
	db := benchDB(b, 100_000)
	b.SetParallelism(16)
	var seq atomic.Int64
	seq.Store(time.Now().UnixNano() % 1e12)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a, cs := storetest.Article(20_000_000 + int(seq.Add(1)))
			if _, err := db.SaveArticle(context.Background(), a, nil, cs); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
