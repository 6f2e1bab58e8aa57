package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
)

// readBatch is how many cases one short read transaction reads.
const readBatch = 256

// Query selects stored cases. The zero Query selects every case.
type Query struct {
	// After selects cases with an id greater than After ("" for all).
	After string
	// Through, if set, selects cases with an id up to and including it.
	Through string
	// Since selects cases first seen at or after Since (the time the store
	// first found them, not the decision date; see DecidedSince).
	Since time.Time
	// DecidedSince selects cases whose decision_date (YYYY-MM or
	// YYYY-MM-DD) is not before it, compared as text; undated cases are
	// left out when it is set.
	DecidedSince string
	// UpdatedAfter selects cases whose updated time is after it.
	UpdatedAfter time.Time
	// ChangedAfter and ChangedThrough select by revision, the store's
	// change counter (see Head): cases written after revision ChangedAfter
	// and, if ChangedThrough is not 0, up to it. With either set, cases
	// come in revision order rather than id order.
	ChangedAfter, ChangedThrough uint64
	// Country and Stage select cases with that country (case-insensitive)
	// or stage.
	Country, Stage string
	// Limit is the most cases returned (0: no limit).
	Limit int
}

func (q *Query) validate() error {
	for name, id := range map[string]string{"after": q.After, "through": q.Through} {
		if id != "" {
			if _, err := parseID(id); err != nil {
				return fmt.Errorf("query %s: %w", name, err)
			}
		}
	}
	if q.DecidedSince != "" && !validDate(q.DecidedSince) {
		return fmt.Errorf("query: decided-since %q is not YYYY-MM-DD or YYYY-MM", q.DecidedSince)
	}
	if q.Limit < 0 {
		return fmt.Errorf("query: negative limit %d", q.Limit)
	}
	return nil
}

func (q *Query) byRevision() bool { return q.ChangedAfter != 0 || q.ChangedThrough != 0 }

// filter is the part of a stored case the query filters look at; decoding
// only these keeps raw streaming fast.
type filter struct {
	Stage        string    `json:"stage"`
	Country      *string   `json:"country"`
	DecisionDate *string   `json:"decision_date"`
	FirstSeen    time.Time `json:"first_seen"`
	Updated      time.Time `json:"updated"`
}

func (q *Query) needsDecode() bool {
	return !q.Since.IsZero() || q.DecidedSince != "" || !q.UpdatedAfter.IsZero() || q.Country != "" || q.Stage != ""
}

func (q *Query) match(body []byte) (bool, error) {
	if !q.needsDecode() {
		return true, nil
	}
	var f filter
	if err := json.Unmarshal(body, &f); err != nil {
		return false, err
	}
	switch {
	case !q.Since.IsZero() && f.FirstSeen.Before(q.Since),
		!q.UpdatedAfter.IsZero() && !f.Updated.After(q.UpdatedAfter),
		q.Stage != "" && f.Stage != q.Stage,
		q.Country != "" && (f.Country == nil || !strings.EqualFold(*f.Country, q.Country)),
		q.DecidedSince != "" && (f.DecisionDate == nil || *f.DecisionDate < q.DecidedSince):
		return false, nil
	}
	return true, nil
}

// Case returns the stored case with the id, or an error wrapping
// ErrNotFound.
func (db *DB) Case(id string) (trialwatch.StoredCase, error) {
	if _, err := parseID(id); err != nil {
		return trialwatch.StoredCase{}, fmt.Errorf("%w: %w", err, ErrNotFound)
	}
	var sc trialwatch.StoredCase
	err := db.bolt.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bCases).Get([]byte(id))
		if v == nil {
			return ErrNotFound
		}
		var err error
		sc, _, err = decodeCase(v)
		return err
	})
	if err != nil {
		return sc, fmt.Errorf("store: case %s: %w", id, err)
	}
	return sc, nil
}

// RawCase is a stored case as the store keeps it: its id, its revision and
// its JSON export form (the shape of spec/interface.md).
type RawCase struct {
	ID   string
	Rev  uint64
	JSON []byte
}

