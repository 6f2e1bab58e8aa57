package store

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
)

func TestMergeAcrossOutlets(t *testing.T) {
	db, clk := openTest(t)
	a := taldykorgan()
	r1 := save(t, db, article("https://one.example/n/1", "One", "2024-03-19"), a)
	clk.advance(time.Hour)
	b := taldykorgan()
	b.Location = nil
	b.Court = trialwatch.Ptr("Taldykorgan City Court")
	b.DecisionDate = trialwatch.Ptr("2024-03")
	b.Imprisoned = trialwatch.Ptr(3)
	b.Victims = trialwatch.Ptr(7)
	b.Evidence = map[string]string{"victims": "Seven people were tortured."}
	r2 := save(t, db, article("https://two.example/n/2", "Two", "2024-03-20"), b)
	if r1.New != 1 || r2.Merged != 1 || r2.New != 0 || r1.IDs[0] != r2.IDs[0] {
		t.Fatalf("first %+v, second %+v: want one case merged", r1, r2)
	}
	sc, err := db.Case(r1.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Sources) != 2 || sc.Sources[0].URL != "https://one.example/n/1" || sc.Sources[1].Outlet != "Two" {
		t.Errorf("sources %+v", sc.Sources)
	}
	if got := *sc.DecisionDate; got != "2024-03-18" {
		t.Errorf("decision_date %s, want the day-precise one", got)
	}
	if _, ok := sc.Disputed["decision_date"]; ok {
		t.Errorf("a month and a day in it are not a dispute: %+v", sc.Disputed)
	}
	if sc.Court == nil || *sc.Court != "Taldykorgan City Court" || *sc.Location != "Taldykorgan" || *sc.Victims != 7 {
		t.Errorf("fields not filled from both sources: %+v", sc.Case)
	}
	if sc.Evidence["victims"] != "Seven people were tortured." || sc.Evidence["location"] == "" {
		t.Errorf("evidence %+v", sc.Evidence)
	}
	if !sc.FirstSeen.Equal(newClock().now()) || !sc.Updated.Equal(newClock().now().Add(time.Hour)) {
		t.Errorf("first_seen %s updated %s", sc.FirstSeen, sc.Updated)
	}
	// Two sources, each with its own value of imprisoned: a tie, so the
	// earliest source's value is shown and both are listed.
	want := []trialwatch.FieldValue{
		{Value: 16, Sources: []string{"https://one.example/n/1"}},
		{Value: 3, Sources: []string{"https://two.example/n/2"}},
	}
	if *sc.Imprisoned != 16 || !reflect.DeepEqual(normalizeFV(sc.Disputed["imprisoned"]), want) {
		t.Errorf("imprisoned %d, disputed %+v, want %+v", *sc.Imprisoned, sc.Disputed["imprisoned"], want)
	}
	// A third source siding with 3 makes it the shown value.
	c := taldykorgan()
	c.Imprisoned = trialwatch.Ptr(3)
	save(t, db, article("https://three.example/x", "Three", "2024-03-21"), c)
	sc, _ = db.Case(r1.IDs[0])
	if *sc.Imprisoned != 3 || len(sc.Sources) != 3 {
		t.Errorf("imprisoned %d with %d sources, want the majority value 3", *sc.Imprisoned, len(sc.Sources))
	}
}

// normalizeFV makes values read back from JSON (float64) comparable.
func normalizeFV(fvs []trialwatch.FieldValue) []trialwatch.FieldValue {
	out := append([]trialwatch.FieldValue(nil), fvs...)
	for i := range out {
		if f, ok := out[i].Value.(float64); ok {
			out[i].Value = int(f)
		}
	}
	return out
}

func TestDisputedImprisoned(t *testing.T) {
	db, _ := openTest(t)
	a, b := taldykorgan(), taldykorgan()
	a.Imprisoned, b.Imprisoned = trialwatch.Ptr(16), trialwatch.Ptr(18)
	id := save(t, db, article("https://one.example/1", "One", "2024-03-19"), a).IDs[0]
	save(t, db, article("https://two.example/2", "Two", "2024-03-19"), b)
	sc, _ := db.Case(id)
	got := normalizeFV(sc.Disputed["imprisoned"])
	want := []trialwatch.FieldValue{
		{Value: 16, Sources: []string{"https://one.example/1"}},
		{Value: 18, Sources: []string{"https://two.example/2"}},
	}
	if !reflect.DeepEqual(got, want) || *sc.Imprisoned != 16 {
		t.Errorf("imprisoned %d disputed %+v, want 16 shown and %+v", *sc.Imprisoned, got, want)
	}
	if len(sc.Disputed) != 1 {
		t.Errorf("only imprisoned is disputed, got %v", sc.Disputed)
	}
}

