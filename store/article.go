package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
)

// SaveResult says what SaveArticle did with the article's cases.
type SaveResult struct {
	New      int      // cases stored under a new id
	Merged   int      // cases merged into a case another article reported
	Replaced int      // cases that replaced this article's own earlier report
	IDs      []string // the stored case id of each case, in the order given
}

// articleRecord is an article as stored.
type articleRecord struct {
	URL       string    `json:"url"`
	Outlet    string    `json:"outlet"`
	Title     string    `json:"title"`
	Published string    `json:"published"`
	PageURL   string    `json:"page_url,omitempty"`
	PageSHA   string    `json:"page_sha256,omitempty"`
	TextSHA   string    `json:"text_sha256,omitempty"`
	Fetched   time.Time `json:"fetched,omitzero"`
	Saved     time.Time `json:"saved"`
	Seq       uint64    `json:"seq"`
	CaseIDs   []string  `json:"case_ids"`
}

func (r *articleRecord) ref() trialwatch.SourceRef {
	return trialwatch.SourceRef{URL: r.URL, Outlet: r.Outlet, Title: r.Title, Published: r.Published}
}

// SaveArticle saves an article, the page it was read from (may be nil) and
// the cases read from it, in one transaction: either all of it is stored or
// none. Each case that matches a stored one is merged into it (gaining this
// article as a source); the others are stored as new. Saving an article
// again (the same canonical URL, or the same page bytes or text behind
// another URL, such as an AMP copy) replaces what it contributed before
// instead of adding a second source.
func (db *DB) SaveArticle(ctx context.Context, a trialwatch.Article, page *trialwatch.Page, cases []trialwatch.Case) (SaveResult, error) {
	return db.Save(ctx, ArticleSave{Article: a, Page: page, Cases: cases})
}

// Save saves one article as SaveArticle does and, in the same transaction,
// marks its crawler visit ids visited: a crawled article costs one commit,
// and is never marked visited without being stored.
func (db *DB) Save(ctx context.Context, s ArticleSave) (SaveResult, error) {
	in, err := prepare(s.Article, s.Page, s.Cases)
	if err != nil {
		return SaveResult{}, err
	}
	var res SaveResult
	err = db.update(ctx, func(tx *bolt.Tx) error {
		res = SaveResult{}
		if err := db.save(tx, &in, &res); err != nil {
			return err
		}
		return markVisited(tx, s.Visits)
	})
	if err != nil {
		return SaveResult{}, fmt.Errorf("store: save article %s: %w", s.Article.URL, err)
	}
	return res, nil
}

// SaveAsync is Save without waiting for the commit, for a crawl that goes
// on fetching meanwhile: it prepares the article, queues its write and
// returns. done is called once, from the store's writer goroutine (so it
// must be quick and must not write to the store), with the result. Writes
// queued this way are committed together in larger groups. SaveAsync
// blocks only while the write queue is full.
func (db *DB) SaveAsync(ctx context.Context, s ArticleSave, done func(SaveResult, error)) {
	in, err := prepare(s.Article, s.Page, s.Cases)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		done(SaveResult{}, err)
		return
	}
	// The queued write holds what prepare made, never the page as fetched.
	url, visits := s.Article.URL, s.Visits
	var res SaveResult
	db.w.doAsync(func(tx *bolt.Tx) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		res = SaveResult{}
		if err := db.save(tx, &in, &res); err != nil {
			return err
		}
		return markVisited(tx, visits)
	}, func(err error) {
		if err != nil {
			done(SaveResult{}, fmt.Errorf("store: save article %s: %w", url, err))
			return
		}
		done(res, nil)
	})
}

// ArticleSave is one article to save with Save or SaveArticles.
type ArticleSave struct {
	Article trialwatch.Article
	Page    *trialwatch.Page
	Cases   []trialwatch.Case
	// Visits are crawler visit ids to mark visited with the article.
	Visits []uint64
}

