package store

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"
)

// maxGroup is the most write functions committed in one transaction.
const maxGroup = 256

// writer serialises writes through one goroutine and commits whatever
// arrived while the previous commit was syncing in a single transaction, so
// many crawl goroutines saving at once share one fsync instead of queueing
// for one each. Unlike bolt's Batch it never waits for more work: a lone
// write is committed at once.
type writer struct {
	db   *bolt.DB
	reqs chan writeReq
	mu   sync.RWMutex
	done bool
	wg   sync.WaitGroup
	// commits counts write transactions, to see that writes are grouped.
	commits atomic.Int64
}

type writeReq struct {
	fn  func(*bolt.Tx) error
	err chan error
}

func newWriter(db *bolt.DB) *writer {
	w := &writer{db: db, reqs: make(chan writeReq, maxGroup)}
	w.wg.Add(1)
	go w.loop()
	return w
}

func (w *writer) do(fn func(*bolt.Tx) error) error {
	w.mu.RLock()
	if w.done {
		w.mu.RUnlock()
		return ErrClosed
	}
	req := writeReq{fn: fn, err: make(chan error, 1)}
	w.reqs <- req
	w.mu.RUnlock()
	return <-req.err
}

func (w *writer) close() {
	w.mu.Lock()
	if !w.done {
		w.done = true
		close(w.reqs)
	}
	w.mu.Unlock()
	w.wg.Wait()
}

func (w *writer) loop() {
	defer w.wg.Done()
	for req := range w.reqs {
		group := []writeReq{req}
	drain:
		for len(group) < maxGroup {
			select {
			case r, ok := <-w.reqs:
				if !ok {
					break drain
				}
				group = append(group, r)
			default:
				break drain
			}
		}
		w.commit(group)
	}
}

// commit runs the group in one transaction. A function that fails is taken
// out and run alone so that it reports its own error, and the rest are run
// again together: no function's writes depend on a failed one's.
func (w *writer) commit(group []writeReq) {
	for len(group) > 0 {
		failed := -1
		w.commits.Add(1)
		err := w.db.Update(func(tx *bolt.Tx) error {
			for i, r := range group {
				if err := safeCall(r.fn, tx); err != nil {
					failed = i
					return err
				}
			}
			return nil
		})
		if failed < 0 {
			if err != nil {
				err = fmt.Errorf("%w: %w", ErrWrite, err)
			}
			for _, r := range group {
				r.err <- err
			}
			return
		}
		r := group[failed]
		group = append(group[:failed:failed], group[failed+1:]...)
		if len(group) == 0 {
			r.err <- err
			return
		}
		w.commits.Add(1)
		var fnErr error
		err = w.db.Update(func(tx *bolt.Tx) error {
			fnErr = safeCall(r.fn, tx)
			return fnErr
		})
		if err != nil && fnErr == nil {
			err = fmt.Errorf("%w: %w", ErrWrite, err)
		}
		r.err <- err
	}
}

func safeCall(fn func(*bolt.Tx) error, tx *bolt.Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("store: panic in write: %v", p)
		}
	}()
	return fn(tx)
}

var errNoBucket = errors.New("store: missing bucket")
