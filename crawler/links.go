package crawler

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
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
// It runs the HTML tokenizer without building a tree: the crawler needs
// only the start tags of a, area, link and base, and a page is parsed into
// a tree once, by the extractor. Script, style and the other raw-text
// elements are skipped by the tokenizer as a browser would.
func parseHTML(body []byte, page *url.URL) (htmlLinks, error) {
	return scanLinks(body, page, false)
}

// canonicalLink returns the resolved rel=canonical link of an article page,
// "" if it has none. Only the head is read: a canonical link in the body
// is not honoured (search engines ignore it too), and an article page's
// other links are not followed.
func canonicalLink(body []byte, page *url.URL) (string, error) {
	l, err := scanLinks(body, page, true)
	return l.canonical, err
}

func scanLinks(body []byte, page *url.URL, headOnly bool) (htmlLinks, error) {
	var (
		out       htmlLinks
		links     []string
		feeds     []string
		canonical string
		haveCanon bool
		base      string
		haveBase  bool
	)
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return out, fmt.Errorf("crawler: parse html %s: %w", page, err)
			}
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if headOnly && string(name) == "body" {
			break
		}
		if !hasAttr || !interestingTag(name) {
			continue
		}
		var href, rel, typ string
		hasHref := false
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			switch string(k) {
			case "href":
				if !hasHref {
					href, hasHref = string(v), true
				}
			case "rel":
				if rel == "" {
					rel = string(v)
				}
			case "type":
				if typ == "" {
					typ = string(v)
				}
			}
		}
		if !hasHref {
			continue
		}
		switch string(name) {
		case "a", "area":
			if !headOnly {
				links = append(links, href)
			}
		case "base":
			if !haveBase {
				base, haveBase = href, true
			}
		case "link":
			rels := strings.Fields(rel)
			if hasWord(rels, "next") && !headOnly {
				links = append(links, href)
			}
			if !headOnly && hasWord(rels, "alternate") && feedTypes[strings.ToLower(strings.TrimSpace(typ))] {
				feeds = append(feeds, href)
			}
			if hasWord(rels, "canonical") && !haveCanon {
				canonical, haveCanon = href, true // the first one counts
			}
		}
	}
	// <base> applies to every link of the page, wherever it stands.
	from := page
	if haveBase {
		if b, err := page.Parse(strings.TrimSpace(base)); err == nil {
			from = b
		}
	}
	resolve := func(href string) string {
		href = strings.TrimSpace(href)
		if href == "" || strings.HasPrefix(href, "#") {
			return ""
		}
		u, err := from.Parse(href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return ""
		}
		return u.String()
	}
	for _, l := range links {
		if u := resolve(l); u != "" {
			out.links = append(out.links, u)
		}
	}
	for _, f := range feeds {
		if u := resolve(f); u != "" {
			out.feeds = append(out.feeds, u)
		}
	}
	out.canonical = resolve(canonical)
	return out, nil
}

// interestingTag reports whether a start tag can carry a link the crawler
// reads.
func interestingTag(name []byte) bool {
	switch string(name) {
	case "a", "area", "link", "base":
		return true
	}
	return false
}

// hasWord reports whether a space-separated attribute's words hold w, as the
// CSS [attr~=w] selector matches (case-insensitively for rel values).
func hasWord(words []string, w string) bool {
	for _, x := range words {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}