// SaveArticles saves many articles in one transaction, in order, each as
// SaveArticle would: for imports and re-extraction of stored pages, where
// one commit for many articles is much faster. Either all are saved or
// none.
func (db *DB) SaveArticles(ctx context.Context, batch []ArticleSave) ([]SaveResult, error) {
	ins := make([]saveInput, len(batch))
	for i, b := range batch {
		in, err := prepare(b.Article, b.Page, b.Cases)
		if err != nil {
			return nil, err
		}
		ins[i] = in
	}
	res := make([]SaveResult, len(batch))
	err := db.update(ctx, func(tx *bolt.Tx) error {
		for i := range ins {
			if i%64 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			res[i] = SaveResult{}
			if err := db.save(tx, &ins[i], &res[i]); err != nil {
				return fmt.Errorf("article %s: %w", ins[i].article.URL, err)
			}
			if err := markVisited(tx, batch[i].Visits); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: save %d articles: %w", len(batch), err)
	}
	return res, nil
}

type saveInput struct {
	article trialwatch.Article
	page    *pageRecord
	textSHA string
	cases   []trialwatch.Case
	feats   []features
}

// prepare checks an article's cases and does the work that needs no
// transaction: copying, hashing, compressing the page.
func prepare(a trialwatch.Article, page *trialwatch.Page, cases []trialwatch.Case) (saveInput, error) {
	if strings.TrimSpace(a.URL) == "" {
		return saveInput{}, errors.New("store: save article: empty URL")
	}
	in := saveInput{article: a, cases: make([]trialwatch.Case, len(cases)), feats: make([]features, len(cases))}
	for i := range cases {
		if err := validateCase(i, &cases[i]); err != nil {
			return saveInput{}, fmt.Errorf("store: save article %s: %w", a.URL, err)
		}
		in.cases[i] = copyCase(cases[i])
		in.feats[i] = featuresOf(&in.cases[i])
	}
	if strings.TrimSpace(a.Text) != "" {
		// The same text counts as the same article only on the same site:
		// a wire story that two outlets print is two sources.
		sum := textSum(a.Text)
		in.textSHA = siteOf(a.URL) + " " + hex.EncodeToString(sum[:])
	}
	if page != nil {
		rec, err := newPageRecord(page)
		if err != nil {
			return saveInput{}, fmt.Errorf("store: save article %s: page: %w", a.URL, err)
		}
		rec.Article = a.URL
		in.page = &rec
	}
	return in, nil
}

// textSum is the SHA-256 of text with its words joined by single spaces
// (strings.Join(strings.Fields(text), " ")), made in one pass over text.
func textSum(text string) [sha256.Size]byte {
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i // of a word, which ends at a space or the end
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, text[start:i]...)
	}
	return sha256.Sum256(b)
}

// asciiSpace holds the ASCII characters unicode.IsSpace takes for spaces.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// siteOf returns the host of rawURL without the prefixes that mark
// mobile and AMP editions of a site ("www.", "m.", "amp.").
func siteOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "m.", "amp."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}

// copyCase deep-copies a case so the caller's later changes cannot reach
// the store, and makes its empty fields JSON-correct.
func copyCase(c trialwatch.Case) trialwatch.Case {
	out := c
	for i := range strKeys {
		if p := strField(&out, i); *p != nil {
			v := strings.TrimSpace(**p)
			if v == "" {
				*p = nil
			} else {
				*p = &v
			}
		}
	}
	for i := range intKeys {
		if p := intField(&out, i); *p != nil {
			v := **p
			*p = &v
		}
	}
	out.Charges = append([]string{}, c.Charges...)
	out.Evidence = make(map[string]string, len(c.Evidence))
	for k, v := range c.Evidence {
		out.Evidence[k] = v
	}
	if c.Rules != nil {
		out.Rules = make(map[string]string, len(c.Rules))
		for k, v := range c.Rules {
			out.Rules[k] = v
		}
	}
	return out
}

// resolveArticle finds the key of an already stored copy of the article:
// the same canonical URL, page bytes, text or page URL.
func resolveArticle(tx *bolt.Tx, in *saveInput) (*articleRecord, error) {
	arts := tx.Bucket(bArticles)
	key := in.article.URL
	if arts.Get([]byte(key)) == nil {
		alias := tx.Bucket(bAlias)
		var probes []string
		if in.page != nil {
			probes = append(probes, "p:"+in.page.SHA256)
		}
		if in.textSHA != "" {
			probes = append(probes, "t:"+in.textSHA)
		}
		if in.page != nil && in.page.URL != in.article.URL {
			probes = append(probes, "u:"+in.page.URL)
		}
		probes = append(probes, "u:"+in.article.URL)
		key = ""
		for _, p := range probes {
			if v := alias.Get([]byte(p)); v != nil {
				key = string(v)
				break
			}
		}
		if key == "" {
			return nil, nil
		}
	}
	var rec articleRecord
	if err := json.Unmarshal(arts.Get([]byte(key)), &rec); err != nil {
		return nil, fmt.Errorf("article %s: %w", key, err)
	}
	return &rec, nil
}