func TestSeparateDecisions(t *testing.T) {
	base := taldykorgan
	tests := []struct {
		name   string
		change func(*trialwatch.Case)
	}{
		{"another day", func(c *trialwatch.Case) { c.DecisionDate = trialwatch.Ptr("2024-03-19") }},
		{"another month", func(c *trialwatch.Case) { c.DecisionDate = trialwatch.Ptr("2024-04") }},
		{"another country", func(c *trialwatch.Case) { c.Country = trialwatch.Ptr("Kyrgyzstan") }},
		{"appeal", func(c *trialwatch.Case) { c.Stage = trialwatch.StageAppeal }},
		{"other people and place", func(c *trialwatch.Case) {
			c.Location = trialwatch.Ptr("Almaty")
			c.Defendants, c.Convicted, c.Imprisoned = trialwatch.Ptr(1), trialwatch.Ptr(1), trialwatch.Ptr(1)
			c.SentenceMinMonths, c.SentenceMaxMonths = trialwatch.Ptr(84), trialwatch.Ptr(84)
			c.DefendantRole = trialwatch.Ptr("journalist")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openTest(t)
			save(t, db, article("https://one.example/1", "One", "2024-05-01"), base())
			c := base()
			tt.change(&c)
			res := save(t, db, article("https://two.example/2", "Two", "2024-05-01"), c)
			if res.New != 1 || res.Merged != 0 {
				t.Errorf("%+v: want a new case", res)
			}
		})
	}
}

func TestSameArticleTwice(t *testing.T) {
	db, clk := openTest(t)
	a := article("https://one.example/1", "One", "2024-03-19")
	first := save(t, db, a, taldykorgan())
	before, _ := db.Case(first.IDs[0])
	h1, _ := db.Head()
	clk.advance(time.Hour)
	again := save(t, db, a, taldykorgan())
	if again.Replaced != 1 || again.New != 0 || again.Merged != 0 || again.IDs[0] != first.IDs[0] {
		t.Fatalf("second save %+v, want the case replaced in place", again)
	}
	after, _ := db.Case(first.IDs[0])
	if len(after.Sources) != 1 {
		t.Errorf("sources %+v, want one", after.Sources)
	}
	if !after.Updated.Equal(before.Updated) {
		t.Errorf("unchanged report moved updated from %s to %s", before.Updated, after.Updated)
	}
	if h2, _ := db.Head(); h2 != h1 {
		t.Errorf("unchanged report moved head %+v -> %+v", h1, h2)
	}
	// A corrected report replaces the old values, still as one source.
	c := taldykorgan()
	c.Imprisoned = trialwatch.Ptr(3)
	save(t, db, a, c)
	after, _ = db.Case(first.IDs[0])
	if *after.Imprisoned != 3 || after.Disputed != nil || len(after.Sources) != 1 || !after.Updated.After(before.Updated) {
		t.Errorf("after correction: imprisoned %d disputed %v sources %d updated %s", *after.Imprisoned, after.Disputed, len(after.Sources), after.Updated)
	}
	// A re-read that finds no case any more takes the case away.
	res := save(t, db, a)
	if len(res.IDs) != 0 {
		t.Errorf("%+v", res)
	}
	if _, err := db.Case(first.IDs[0]); !errors.Is(err, ErrNotFound) {
		t.Errorf("case still there: %v", err)
	}
	if st, _ := db.Stats(); st.Cases != 0 || st.Articles != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestAMPCopy(t *testing.T) {
	body := []byte("<html><body><p>A court in Taldykorgan sentenced four officers.</p></body></html>")
	tests := []struct {
		name string
		page func() *trialwatch.Page
		art  trialwatch.Article
	}{
		{"same page bytes at another URL", func() *trialwatch.Page {
			return &trialwatch.Page{URL: "https://one.example/amp/1", Body: body, Status: 200}
		}, article("https://one.example/amp/1", "One", "2024-03-19")},
		{"same text, other markup", func() *trialwatch.Page {
			return &trialwatch.Page{URL: "https://amp.one.example/1", Body: []byte("<amp-html>" + string(body)), Status: 200}
		}, article("https://amp.one.example/1", "One", "2024-03-19")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openTest(t)
			orig := article("https://one.example/1", "One", "2024-03-19")
			p := &trialwatch.Page{URL: "https://one.example/1", Body: body, Status: 200, Fetched: time.Unix(1e9, 0).UTC()}
			first, err := db.SaveArticle(context.Background(), orig, p, []trialwatch.Case{taldykorgan()})
			if err != nil {
				t.Fatal(err)
			}
			tt.art.Text = orig.Text
			res, err := db.SaveArticle(context.Background(), tt.art, tt.page(), []trialwatch.Case{taldykorgan()})
			if err != nil {
				t.Fatal(err)
			}
			if res.Replaced != 1 || res.IDs[0] != first.IDs[0] {
				t.Fatalf("%+v, want the first article's case replaced", res)
			}
			sc, _ := db.Case(first.IDs[0])
			if len(sc.Sources) != 1 || sc.Sources[0].URL != orig.URL {
				t.Errorf("sources %+v, want only %s", sc.Sources, orig.URL)
			}
			if st, _ := db.Stats(); st.Articles != 1 || st.Pages != 2 {
				t.Errorf("stats %+v, want 1 article behind 2 pages", st)
			}
		})
	}
}

