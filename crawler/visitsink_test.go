package crawler

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/trialwatch/trialwatch"
)

// visitSink stores pages and marks their visit ids in the crawl's State
// itself, as the store does in one transaction; it refuses pages whose
// path holds refuse.
type visitSink struct {
	state  *memState
	refuse string
	mu     sync.Mutex
	visits map[string][]uint64
}

func (s *visitSink) Page(ctx context.Context, p *trialwatch.Page) error {
	return errors.New("Page called on a VisitSink")
}

func (s *visitSink) PageVisits(_ context.Context, p *trialwatch.Page, ids []uint64) error {
	if s.refuse != "" && strings.Contains(p.URL, s.refuse) {
		return errors.New("refused")
	}
	s.mu.Lock()
	s.visits[p.URL] = ids
	s.mu.Unlock()
	for _, id := range ids {
		if err := s.state.Visited(id); err != nil {
			return err
		}
	}
	return nil
}

// TestVisitSink checks that a sink which marks visits itself gets every
// article's ids (requested and canonical URL) and that the crawler does not
// mark them again: a refused page stays unvisited and is fetched again.
func TestVisitSink(t *testing.T) {
	h := &hits{}
	base := newsSite(t, h)
	src := testSource(base)
	opts := testOptions(t)
	state := newMemState()
	opts.State = state
	sink := &visitSink{state: state, refuse: "a-two", visits: map[string][]uint64{}}
	st, _, err := crawlOnce(t, src, opts, sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 6 || st.Failed == 0 {
		t.Errorf("stats = %+v, want 6 articles and a-two failed", st)
	}
	for u, ids := range sink.visits {
		if len(ids) == 0 || ids[0] != VisitID(u) && !strings.Contains(u, "a-seven") {
			t.Errorf("%s: visit ids %v do not start with the page's own", u, ids)
		}
	}
	if amp, ok := sink.visits[base+"/news/2024/a-seven-amp"]; ok {
		if !slices.Contains(amp, VisitID(base+"/news/2024/a-seven")) {
			t.Errorf("AMP page ids %v lack the canonical URL's", amp)
		}
	}
	if ok, _ := state.IsVisited(VisitID(base + "/news/2024/a-two")); ok {
		t.Error("refused page marked visited")
	}
	before := h.count("/news/2024/a-two")
	sink.refuse = ""
	if _, _, err := crawlOnce(t, src, opts, sink); err != nil {
		t.Fatal(err)
	}
	if n := h.count("/news/2024/a-two") - before; n != 1 {
		t.Errorf("refused page fetched %d times by the next crawl, want 1", n)
	}
	if n := h.count("/news/2024/a-one"); n != 1 {
		t.Errorf("stored page fetched %d times over two crawls, want 1", n)
	}
}
