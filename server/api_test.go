package server

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/trialwatch/trialwatch"
)

// apiServer is a server over a filled store, behind httptest, with a
// crawl that finishes at once.
func apiServer(t *testing.T, token string) (*Server, *httptest.Server, []string) {
	t.Helper()
	db, _ := openDB(t)
	ids := fill(t, db)
	crawl := func(ctx context.Context, src *trialwatch.Source) (trialwatch.Run, error) {
		return trialwatch.Run{Counts: map[string]int{"fetched": 3, "articles": 2, "cases_new": 1}}, nil
	}
	s, err := New(db, Config{Token: token, Logger: testLogger(t),
		Sources: []*trialwatch.Source{source("herald", "@every 1h"), source("valley", "*/30 * * * *")}}, crawl)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		ts.Close()
		s.shutdownCrawls(context.Background())
	})
	return s, ts, ids
}

func TestEndpoints(t *testing.T) {
	_, ts, ids := apiServer(t, "s3cret")
	if len(ids) != 4 {
		t.Fatalf("fill stored %d cases, want 4 (one merged)", len(ids))
	}
	big := strings.Repeat("x", maxBodyBytes+1)
	tests := []struct {
		name, method, path, token, body string
		code                            int
		want                            []string // substrings of the body
	}{
		{"health", "GET", "/healthz", "", "", 200, []string{"ok"}},
		{"metrics", "GET", "/metrics", "", "", 200, []string{
			"trialwatch_store_size_bytes", `trialwatch_store_records{kind="cases"} 4`, `trialwatch_pages_total{outcome="fetched",source="herald"} 0`,
			`trialwatch_crawl_duration_seconds_count{source="valley"} 0`, `trialwatch_http_requests_total{code="200",method="get"}`, "go_goroutines", "process_resident_memory_bytes"}},
		{"cases", "GET", "/api/cases", "", "", 200, []string{`"id": "` + ids[0], `"court": "Shymkent City Court"`, `"sources": [`, `"evidence": {`}},
		{"cases limit", "GET", "/api/cases?limit=1", "", "", 200, []string{ids[0]}},
		{"cases after", "GET", "/api/cases?after=" + ids[2], "", "", 200, []string{ids[3]}},
		{"cases after short id", "GET", "/api/cases?after=" + strings.TrimLeft(ids[2], "0"), "", "", 200, []string{ids[3]}},
		{"cases since future", "GET", "/api/cases?since=2999-01-01", "", "", 200, []string{"[]"}},
		{"cases limit capped", "GET", "/api/cases?limit=999999", "", "", 200, []string{ids[3]}},
		{"cases by country", "GET", "/api/cases?country=uzbekistan", "", "", 200, []string{"Andijan"}},
		{"cases bad since", "GET", "/api/cases?since=yesterday", "", "", 400, []string{`bad since \"yesterday\": want YYYY-MM-DD`}},
		{"cases bad limit", "GET", "/api/cases?limit=-3", "", "", 400, []string{`bad limit \"-3\"`}},
		{"cases bad after", "GET", "/api/cases?after=abc", "", "", 400, []string{`bad after \"abc\"`}},
		{"cases bad stage", "GET", "/api/cases?stage=arrest", "", "", 400, []string{`bad stage \"arrest\"`}},
		{"case", "GET", "/api/cases/" + ids[1], "", "", 200, []string{`"stage": "appeal"`, `"Bishkek City Court"`}},
		{"case short id", "GET", "/api/cases/" + strings.TrimLeft(ids[1], "0"), "", "", 200, []string{`"id": "` + ids[1]}},
		{"case missing", "GET", "/api/cases/9999999", "", "", 404, []string{"no case 0009999999"}},
		{"case bad id", "GET", "/api/cases/..%2fetc", "", "", 404, []string{"no case"}},
		{"crawl no token", "POST", "/api/crawl?source=herald", "", "", 401, []string{"bearer token"}},
		{"crawl wrong token", "POST", "/api/crawl?source=herald", "s3cre", "", 401, []string{"bearer token"}},
		{"crawl unknown source", "POST", "/api/crawl?source=nope", "s3cret", "", 404, []string{`unknown source \"nope\"`}},
		{"crawl oversize body", "POST", "/api/crawl", "s3cret", "source=herald&pad=" + big, 413, []string{"too large"}},
		{"crawl oversize no token", "POST", "/api/crawl", "", big, 413, []string{"too large"}},
		{"crawl by form", "POST", "/api/crawl", "s3cret", "source=valley", 202, []string{`"run_id"`, `"source": "valley"`}},
		{"crawl get", "GET", "/api/crawl?source=herald", "", "", 405, nil},
		{"runs", "GET", "/api/runs", "", "", 200, []string{"["}},
		{"runs bad limit", "GET", "/api/runs?limit=x", "", "", 400, []string{`bad limit \"x\"`}},
		{"sources", "GET", "/api/sources", "", "", 200, []string{`"name": "herald"`, `"schedule": "*/30 * * * *"`}},
		{"feed", "GET", "/feed.atom", "", "", 200, []string{`<feed xmlns="http://www.w3.org/2005/Atom">`, "urn:trialwatch:case:" + ids[0]}},
		{"page", "GET", "/", "", "", 200, []string{"Shymkent City Court", "<details>", "3 years 6 months to 6 years"}},
		{"page bad filter", "GET", "/?from=March", "", "", 400, []string{"bad from &#34;March&#34;: want YYYY-MM-DD or YYYY-MM", "Shymkent City Court"}},
		{"unknown path", "GET", "/wp-admin", "", "", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body *strings.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			var code int
			var got string
			if body != nil {
				code, _, got = do(t, tt.method, ts.URL+tt.path, tt.token, body)
			} else {
				code, _, got = do(t, tt.method, ts.URL+tt.path, tt.token, nil)
			}
			if code != tt.code {
				t.Errorf("%s %s: status %d, want %d; body %.300s", tt.method, tt.path, code, tt.code, got)
			}
			if miss, ok := hasAll(got, tt.want...); !ok {
				t.Errorf("%s %s: body lacks %q: %.600s", tt.method, tt.path, miss, got)
			}
		})
	}
}

