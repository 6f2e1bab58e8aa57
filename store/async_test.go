package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
)

// TestSaveAsync queues many saves without waiting: every one is reported
// once, all are stored with their visits, and they share commits.
func TestSaveAsync(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	const n = 200
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		results = map[string]SaveResult{}
	)
	before := db.w.commits.Load()
	for i := range n {
		wg.Add(1)
		u := fmt.Sprintf("https://a.example/%d", i)
		c := taldykorgan()
		c.DecisionDate = trialwatch.Ptr(fmt.Sprintf("2020-01-%02d", 1+i%28))
		db.SaveAsync(ctx, ArticleSave{Article: article(u, "A", ""), Cases: []trialwatch.Case{c}, Visits: []uint64{uint64(1000 + i)}},
			func(r SaveResult, err error) {
				defer wg.Done()
				if err != nil {
					t.Errorf("%s: %v", u, err)
				}
				mu.Lock()
				defer mu.Unlock()
				if _, dup := results[u]; dup {
					t.Errorf("%s reported twice", u)
				}
				results[u] = r
			})
	}
	wg.Wait()
	if len(results) != n {
		t.Fatalf("%d of %d saves reported", len(results), n)
	}
	if commits := db.w.commits.Load() - before; commits >= n/2 {
		t.Errorf("%d saves took %d commits: not grouped", n, commits)
	}
	for i := range n {
		if ok, _ := db.IsVisited(uint64(1000 + i)); !ok {
			t.Fatalf("visit %d not marked", 1000+i)
		}
	}
	if _, err := db.Article("https://a.example/199"); err != nil {
		t.Error(err)
	}

	// A refused article and a closed store are reported, not lost.
	bad := taldykorgan()
	bad.Stage = "rumour"
	errc := make(chan error, 2)
	db.SaveAsync(ctx, ArticleSave{Article: article("https://a.example/bad", "A", ""), Cases: []trialwatch.Case{bad}}, func(_ SaveResult, err error) { errc <- err })
	if err := <-errc; err == nil {
		t.Error("refused article reported no error")
	}
	db.Close()
	db.SaveAsync(ctx, ArticleSave{Article: article("https://a.example/late", "A", "")}, func(_ SaveResult, err error) { errc <- err })
	if err := <-errc; !errors.Is(err, ErrClosed) {
		t.Errorf("save after close: %v, want ErrClosed", err)
	}
}

// TestNewCaseShownAsFromStoredReports checks that a case made from the
// report in hand reads the same as one recomputed from the stored reports:
// recomputing it changes nothing.
func TestNewCaseShownAsFromStoredReports(t *testing.T) {
	db, clk := openTest(t)
	c := taldykorgan()
	c.Evidence = map[string]string{"location": "The Taldykorgan City Court sentenced <four> officers & one guard."}
	c.Rules = map[string]string{"location": "court_place"}
	res := save(t, db, article("https://a.example/new", "A", "2024-03-19"), c)
	before, err := rawCase(db, res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	clk.advance(time.Hour)
	if err := db.bolt.Update(func(tx *bolt.Tx) error { return db.refresh(tx, res.IDs[0], clk.now(), "") }); err != nil {
		t.Fatal(err)
	}
	after, err := rawCase(db, res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Errorf("recomputed case differs:\n%s\n%s", before, after)
	}
}

// rawCase returns the stored record of case id, revision and all.
func rawCase(db *DB, id string) ([]byte, error) {
	var out []byte
	err := db.bolt.View(func(tx *bolt.Tx) error {
		out = bytes.Clone(tx.Bucket(bCases).Get([]byte(id)))
		return nil
	})
	return out, err
}
