package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// boilerTags are elements that never hold an article's own text.
var boilerTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Figcaption: true, atom.Dialog: true, atom.Menu: true, atom.Label: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Video: true, atom.Audio: true, atom.Object: true, atom.Embed: true,
}

// boilerCue matches class and id values of page furniture: navigation,
// teasers of other stories, comments, sharing, promotion, consent banners,
// captions and bylines.
var boilerCue = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:` +
	`nav|navbar|navigation|menu|breadcrumbs?|masthead|site-?header|site-?footer|footer|sidebar|side-?bar|widgets?|` +
	`related|recommend\w*|most-?(?:read|popular|viewed|shared)|popular|trending|teasers?|more-?(?:stories|news|articles|from)|read-?(?:more|next|also)|` +
	`also-?read|see-?also|you-?may|outbrain|taboola|next-?(?:post|article)|prev(?:ious)?-?(?:post|article)|post-?navigation|pager|pagination|` +
	`comments?|comment-?list|disqus|replies|respond|discussion|` +
	`share|sharing|sharedaddy|social|follow-?us|subscribe|subscription|newsletter|signup|sign-?up|paywall|` +
	`promo|promos|promoted|sponsor\w*|advert\w*|ads?|ad-?(?:slot|unit|box|container|wrapper)|banner|dfp|` +
	`cookies?|consent|gdpr|cmp|privacy-?notice|modal|popup|overlay|` +
	`caption|figcaption|credits?|byline|author|authors|author-?bio|bio|` +
	`tags|tag-?list|keywords|topics|categories|meta-?tags|print|toolbar|skip-?link|sr-only|visually-?hidden|` +
	`rating|poll|donate|donation|jump-?link|toc` +
	`)(?:$|[^a-z])`)

// contentCue matches class and id values of containers of the main text,
// which a boilerplate cue in the same value does not override
// ("article-author" does not, "post-share" does).
var contentCue = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:article-?body|story-?body|entry-?content|post-?content|post-?body|article-?content|article-?text|body-?text|main-?content|page-?content|text-?body|story-?content|content-?body|articlebody|rich-?text)(?:$|[^a-z])`)

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

// isBoiler reports whether n, by its tag, role or class and id, is page
// furniture rather than article text.
func isBoiler(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if boilerTags[n.DataAtom] {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.P, atom.H1:
		return false
	}
	if attr(n, "hidden") != "" || attr(n, "aria-hidden") == "true" {
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
	if ci == "" {
		return false
	}
	return boilerCue.MatchString(ci) && !contentCue.MatchString(ci)
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

// inBoiler reports whether n or one of its ancestors is furniture.
func inBoiler(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if isBoiler(n) {
			return true
		}
	}
	return false
}
