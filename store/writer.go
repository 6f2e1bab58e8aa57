package store

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

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
	// writes and commits count write functions and the transactions that
	// ran them, to see that writes are grouped.
	writes, commits atomic.Int64
}

// writeReq is one write function and where its result goes: err for a
// caller that waits, done for one that does not (called from the writer
// goroutine once the write is committed or has failed).
type writeReq struct {
	fn   func(*bolt.Tx) error
	err  chan error
	done func(error)
}

func (r writeReq) reply(err error) {
	if r.done != nil {
		r.done(err)
		return
	}
	r.err <- err
}

func newWriter(db *bolt.DB) *writer {
	w := &writer{db: db, reqs: make(chan writeReq, maxGroup)}
	w.wg.Add(1)
	go w.loop()
	return w
}

func (w *writer) do(fn func(*bolt.Tx) error) error {
	req := writeReq{fn: fn, err: make(chan error, 1)}
	if !w.queue(req) {
		return ErrClosed
	}
	return <-req.err
}

// doAsync queues fn and returns without waiting for it; done gets its
// result. It blocks only while the queue is full. The writer holds
// asynchronous writes back a little to commit more of them together, as no
// caller is kept waiting.
func (w *writer) doAsync(fn func(*bolt.Tx) error, done func(error)) {
	if !w.queue(writeReq{fn: fn, done: done}) {
		done(ErrClosed)
	}
}

func (w *writer) queue(req writeReq) bool {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.done {
		return false
	}
	w.writes.Add(1)
	w.reqs <- req
	return true
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
	hold := time.NewTimer(time.Hour)
	hold.Stop()
	for req := range w.reqs {
		group := []writeReq{req}
		var until time.Time // when a held group is committed whatever comes
	drain:
		for len(group) < maxGroup {
			select {
			case r, ok := <-w.reqs:
				if !ok {
					break drain
				}
				group = append(group, r)
				continue
			default:
			}
			// The queue is empty. A group with a waiting caller goes now;
			// one of asynchronous writes waits for company while writes
			// keep coming, up to asyncHold in all.
			if !allAsync(group) {
				break drain
			}
			now := time.Now()
			if until.IsZero() {
				until = now.Add(asyncHold)
			}
			wait := min(asyncIdle, until.Sub(now))
			if wait <= 0 {
				break drain
			}
			hold.Reset(wait)
			select {
			case r, ok := <-w.reqs:
				hold.Stop() // since Go 1.23 no stale tick can be left to drain
				if !ok {
					break drain
				}
				group = append(group, r)
			case <-hold.C:
				break drain
			}
		}
		w.commit(group)
	}
}

// asyncHold is how long a group of asynchronous writes may wait for more
// before it is committed, and asyncIdle how long it waits for the next
// one. Each commit rewrites every page its writes touched and syncs the
// file twice, so a crawl saving hundreds of articles a second spends far
// less on commits in groups of dozens; in a slow crawl, whose writes come
// further apart than asyncIdle, each is committed asyncIdle after it came.
const (
	asyncHold = 100 * time.Millisecond
	asyncIdle = 10 * time.Millisecond
)

func allAsync(group []writeReq) bool {
	for _, r := range group {
		if r.done == nil {
			return false
		}
	}
	return true
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
				r.reply(err)
			}
			return
		}
		r := group[failed]
		group = append(group[:failed:failed], group[failed+1:]...)
		if len(group) == 0 {
			r.reply(err)
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
		r.reply(err)
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
