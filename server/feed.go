package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/export"
	"github.com/trialwatch/trialwatch/store"
)

// feedEntries is how many cases the feed carries.
const feedEntries = 50

// Atom document, as much of RFC 4287 as the feed uses.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Links     []atomLink  `xml:"link"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel   string `xml:"rel,attr,omitempty"`
	Type  string `xml:"type,attr,omitempty"`
	Href  string `xml:"href,attr"`
	Title string `xml:"title,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID        string         `xml:"id"`
	Title     string         `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published,omitempty"`
	Links     []atomLink     `xml:"link"`
	Summary   atomText       `xml:"summary"`
	Content   atomText       `xml:"content"`
	Category  []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// handleFeed answers GET /feed.atom: the newest cases (by when they were
// found), newest first. Entry ids are urn:trialwatch:case:<id>, stable
// across restarts and merges.
func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) {
	cases, err := s.newestCases(r.Context(), feedEntries)
	if err != nil {
		s.log.Error("feed", "err", err)
		http.Error(w, "cannot read cases", http.StatusInternalServerError)
		return
	}
	base := baseURL(r)
	feed := atomFeed{
		ID:        "urn:trialwatch:feed:newest",
		Title:     "trialwatch: court decisions found in the news",
		Subtitle:  "Newest cases, one entry per court decision however many outlets reported it",
		Author:    atomPerson{Name: "trialwatch"},
		Generator: "trialwatch",
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + "/feed.atom"},
			{Rel: "alternate", Type: "text/html", Href: base + "/"},
		},
		Updated: s.booted.UTC().Format(time.RFC3339),
	}
	var newest time.Time
	for i := range cases {
		c := &cases[i]
		if c.Updated.After(newest) {
			newest = c.Updated
		}
		feed.Entries = append(feed.Entries, feedEntry(base, c))
	}
	if !newest.IsZero() {
		feed.Updated = newest.UTC().Format(time.RFC3339)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		s.log.Error("feed", "err", err)
		http.Error(w, "cannot write feed", http.StatusInternalServerError)
		return
	}
	// Readers that poll get 304 Not Modified until a case changes.
	modified := newest
	if modified.IsZero() {
		modified = s.booted
	}
	sum := sha256.Sum256(buf.Bytes())
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	http.ServeContent(w, r, "feed.atom", modified, bytes.NewReader(buf.Bytes()))
}

// feedEntry makes the Atom entry of one case.
func feedEntry(base string, c *trialwatch.StoredCase) atomEntry {
	e := atomEntry{
		ID:        export.EntryID(c.ID), // the same ids as trialwatch export --format atom
		Title:     stageLabel(c.Stage) + ": " + courtLabel(&c.Case),
		Updated:   c.Updated.UTC().Format(time.RFC3339),
		Published: c.FirstSeen.UTC().Format(time.RFC3339),
		Summary:   atomText{Type: "text", Body: summary(c)},
		Category:  []atomCategory{{Term: string(c.Stage)}},
	}
	if c.Updated.IsZero() {
		e.Updated = c.FirstSeen.UTC().Format(time.RFC3339)
	}
	if c.DecisionDate != nil {
		e.Title += ", " + formatDecisionDate(*c.DecisionDate)
	}
	e.Links = append(e.Links, atomLink{Rel: "alternate", Type: "text/html", Href: base + "/#case-" + c.ID})
	e.Links = append(e.Links, atomLink{Rel: "alternate", Type: "application/json", Href: base + "/api/cases/" + c.ID})
	for _, src := range c.Sources {
		if !webURL(src.URL) {
			continue
		}
		e.Links = append(e.Links, atomLink{Rel: "related", Type: "text/html", Href: src.URL, Title: src.Title})
	}
	e.Content = atomText{Type: "html", Body: renderFeedContent(c)}
	return e
}

// webURL reports whether u is an absolute http or https URL: the only
// links the feed passes on.
func webURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// baseURL is the scheme and host the request reached the server by.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// newestCases returns the n cases with the highest ids (the ones found
// last), newest first. It reads a window below the newest id and widens it
// until it holds n cases, so it never walks the whole store for a feed.
func (s *Server) newestCases(ctx context.Context, n int) ([]trialwatch.StoredCase, error) {
	head, err := s.db.Head()
	if err != nil || head.ID == "" {
		return nil, err
	}
	top, err := strconv.ParseUint(head.ID, 10, 64)
	if err != nil {
		return nil, err
	}
	window := uint64(2 * n)
	for {
		var after string
		if top > window {
			after, _ = normalizeID(strconv.FormatUint(top-window, 10))
		}
		var got []trialwatch.StoredCase
		err := s.db.Cases(ctx, store.Query{After: after}, func(c trialwatch.StoredCase) error {
			c.Normalize()
			got = append(got, c)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(got) >= n || after == "" {
			slices.Reverse(got)
			return got[:min(n, len(got))], nil
		}
		window *= 4
	}
}
