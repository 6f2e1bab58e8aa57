package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/trialwatch/trialwatch/store"
)

// encoder writes one format.
type encoder interface {
	begin() error
	// write writes one case; update marks a case exported before that has
	// changed since.
	write(rc store.RawCase, update bool) error
	end() error
}

func newEncoder(w io.Writer, o *Options) encoder {
	switch o.Format {
	case JSON:
		return &jsonEncoder{w: w, array: true}
	case CSV:
		return newCSVEncoder(w)
	case Atom:
		return newAtomEncoder(w, o)
	}
	return &jsonEncoder{w: w}
}

// formatter is an encoder that can make the bytes of one case without
// writing them, safely from several goroutines: decoding and formatting are
// what limits CSV and Atom, so they are spread over the CPUs.
type formatter interface {
	format(buf *bytes.Buffer, rc store.RawCase, update bool) error
}

// chunk is how many cases are formatted in parallel at a time.
const chunk = 1024

type item struct {
	rc     store.RawCase
	update bool
}

// parallelWriter formats cases in chunks over the CPUs and writes them in
// order. A chunk is formatted while the next one is read from the store.
type parallelWriter struct {
	f    formatter
	w    io.Writer
	fill *batch // the chunk being read
	busy *batch // the chunk being formatted, if any
}

// batch is one chunk of cases and what formatting them gave, a buffer
// and an error per worker.
type batch struct {
	items []item
	bufs  []bytes.Buffer
	errs  []error
	wg    sync.WaitGroup
}

func newParallelWriter(f formatter, w io.Writer) *parallelWriter {
	n := runtime.GOMAXPROCS(0)
	nb := func() *batch {
		return &batch{items: make([]item, 0, chunk), bufs: make([]bytes.Buffer, n), errs: make([]error, n)}
	}
	return &parallelWriter{f: f, w: w, fill: nb()}
}

func (p *parallelWriter) add(rc store.RawCase, update bool) error {
	p.fill.items = append(p.fill.items, item{rc, update})
	if len(p.fill.items) >= chunk {
		return p.cycle()
	}
	return nil
}

// cycle starts formatting the chunk just read, then writes the one before
// it, whose formatting went on meanwhile.
func (p *parallelWriter) cycle() error {
	b := p.fill
	p.start(b)
	prev := p.busy
	p.busy = b
	if prev == nil {
		p.fill = &batch{items: make([]item, 0, chunk), bufs: make([]bytes.Buffer, len(b.bufs)), errs: make([]error, len(b.bufs))}
		return nil
	}
	p.fill = prev
	return p.finish(prev)
}

// start formats b's cases on as many goroutines as there are CPUs.
func (p *parallelWriter) start(b *batch) {
	workers := len(b.bufs)
	per := (len(b.items) + workers - 1) / workers
	for k := range workers {
		lo, hi := k*per, min((k+1)*per, len(b.items))
		b.bufs[k].Reset()
		b.errs[k] = nil
		if lo >= hi {
			continue
		}
		b.wg.Add(1)
		go func() {
			defer b.wg.Done()
			for _, it := range b.items[lo:hi] {
				if err := p.f.format(&b.bufs[k], it.rc, it.update); err != nil {
					b.errs[k] = fmt.Errorf("export: case %s: %w", it.rc.ID, err)
					return
				}
			}
		}()
	}
}

// finish waits for b's formatting, writes it and empties b.
func (p *parallelWriter) finish(b *batch) error {
	b.wg.Wait()
	clear(b.items) // let the cases' JSON go
	b.items = b.items[:0]
	for k := range b.bufs {
		if b.errs[k] != nil {
			return b.errs[k]
		}
		if _, err := p.w.Write(b.bufs[k].Bytes()); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

// flush formats and writes every case added so far.
func (p *parallelWriter) flush() error {
	if len(p.fill.items) > 0 {
		if err := p.cycle(); err != nil {
			return err
		}
	}
	if b := p.busy; b != nil {
		p.busy = nil
		return p.finish(b)
	}
	return nil
}

// wait returns once no formatting goes on, whatever ended the export.
func (p *parallelWriter) wait() {
	if p.busy != nil {
		p.busy.wg.Wait()
	}
}

// plan is what one export reads: the queries, in order, and where the
// consumer's cursor goes once it is done.
type plan struct {
	queries []query
	next    store.Cursor
}

type query struct {
	q      store.Query
	update bool
}

func makePlan(db *store.DB, o *Options, cur store.Cursor) (plan, error) {
	base := store.Query{Since: o.Since, Country: o.Country, Stage: o.Stage}
	if o.Consumer == "" {
		if o.Last > 0 {
			head, err := db.Head()
			if err != nil {
				return plan{}, fmt.Errorf("export: %w", err)
			}
			after, err := store.IDBefore(head.ID, o.Last)
			if err != nil {
				return plan{}, fmt.Errorf("export: %w", err)
			}
			base.After = after
		}
		return plan{queries: []query{{q: base}}}, nil
	}
	head, err := db.Head()
	if err != nil {
		return plan{}, fmt.Errorf("export: %w", err)
	}
	var p plan
	if o.Updated && cur.ID != "" {
		q := base
		q.Through, q.ChangedAfter, q.ChangedThrough = cur.ID, cur.Rev, max(head.Rev, 1)
		if head.Rev > cur.Rev {
			p.queries = append(p.queries, query{q: q, update: true})
		}
	}
	if head.ID != "" && head.ID > cur.ID {
		q := base
		q.After, q.Through = cur.ID, head.ID
		p.queries = append(p.queries, query{q: q})
	}
	p.next = store.Cursor{ID: max(cur.ID, head.ID), Rev: max(cur.Rev, head.Rev), Exported: o.Now().UTC()}
	return p, nil
}

// stream writes the plan's cases to w and returns how many.
func stream(ctx context.Context, db *store.DB, w io.Writer, o *Options, p plan) (int, error) {
	enc := newEncoder(w, o)
	if err := enc.begin(); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	n := 0
	var par *parallelWriter
	if f, ok := enc.(formatter); ok && runtime.GOMAXPROCS(0) > 1 {
		par = newParallelWriter(f, w)
		defer par.wait()
	}
	for _, q := range p.queries {
		err := db.CasesRaw(ctx, q.q, func(rc store.RawCase) error {
			var err error
			if par != nil {
				err = par.add(rc, q.update)
			} else if err = enc.write(rc, q.update); err != nil {
				err = fmt.Errorf("export: case %s: %w", rc.ID, err)
			}
			if err != nil {
				return err
			}
			n++
			return nil
		})
		if err != nil {
			return n, err
		}
	}
	if par != nil {
		if err := par.flush(); err != nil {
			return n, err
		}
	}
	if err := enc.end(); err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	return n, nil
}

// Write writes the cases o selects to w (stdout, an HTTP response). With
// New or Updated, the consumer's cursor advances only after every byte was
// written and the final flush succeeded.
func Write(ctx context.Context, db *store.DB, w io.Writer, o Options) (n int, err error) {
	if err := o.check(); err != nil {
		return 0, err
	}
	cur, err := cursor(db, &o)
	if err != nil {
		return 0, err
	}
	p, err := makePlan(db, &o, cur)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if n, err = stream(ctx, db, bw, &o, p); err != nil {
		return n, err
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export: write: %w", err)
	}
	if o.Consumer != "" {
		if err := db.SetCursor(o.Consumer, p.next); err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
	}
	return n, nil
}
