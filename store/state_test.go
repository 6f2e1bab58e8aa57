package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
)

func TestVisited(t *testing.T) {
	db, _ := openTest(t)
	steps := []struct {
		op   string
		id   uint64
		want bool
	}{
		{"check", 42, false}, {"visit", 42, true}, {"visit", 42, true}, {"check", 43, false},
		{"unvisit", 42, false}, {"unvisit", 42, false},
	}
	for _, s := range steps {
		var err error
		switch s.op {
		case "visit":
			err = db.Visited(s.id)
		case "unvisit":
			err = db.Unvisit(s.id)
		}
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.IsVisited(s.id); err != nil || got != s.want {
			t.Errorf("after %s %d: visited %v (%v), want %v", s.op, s.id, got, err, s.want)
		}
	}
	if st, _ := db.Stats(); st.Visited != 0 {
		t.Errorf("visited count %d", st.Visited)
	}
}

func TestFetchState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetFetchState("https://a.example/rss", `"abc"`, "Tue, 19 Mar 2024 10:00:00 GMT"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetFetchState("", "x", ""); err == nil {
		t.Error("empty URL accepted")
	}
	db.Close()
	db, _ = Open(path)
	defer db.Close()
	etag, lm, err := db.FetchState("https://a.example/rss")
	if err != nil || etag != `"abc"` || lm != "Tue, 19 Mar 2024 10:00:00 GMT" {
		t.Errorf("after reopen: %q %q %v", etag, lm, err)
	}
	if etag, lm, _ := db.FetchState("https://b.example/"); etag != "" || lm != "" {
		t.Errorf("unknown URL has state %q %q", etag, lm)
	}
	db.SetFetchState("https://a.example/rss", "", "")
	if etag, _, _ := db.FetchState("https://a.example/rss"); etag != "" {
		t.Error("state not forgotten")
	}
}

func TestRuns(t *testing.T) {
	db, _ := openTest(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var ids []uint64
	for i, src := range []string{"a", "b", "c"} {
		id, err := db.StartRun(src, t0.Add(time.Duration(i)*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	r := trialwatch.Run{ID: ids[1], Source: "b", Started: t0.Add(time.Hour), Finished: t0.Add(2 * time.Hour), Counts: map[string]int{"fetched": 3}, Errors: []string{"x"}}
	if err := db.FinishRun(r); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(trialwatch.Run{ID: 99}); !errors.Is(err, ErrNotFound) {
		t.Errorf("finishing an unknown run: %v", err)
	}
	runs, err := db.Runs(2)
	if err != nil || len(runs) != 2 || runs[0].Source != "c" || runs[1].Counts["fetched"] != 3 || !runs[1].Finished.Equal(r.Finished) {
		t.Errorf("runs %+v %v", runs, err)
	}
	if all, _ := db.Runs(0); len(all) != 3 {
		t.Errorf("%d runs", len(all))
	}
}

func TestCursors(t *testing.T) {
	db, _ := openTest(t)
	if c, err := db.Cursor("alice"); err != nil || c != (Cursor{}) {
		t.Errorf("new consumer: %+v %v", c, err)
	}
	want := Cursor{ID: formatID(7), Rev: 12, Exported: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := db.SetCursor("alice", want); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Cursor("alice"); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got, _ := db.Cursor("bob"); got != (Cursor{}) {
		t.Errorf("bob sees alice's cursor: %+v", got)
	}
	for _, bad := range []struct {
		name string
		c    Cursor
	}{{"", want}, {"x", Cursor{ID: "7"}}} {
		if err := db.SetCursor(bad.name, bad.c); err == nil {
			t.Errorf("SetCursor(%q, %+v) accepted", bad.name, bad.c)
		}
	}
}

func TestStatsAndClose(t *testing.T) {
	db, clk := openTest(t)
	fill(t, db, clk, 5)
	st, err := db.Stats()
	if err != nil || st.Cases != 5 || st.Articles != 5 || st.FileBytes == 0 {
		t.Errorf("stats %+v %v", st, err)
	}
	if db.Path() == "" {
		t.Error("no path")
	}
	if err := db.Ping(); err != nil {
		t.Errorf("ping: %v", err)
	}
	db.Close()
	if err := db.Ping(); err == nil {
		t.Error("ping of a closed database succeeded")
	}
	if err := db.Visited(1); !errors.Is(err, ErrClosed) {
		t.Errorf("write after close: %v", err)
	}
}

// TestSaveMarksVisits checks that Save marks the crawler's visit ids with
// the article, and marks none when the article is refused.
func TestSaveMarksVisits(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	res, err := db.Save(ctx, ArticleSave{
		Article: article("https://a.example/1", "A", "2024-03-19"),
		Cases:   []trialwatch.Case{taldykorgan()},
		Visits:  []uint64{11, 12},
	})
	if err != nil || res.New != 1 {
		t.Fatalf("Save = %+v, %v", res, err)
	}
	for _, id := range []uint64{11, 12} {
		if ok, err := db.IsVisited(id); !ok || err != nil {
			t.Errorf("visit %d not marked (%v)", id, err)
		}
	}
	bad := taldykorgan()
	bad.Stage = "rumour"
	if _, err := db.Save(ctx, ArticleSave{Article: article("https://a.example/2", "A", ""), Cases: []trialwatch.Case{bad}, Visits: []uint64{13}}); err == nil {
		t.Fatal("a case with an unknown stage was saved")
	}
	if ok, _ := db.IsVisited(13); ok {
		t.Error("visit of a refused article marked")
	}
	if _, err := db.Article("https://a.example/2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("refused article stored: %v", err)
	}
}
