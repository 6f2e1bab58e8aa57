package export

import (
	"bufio"
	"context"
	"fmt"
	"io"

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
	for _, q := range p.queries {
		err := db.CasesRaw(ctx, q.q, func(rc store.RawCase) error {
			if err := enc.write(rc, q.update); err != nil {
				return fmt.Errorf("export: case %s: %w", rc.ID, err)
			}
			n++
			return nil
		})
		if err != nil {
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
