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
// order.
type parallelWriter struct {
	f     formatter
	w     io.Writer
	items []item
	bufs  []bytes.Buffer
}

func newParallelWriter(f formatter, w io.Writer) *parallelWriter {
	return &parallelWriter{f: f, w: w, bufs: make([]bytes.Buffer, runtime.GOMAXPROCS(0))}
}

func (p *parallelWriter) add(rc store.RawCase, update bool) error {
	p.items = append(p.items, item{rc, update})
	if len(p.items) >= chunk {
		return p.flush()
	}
	return nil
}

func (p *parallelWriter) flush() error {
	if len(p.items) == 0 {
		return nil
	}
	workers := len(p.bufs)
	per := (len(p.items) + workers - 1) / workers
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for k := range workers {
		lo, hi := k*per, min((k+1)*per, len(p.items))
		p.bufs[k].Reset()
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, it := range p.items[lo:hi] {
				if err := p.f.format(&p.bufs[k], it.rc, it.update); err != nil {
					errs[k] = fmt.Errorf("export: case %s: %w", it.rc.ID, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	p.items = p.items[:0]
	for k := range workers {
		if errs[k] != nil {
			return errs[k]
		}
		if _, err := p.w.Write(p.bufs[k].Bytes()); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
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
