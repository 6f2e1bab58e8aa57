package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
)

// StartRun records the start of a crawl of source and returns the run's id.
func (db *DB) StartRun(source string, started time.Time) (uint64, error) {
	var id uint64
	err := db.update(context.Background(), func(tx *bolt.Tx) error {
		b := tx.Bucket(bRuns)
		var err error
		if id, err = b.NextSequence(); err != nil {
			return err
		}
		v, err := json.Marshal(trialwatch.Run{ID: id, Source: source, Started: started, Counts: map[string]int{}})
		if err != nil {
			return err
		}
		return b.Put(u64(id), v)
	})
	if err != nil {
		return 0, fmt.Errorf("store: start run %s: %w", source, err)
	}
	return id, nil
}

// FinishRun stores the finished run r (r.ID from StartRun).
func (db *DB) FinishRun(r trialwatch.Run) error {
	err := db.update(context.Background(), func(tx *bolt.Tx) error {
		b := tx.Bucket(bRuns)
		if b.Get(u64(r.ID)) == nil {
			return fmt.Errorf("run %d: %w", r.ID, ErrNotFound)
		}
		v, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return b.Put(u64(r.ID), v)
	})
	if err != nil {
		return fmt.Errorf("store: finish run: %w", err)
	}
	return nil
}

// Runs returns the most recent runs, newest first; limit <= 0 means all.
func (db *DB) Runs(limit int) ([]trialwatch.Run, error) {
	var out []trialwatch.Run
	err := db.bolt.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bRuns).Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			var r trialwatch.Run
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("run %d: %w", binary.BigEndian.Uint64(k), err)
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: runs: %w", err)
	}
	return out, nil
}
