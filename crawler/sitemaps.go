package crawler

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html/charset"
)

// maxSitemapURLs is the sitemaps protocol's limit per file; anything past it
// is ignored.
const maxSitemapURLs = 50000

// sitemap is what one sitemap file lists: page URLs (urlset, news sitemaps
// included) or further sitemaps (sitemapindex).
type sitemap struct {
	index bool
	locs  []string
}

// parseSitemap reads a sitemap or sitemap index (already decompressed),
// streaming, with <loc> values resolved against the sitemap's URL.
func parseSitemap(body []byte, smURL *url.URL) (sitemap, error) {
	var sm sitemap
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.CharsetReader = charset.NewReaderLabel
	root := ""
	inLoc := false
	depth := 0
	var loc strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if root == "" {
				return sm, fmt.Errorf("crawler: parse sitemap %s: %w", smURL, err)
			}
			break // keep what a truncated file gave
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if root == "" {
				root = t.Name.Local
				if root != "urlset" && root != "sitemapindex" {
					return sm, fmt.Errorf("crawler: parse sitemap %s: root element <%s> is neither urlset nor sitemapindex", smURL, root)
				}
				sm.index = root == "sitemapindex"
			}
			// Only the <loc> directly inside <url> or <sitemap> counts;
			// image:loc and video:loc sit deeper.
			if t.Name.Local == "loc" && depth == 3 {
				inLoc = true
				loc.Reset()
			}
		case xml.CharData:
			if inLoc {
				loc.Write(t)
			}
		case xml.EndElement:
			depth--
			if inLoc && t.Name.Local == "loc" {
				inLoc = false
				if u, err := smURL.Parse(strings.TrimSpace(loc.String())); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
					sm.locs = append(sm.locs, u.String())
				}
				if len(sm.locs) >= maxSitemapURLs {
					return sm, nil
				}
			}
		}
	}
	if root == "" {
		return sm, fmt.Errorf("crawler: parse sitemap %s: no XML element", smURL)
	}
	return sm, nil
}
