//go:build !linux

package store

// DropMapped takes the pages of the database file out of the process's
// memory map where the system allows it; here it does nothing.
func (db *DB) DropMapped() error { return nil }
