//go:build linux

package store

import (
	"fmt"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// DropMapped takes the pages of the database file out of the process's
// memory map. They stay in the kernel's page cache, so the next read finds
// them at the cost of a minor fault, but they no longer count as the
// process's resident memory. A daemon calls it when it goes idle: opening
// the file reads every page (the free list is rebuilt, not stored) and a
// crawl touches many more, so an idle daemon would otherwise hold as much
// resident memory as its database is large.
//
// The map is read inside a read transaction, which keeps bbolt from
// remapping the file meanwhile; bbolt maps the file read-only, so no data
// is lost.
func (db *DB) DropMapped() error {
	return db.bolt.View(func(tx *bolt.Tx) error {
		size := tx.Size()
		if size <= 0 {
			return nil
		}
		_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, tx.DB().Info().Data, uintptr(size), syscall.MADV_DONTNEED)
		if errno != 0 {
			return fmt.Errorf("store: release mapped pages of %s: %w", db.path, errno)
		}
		return nil
	})
}
