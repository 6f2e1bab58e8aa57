package store

import (
	"context"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// The visited set and per-URL fetch state are what the crawler remembers
// between runs. The method shapes follow colly's storage.Storage where they
// overlap, so a thin adapter in the crawler can hand the store to colly.

// IsVisited reports whether the request id was marked visited.
func (db *DB) IsVisited(id uint64) (bool, error) {
	var ok bool
	err := db.bolt.View(func(tx *bolt.Tx) error {
		ok = tx.Bucket(bVisited).Get(u64(id)) != nil
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("store: is visited %d: %w", id, err)
	}
	return ok, nil
}

// Visited marks the request id visited.
func (db *DB) Visited(id uint64) error { return db.VisitedAll(id) }

// VisitedAll records several visit ids in one transaction: a crawl marks an
// article under its requested, final and canonical URLs at once.
func (db *DB) VisitedAll(ids ...uint64) error {
	err := db.update(context.Background(), func(tx *bolt.Tx) error {
		return markVisited(tx, ids)
	})
	if err != nil {
		return fmt.Errorf("store: visited %v: %w", ids, err)
	}
	return nil
}

func markVisited(tx *bolt.Tx, ids []uint64) error {
	b := tx.Bucket(bVisited)
	for _, id := range ids {
		if b.Get(u64(id)) != nil {
			continue
		}
		if err := b.Put(u64(id), nil); err != nil {
			return err
		}
		if err := addCount(tx, "visited", 1); err != nil {
			return err
		}
	}
	return nil
}

// Unvisit forgets that the request id was visited, so it is fetched again.
func (db *DB) Unvisit(id uint64) error {
	err := db.update(context.Background(), func(tx *bolt.Tx) error {
		b := tx.Bucket(bVisited)
		if b.Get(u64(id)) == nil {
			return nil
		}
		if err := b.Delete(u64(id)); err != nil {
			return err
		}
		return addCount(tx, "visited", -1)
	})
	if err != nil {
		return fmt.Errorf("store: unvisit %d: %w", id, err)
	}
	return nil
}

type fetchState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// FetchState returns the validators last seen for url (empty strings when
// none), for a conditional GET.
func (db *DB) FetchState(url string) (etag, lastModified string, err error) {
	var fs fetchState
	err = db.bolt.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bFetch).Get([]byte(url))
		if v == nil {
			return nil
		}
		return json.Unmarshal(v, &fs)
	})
	if err != nil {
		return "", "", fmt.Errorf("store: fetch state %s: %w", url, err)
	}
	return fs.ETag, fs.LastModified, nil
}

// SetFetchState records the validators of url's last response; both empty
// forgets them.
func (db *DB) SetFetchState(url, etag, lastModified string) error {
	if url == "" {
		return fmt.Errorf("store: set fetch state: empty URL")
	}
	err := db.update(context.Background(), func(tx *bolt.Tx) error {
		b := tx.Bucket(bFetch)
		if etag == "" && lastModified == "" {
			return b.Delete([]byte(url))
		}
		v, err := json.Marshal(fetchState{ETag: etag, LastModified: lastModified})
		if err != nil {
			return err
		}
		return b.Put([]byte(url), v)
	})
	if err != nil {
		return fmt.Errorf("store: set fetch state %s: %w", url, err)
	}
	return nil
}
