package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
)

func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tests := []struct {
		name    string
		opts    []Option
		wantMax time.Duration
	}{
		{"default timeout", nil, 3 * time.Second},
		{"short timeout", []Option{WithTimeout(200 * time.Millisecond)}, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			db2, err := Open(path, tt.opts...)
			took := time.Since(start)
			if err == nil {
				db2.Close()
				t.Fatal("second Open of a held file succeeded")
			}
			if !errors.Is(err, ErrLocked) {
				t.Fatalf("err = %v, want ErrLocked", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			if took > tt.wantMax {
				t.Errorf("took %s, want under %s", took, tt.wantMax)
			}
		})
	}
	// Once the first holder closes, the file opens.
	db.Close()
	db3, err := Open(path, WithTimeout(time.Second))
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	db3.Close()
}

func TestOpenBadPath(t *testing.T) {
	tests := []string{"", filepath.Join(t.TempDir(), "missing-dir", "x.db")}
	for _, p := range tests {
		if db, err := Open(p); err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded", p)
		}
	}
}

func TestIDsMonotonicAcrossReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ids.db")
	var last string
	for round := range 3 {
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			c := taldykorgan()
			c.DecisionDate = trialwatch.Ptr(time.Date(2020+round, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
			res := save(t, db, article("https://a.example/"+*c.DecisionDate, "A", "2024-01-01"), c)
			if len(res.IDs) != 1 || res.New != 1 {
				t.Fatalf("round %d: %+v", round, res)
			}
			id := res.IDs[0]
			if len(id) != idWidth || id <= last {
				t.Fatalf("id %q not after %q", id, last)
			}
			last = id
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if last != formatID(9) {
		t.Errorf("last id %s, want %s", last, formatID(9))
	}
}
