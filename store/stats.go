package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Stats are the database's counts, for metrics.
type Stats struct {
	Cases     int   // stored cases
	Articles  int   // stored articles
	Pages     int   // stored raw pages
	Visited   int   // URLs in the visited set
	Runs      int   // crawl runs recorded
	FileBytes int64 // size of the database file
}

// Stats returns the database's counts. Counts are kept as counters, so this
// is cheap at any size.
func (db *DB) Stats() (Stats, error) {
	var s Stats
	err := db.bolt.View(func(tx *bolt.Tx) error {
		s.Cases = getCount(tx, "cases")
		s.Articles = getCount(tx, "articles")
		s.Pages = getCount(tx, "pages")
		s.Visited = getCount(tx, "visited")
		s.Runs = int(tx.Bucket(bRuns).Sequence())
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("store: stats: %w", err)
	}
	s.FileBytes = db.fileSize()
	return s, nil
}

// Ping reports whether the database is usable: open, and readable.
func (db *DB) Ping() error {
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bMeta) == nil {
			return errNoBucket
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: ping %s: %w", db.path, err)
	}
	return nil
}
