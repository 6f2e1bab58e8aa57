package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// boilerTags are elements that never hold an article's own text.
var boilerTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true,
	atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Figcaption: true, atom.Dialog: true, atom.Menu: true, atom.Label: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Video: true, atom.Audio: true, atom.Object: true, atom.Embed: true,
}

// Class and id words that mark page furniture. Strong ones mark furniture
// however much text it holds: navigation, teasers of other stories,
// comments, sharing, consent banners, captions, bylines. Weak ones mark it
// only when the element holds little text: a "paywall" or "ad-margins"
// class on the wrapper of a whole story is common.
var (
	strongWords = wordSet("nav navbar navigation menu menubar breadcrumb breadcrumbs masthead footer sidebar sidenav " +
		"related recommended recommendations recommend popular trending teaser teasers outbrain taboola pagination pager " +
		"comment comments commentlist disqus discussion share sharing sharedaddy sharebar social newsletter signup " +
		"cookie cookies consent gdpr cmp caption figcaption byline tags taglist keywords skiplink")
	strongPairs = wordSet("site/header site/footer side/bar most/read most/popular most/viewed most/shared most/commented " +
		"more/stories more/news more/articles more/from read/more read/next read/also also/read see/also you/may " +
		"next/post next/article prev/post prev/article previous/post previous/article post/navigation comment/list " +
		"follow/us sign/up privacy/notice author/bio tag/list skip/link sr/only visually/hidden jump/link " +
		"screen/reader")
	weakWords = wordSet("widget widgets replies respond subscribe subscription paywall promo promos promoted " +
		"ad ads adv advert advertisement advertising banner dfp modal popup overlay credit credits author authors " +
		"bio topics categories print toolbar rating poll donate donation toc hidden source")
	contentPairs = wordSet("article/body story/body entry/content post/content post/body article/content " +
		"article/text body/text main/content page/content text/body story/content content/body rich/text story/text")
	contentWords = wordSet("articlebody storybody entrycontent postcontent richtext")
	// layoutWords describe a layout around furniture ("content-with-sidebar",
	// "has-comments"): the word after them is no cue.
	layoutWords = wordSet("with has no without show")
)

// wordSet makes a set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// cues classifies a class and id value by its words ("ArticlePage-content
// paywall" reads as article, page, content, paywall).
func cues(ci string) (content, strong, weak bool) {
	words := classWords(ci)
	for i, w := range words {
		if i > 0 && layoutWords[words[i-1]] {
			continue
		}
		if contentWords[w] {
			content = true
		}
		if strongWords[w] {
			strong = true
		}
		if weakWords[w] || strings.HasPrefix(w, "sponsor") || strings.HasPrefix(w, "advert") {
			weak = true
		}
		if i+1 < len(words) {
			pair := w + "/" + words[i+1]
			if contentPairs[pair] {
				content = true
			}
			if strongPairs[pair] {
				strong = true
			}
		}
	}
	return content, strong, weak
}

// classWords splits a class or id value into lower-case words at spaces,
// punctuation, digits and lower-to-upper case changes.
func classWords(s string) []string {
	var words []string
	start := -1
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		upper := c >= 'A' && c <= 'Z'
		letter := upper || c >= 'a' && c <= 'z'
		if start >= 0 && !letter {
			words = append(words, strings.ToLower(s[start:i]))
			start = -1
		}
		if letter && start < 0 {
			start = i
		}
	}
	return words
}

// classID returns the class and id of n, joined by a space.
func classID(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if id == "" {
		return c
	}
	if c == "" {
		return id
	}
	return c + " " + id
}

// furniture decides which elements of one page are furniture, remembering
// its answers.
type furniture struct {
	known map[*html.Node]bool
	root  *html.Node
	total int // characters of text in the page's body, once counted
}

// newFurniture prepares the furniture test for the page under root.
func newFurniture(root *html.Node) *furniture {
	return &furniture{known: map[*html.Node]bool{}, root: root, total: -1}
}

// minor reports whether n holds less than half the text of the page, or
// empty when the page has none; the page's text is counted once and only
// when asked.
func (f *furniture) minor(n *html.Node, empty bool) bool {
	if f.total < 0 {
		f.total = textLen(f.root)
	}
	if f.total == 0 {
		return empty
	}
	// twice n's length is below the total when n's length is below
	// the total halved, rounded up
	return shorter(n, (f.total+1)/2)
}

// is reports whether n, by its tag, role or class and id, is page furniture
// rather than article text. A class or id cue does not count on an element
// that holds most of the page's text, nor a weak cue on one that holds a
// good deal of running text.
func (f *furniture) is(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if v, ok := f.known[n]; ok {
		return v
	}
	v := f.decide(n)
	f.known[n] = v
	return v
}

// decide is the uncached test of is.
func (f *furniture) decide(n *html.Node) bool {
	if boilerTags[n.DataAtom] {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.H1:
		return false
	case atom.P:
		// a short paragraph classed as a byline, caption or credit
		if ci := classID(n); ci != "" {
			if content, strong, weak := cues(ci); !content && (strong || weak) {
				return shorter(n, 200)
			}
		}
		return false
	case atom.Form:
		// some sites wrap the whole page in one form
		return f.minor(n, false)
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	if st := attr(n, "style"); st != "" && strings.Contains(strings.ReplaceAll(strings.ToLower(st), " ", ""), "display:none") {
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar":
		return true
	}
	if n.DataAtom == atom.Header && !hasH1(n) {
		return true
	}
	if opensWithTeaserHeading(n) {
		return f.minor(n, false)
	}
	if isTeaserItem(n) || isTeaserList(n) {
		return true
	}
	ci := classID(n)
	if ci == "" {
		return false
	}
	content, strong, weak := cues(ci)
	switch {
	case content:
		return false
	case strong:
		return f.minor(n, true)
	case weak:
		return shorter(n, 400)
	}
	return false
}

// inside reports whether n or one of its ancestors is furniture.
func (f *furniture) inside(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if f.is(n) {
			return true
		}
	}
	return false
}

// textLen counts the non-space bytes of text under n, scripts and styles
// left out.
func textLen(n *html.Node) int {
	switch n.Type {
	case html.TextNode:
		return nonSpace(n.Data)
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return 0
		}
	}
	c := 0
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += textLen(k)
	}
	return c
}

// nonSpace counts the bytes of s other than spaces, tabs and line breaks.
func nonSpace(s string) int {
	if len(s) < 32 {
		c := 0
		for i := 0; i < len(s); i++ {
			if b := s[i]; b != ' ' && b != '\n' && b != '\t' && b != '\r' {
				c++
			}
		}
		return c
	}
	// four vectorised counts beat one loop over a paragraph
	return len(s) - strings.Count(s, " ") - strings.Count(s, "\n") - strings.Count(s, "\t") - strings.Count(s, "\r")
}

// shorter reports whether n holds less than limit characters of text, as
// textLen counts them, counting no further than limit.
func shorter(n *html.Node, limit int) bool {
	return textLenUpTo(n, limit) < limit
}

// textLenUpTo is textLen, but stops counting at limit or soon after.
func textLenUpTo(n *html.Node, limit int) int {
	switch n.Type {
	case html.TextNode:
		return textLen(n)
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return 0
		}
	}
	c := 0
	for k := n.FirstChild; k != nil && c < limit; k = k.NextSibling {
		c += textLenUpTo(k, limit-c)
	}
	return c
}

// hasH1 reports whether n contains an h1.
func hasH1(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.H1 || c.Type == html.ElementNode && hasH1(c) {
			return true
		}
	}
	return false
}
