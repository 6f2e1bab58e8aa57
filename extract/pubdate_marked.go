package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markedDate reads the dates that the markup marks as such: elements with
// itemprop="datePublished" and <time> elements outside page furniture. A
// date marked as an update is skipped; one marked as the publication date
// wins; otherwise the one nearest the headline (after it first) does.
func (p *page) markedDate(dp dateParser, headline *html.Node) (ymd, bool) {
	type cand struct {
		d      ymd
		order  int
		strong bool
	}
	var cands []cand
	order, hpos := 0, -1
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.DocumentNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			return
		}
		if n.Type != html.ElementNode {
			return
		}
		order++
		if n == headline {
			hpos = order
		}
		if p.furniture().is(n) && n.DataAtom != atom.Header && n.DataAtom != atom.Time {
			return
		}
		prop := strings.ToLower(attr(n, "itemprop"))
		isTime := n.DataAtom == atom.Time
		if prop == "datepublished" || prop == "datecreated" || isTime {
			cue := prop + " " + classID(n) + " " + attr(n, "pubdate")
			if n.Parent != nil {
				cue += " " + classID(n.Parent)
			}
			if prev := prevText(n, 30); prev != "" {
				cue += " " + prev
			}
			strong := prop == "datepublished" || publishedCue.MatchString(cue) || hasAttr(n, "pubdate")
			if strong || !modifiedCue.MatchString(cue) {
				if d, ok := dp.fromElement(n); ok {
					cands = append(cands, cand{d, order, strong})
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.root)
	if len(cands) == 0 {
		return ymd{}, false
	}
	for _, c := range cands {
		if c.strong {
			return c.d, true
		}
	}
	if hpos >= 0 {
		best := -1
		for i, c := range cands {
			if best < 0 || distance(c.order, hpos) < distance(cands[best].order, hpos) {
				best = i
			}
		}
		return cands[best].d, true
	}
	return cands[0].d, true
}

// distance is how far a candidate at pos lies from the headline at h;
// dates before the headline count double.
func distance(pos, h int) int {
	if pos >= h {
		return pos - h
	}
	return 2 * (h - pos)
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// prevText returns up to max bytes of the text just before n within its
// parent, where labels such as "Updated:" stand.
func prevText(n *html.Node, max int) string {
	var b strings.Builder
	for s := n.PrevSibling; s != nil && b.Len() < max; s = s.PrevSibling {
		t := textOf(s)
		b.WriteString(t)
		if s.Type == html.ElementNode && s.DataAtom != atom.Span && s.DataAtom != atom.B && s.DataAtom != atom.Strong && s.DataAtom != atom.Em {
			break
		}
	}
	return b.String()
}
