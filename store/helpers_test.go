package store

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// openTest opens a fresh database in a temporary directory.
func openTest(tb testing.TB, opts ...Option) (*DB, *clock) {
	tb.Helper()
	clk := newClock()
	db, err := Open(filepath.Join(tb.TempDir(), "test.db"), append([]Option{WithClock(clk.now)}, opts...)...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, clk
}

func article(url, outlet, published string) trialwatch.Article {
	return trialwatch.Article{URL: url, Outlet: outlet, Title: "Title of " + url, Published: published, Text: "Text of " + url}
}

func save(tb testing.TB, db *DB, a trialwatch.Article, cases ...trialwatch.Case) SaveResult {
	tb.Helper()
	res, err := db.SaveArticle(context.Background(), a, nil, cases)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

func allCases(tb testing.TB, db *DB) []trialwatch.StoredCase {
	tb.Helper()
	var out []trialwatch.StoredCase
	if err := db.Cases(context.Background(), Query{}, func(sc trialwatch.StoredCase) error {
		out = append(out, sc)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return out
}

// taldykorgan is a verdict as one outlet reports it.
func taldykorgan() trialwatch.Case {
	return trialwatch.Case{
		Stage:             trialwatch.StageVerdict,
		Location:          trialwatch.Ptr("Taldykorgan"),
		Country:           trialwatch.Ptr("Kazakhstan"),
		DecisionDate:      trialwatch.Ptr("2024-03-18"),
		Defendants:        trialwatch.Ptr(4),
		Convicted:         trialwatch.Ptr(4),
		Imprisoned:        trialwatch.Ptr(16),
		SentenceMinMonths: trialwatch.Ptr(48),
		SentenceMaxMonths: trialwatch.Ptr(72),
		Charges:           []string{"torture"},
		DefendantRole:     trialwatch.Ptr("police officers"),
		Evidence:          map[string]string{"location": "A court in Taldykorgan sentenced four officers."},
	}
}
