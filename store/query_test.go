package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
)

// fill saves n articles with one distinct case each, a minute apart.
func fill(tb testing.TB, db *DB, clk *clock, n int) []string {
	tb.Helper()
	var ids []string
	for i := range n {
		c := taldykorgan()
		c.DecisionDate = trialwatch.Ptr(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format("2006-01-02"))
		if i%2 == 1 {
			c.Country = trialwatch.Ptr("Kyrgyzstan")
			c.Stage = trialwatch.StageAppeal
		}
		res := save(tb, db, article(fmt.Sprintf("https://f.example/%03d", i), "F", *c.DecisionDate), c)
		ids = append(ids, res.IDs...)
		clk.advance(time.Minute)
	}
	return ids
}

func TestCasesQuery(t *testing.T) {
	db, clk := openTest(t, WithNoSync())
	ids := fill(t, db, clk, 600) // more than one read batch
	start := newClock().now()
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"all", Query{}, ids},
		{"after", Query{After: ids[9]}, ids[10:]},
		{"after and limit", Query{After: ids[9], Limit: 3}, ids[10:13]},
		{"through", Query{After: ids[0], Through: ids[3]}, ids[1:4]},
		{"since first seen", Query{Since: start.Add(598 * time.Minute)}, ids[598:]},
		{"updated after", Query{UpdatedAfter: start.Add(598 * time.Minute)}, ids[599:]},
		{"country", Query{Country: "kyrgyzstan", Limit: 2}, []string{ids[1], ids[3]}},
		{"stage", Query{Stage: "verdict", Limit: 2}, []string{ids[0], ids[2]}},
		{"decided since", Query{DecidedSince: "2021-08-21"}, ids[598:]},
		{"revisions", Query{ChangedAfter: 597}, ids[597:]},
		{"revisions through", Query{ChangedAfter: 1, ChangedThrough: 3}, ids[1:3]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := db.Cases(context.Background(), tt.q, func(sc trialwatch.StoredCase) error {
				got = append(got, sc.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %d ids %v..., want %d %v...", len(got), head(got), len(tt.want), head(tt.want))
			}
		})
	}
}

func head(s []string) []string { return s[:min(len(s), 4)] }

func TestCasesQueryErrors(t *testing.T) {
	db, clk := openTest(t)
	fill(t, db, clk, 3)
	stop := errors.New("stop")
	n := 0
	err := db.Cases(context.Background(), Query{}, func(trialwatch.StoredCase) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d cases, want fn's error after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := db.Cases(ctx, Query{}, func(trialwatch.StoredCase) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	for _, q := range []Query{{After: "12"}, {DecidedSince: "March"}, {Limit: -1}} {
		if err := db.Cases(context.Background(), q, func(trialwatch.StoredCase) error { return nil }); err == nil {
			t.Errorf("query %+v accepted", q)
		}
	}
	if _, err := db.Case("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Case(nope): %v", err)
	}
	if _, err := db.Case(formatID(99)); !errors.Is(err, ErrNotFound) {
		t.Errorf("Case(99): %v", err)
	}
}

func TestArticlesNewestFirst(t *testing.T) {
	db, _ := openTest(t)
	for _, p := range []string{"2024-01-02", "", "2024-03-01", "2023-12-31"} {
		save(t, db, article("https://a.example/"+p, "A", p), taldykorgan())
	}
	var got []string
	if err := db.Articles(context.Background(), func(a ArticleInfo) error {
		got = append(got, a.Published)
		if a.Cases != 1 || a.Title == "" {
			t.Errorf("article %+v", a)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := "[2024-03-01 2024-01-02 2023-12-31 ]"; fmt.Sprint(got) != want {
		t.Errorf("order %v, want %s", got, want)
	}
	if _, err := db.Article("https://none.example/"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
}

func TestPagesRoundTrip(t *testing.T) {
	db, _ := openTest(t)
	body := bytes.Repeat([]byte("<p>Суд в Талдыкоргане приговорил четверых.</p>"), 100)
	fetched := time.Date(2024, 3, 19, 10, 0, 0, 0, time.UTC)
	p := &trialwatch.Page{URL: "https://a.example/1", Source: "a", Status: 200, Header: http.Header{"Content-Type": {"text/html"}}, Body: body, Fetched: fetched}
	if _, err := db.SaveArticle(context.Background(), article("https://a.example/1", "A", "2024-03-19"), p, nil); err != nil {
		t.Fatal(err)
	}
	body[0] = 'X' // the store must have copied it
	got, info, err := db.Page("https://a.example/1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Body[0] != '<' || len(got.Body) != len(body) || got.Source != "a" || !got.Fetched.Equal(fetched) || got.Header.Get("Content-Type") != "text/html" {
		t.Errorf("page %+v", got)
	}
	if len(info.SHA256) != 64 || info.Article != "https://a.example/1" {
		t.Errorf("info %+v", info)
	}
	if a, _ := db.Article("https://a.example/1"); a.PageSHA != info.SHA256 || !a.Fetched.Equal(fetched) {
		t.Errorf("article does not point at its page: %+v", a)
	}
	n := 0
	if err := db.Pages(context.Background(), func(p trialwatch.Page) error { n++; return nil }); err != nil || n != 1 {
		t.Errorf("Pages: %d, %v", n, err)
	}
}

// TestCasesSparseFilter walks more keys than one read transaction takes
// while few match: nothing may be skipped at the batch edges.
func TestCasesSparseFilter(t *testing.T) {
	db, _ := openTest(t, WithNoSync())
	var batch []ArticleSave
	for i := range 5000 {
		c := taldykorgan()
		c.DecisionDate = trialwatch.Ptr(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format("2006-01-02"))
		if i%1000 == 999 || i == 2048 || i == 2047 {
			c.Country = trialwatch.Ptr("Georgia")
		}
		batch = append(batch, ArticleSave{Article: article(fmt.Sprintf("https://s.example/%d", i), "S", ""), Cases: []trialwatch.Case{c}})
	}
	if _, err := db.SaveArticles(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := db.Cases(context.Background(), Query{Country: "Georgia"}, func(sc trialwatch.StoredCase) error {
		got = append(got, sc.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{formatID(1000), formatID(2000), formatID(2048), formatID(2049), formatID(3000), formatID(4000), formatID(5000)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestPageOfCopyPointsAtFirstURL saves an article, then a copy of it under
// another URL (an AMP edition with the same text): the copy's page must name
// the URL the article was first stored under.
func TestPageOfCopyPointsAtFirstURL(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	a := article("https://a.example/story", "A", "2024-03-19")
	p1 := &trialwatch.Page{URL: "https://a.example/story", Status: 200, Body: []byte("<p>one</p>")}
	if _, err := db.SaveArticle(ctx, a, p1, []trialwatch.Case{taldykorgan()}); err != nil {
		t.Fatal(err)
	}
	amp := a
	amp.URL = "https://a.example/amp/story"
	p2 := &trialwatch.Page{URL: "https://a.example/amp/story", Status: 200, Body: []byte("<p>one, amp</p>")}
	if _, err := db.SaveArticle(ctx, amp, p2, []trialwatch.Case{taldykorgan()}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{p1.URL, p2.URL} {
		_, info, err := db.Page(u)
		if err != nil {
			t.Fatal(err)
		}
		if info.Article != a.URL {
			t.Errorf("page %s: article %q, want %q", u, info.Article, a.URL)
		}
	}
}
