package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

func openDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "x.db"), store.WithClock(func() time.Time {
		return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	}))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// verdict returns a distinct case for day d of March 2024.
func verdict(d int) trialwatch.Case {
	return trialwatch.Case{
		Stage:             trialwatch.StageVerdict,
		Court:             trialwatch.Ptr("=HYPERLINK(\"http://evil.example\")"),
		Location:          trialwatch.Ptr("Taldykorgan"),
		Country:           trialwatch.Ptr("Kazakhstan"),
		DecisionDate:      trialwatch.Ptr(time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")),
		Defendants:        trialwatch.Ptr(4),
		Imprisoned:        trialwatch.Ptr(3),
		SentenceMinMonths: trialwatch.Ptr(48),
		SentenceMaxMonths: trialwatch.Ptr(72),
		Charges:           []string{"torture"},
		DefendantRole:     trialwatch.Ptr("-police officers"),
		Evidence:          map[string]string{"location": "A court in Taldykorgan <sentenced> four & more.\x01"},
	}
}

func saveN(tb testing.TB, db *store.DB, from, to int) {
	tb.Helper()
	for d := from; d < to; d++ {
		a := trialwatch.Article{URL: "https://one.example/n/" + string(rune('a'+d)), Outlet: "One", Title: "T", Published: "2024-03-30"}
		if _, err := db.SaveArticle(context.Background(), a, nil, []trialwatch.Case{verdict(d)}); err != nil {
			tb.Fatal(err)
		}
	}
}

func export(tb testing.TB, db *store.DB, o Options) (string, int) {
	tb.Helper()
	var b bytes.Buffer
	n, err := Write(context.Background(), db, &b, o)
	if err != nil {
		tb.Fatal(err)
	}
	return b.String(), n
}

func TestFormats(t *testing.T) {
	db := openDB(t)
	saveN(t, db, 1, 4)
	tests := []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{JSONL, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != 3 {
				t.Fatalf("%d lines", len(lines))
			}
			for _, l := range lines {
				checkCaseJSON(t, []byte(l))
			}
		}},
		{JSON, func(t *testing.T, out string) {
			var arr []json.RawMessage
			if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) != 3 {
				t.Fatalf("%d items, %v", len(arr), err)
			}
			for _, m := range arr {
				checkCaseJSON(t, m)
			}
		}},
		{CSV, func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) != 4 {
				t.Fatalf("%d rows, %v", len(rows), err)
			}
			col := map[string]int{}
			for i, c := range rows[0] {
				col[c] = i
			}
			r := rows[1]
			if r[col["court"]] != `'=HYPERLINK("http://evil.example")` || r[col["defendant_role"]] != "'-police officers" {
				t.Errorf("formula cells not neutralised: %q %q", r[col["court"]], r[col["defendant_role"]])
			}
			if r[col["acquitted"]] != "" || r[col["defendants"]] != "4" || r[col["sources"]] != "https://one.example/n/b" || r[col["update"]] != "false" {
				t.Errorf("row %v", r)
			}
			var ev map[string]string
			if err := json.Unmarshal([]byte(r[col["evidence"]]), &ev); err != nil || ev["location"] == "" {
				t.Errorf("evidence column %q: %v", r[col["evidence"]], err)
			}
		}},
		{Atom, func(t *testing.T, out string) {
			var feed struct {
				XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
				ID      string   `xml:"id"`
				Title   string   `xml:"title"`
				Updated string   `xml:"updated"`
				Author  string   `xml:"author>name"`
				Self    struct {
					Rel  string `xml:"rel,attr"`
					Href string `xml:"href,attr"`
				} `xml:"link"`
				Entries []struct {
					ID      string `xml:"id"`
					Title   string `xml:"title"`
					Updated string `xml:"updated"`
					Links   []struct {
						Rel  string `xml:"rel,attr"`
						Href string `xml:"href,attr"`
					} `xml:"link"`
					Content string `xml:"content"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(out), &feed); err != nil {
				t.Fatalf("not XML: %v\n%s", err, out)
			}
			if feed.Self.Rel != "self" || feed.Self.Href != "http://127.0.0.1/feed.atom?a=1&b=\"2\"" {
				t.Errorf("self link %+v", feed.Self)
			}
			if feed.ID == "" || feed.Title == "" || feed.Author == "" || len(feed.Entries) != 3 {
				t.Fatalf("feed %+v", feed)
			}
			for _, e := range feed.Entries {
				if !strings.HasPrefix(e.ID, "urn:trialwatch:case:") || e.Title == "" || len(e.Links) != 1 || e.Links[0].Rel != "alternate" {
					t.Errorf("entry %+v", e)
				}
				if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
					t.Errorf("updated %q: %v", e.Updated, err)
				}
				if !strings.Contains(e.Content, "<sentenced> four & more") {
					t.Errorf("content %q", e.Content)
				}
			}
			if feed.Entries[0].ID != EntryID("0000000001") {
				t.Errorf("entry id %s", feed.Entries[0].ID)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			out, n := export(t, db, Options{Format: tt.format, FeedSelf: "http://127.0.0.1/feed.atom?a=1&b=\"2\""})
			if n != 3 {
				t.Errorf("n = %d", n)
			}
			tt.check(t, out)
		})
	}
}

// checkCaseJSON checks one exported case against spec/interface.md: every
// key of the record present, plus id, first_seen, updated, sources.
func checkCaseJSON(t *testing.T, b []byte) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	for _, k := range append(append([]string{}, trialwatch.ScoredFields...), "charges", "defendant_role", "evidence", "id", "first_seen", "updated", "sources") {
		if _, ok := m[k]; !ok {
			t.Errorf("key %s missing", k)
		}
	}
	if m["acquitted"] != nil {
		t.Errorf("unstated fact is %v, want null", m["acquitted"])
	}
	for _, k := range []string{"first_seen", "updated"} {
		if _, err := time.Parse(time.RFC3339, m[k].(string)); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
	src := m["sources"].([]any)[0].(map[string]any)
	for _, k := range []string{"url", "outlet", "title", "published"} {
		if _, ok := src[k]; !ok {
			t.Errorf("source key %s missing", k)
		}
	}
}

func TestEmptyExports(t *testing.T) {
	db := openDB(t)
	for _, f := range Formats {
		out, n := export(t, db, Options{Format: f})
		if n != 0 {
			t.Errorf("%s: n = %d", f, n)
		}
		switch f {
		case JSON:
			var arr []any
			if err := json.Unmarshal([]byte(out), &arr); err != nil || arr == nil {
				t.Errorf("empty json %q: %v", out, err)
			}
		case Atom:
			if err := xml.Unmarshal([]byte(out), new(struct{})); err != nil {
				t.Errorf("empty atom: %v", err)
			}
		}
	}
}

func TestBadOptions(t *testing.T) {
	db := openDB(t)
	for _, o := range []Options{{Format: "xml"}, {New: true}, {Updated: true}, {Consumer: "x"}} {
		if _, err := Write(context.Background(), db, &bytes.Buffer{}, o); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
}

func ids(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var m struct {
			ID     string `json:"id"`
			Update bool   `json:"update"`
		}
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		if m.Update {
			got = append(got, "u"+m.ID[len(m.ID)-1:])
		} else {
			got = append(got, m.ID[len(m.ID)-1:])
		}
	}
	return got
}

func TestNewAndUpdated(t *testing.T) {
	db := openDB(t)
	saveN(t, db, 1, 3) // cases 1, 2
	step := func(o Options, want string) {
		t.Helper()
		out, _ := export(t, db, o)
		if got := strings.Join(ids(t, out), ","); got != want {
			t.Errorf("%+v: got %q, want %q", o, got, want)
		}
	}
	alice := Options{New: true, Consumer: "alice"}
	bob := Options{Updated: true, Consumer: "bob"}
	step(alice, "1,2")
	step(alice, "")
	step(bob, "1,2")
	saveN(t, db, 3, 5) // cases 3, 4
	// Another outlet reports case 2: it gains a source.
	if _, err := db.SaveArticle(context.Background(), trialwatch.Article{URL: "https://two.example/x", Outlet: "Two"}, nil, []trialwatch.Case{verdict(2)}); err != nil {
		t.Fatal(err)
	}
	step(alice, "3,4")
	step(bob, "u2,3,4")
	step(bob, "")
	step(alice, "")
	// Without a consumer everything, and no cursor moves.
	step(Options{}, "1,2,3,4")
	step(Options{Country: "Georgia"}, "")
}

// failingWriter fails once it has taken limit bytes.
type failingWriter struct{ limit, n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n+len(p) > w.limit {
		k := w.limit - w.n
		w.n = w.limit
		return k, errDiskFull
	}
	w.n += len(p)
	return len(p), nil
}

func TestCursorNotAdvancedOnFailure(t *testing.T) {
	db := openDB(t)
	saveN(t, db, 1, 28)
	o := Options{New: true, Consumer: "c", Format: CSV}
	if _, err := Write(context.Background(), db, &failingWriter{limit: 5000}, o); !errors.Is(err, errDiskFull) {
		t.Fatalf("err %v, want the writer's error", err)
	}
	if c, _ := db.Cursor("c"); c.ID != "" {
		t.Errorf("cursor advanced to %+v after a failed write", c)
	}
	// The output fits the buffer, so only the final flush writes, and
	// fails one byte short.
	full, _ := export(t, db, Options{})
	if _, err := Write(context.Background(), db, &failingWriter{limit: len(full) - 1}, Options{New: true, Consumer: "c"}); !errors.Is(err, errDiskFull) {
		t.Errorf("err %v, want the flush's error", err)
	}
	if c, _ := db.Cursor("c"); c.ID != "" {
		t.Errorf("cursor advanced to %+v after a failed flush", c)
	}
	parent := filepath.Join(t.TempDir(), "file")
	os.WriteFile(parent, []byte("x"), 0o644)
	if _, err := WriteFile(context.Background(), db, filepath.Join(parent, "out.csv"), Options{New: true, Consumer: "d"}); err == nil {
		t.Error("export into a path under a file succeeded")
	}
	if c, _ := db.Cursor("d"); c.ID != "" {
		t.Errorf("cursor advanced to %+v after an unwritable path", c)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := WriteFile(ctx, db, filepath.Join(t.TempDir(), "out.csv"), Options{New: true, Consumer: "e"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: %v", err)
	}
	if c, _ := db.Cursor("e"); c.ID != "" {
		t.Errorf("cursor advanced after a cancelled export")
	}
}

func TestWriteFile(t *testing.T) {
	db := openDB(t)
	saveN(t, db, 1, 4)
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.jsonl")
	os.WriteFile(path, []byte("old\n"), 0o644)
	o := Options{New: true, Consumer: "f"}
	n, err := WriteFile(context.Background(), db, path, o)
	if err != nil || n != 3 {
		t.Fatalf("n %d err %v", n, err)
	}
	b, _ := os.ReadFile(path)
	if got := strings.Join(ids(t, string(b)), ","); got != "1,2,3" {
		t.Errorf("file holds %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if c, _ := db.Cursor("f"); c.ID != "0000000003" || c.Pending != nil {
		t.Errorf("cursor %+v", c)
	}
	if n, _ := WriteFile(context.Background(), db, path, o); n != 0 {
		t.Errorf("second export gave %d cases", n)
	}
}

// TestInterruptedAfterRename plays an export killed between the rename and
// the cursor update: the next export must count it as done.
func TestInterruptedAfterRename(t *testing.T) {
	db := openDB(t)
	saveN(t, db, 1, 3)
	path := filepath.Join(t.TempDir(), "cases.jsonl")
	if _, err := WriteFile(context.Background(), db, path, Options{New: true, Consumer: "k"}); err != nil {
		t.Fatal(err)
	}
	done, _ := db.Cursor("k")
	// Rewind to the state the killed process left: cursor before, with the
	// export pending.
	b, _ := os.ReadFile(path)
	sum, _ := fileSHA256(path)
	abs, _ := filepath.Abs(path)
	if err := db.SetCursor("k", store.Cursor{Pending: &done, PendingFile: abs, PendingSHA256: sum}); err != nil {
		t.Fatal(err)
	}
	saveN(t, db, 3, 4)
	out, _ := export(t, db, Options{New: true, Consumer: "k"})
	if got := strings.Join(ids(t, out), ","); got != "3" {
		t.Errorf("after a completed but unrecorded export got %q, want only the new case 3 (file had %d bytes)", got, len(b))
	}
	// Killed before the rename: the file does not match, nothing is lost.
	if err := db.SetCursor("k", store.Cursor{Pending: &done, PendingFile: abs + ".missing", PendingSHA256: sum}); err != nil {
		t.Fatal(err)
	}
	out, _ = export(t, db, Options{New: true, Consumer: "k"})
	if got := strings.Join(ids(t, out), ","); got != "1,2,3" {
		t.Errorf("after an unfinished export got %q, want everything again", got)
	}
}

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+2", "'=1+2"}, {"+7", "'+7"}, {"-3", "'-3"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"Almaty", "Almaty"}, {"", ""}, {"4", "4"},
	}
	for _, tt := range tests {
		if got := safeCell(tt.in); got != tt.want {
			t.Errorf("safeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLast(t *testing.T) {
	db := openDB(t)
	saveN(t, db, 1, 6)
	tests := []struct {
		last int
		want string
	}{{2, "4,5"}, {5, "1,2,3,4,5"}, {9, "1,2,3,4,5"}}
	for _, tt := range tests {
		out, _ := export(t, db, Options{Last: tt.last})
		if got := strings.Join(ids(t, out), ","); got != tt.want {
			t.Errorf("last %d: got %s, want %s", tt.last, got, tt.want)
		}
	}
	if _, err := Write(context.Background(), db, io.Discard, Options{Last: 2, New: true, Consumer: "x"}); err == nil {
		t.Error("last with a consumer accepted")
	}
}