// TestWireCopy: two outlets printing the same agency text are two sources.
func TestWireCopy(t *testing.T) {
	db, _ := openTest(t)
	a1 := article("https://one.example/1", "One", "2024-03-19")
	a2 := article("https://two.example/9", "Two", "2024-03-19")
	a2.Text = a1.Text
	save(t, db, a1, taldykorgan())
	res := save(t, db, a2, taldykorgan())
	if res.Merged != 1 {
		t.Fatalf("%+v, want the copy merged as a second source", res)
	}
	if sc, _ := db.Case(res.IDs[0]); len(sc.Sources) != 2 {
		t.Errorf("sources %+v", sc.Sources)
	}
}

func TestAppealLinked(t *testing.T) {
	verdict := func() trialwatch.Case {
		return trialwatch.Case{
			Stage: trialwatch.StageVerdict, Court: trialwatch.Ptr("Karasai District Court"),
			Location: trialwatch.Ptr("Almaty region"), Country: trialwatch.Ptr("Kazakhstan"),
			DecisionDate: trialwatch.Ptr("2025-01-17"), Defendants: trialwatch.Ptr(6), Convicted: trialwatch.Ptr(6),
			Imprisoned: trialwatch.Ptr(6), SentenceMinMonths: trialwatch.Ptr(36), SentenceMaxMonths: trialwatch.Ptr(36),
			DefendantRole: trialwatch.Ptr("former police officers"),
		}
	}
	appeal := func() trialwatch.Case {
		c := verdict()
		c.Stage, c.Court, c.Location, c.DecisionDate = trialwatch.StageAppeal, nil, trialwatch.Ptr("Konayev"), trialwatch.Ptr("2025-06-10")
		return c
	}
	t.Run("verdict in the same article", func(t *testing.T) {
		db, _ := openTest(t)
		v := save(t, db, article("https://one.example/v", "One", "2025-01-18"), verdict())
		res := save(t, db, article("https://two.example/a", "Two", "2025-06-11"), appeal(), verdict())
		if res.New != 1 || res.Merged != 1 || res.IDs[1] != v.IDs[0] {
			t.Fatalf("%+v: want appeal new, verdict merged into %s", res, v.IDs[0])
		}
		ap, _ := db.Case(res.IDs[0])
		if ap.AppealOf != v.IDs[0] || ap.Stage != trialwatch.StageAppeal {
			t.Errorf("appeal_of %q, want %s", ap.AppealOf, v.IDs[0])
		}
	})
	t.Run("verdict stored from another article", func(t *testing.T) {
		db, _ := openTest(t)
		v := save(t, db, article("https://one.example/v", "One", "2025-01-18"), verdict())
		a := appeal()
		a.Court = trialwatch.Ptr("Almaty Regional Court")
		res := save(t, db, article("https://two.example/a", "Two", "2025-06-11"), a)
		ap, _ := db.Case(res.IDs[0])
		if res.New != 1 || ap.AppealOf != v.IDs[0] {
			t.Errorf("%+v appeal_of %q, want a new appeal linked to %s", res, ap.AppealOf, v.IDs[0])
		}
	})
	t.Run("no verdict of those people", func(t *testing.T) {
		db, _ := openTest(t)
		v := verdict()
		v.DefendantRole = trialwatch.Ptr("journalist")
		v.Country = trialwatch.Ptr("Georgia")
		save(t, db, article("https://one.example/v", "One", "2025-01-18"), v)
		res := save(t, db, article("https://two.example/a", "Two", "2025-06-11"), appeal())
		if ap, _ := db.Case(res.IDs[0]); ap.AppealOf != "" {
			t.Errorf("appeal linked to %s", ap.AppealOf)
		}
	})
}

