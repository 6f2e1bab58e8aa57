package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// ReadArticle reads the news article out of a fetched page: canonical URL,
// headline, publication date (YYYY-MM-DD), outlet, main text and its
// sentences. The site rule for the page's host, when rs has one, chooses
// the title, body and date elements and what to drop; a general fallback
// reads the rest. rs may be nil. It fails only on a page it cannot read at
// all: nil, empty or not HTML.
func ReadArticle(page *trialwatch.Page, rs *rules.Set) (trialwatch.Article, error) {
	if page == nil {
		return trialwatch.Article{}, errors.New("extract: no page")
	}
	if len(bytes.TrimSpace(page.Body)) == 0 {
		return trialwatch.Article{URL: page.URL}, fmt.Errorf("extract: %s: empty page body", page.URL)
	}
	body := page.Body
	if !utf8.Valid(body) {
		body = []byte(strings.ToValidUTF8(string(body), "\uFFFD"))
	}
	p, err := parsePage(page.URL, body)
	if err != nil {
		return trialwatch.Article{URL: page.URL}, err
	}
	// What the article keeps are strings (copied, below), not nodes.
	defer p.release()
	site := rs.Site(p.host())
	a := trialwatch.Article{URL: p.canonicalURL()}
	a.Outlet = p.outlet(site)
	var headline = p.headlineNode()
	a.Title, headline = p.title(site, a.Outlet)
	a.Published = p.pubDate(site, newDateParser(p, page.Fetched), headline)
	// The tree's strings are cut from one copy of the page: what the
	// article keeps is copied, so that it does not hold the whole page.
	a.Text = strings.Clone(p.mainText(site.BodySelector(), site.DropSelectors(), a.Title))
	a.Sentences = SplitSentences(a.Text)
	for _, f := range []*string{&a.URL, &a.Outlet, &a.Title, &a.Published} {
		*f = strings.Clone(strings.ToValidUTF8(*f, "\uFFFD"))
	}
	return a, nil
}
