package extract

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/trialwatch/trialwatch/extract/htmlparse"
)

// page is a parsed HTML page with the metadata the article readers share.
type page struct {
	// tree holds the nodes, which release hands to later pages.
	tree *htmlparse.Tree
	root *html.Node
	head *html.Node
	body *html.Node
	url  *url.URL // the page's own URL; never nil
	lang string   // lower-case language of <html lang>, "" when absent
	// meta maps the lower-case name, property or itemprop of each <meta>
	// to the contents it carries, in document order.
	meta map[string][]string
	// links maps the lower-case rel of each <link> to its hrefs.
	links map[string][]string
	// ld are the JSON-LD objects of the page, flattened (graphs and lists
	// opened up), in document order.
	ld []ldObject
	// titleTag is the text of <title>.
	titleTag string
	// hostName is host's answer, once hostKnown.
	hostName  string
	hostKnown bool
	furn      *furniture
	raw       []byte // the source
}

// furniture returns the page's furniture test, made on first use.
func (p *page) furniture() *furniture {
	if p.furn == nil {
		root := p.body
		if root == nil {
			root = p.root
		}
		p.furn = newFurniture(root)
	}
	return p.furn
}

// release hands the page's nodes to later parses: p must not be used
// after this.
func (p *page) release() {
	p.tree.Release()
	p.root, p.head, p.body = nil, nil, nil
}

// parsePage parses body as HTML and gathers its metadata.
func parsePage(rawURL string, body []byte) (*page, error) {
	tree, err := htmlparse.ParseTree(body)
	if err != nil {
		return nil, fmt.Errorf("extract: parse %s: %w", rawURL, err)
	}
	root := tree.Root
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u == nil {
		u = &url.URL{}
	}
	p := &page{
		tree:  tree,
		root:  root,
		url:   u,
		meta:  map[string][]string{},
		links: map[string][]string{},
		raw:   body,
	}
	p.scan(root)
	return p, nil
}

// scan walks the tree once, filling the page's metadata.
func (p *page) scan(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			if p.lang == "" {
				p.lang = strings.ToLower(strings.TrimSpace(attr(n, "lang")))
			}
		case atom.Head:
			if p.head == nil {
				p.head = n
			}
		case atom.Body:
			if p.body == nil {
				p.body = n
			}
		case atom.Title:
			if p.titleTag == "" && !inside(n, atom.Svg) {
				p.titleTag = cleanSpace(textOf(n))
			}
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			if content == "" {
				content = strings.TrimSpace(attr(n, "datetime"))
			}
			if content != "" {
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if v := strings.ToLower(strings.TrimSpace(attr(n, k))); v != "" {
						p.meta[v] = append(p.meta[v], content)
					}
				}
			}
		case atom.Link:
			if href := strings.TrimSpace(attr(n, "href")); href != "" {
				for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
					p.links[rel] = append(p.links[rel], href)
				}
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				p.ld = append(p.ld, parseLD(rawText(n))...)
			}
			return
		case atom.Style, atom.Noscript, atom.Template:
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.scan(c)
	}
}

// metaFirst returns the first non-empty content of the first of keys that
// the page has.
func (p *page) metaFirst(keys ...string) string {
	for _, k := range keys {
		for _, v := range p.meta[k] {
			if v = cleanSpace(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// host returns the page's lower-case host without port, or when the page
// came without a URL, the host of its canonical URL.
func (p *page) host() string {
	if !p.hostKnown {
		p.hostName, p.hostKnown = p.findHost(), true
	}
	return p.hostName
}

// findHost is host, uncached.
func (p *page) findHost() string {
	if h := p.url.Hostname(); h != "" {
		return strings.ToLower(h)
	}
	for _, ref := range append(p.links["canonical"], p.meta["og:url"]...) {
		if u, err := url.Parse(strings.TrimSpace(ref)); err == nil && u.Hostname() != "" {
			return strings.ToLower(u.Hostname())
		}
	}
	return ""
}

// attr returns the value of the attribute key of n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// inside reports whether n has an ancestor of type a.
func inside(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// query returns the elements of the page that a site rule's selector
// matches, in document order.
func (p *page) query(sel cascadia.Selector) []*html.Node {
	return goquery.NewDocumentFromNode(p.root).FindMatcher(sel).Nodes
}

// textOf returns the concatenated text of n and its descendants, scripts
// and styles left out.
func textOf(n *html.Node) string {
	var b textAcc
	appendText(&b, n)
	return b.String()
}

// textAcc gathers pieces of text. Most texts gathered from a tree are one
// text node: such a text is that node's string, not a copy.
type textAcc struct {
	one string // the first piece, while it is the only one
	n   int    // pieces added
	b   strings.Builder
}

func (t *textAcc) WriteString(s string) {
	switch t.n {
	case 0:
		t.one = s
	case 1:
		t.b.Grow(len(t.one) + len(s) + 16)
		t.b.WriteString(t.one)
		t.b.WriteString(s)
	default:
		t.b.WriteString(s)
	}
	t.n++
}

func (t *textAcc) WriteByte(c byte) error {
	t.WriteString(byteStrings[c : c+1])
	return nil
}

// byteStrings holds every byte value, to cut one-byte strings from.
var byteStrings = func() string {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	return string(b)
}()

// Len returns the length of the text so far.
func (t *textAcc) Len() int {
	if t.n <= 1 {
		return len(t.one)
	}
	return t.b.Len()
}

// String returns the text.
func (t *textAcc) String() string {
	if t.n <= 1 {
		return t.one
	}
	return t.b.String()
}

// Reset empties the accumulator for another text.
func (t *textAcc) Reset() {
	t.one, t.n = "", 0
	t.b = strings.Builder{}
}

// shortText returns the text of n when it is at most max bytes long, and
// false, without reading it all, when it is longer.
func shortText(n *html.Node, max int) (string, bool) {
	var b textAcc
	ok := true
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if !ok {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			if b.Len() > max {
				ok = false
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil && ok; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String(), ok
}

// appendText writes the text of n into b.
func appendText(b *textAcc, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return
		case atom.Br:
			b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c)
	}
}

// cleanSpace folds runs of white space (non-breaking and other Unicode
// spaces included) into one space and trims the ends.
func cleanSpace(s string) string {
	if spaceClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\u00a0', '\u2009', '\u202f', '\u200b', '\u2002', '\u2003', '\u2007', '\u3000', '\ufeff':
			space = true
			i += size
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// spaceClean reports a text that cleanSpace leaves as it is: single ASCII
// spaces between words, none at the ends, and no byte that may start one
// of the other spaces.
func spaceClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		case '\t', '\n', '\r', '\f', '\v', 0xC2, 0xE2, 0xE3, 0xEF:
			// 0xC2, 0xE2, 0xE3 and 0xEF start the other spaces.
			return false
		}
	}
	return true
}

// rawText returns the text of n's child text nodes, as the text of a script.
func rawText(n *html.Node) string {
	var b textAcc
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