func TestSaveAtomic(t *testing.T) {
	db, _ := openTest(t)
	// bbolt refuses keys over 32 KiB: the page is written last, after the
	// cases, so its failure must take the cases back with it.
	huge := &trialwatch.Page{URL: "https://one.example/" + strings.Repeat("x", 40000), Body: []byte("x")}
	_, err := db.SaveArticle(context.Background(), article("https://one.example/1", "One", "2024-03-19"), huge, []trialwatch.Case{taldykorgan(), taldykorgan()})
	if err == nil {
		t.Fatal("save with an unstorable page succeeded")
	}
	if st, _ := db.Stats(); st.Cases != 0 || st.Articles != 0 || st.Pages != 0 {
		t.Errorf("failed save left %+v", st)
	}
	if n := len(allCases(t, db)); n != 0 {
		t.Errorf("%d cases after a failed save", n)
	}
	res := save(t, db, article("https://one.example/1", "One", "2024-03-19"), taldykorgan())
	if res.IDs[0] != formatID(1) {
		t.Errorf("id %s after a failed save, want %s", res.IDs[0], formatID(1))
	}
}

func TestSaveBadInput(t *testing.T) {
	db, _ := openTest(t)
	tests := []struct {
		name string
		a    trialwatch.Article
		c    func(*trialwatch.Case)
		want string
	}{
		{"no url", trialwatch.Article{}, nil, "empty URL"},
		{"bad stage", article("https://x.example/1", "X", ""), func(c *trialwatch.Case) { c.Stage = "verdikt" }, `stage "verdikt"`},
		{"bad date", article("https://x.example/1", "X", ""), func(c *trialwatch.Case) { c.DecisionDate = trialwatch.Ptr("18 March") }, `decision_date "18 March"`},
		{"negative count", article("https://x.example/1", "X", ""), func(c *trialwatch.Case) { c.Victims = trialwatch.Ptr(-1) }, "victims is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := taldykorgan()
			if tt.c != nil {
				tt.c(&c)
			}
			_, err := db.SaveArticle(context.Background(), tt.a, nil, []trialwatch.Case{c})
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err %v, want one line with %q", err, tt.want)
			}
		})
	}
}

func TestSaveCancelled(t *testing.T) {
	db, _ := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.SaveArticle(ctx, article("https://x.example/1", "X", ""), nil, []trialwatch.Case{taldykorgan()}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if st, _ := db.Stats(); st.Cases != 0 {
		t.Errorf("cancelled save stored %d cases", st.Cases)
	}
}

func TestConcurrentSaves(t *testing.T) {
	db, _ := openTest(t)
	const n = 64
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := taldykorgan()
			c.DecisionDate = trialwatch.Ptr(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%32).Format("2006-01-02"))
			var page *trialwatch.Page
			if i == 7 { // one save fails inside its transaction
				page = &trialwatch.Page{URL: strings.Repeat("y", 40000)}
			} else {
				page = &trialwatch.Page{URL: fmt.Sprintf("https://p.example/%d", i), Body: []byte(fmt.Sprint(i)), Header: http.Header{"X": {"y"}}}
			}
			_, err := db.SaveArticle(context.Background(), article(fmt.Sprintf("https://p.example/%d", i), "P", "2020-02-01"), page, []trialwatch.Case{c})
			if (err != nil) != (i == 7) {
				errs <- fmt.Errorf("save %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if c := db.w.commits.Load(); c >= n {
		t.Errorf("%d saves took %d commits: writes are not grouped", n, c)
	} else {
		t.Logf("%d saves in %d commits", n, c)
	}
	st, _ := db.Stats()
	if st.Articles != n-1 || st.Cases != 32 || st.Pages != n-1 {
		t.Errorf("stats %+v, want %d articles, 32 cases (two outlets per day), %d pages", st, n-1, n-1)
	}
}
