package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/trialwatch/trialwatch/rules"
)

// title returns the headline: the site rule's title element, og:title,
// the JSON-LD headline, the page's <h1>, or <title> without the outlet's
// name. It also returns the headline element when one is found, where
// bylines and dates stand near.
func (p *page) title(site *rules.Site, outlet string) (string, *html.Node) {
	h1 := p.headlineNode()
	if sel := site.TitleSelector(); sel != nil {
		if ns := p.query(sel); len(ns) > 0 {
			n := ns[0]
			if t := cleanSpace(textOf(n)); t != "" {
				return t, n
			}
		}
	}
	var h1Text string
	if h1 != nil {
		h1Text = cleanSpace(textOf(h1))
	}
	cands := []string{p.metaFirst("og:title", "twitter:title")}
	for _, o := range p.mainLD(h1) {
		if o.isArticle() {
			cands = append(cands, o.str("headline"))
			break
		}
	}
	head, _ := splitTitle(p.titleTag, p.host())
	if h1Text != "" && head != "" && !strings.Contains(p.titleTag, h1Text) && len(head) > 2*len(h1Text) {
		// a short h1 that <title> does not repeat is a section or site
		// name; <title> holds the headline
		cands = append(cands, head, h1Text)
	} else {
		cands = append(cands, h1Text, head)
	}
	for _, c := range cands {
		c = stripOutlet(cleanSpace(html.UnescapeString(c)), outlet)
		if h1Text != "" && len(c) > len(h1Text) && strings.HasPrefix(c, h1Text) && startsWithSep(c[len(h1Text):]) {
			c = h1Text // "Headline | Section": the h1 is the headline
		}
		if c != "" && !strings.EqualFold(c, outlet) {
			if h1 == nil {
				h1 = p.headingWith(c)
			}
			return c, h1
		}
	}
	return "", h1
}

// headingWith finds, on a page without a usable <h1>, the element that
// shows the headline: the first h2–h4, or failing that any element, whose
// text is title.
func (p *page) headingWith(title string) *html.Node {
	var found, any *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != nil || n.Type == html.ElementNode && boilerTags[n.DataAtom] {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom != atom.Title && n.DataAtom != atom.Head {
			switch n.DataAtom {
			case atom.H2, atom.H3, atom.H4:
				if t, ok := shortText(n, 2*len(title)+40); ok && cleanSpace(t) == title {
					found = n
					return
				}
			default:
				if any == nil && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					if t, ok := shortText(n, 2*len(title)+40); ok && cleanSpace(t) == title {
						any = n
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	root := p.body
	if root == nil {
		root = p.root
	}
	walk(root)
	if found != nil {
		return found
	}
	return any
}

// startsWithSep reports whether s opens with one of the separators that
// set a site or section name off a headline.
func startsWithSep(s string) bool {
	for _, sep := range titleSeps {
		if strings.HasPrefix(s, sep) {
			return true
		}
	}
	return false
}

// isLogo reports whether an <h1> holds the site's name rather than a
// headline, as some sites mark up their logo.
func isLogo(h1 *html.Node, host string) bool {
	if isLogoClass(h1) || h1.Parent != nil && isLogoClass(h1.Parent) {
		return true
	}
	t := cleanSpace(textOf(h1))
	return strings.Count(t, " ") < 3 && namesHost(t, host)
}

// headlineNode returns the page's main <h1>: the first outside page
// furniture, preferring one inside <article> or <main>.
func (p *page) headlineNode() *html.Node {
	var first, inArticle *html.Node
	var walk func(n *html.Node, art bool) bool
	walk = func(n *html.Node, art bool) bool {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.H1 {
				if strings.TrimSpace(textOf(n)) != "" && !p.furniture().inside(n.Parent) && !isLogo(n, p.host()) {
					if first == nil {
						first = n
					}
					if art {
						inArticle = n
						return true
					}
				}
				return false
			}
			if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
				art = true
			}
			if boilerTags[n.DataAtom] {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c, art) {
				return true
			}
		}
		return false
	}
	walk(p.root, false)
	if inArticle != nil {
		return inArticle
	}
	return first
}
