package extract

import (
	"regexp"
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

// strongCue matches class and id values of page furniture that is never
// article text however long: navigation, teasers of other stories,
// comments, sharing, consent banners, captions and bylines.
var strongCue = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:` +
	`nav|navbar|navigation|menu|breadcrumbs?|masthead|site-?header|site-?footer|footer|sidebar|side-?bar|` +
	`related|recommend\w*|most-?(?:read|popular|viewed|shared)|popular|trending|teasers?|more-?(?:stories|news|articles|from)|read-?(?:more|next|also)|` +
	`also-?read|see-?also|you-?may|outbrain|taboola|next-?(?:post|article)|prev(?:ious)?-?(?:post|article)|post-?navigation|pager|pagination|` +
	`comments?|comment-?list|commentlist|disqus|discussion|` +
	`share|sharing|sharedaddy|social|follow-?us|newsletter|signup|sign-?up|` +
	`cookies?|consent|gdpr|cmp|privacy-?notice|` +
	`caption|figcaption|byline|author-?bio|` +
	`tags|tag-?list|keywords|skip-?link|sr-only|visually-?hidden|jump-?link` +
	`)(?:$|[^a-z])`)

// weakCue matches class and id values that mark furniture only when the
// element holds little running text: a "paywall" or "ad-margins" class on
// a wrapper of the whole story is common.
var weakCue = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:` +
	`widgets?|replies|respond|subscribe|subscription|paywall|promo|promos|promoted|sponsor\w*|advert\w*|ads?|` +
	`ad-?(?:slot|unit|box|container|wrapper)|banner|dfp|modal|popup|overlay|credits?|author|authors|bio|` +
	`topics|categories|meta-?tags|print|toolbar|rating|poll|donate|donation|toc|hidden` +
	`)(?:$|[^a-z])`)

// contentCue matches class and id values of containers of the main text;
// a furniture cue in the same value does not count against them.
var contentCue = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:article-?body|story-?body|entry-?content|post-?content|post-?body|article-?content|article-?text|body-?text|main-?content|page-?content|text-?body|story-?content|content-?body|articlebody|rich-?text)(?:$|[^a-z])`)

// layoutCue matches class words that describe a layout around furniture
// rather than furniture itself.
var layoutCue = regexp.MustCompile(`(?i)(?:with|has|no|without)[-_]?[a-z]+`)

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
	total int // characters of text in the page's body
}

// newFurniture prepares the furniture test for the page under root.
func newFurniture(root *html.Node) *furniture {
	return &furniture{known: map[*html.Node]bool{}, total: textLen(root)}
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
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.P, atom.H1:
		return false
	case atom.Form:
		// some sites wrap the whole page in one form
		return textLen(n)*2 < f.total
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
	ci := classID(n)
	if ci == "" || contentCue.MatchString(ci) {
		return false
	}
	if strings.Contains(ci, "with") || strings.Contains(ci, "has") || strings.Contains(ci, "no") {
		// "content-with-sidebar", "has-comments": a layout, not furniture
		ci = layoutCue.ReplaceAllString(ci, " ")
	}
	if strongCue.MatchString(ci) {
		return textLen(n)*2 < f.total || f.total == 0
	}
	if weakCue.MatchString(ci) {
		return textLen(n) < 400
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
		c := 0
		for i := 0; i < len(n.Data); i++ {
			if b := n.Data[i]; b != ' ' && b != '\n' && b != '\t' && b != '\r' {
				c++
			}
		}
		return c
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

// hasH1 reports whether n contains an h1.
func hasH1(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.H1 || c.Type == html.ElementNode && hasH1(c) {
			return true
		}
	}
	return false
}
