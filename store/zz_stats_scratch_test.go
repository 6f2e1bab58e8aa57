package store

import (
	"fmt"
	"os"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestScratchBucketStats(t *testing.T) {
	p := os.Getenv("STATSDB")
	if p == "" {
		t.Skip()
	}
	db, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.bolt.View(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			s := tx.Bucket(name).Stats()
			fmt.Printf("%-10s keys %8d leafpages %7d alloc %6.1fMB inuse %6.1fMB\n", name, s.KeyN, s.LeafPageN+s.LeafOverflowN, float64(s.LeafAlloc+s.BranchAlloc)/1e6, float64(s.LeafInuse+s.BranchInuse)/1e6)
		}
		fmt.Println("freelist", db.bolt.Stats().FreePageN, db.bolt.Stats().PendingPageN)
		return nil
	})
}
