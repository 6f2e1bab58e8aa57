package trialwatch

import (
	"net/http"
	"time"
)

// Page is one fetched page as the crawler hands it on: the final URL after
// redirects, the response, and the body decoded to UTF-8.
type Page struct {
	URL     string      // final URL, after redirects
	Source  string      // name of the source that fetched it
	Status  int         // HTTP status
	Header  http.Header // response headers
	Body    []byte      // decoded to valid UTF-8
	Fetched time.Time
}

// Article is the news article read from a page.
type Article struct {
	URL       string `json:"url"`       // canonical URL
	Outlet    string `json:"outlet"`    // the publication's name
	Title     string `json:"title"`     // headline
	Published string `json:"published"` // YYYY-MM-DD, or "" when unknown
	Text      string `json:"text"`      // main text, paragraphs separated by blank lines
	// Sentences is the main text split into sentences, in order.
	Sentences []string `json:"-"`
}

// Result is what the extractors make of one page (spec/trial-record.md).
type Result struct {
	Article
	Relevant bool   `json:"relevant"`
	Cases    []Case `json:"cases"`
}
