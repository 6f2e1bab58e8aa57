package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/klauspost/compress/gzip"
	"io"
	"net/http"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
)

// pageRecord is a fetched page as stored: the exact bytes (gzipped), their
// SHA-256 and when they were fetched, so every case can be traced back to
// what the site served.
type pageRecord struct {
	URL     string      `json:"url"`
	Article string      `json:"article"` // canonical URL of the article read from it
	Source  string      `json:"source"`
	Status  int         `json:"status"`
	Header  http.Header `json:"header,omitempty"`
	SHA256  string      `json:"sha256"`
	Size    int         `json:"size"`
	Fetched time.Time   `json:"fetched"`
	// BodySeq is the key of the gzipped body in the bodies bucket. Bodies
	// are appended there in fetch order, so saving a page writes only the
	// end of that bucket's tree and never rewrites the bodies of pages
	// that happen to sort near its URL.
	BodySeq uint64 `json:"body_seq,omitempty"`
	// Body is the gzipped body: in memory before the page is stored, and
	// inside records of schema version 1.
	Body []byte `json:"body,omitempty"`
}

// putPage stores rec under its URL and its body at the end of the bodies
// bucket, dropping the body of the page it replaces.
func putPage(tx *bolt.Tx, rec pageRecord) error {
	pages, bodies := tx.Bucket(bPages), tx.Bucket(bBodies)
	if v := pages.Get([]byte(rec.URL)); v != nil {
		var old pageRecord
		if err := json.Unmarshal(v, &old); err == nil && old.BodySeq != 0 {
			if err := bodies.Delete(u64(old.BodySeq)); err != nil {
				return err
			}
		}
	} else if err := addCount(tx, "pages", 1); err != nil {
		return err
	}
	seq, err := bodies.NextSequence()
	if err != nil {
		return err
	}
	bodies.FillPercent = 1 // appended in key order: full pages
	if err := bodies.Put(u64(seq), rec.Body); err != nil {
		return err
	}
	rec.BodySeq, rec.Body = seq, nil
	b, err := encodePage(&rec)
	if err != nil {
		return err
	}
	return pages.Put([]byte(rec.URL), b)
}

// getPage reads the record stored under url with its body (copied out of
// the transaction), or reports ErrNotFound.
func getPage(tx *bolt.Tx, url []byte) (pageRecord, error) {
	var rec pageRecord
	v := tx.Bucket(bPages).Get(url)
	if v == nil {
		return rec, ErrNotFound
	}
	if err := json.Unmarshal(v, &rec); err != nil {
		return rec, err
	}
	return rec, loadBody(tx, &rec)
}

func loadBody(tx *bolt.Tx, rec *pageRecord) error {
	if rec.BodySeq == 0 {
		return nil // schema version 1: the body is in the record
	}
	b := tx.Bucket(bBodies).Get(u64(rec.BodySeq))
	if b == nil {
		return fmt.Errorf("page %s: body %d missing", rec.URL, rec.BodySeq)
	}
	rec.Body = bytes.Clone(b)
	return nil
}

// newPageRecord compresses and hashes a page; it runs outside the write
// transaction so the single writer is not kept busy compressing. The body
// is compressed in one stateless deflate call: as small as gzip's fastest
// level on news pages, and without that level's 128 KB match table, which
// a busy crawl evicts from the processor's caches between pages and which
// then costs more than the compression itself (in a crawl, 40% more time
// per page).
func newPageRecord(p *trialwatch.Page) (pageRecord, error) {
	sum := sha256.Sum256(p.Body)
	z := pageZips.Get().(*pageZip)
	z.buf.Reset()
	z.zw.Reset(&z.buf)
	if _, err := z.zw.Write(p.Body); err != nil {
		return pageRecord{}, err
	}
	if err := z.zw.Close(); err != nil {
		return pageRecord{}, err
	}
	// The body waits in the write queue until its commit: it gets a slice
	// of its own size, not the scratch buffer sized for any page.
	body := bytes.Clone(z.buf.Bytes())
	if z.buf.Cap() <= maxPooledZip {
		pageZips.Put(z)
	}
	return pageRecord{
		URL: p.URL, Source: p.Source, Status: p.Status, Header: p.Header,
		SHA256: hex.EncodeToString(sum[:]), Size: len(p.Body), Fetched: p.Fetched, Body: body,
	}, nil
}

// pageZip is a gzip writer and its output buffer, kept for the next page.
type pageZip struct {
	buf bytes.Buffer
	zw  *gzip.Writer
}

var pageZips = sync.Pool{New: func() any {
	zw, err := gzip.NewWriterLevel(nil, gzip.StatelessCompression)
	if err != nil {
		panic(err) // a constant level
	}
	return &pageZip{zw: zw}
}}

// maxPooledZip is the largest output buffer kept for reuse: one huge page
// should not hold its memory for good.
const maxPooledZip = 1 << 20

func (r *pageRecord) page() (trialwatch.Page, error) {
	zr, err := gzip.NewReader(bytes.NewReader(r.Body))
	if err != nil {
		return trialwatch.Page{}, fmt.Errorf("page %s: %w", r.URL, err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		return trialwatch.Page{}, fmt.Errorf("page %s: %w", r.URL, err)
	}
	if got := sha256.Sum256(body); hex.EncodeToString(got[:]) != r.SHA256 {
		return trialwatch.Page{}, fmt.Errorf("page %s: stored body does not match its SHA-256", r.URL)
	}
	return trialwatch.Page{URL: r.URL, Source: r.Source, Status: r.Status, Header: r.Header, Body: body, Fetched: r.Fetched}, nil
}

// PageInfo describes a stored page without its body.
type PageInfo struct {
	URL     string    // final URL it was fetched from
	Article string    // canonical URL of the article read from it
	SHA256  string    // hex SHA-256 of the body as fetched
	Size    int       // body size in bytes
	Fetched time.Time // when it was fetched
}

// Page returns the stored page fetched from url, body decompressed and
// checked against its SHA-256.
func (db *DB) Page(url string) (trialwatch.Page, PageInfo, error) {
	var rec pageRecord
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		rec, err = getPage(tx, []byte(url))
		return err
	})
	if err != nil {
		return trialwatch.Page{}, PageInfo{}, fmt.Errorf("store: page %s: %w", url, err)
	}
	p, err := rec.page()
	if err != nil {
		return trialwatch.Page{}, PageInfo{}, fmt.Errorf("store: %w", err)
	}
	return p, rec.info(), nil
}

func (r *pageRecord) info() PageInfo {
	return PageInfo{URL: r.URL, Article: r.Article, SHA256: r.SHA256, Size: r.Size, Fetched: r.Fetched}
}

// Pages calls fn with every stored page, in URL order, for re-extraction.
// It reads in short transactions, so saves can go on meanwhile.
func (db *DB) Pages(ctx context.Context, fn func(trialwatch.Page) error) error {
	var after []byte
	for {
		var recs []pageRecord
		err := db.bolt.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bPages).Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(recs) < 64; k, v = c.Next() {
				var r pageRecord
				if err := json.Unmarshal(v, &r); err != nil {
					return fmt.Errorf("page %s: %w", k, err)
				}
				if err := loadBody(tx, &r); err != nil {
					return err
				}
				recs = append(recs, r)
				after = clone(k)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("store: pages: %w", err)
		}
		if len(recs) == 0 {
			return nil
		}
		for i := range recs {
			if err := ctx.Err(); err != nil {
				return err
			}
			p, err := recs[i].page()
			if err != nil {
				return fmt.Errorf("store: %w", err)
			}
			if err := fn(p); err != nil {
				return err
			}
		}
	}
}