func TestCasesQuery(t *testing.T) {
	_, ts, ids := apiServer(t, "")
	tests := []struct {
		query string
		want  []string
	}{
		{"", ids},
		{"?limit=2", ids[:2]},
		{"?after=" + ids[1] + "&limit=1", ids[2:3]},
		{"?stage=appeal", ids[1:2]},
		{"?country=Kazakhstan", []string{ids[0], ids[3]}},
		{"?since=" + time.Now().UTC().AddDate(0, 0, -1).Format("2006-01-02"), ids},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			_, _, body := do(t, "GET", ts.URL+"/api/cases"+tt.query, "", nil)
			var cases []trialwatch.StoredCase
			if err := json.Unmarshal([]byte(body), &cases); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cases {
				got = append(got, c.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("ids %v, want %v", got, tt.want)
			}
		})
	}
}

// With no token configured every POST is refused, even with some token.
func TestPostRefusedWithoutToken(t *testing.T) {
	_, ts, _ := apiServer(t, "")
	for _, tok := range []string{"", "anything"} {
		code, _, body := do(t, "POST", ts.URL+"/api/crawl?source=herald", tok, nil)
		if code != 403 || !strings.Contains(body, "no token configured") {
			t.Errorf("POST with token %q on a server without one: %d %s", tok, code, body)
		}
	}
}

// POST /api/crawl without a source starts every source; a second one
// while they run is a 409.
func TestCrawlAllSources(t *testing.T) {
	db, _ := openDB(t)
	release := make(chan struct{})
	crawl := func(ctx context.Context, src *trialwatch.Source) (trialwatch.Run, error) {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return trialwatch.Run{Counts: map[string]int{}}, nil
	}
	s, err := New(db, Config{Token: "k", Sources: []*trialwatch.Source{source("a", "@every 1h"), source("b", "@every 1h")}}, crawl)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	code, _, body := do(t, "POST", ts.URL+"/api/crawl", "k", nil)
	var ans crawlStarted
	json.Unmarshal([]byte(body), &ans)
	if code != 202 || len(ans.Runs) != 2 || ans.RunID == "" {
		t.Errorf("POST /api/crawl: %d %s, want 202 with two runs", code, body)
	}
	code, _, body = do(t, "POST", ts.URL+"/api/crawl", "k", nil)
	if code != 409 {
		t.Errorf("second POST /api/crawl: %d %s, want 409", code, body)
	}
	close(release)
	waitFor(t, patience, "both runs to end", func() bool {
		v := s.sourceViews()
		return !v[0].Running && !v[1].Running
	})
	s.shutdownCrawls(context.Background())
}

