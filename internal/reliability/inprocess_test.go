package reliability

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/pipeline"
	"github.com/trialwatch/trialwatch/rules"
	"github.com/trialwatch/trialwatch/store"
)

// source is the crawl of a newsSite served at base, as the configuration
// would give it.
func source(name, base string) *trialwatch.Source {
	return &trialwatch.Source{
		Name:           name,
		Start:          []string{base + "/"},
		AllowedDomains: []string{"127.0.0.1"},
		Follow:         []*regexp.Regexp{regexp.MustCompile(`^/list/\d+$`)},
		Articles:       []*regexp.Regexp{regexp.MustCompile(`^/news/\d+$`)},
		Parallel:       4,
		MaxDepth:       3,
		Timeout:        10 * time.Second,
		MaxBody:        1 << 20,
	}
}

// openDB opens a database file for the test and closes it at its end.
func openDB(tb testing.TB, path string) *store.DB {
	tb.Helper()
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// crawl runs one crawl of src into db and fails the test if it fails.
func crawl(tb testing.TB, ctx context.Context, db *store.DB, src *trialwatch.Source) trialwatch.Run {
	tb.Helper()
	p := pipeline.New(db, rules.Default(), pipeline.Options{AllowNetworks: loopback})
	run, err := p.Crawl(ctx, src)
	if err != nil {
		tb.Fatalf("crawl %s: %v", src.Name, err)
	}
	return run
}

// copyFile copies the file at from to to.
func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	in, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
}

func tempDB(tb testing.TB, name string) string {
	return filepath.Join(tb.TempDir(), name)
}
