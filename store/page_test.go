package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
)

// TestPageBodiesAppended checks that fetching a page again replaces its
// body instead of leaving the old one behind, and that bodies are kept
// out of the page records.
func TestPageBodiesAppended(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	for i, text := range []string{"first", "second", "third"} {
		p := &trialwatch.Page{URL: "https://a.example/1", Status: 200, Body: []byte("<p>" + text + " version</p>"), Fetched: time.Unix(int64(i), 0)}
		if _, err := db.SaveArticle(ctx, article("https://a.example/1", "A", "2024-03-19"), p, nil); err != nil {
			t.Fatal(err)
		}
	}
	got, _, err := db.Page("https://a.example/1")
	if err != nil || !strings.Contains(string(got.Body), "third") {
		t.Fatalf("page = %q, %v", got.Body, err)
	}
	err = db.bolt.View(func(tx *bolt.Tx) error {
		if n := tx.Bucket(bBodies).Stats().KeyN; n != 1 {
			t.Errorf("%d bodies stored for one page", n)
		}
		if v := tx.Bucket(bPages).Get([]byte("https://a.example/1")); bytes.Contains(v, []byte(`"body"`)) {
			t.Errorf("page record holds its body: %s", v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReadsSchemaVersion1 opens a file written with page bodies inside the
// page records (schema version 1): its pages read back, new pages are
// stored the new way, and the file is marked version 2.
func TestReadsSchemaVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	old := &trialwatch.Page{URL: "https://a.example/old", Status: 200, Body: []byte("<p>stored by version 1</p>")}
	rec, err := newPageRecord(old)
	if err != nil {
		t.Fatal(err)
	}
	rec.Article = old.URL
	v1, _ := json.Marshal(&rec) // body inside, no body_seq
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bPages).Put([]byte(old.URL), v1); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put([]byte("schema"), u64(1))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, _, err := db.Page(old.URL)
	if err != nil || string(got.Body) != string(old.Body) {
		t.Fatalf("version 1 page = %q, %v", got.Body, err)
	}
	fresh := &trialwatch.Page{URL: "https://a.example/new", Status: 200, Body: []byte("<p>new</p>")}
	if _, err := db.SaveArticle(context.Background(), article(fresh.URL, "A", ""), fresh, nil); err != nil {
		t.Fatal(err)
	}
	var bodies []string
	if err := db.Pages(context.Background(), func(p trialwatch.Page) error { bodies = append(bodies, string(p.Body)); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(bodies, "|") != "<p>new</p>|<p>stored by version 1</p>" {
		t.Errorf("pages = %q", bodies)
	}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		if v := binary.BigEndian.Uint64(tx.Bucket(bMeta).Get([]byte("schema"))); v != schemaVersion {
			t.Errorf("schema version %d after opening, want %d", v, schemaVersion)
		}
		return nil
	})
}