func (db *DB) save(tx *bolt.Tx, in *saveInput, res *SaveResult) error {
	now := db.now().UTC()
	packAppends(tx)
	old, err := resolveArticle(tx, in)
	if err != nil {
		return err
	}
	art := articleRecord{
		URL: in.article.URL, Outlet: in.article.Outlet, Title: in.article.Title,
		Published: in.article.Published, TextSHA: in.textSHA, Saved: now,
	}
	if old != nil {
		// Keep the identity the article was first stored under, so its
		// source reference and cursor positions do not move.
		art.URL, art.Seq = old.URL, old.Seq
	} else {
		seq, err := tx.Bucket(bArticles).NextSequence()
		if err != nil {
			return err
		}
		art.Seq = seq
	}
	if in.page != nil {
		art.PageURL, art.PageSHA, art.Fetched = in.page.URL, in.page.SHA256, in.page.Fetched
	}
	ref := art.ref()
	n := len(in.cases)
	target := make([]string, n)
	kind := make([]int, n) // 0 new, 1 merged, 2 replaced
	used := map[string]bool{}

	// 1. Pair the new report with what this article said before.
	var oldIDs []string
	oldContrib := map[string]contrib{}
	if old != nil {
		for _, id := range old.CaseIDs {
			c, ok, err := getContrib(tx, id, old.URL)
			if err != nil {
				return err
			}
			if ok {
				oldIDs = append(oldIDs, id)
				oldContrib[id] = c
			}
		}
		var pairs []pair
		for i := range in.cases {
			for _, id := range oldIDs {
				c := oldContrib[id]
				of := featuresOf(&c.Case)
				if s := score(&in.feats[i], &of); s >= matchThreshold/2 {
					pairs = append(pairs, pair{i, id, s})
				}
			}
		}
		assign(pairs, target, used, kind, 2)
	}
	// 2. Take back what the article said about cases it no longer reports.
	for _, id := range oldIDs {
		if used[id] {
			continue
		}
		if err := tx.Bucket(bContrib).Delete(contribKey(id, old.URL)); err != nil {
			return err
		}
		if err := db.refresh(tx, id, now, ""); err != nil {
			return err
		}
	}
	// 3. Match the rest against stored cases through the index.
	var pairs []pair
	for i := range in.cases {
		if target[i] != "" {
			continue
		}
		for _, id := range candidates(tx, &in.feats[i]) {
			if used[id] {
				continue
			}
			f, err := getFeatures(tx, id)
			if err != nil {
				return err
			}
			if s := score(&in.feats[i], &f); s >= matchThreshold {
				pairs = append(pairs, pair{i, id, s})
			}
		}
	}
	assign(pairs, target, used, kind, 1)
	// 4. Store every report as a contribution of its case.
	made := make([]*contrib, n) // the one report of each case made here
	for i := range in.cases {
		id := target[i]
		seq := uint64(0)
		fresh := id == ""
		if id == "" {
			next, err := tx.Bucket(bCases).NextSequence()
			if err != nil {
				return err
			}
			id = formatID(next)
			target[i] = id
		} else if c, ok := oldContrib[id]; ok && kind[i] == 2 {
			seq = c.Seq
		}
		if seq == 0 {
			s, err := tx.Bucket(bContrib).NextSequence()
			if err != nil {
				return err
			}
			seq = s
		}
		c := contrib{Seq: seq, Ref: ref, Case: in.cases[i]}
		if err := putContrib(tx, id, art.URL, c); err != nil {
			return err
		}
		if fresh {
			made[i] = &c
		}
	}
	// 5. Recompute the cases and link appeals to the verdicts they review.
	for i, id := range target {
		var err error
		if made[i] != nil {
			err = db.refreshFrom(tx, id, now, "", []contrib{*made[i]}, &in.feats[i])
		} else {
			err = db.refresh(tx, id, now, "")
		}
		if err != nil {
			return err
		}
		switch kind[i] {
		case 0:
			res.New++
		case 1:
			res.Merged++
		case 2:
			res.Replaced++
		}
	}
	if err := db.linkAppeals(tx, in, target, now); err != nil {
		return err
	}
	res.IDs = target
	art.CaseIDs = target
	return putArticle(tx, old, &art, in)
}

type pair struct {
	i     int
	id    string
	score float64
}

// assign pairs reports with stored cases greedily, best score first, each
// report and each stored case at most once: one article never reports the
// same decision twice.
func assign(pairs []pair, target []string, used map[string]bool, kind []int, k int) {
	sortPairs(pairs)
	for _, p := range pairs {
		if target[p.i] != "" || used[p.id] {
			continue
		}
		target[p.i] = p.id
		used[p.id] = true
		kind[p.i] = k
	}
}

func putArticle(tx *bolt.Tx, old, art *articleRecord, in *saveInput) error {
	arts, dates, alias := tx.Bucket(bArticles), tx.Bucket(bArtDate), tx.Bucket(bAlias)
	if old != nil {
		if err := dates.Delete(artDateKey(old.Published, old.Seq)); err != nil {
			return err
		}
		if art.PageURL == "" {
			art.PageURL, art.PageSHA, art.Fetched = old.PageURL, old.PageSHA, old.Fetched
		}
	} else if err := addCount(tx, "articles", 1); err != nil {
		return err
	}
	b, err := encodeArticle(art)
	if err != nil {
		return err
	}
	if err := arts.Put([]byte(art.URL), b); err != nil {
		return err
	}
	if err := dates.Put(artDateKey(art.Published, art.Seq), []byte(art.URL)); err != nil {
		return err
	}
	aliases := []string{"u:" + in.article.URL}
	if in.textSHA != "" {
		aliases = append(aliases, "t:"+in.textSHA)
	}
	if in.page != nil {
		aliases = append(aliases, "p:"+in.page.SHA256)
		if in.page.URL != in.article.URL {
			aliases = append(aliases, "u:"+in.page.URL)
		}
		rec := *in.page
		rec.Article = art.URL
		if err := putPage(tx, rec); err != nil {
			return err
		}
	}
	for _, a := range aliases {
		if err := alias.Put([]byte(a), []byte(art.URL)); err != nil {
			return err
		}
	}
	return nil
}

func artDateKey(published string, seq uint64) []byte {
	return append(append([]byte(published), 0), u64(seq)...)
}