// Cases calls fn with the cases q selects, oldest first by id (by revision
// when q selects by revision). It reads in short transactions of a few
// hundred cases, so saves go on meanwhile; a case changed between two
// batches is seen as it was when its batch was read. An error from fn stops
// the walk and is returned as is.
func (db *DB) Cases(ctx context.Context, q Query, fn func(trialwatch.StoredCase) error) error {
	return db.CasesRaw(ctx, q, func(rc RawCase) error {
		sc, _, err := decodeCase(append(u64(rc.Rev), rc.JSON...))
		if err != nil {
			return fmt.Errorf("store: case %s: %w", rc.ID, err)
		}
		return fn(sc)
	})
}

// CasesRaw is Cases without decoding: fn gets each case's stored JSON,
// which it may keep.
func (db *DB) CasesRaw(ctx context.Context, q Query, fn func(RawCase) error) error {
	if err := q.validate(); err != nil {
		return fmt.Errorf("store: cases: %w", err)
	}
	n := 0
	var pos []byte // last key read: an id, or a revision
	if q.byRevision() {
		pos = u64(q.ChangedAfter)
	} else if q.After != "" {
		pos = []byte(q.After)
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch, next, err := db.readCases(&q, pos)
		if err != nil {
			return fmt.Errorf("store: cases: %w", err)
		}
		for _, rc := range batch {
			if q.Limit > 0 && n >= q.Limit {
				return nil
			}
			if err := fn(rc); err != nil {
				return err
			}
			n++
		}
		if next == nil {
			return nil
		}
		pos = next
	}
}

// errStop ends a batch early.
var errStop = errors.New("stop")

// readCases reads up to readBatch matching cases after pos in one short
// transaction; next is where to go on from, nil at the end.
func (db *DB) readCases(q *Query, pos []byte) (out []RawCase, next []byte, err error) {
	err = db.bolt.View(func(tx *bolt.Tx) error {
		cases := tx.Bucket(bCases)
		var c *bolt.Cursor
		if q.byRevision() {
			c = tx.Bucket(bRevs).Cursor()
		} else {
			c = cases.Cursor()
		}
		var k, v []byte
		if pos == nil {
			k, v = c.First()
		} else {
			k, v = c.Seek(pos)
			if k != nil && bytes.Equal(k, pos) {
				k, v = c.Next()
			}
		}
		scanned := 0
		var prev []byte
		for ; k != nil; k, v = c.Next() {
			// However few keys match, one transaction reads a bounded
			// number of them; the next one goes on after the last read.
			if scanned == 8*readBatch {
				next = clone(prev)
				return errStop
			}
			scanned++
			prev = k
			id, body := k, v
			if q.byRevision() {
				if q.ChangedThrough != 0 && binary.BigEndian.Uint64(k) > q.ChangedThrough {
					return nil
				}
				id = v
				if q.After != "" && string(id) <= q.After {
					continue
				}
				body = cases.Get(id)
				if body == nil {
					continue
				}
			}
			if q.Through != "" && string(id) > q.Through {
				if !q.byRevision() {
					return nil
				}
				continue
			}
			ok, err := q.match(body[8:])
			if err != nil {
				return fmt.Errorf("case %s: %w", id, err)
			}
			if ok {
				out = append(out, RawCase{ID: string(id), Rev: binary.BigEndian.Uint64(body[:8]), JSON: clone(body[8:])})
			}
			if len(out) >= readBatch {
				next = clone(k)
				return errStop
			}
		}
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return out, next, err
}

// Head is the newest case id and revision: where an export that has read
// everything up to now stands.
type Head struct {
	ID  string // the newest case id ("" when there is none)
	Rev uint64 // the newest revision (0 when nothing was ever written)
}

// Head returns the newest case id and revision.
func (db *DB) Head() (Head, error) {
	var h Head
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if k, _ := tx.Bucket(bCases).Cursor().Last(); k != nil {
			h.ID = string(k)
		}
		h.Rev = tx.Bucket(bRevs).Sequence()
		return nil
	})
	if err != nil {
		return h, fmt.Errorf("store: head: %w", err)
	}
	return h, nil
}
