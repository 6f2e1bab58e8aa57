package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrLocked is returned by Open when another process (or another open DB in
// this process) holds the database file.
var ErrLocked = errors.New("store: database is locked by another process")

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrClosed is returned by writes attempted after Close.
var ErrClosed = errors.New("store: database is closed")

// ErrWrite is wrapped by writes whose transaction could not be written to
// the file (disk full, file size limit, I/O error); nothing of them was
// stored, and later writes will most likely fail the same way.
var ErrWrite = errors.New("store: writing to the file failed")

// DefaultTimeout is how long Open waits for the file lock.
const DefaultTimeout = 2 * time.Second

// DB is an open trialwatch database. It is safe for concurrent use.
type DB struct {
	bolt *bolt.DB
	path string
	now  func() time.Time
	log  *slog.Logger
	w    *writer
}

type config struct {
	timeout time.Duration
	now     func() time.Time
	noSync  bool
	log     *slog.Logger
}

// Option changes how Open opens a database.
type Option func(*config)

// WithClock sets the clock that stamps first_seen, updated and saved times.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithTimeout sets how long Open waits for the file lock before it gives up
// with ErrLocked; 0 waits as long as it takes.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithNoSync skips fsync after each commit. Only for bulk loading and tests:
// a crash can lose or corrupt recent writes.
func WithNoSync() Option { return func(c *config) { c.noSync = true } }

// WithLogger sets the logger for events worth knowing about, such as an
// open that had to read a large file.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.log = l } }

// Open opens (creating if needed) the database file at path. It waits for
// the file lock at most the timeout (DefaultTimeout unless WithTimeout) and
// then fails with ErrLocked.
func Open(path string, opts ...Option) (*DB, error) {
	cfg := config{timeout: DefaultTimeout, now: time.Now, log: slog.New(slog.DiscardHandler)}
	for _, o := range opts {
		o(&cfg)
	}
	if path == "" {
		return nil, errors.New("store: open: empty database path")
	}
	start := time.Now()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:      cfg.timeout,
		NoSync:       cfg.noSync,
		FreelistType: bolt.FreelistMapType,
		// Writing the whole freelist at every commit costs time in
		// proportion to the free pages of a large file; without it, Open
		// rebuilds the list by reading the file instead.
		NoFreelistSync:  true,
		InitialMmapSize: initialMmapSize(),
	})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("store: open %s: held by another process after %s: %w", path, cfg.timeout, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db := &DB{bolt: bdb, path: path, now: cfg.now, log: cfg.log}
	if err := bdb.Update(initBuckets); err != nil {
		bdb.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db.w = newWriter(bdb)
	if took := time.Since(start); took > time.Second {
		// Without a synced freelist, opening reads the whole file.
		db.log.Info("opened database slowly", "path", path, "took", took.Round(time.Millisecond), "bytes", db.fileSize())
	}
	return db, nil
}

// Close waits for pending writes and closes the file.
func (db *DB) Close() error {
	db.w.close()
	db.log.Debug("store closed", "path", db.path, "writes", db.w.writes.Load(), "commits", db.w.commits.Load())
	if err := db.bolt.Close(); err != nil {
		return fmt.Errorf("store: close %s: %w", db.path, err)
	}
	return nil
}

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// update runs fn in a write transaction shared with other concurrent writers
// (group commit). fn may run more than once and must not keep state between
// runs; ctx is checked before fn starts.
func (db *DB) update(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.w.do(func(tx *bolt.Tx) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(tx)
	})
}

// initialMmapSize is how much of the file bolt maps from the start. A file
// that outgrows its map is mapped again, which waits for every read
// transaction (a crawl's visited checks) to end, copies what the write
// transaction holds out of the old map and faults the file's pages back in;
// from an empty file that happens a dozen times before it reaches the size
// of a few thousand articles. Mapping 256 MB of address space at once
// costs no memory: only the pages read count. On Windows bolt would grow
// the file itself to that size, so there the map starts small.
func initialMmapSize() int {
	if runtime.GOOS == "windows" {
		return 0
	}
	return 256 << 20
}

// fileSize returns the size of the database file.
func (db *DB) fileSize() int64 {
	fi, err := os.Stat(db.path)
	if err != nil {
		return 0
	}
	return fi.Size()
}
