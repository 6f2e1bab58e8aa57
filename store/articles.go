package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ArticleInfo describes a stored article.
type ArticleInfo struct {
	URL       string    `json:"url"`
	Outlet    string    `json:"outlet"`
	Title     string    `json:"title"`
	Published string    `json:"published"`
	Cases     int       `json:"cases"`            // how many cases were read from it
	CaseIDs   []string  `json:"case_ids"`         // their stored ids
	Fetched   time.Time `json:"fetched,omitzero"` // when its page was fetched
	Saved     time.Time `json:"saved"`            // when it was last saved
	PageURL   string    `json:"page_url,omitempty"`
	PageSHA   string    `json:"page_sha256,omitempty"`
}

func (r *articleRecord) info() ArticleInfo {
	return ArticleInfo{
		URL: r.URL, Outlet: r.Outlet, Title: r.Title, Published: r.Published,
		Cases: len(r.CaseIDs), CaseIDs: r.CaseIDs, Fetched: r.Fetched, Saved: r.Saved,
		PageURL: r.PageURL, PageSHA: r.PageSHA,
	}
}

// Article returns the stored article with the canonical URL.
func (db *DB) Article(url string) (ArticleInfo, error) {
	var rec articleRecord
	err := db.bolt.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bArticles).Get([]byte(url))
		if v == nil {
			return ErrNotFound
		}
		return json.Unmarshal(v, &rec)
	})
	if err != nil {
		return ArticleInfo{}, fmt.Errorf("store: article %s: %w", url, err)
	}
	return rec.info(), nil
}

// Articles calls fn with every stored article, newest publication date
// first (undated ones last; same date: the later saved first), reading in
// short transactions. An error from fn stops the walk and is returned.
func (db *DB) Articles(ctx context.Context, fn func(ArticleInfo) error) error {
	var pos []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var batch []ArticleInfo
		err := db.bolt.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bArtDate).Cursor()
			arts := tx.Bucket(bArticles)
			var k, v []byte
			if pos == nil {
				k, v = c.Last()
			} else {
				k, v = c.Seek(pos)
				if k == nil {
					k, v = c.Last()
				} else {
					k, v = c.Prev()
				}
			}
			for ; k != nil && len(batch) < readBatch; k, v = c.Prev() {
				pos = clone(k)
				av := arts.Get(v)
				if av == nil {
					continue
				}
				var rec articleRecord
				if err := json.Unmarshal(av, &rec); err != nil {
					return fmt.Errorf("article %s: %w", v, err)
				}
				batch = append(batch, rec.info())
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("store: articles: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for _, a := range batch {
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(batch) < readBatch {
			return nil
		}
	}
}
