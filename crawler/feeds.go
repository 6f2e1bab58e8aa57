package crawler

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// parseFeed returns the item links of an RSS 0.9x/1.0/2.0, Atom or JSON
// Feed document fetched from feedURL, resolved against it.
func parseFeed(body []byte, feedURL *url.URL) ([]string, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("crawler: parse feed %s: %w", feedURL, err)
	}
	var out []string
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		links := it.Links
		if it.Link != "" {
			links = append([]string{it.Link}, links...)
		}
		for _, l := range links {
			u, err := feedURL.Parse(strings.TrimSpace(l))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				continue
			}
			out = append(out, u.String())
			break
		}
	}
	return out, nil
}
