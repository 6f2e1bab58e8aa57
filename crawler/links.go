package crawler

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// feedTypes are the link types of feed autodiscovery.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/rdf+xml":   true,
	"text/xml":              true,
}

// htmlLinks is what a crawler needs from an HTML page.
type htmlLinks struct {
	links     []string // a[href] and link[rel=next], resolved
	feeds     []string // link[rel=alternate] with a feed type, resolved
	canonical string   // link[rel=canonical], resolved, "" if none
}

// parseHTML reads the links out of a decoded HTML page fetched from page.
func parseHTML(body []byte, page *url.URL) (htmlLinks, error) {
	var out htmlLinks
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return out, fmt.Errorf("crawler: parse html %s: %w", page, err)
	}
	base := page
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := page.Parse(strings.TrimSpace(href)); err == nil {
			base = b
		}
	}
	resolve := func(href string) string {
		href = strings.TrimSpace(href)
		if href == "" || strings.HasPrefix(href, "#") {
			return ""
		}
		u, err := base.Parse(href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return ""
		}
		return u.String()
	}
	doc.Find("a[href], area[href], link[rel~=next][href]").Each(func(_ int, s *goquery.Selection) {
		if u := resolve(s.AttrOr("href", "")); u != "" {
			out.links = append(out.links, u)
		}
	})
	doc.Find("link[rel~=alternate][href]").Each(func(_ int, s *goquery.Selection) {
		typ := strings.ToLower(strings.TrimSpace(s.AttrOr("type", "")))
		if !feedTypes[typ] {
			return
		}
		if u := resolve(s.AttrOr("href", "")); u != "" {
			out.feeds = append(out.feeds, u)
		}
	})
	if href, ok := doc.Find("link[rel~=canonical][href]").First().Attr("href"); ok {
		out.canonical = resolve(href)
	}
	return out, nil
}
