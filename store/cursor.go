package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Cursor is where a consumer's last successful export ended: every case
// with an id up to ID, as of revision Rev, was handed out.
type Cursor struct {
	ID       string    `json:"id"`       // newest case id exported ("" before the first export)
	Rev      uint64    `json:"rev"`      // store revision the export covered
	Exported time.Time `json:"exported"` // when that export finished
	// Pending is where the cursor goes once the file export PendingFile,
	// whose content has SHA-256 PendingSHA256, is in place: set just before
	// the export's temporary file is renamed over its target, so an export
	// killed between the rename and the cursor update can be recognised as
	// done the next time.
	Pending       *Cursor `json:"pending,omitempty"`
	PendingFile   string  `json:"pending_file,omitempty"`
	PendingSHA256 string  `json:"pending_sha256,omitempty"`
}

// Cursor returns the consumer's cursor; the zero Cursor when it has none.
func (db *DB) Cursor(consumer string) (Cursor, error) {
	if consumer == "" {
		return Cursor{}, fmt.Errorf("store: cursor: empty consumer name")
	}
	var c Cursor
	err := db.bolt.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bCursors).Get([]byte(consumer))
		if v == nil {
			return nil
		}
		return json.Unmarshal(v, &c)
	})
	if err != nil {
		return Cursor{}, fmt.Errorf("store: cursor %s: %w", consumer, err)
	}
	return c, nil
}

// SetCursor stores the consumer's cursor.
func (db *DB) SetCursor(consumer string, c Cursor) error {
	if consumer == "" {
		return fmt.Errorf("store: set cursor: empty consumer name")
	}
	if c.ID != "" {
		if _, err := parseID(c.ID); err != nil {
			return fmt.Errorf("store: set cursor %s: %w", consumer, err)
		}
	}
	err := db.update(context.Background(), func(tx *bolt.Tx) error {
		v, err := json.Marshal(c)
		if err != nil {
			return err
		}
		return tx.Bucket(bCursors).Put([]byte(consumer), v)
	})
	if err != nil {
		return fmt.Errorf("store: set cursor %s: %w", consumer, err)
	}
	return nil
}
