package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/trialwatch/trialwatch/store"
)

// cursor returns the consumer's cursor, first settling an export that was
// interrupted after its file was renamed into place: if that file is there
// with the content it was written with, the export counts as done.
func cursor(db *store.DB, o *Options) (store.Cursor, error) {
	if o.Consumer == "" {
		return store.Cursor{}, nil
	}
	cur, err := db.Cursor(o.Consumer)
	if err != nil {
		return cur, fmt.Errorf("export: %w", err)
	}
	if cur.Pending == nil {
		return cur, nil
	}
	done := false
	if sum, err := fileSHA256(cur.PendingFile); err == nil && sum == cur.PendingSHA256 {
		done = true
	}
	if done {
		cur = *cur.Pending
	}
	cur.Pending, cur.PendingFile, cur.PendingSHA256 = nil, "", ""
	if err := db.SetCursor(o.Consumer, cur); err != nil {
		return cur, fmt.Errorf("export: %w", err)
	}
	return cur, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// WriteFile writes the cases o selects to path atomically: into a temporary
// file in the same folder, synced, then renamed over path. Readers of path
// see the old content or the complete new one, never a part. With New or
// Updated, the consumer's cursor advances only after the rename.
func WriteFile(ctx context.Context, db *store.DB, path string, o Options) (n int, err error) {
	if err := o.check(); err != nil {
		return 0, err
	}
	if path == "" {
		return 0, errors.New("export: empty output path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, fmt.Errorf("export: output %s: %w", path, err)
	}
	cur, err := cursor(db, &o)
	if err != nil {
		return 0, err
	}
	p, err := makePlan(db, &o, cur)
	if err != nil {
		return 0, err
	}
	dir := filepath.Dir(abs)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(abs)+".tmp-*")
	if err != nil {
		return 0, fmt.Errorf("export: output %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	bw := newBuffered(io.MultiWriter(tmp, h))
	if n, err = stream(ctx, db, bw, &o, p); err != nil {
		return n, err
	}
	if err = bw.Flush(); err != nil {
		return n, fmt.Errorf("export: write %s: %w", tmp.Name(), err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return n, fmt.Errorf("export: output %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return n, fmt.Errorf("export: sync %s: %w", tmp.Name(), err)
	}
	if err = tmp.Close(); err != nil {
		return n, fmt.Errorf("export: close %s: %w", tmp.Name(), err)
	}
	if o.Consumer != "" {
		pending := cur
		next := p.next
		pending.Pending, pending.PendingFile, pending.PendingSHA256 = &next, abs, hex.EncodeToString(h.Sum(nil))
		if err = db.SetCursor(o.Consumer, pending); err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
	}
	if err = os.Rename(tmp.Name(), abs); err != nil {
		return n, fmt.Errorf("export: output %s: %w", path, err)
	}
	syncDir(dir)
	if o.Consumer != "" {
		if err := db.SetCursor(o.Consumer, p.next); err != nil {
			// The file is in place and the pending cursor says so: the
			// next export settles it.
			return n, fmt.Errorf("export: %w", err)
		}
	}
	return n, nil
}

// syncDir makes a rename in dir durable; where directories cannot be
// synced, the rename is still atomic, only perhaps not yet on disk.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
