package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
)

// TestSaveOnFullDisk fills a small filesystem with saves and checks that
// the failing save wraps ErrWrite and the disk's own error, and that every
// save that succeeded before is there after reopening.
func TestSaveOnFullDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	path := filepath.Join(dir, "full.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var saved []string
	var saveErr error
	for i := 0; i < 1000 && saveErr == nil; i++ {
		url := fmt.Sprintf("https://full.example/news/%d", i)
		body := make([]byte, 4096) // random bytes do not compress
		for j := range body {
			body[j] = byte(rng.Uint32())
		}
		page := &trialwatch.Page{URL: url, Source: "full", Status: 200, Body: body, Fetched: time.Now().UTC()}
		c := taldykorgan()
		c.Location = trialwatch.Ptr(fmt.Sprintf("Town %d", i))
		_, saveErr = db.SaveArticle(context.Background(), article(url, "Full", "2024-03-19"), page, []trialwatch.Case{c})
		if saveErr == nil {
			saved = append(saved, url)
		}
	}
	if saveErr == nil {
		t.Fatal("1000 saves of 4 KiB pages fit in 256 KiB")
	}
	if !errors.Is(saveErr, ErrWrite) || !errors.Is(saveErr, syscall.ENOSPC) {
		t.Errorf("save on a full disk: %v; want it to wrap ErrWrite and ENOSPC", saveErr)
	}
	t.Logf("%d saves, then: %v", len(saved), saveErr)
	casesBefore := len(allCases(t, db))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = Open(path)
	if err != nil {
		t.Fatalf("reopen after the disk filled: %v", err)
	}
	defer db.Close()
	for _, u := range saved {
		if _, err := db.Article(u); err != nil {
			t.Errorf("article saved before the disk filled: %v", err)
		}
	}
	if n := len(allCases(t, db)); n != casesBefore {
		t.Errorf("%d cases after reopening, want the %d there before", n, casesBefore)
	}
}
