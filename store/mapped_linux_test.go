//go:build linux

package store

import (
	"bytes"
	"crypto/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// rssFileKB reads how much of the process's resident memory is mapped
// files.
func rssFileKB(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "RssFile:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}

func TestDropMappedReleasesPagesAndKeepsData(t *testing.T) {
	db, _ := openTest(t)
	const n, size = 64, 256 << 10 // 16 MB of values
	want := make([][]byte, n)
	if err := db.bolt.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte("mapped-test"))
		if err != nil {
			return err
		}
		for i := range want {
			want[i] = make([]byte, size)
			rand.Read(want[i])
			if err := b.Put([]byte(strconv.Itoa(i)), want[i]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	readAll := func() {
		t.Helper()
		if err := db.bolt.View(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("mapped-test"))
			for i := range want {
				if !bytes.Equal(b.Get([]byte(strconv.Itoa(i))), want[i]) {
					t.Fatalf("value %d differs", i)
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	readAll() // every page of the values is mapped in now
	before := rssFileKB(t)
	if err := db.DropMapped(); err != nil {
		t.Fatal(err)
	}
	after := rssFileKB(t)
	if before-after < 8<<10 {
		t.Errorf("resident mapped files %d kB before, %d kB after: want 8 MB or more released", before, after)
	}
	readAll() // the data reads back from the page cache
}