// The feed is well-formed Atom with one entry per case, stable ids and
// links to every source article.
func TestFeed(t *testing.T) {
	_, ts, ids := apiServer(t, "")
	_, hdr, body := do(t, "GET", ts.URL+"/feed.atom", "", nil)
	if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
		t.Errorf("Content-Type %q", ct)
	}
	if lm := hdr.Get("Last-Modified"); lm == "" {
		t.Error("feed has no Last-Modified")
	} else {
		req, _ := http.NewRequest("GET", ts.URL+"/feed.atom", nil)
		req.Header.Set("If-Modified-Since", lm)
		resp, err := testClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("conditional GET of an unchanged feed: %d, want 304", resp.StatusCode)
		}
		req.Header.Del("If-Modified-Since")
		req.Header.Set("If-None-Match", hdr.Get("ETag"))
		if resp, err = testClient.Do(req); err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("GET of an unchanged feed with its ETag: %d, want 304", resp.StatusCode)
		}
	}
	var feed atomFeed
	if err := xml.Unmarshal([]byte(body), &feed); err != nil {
		t.Fatalf("feed is not XML: %v", err)
	}
	if feed.ID == "" || feed.Title == "" || feed.Updated == "" || len(feed.Entries) != len(ids) {
		t.Fatalf("feed head or entry count wrong: %d entries: %.500s", len(feed.Entries), body)
	}
	// A common feed reader reads it as Atom, with the same entries.
	parsed, err := gofeed.NewParser().ParseString(body)
	if err != nil || parsed.FeedType != "atom" || len(parsed.Items) != len(ids) {
		t.Fatalf("gofeed: %v; type %q", err, parsed.FeedType)
	}
	if it := parsed.Items[len(ids)-1]; it.GUID != "urn:trialwatch:case:"+ids[0] || it.Link == "" || it.UpdatedParsed == nil {
		t.Errorf("gofeed reads the oldest entry as %+v", it)
	}
	if want := "urn:trialwatch:case:" + ids[len(ids)-1]; feed.Entries[0].ID != want {
		t.Errorf("first entry %s, want the newest case %s", feed.Entries[0].ID, want)
	}
	for _, e := range feed.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry %s: updated %q: %v", e.ID, e.Updated, err)
		}
		related := 0
		for _, l := range e.Links {
			if l.Rel == "related" {
				related++
			}
		}
		if related == 0 {
			t.Errorf("entry %s links no source article", e.ID)
		}
		if e.Content.Type != "html" || !strings.Contains(e.Content.Body, "<a href=") {
			t.Errorf("entry %s content: %q", e.ID, e.Content.Body)
		}
	}
}

func TestTokenMatches(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"Bearer s3cret", true},
		{"bearer s3cret", true},
		{"Bearer  s3cret ", true},
		{"Bearer s3cre", false},
		{"Bearer s3cret2", false},
		{"Basic s3cret", false},
		{"s3cret", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := tokenMatches(tt.header, "s3cret"); got != tt.want {
			t.Errorf("tokenMatches(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

// When the database is closed, /healthz says so.
func TestHealthWhenDatabaseClosed(t *testing.T) {
	db, _ := openDB(t)
	s, err := New(db, Config{}, func(context.Context, *trialwatch.Source) (trialwatch.Run, error) { return trialwatch.Run{}, nil })
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	if code, _, _ := do(t, "GET", ts.URL+"/healthz", "", nil); code != 200 {
		t.Fatalf("healthz with an open database: %d", code)
	}
	db.Close()
	if code, _, body := do(t, "GET", ts.URL+"/healthz", "", nil); code != 503 {
		t.Errorf("healthz with a closed database: %d %s, want 503", code, body)
	}
}
