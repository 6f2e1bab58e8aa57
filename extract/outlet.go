package extract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/trialwatch/trialwatch/rules"
)

// titleSeps separate a headline from the outlet's name in <title>, the
// safest first; a plain hyphen is trusted only when the part after it names
// the site.
var titleSeps = []string{" | ", " – ", " — ", " :: ", " · ", " » ", " ‹ ", " / ", " - "}

// outlet names the publication: og:site_name, the JSON-LD publisher, the
// site rule's outlet, the name after the headline in <title>, the logo's
// text, else the host.
func (p *page) outlet(site *rules.Site) string {
	if v := p.metaFirst("og:site_name", "application-name", "al:android:app_name", "al:iphone:app_name", "twitter:app:name:iphone"); v != "" && len(v) < 80 && !looksLikeURL(v) {
		return v
	}
	for _, o := range p.articleLD() {
		if v := ldString(o["publisher"]); v != "" && !looksLikeURL(v) && !strings.HasPrefix(v, "#") {
			return v
		}
	}
	for _, o := range p.ld {
		if o.isType("newsmediaorganization") || o.isType("organization") {
			if v := o.str("name"); v != "" {
				return v
			}
		}
	}
	if site != nil && site.Outlet != "" {
		return site.Outlet
	}
	if _, suffix := splitTitle(p.titleTag, p.host()); suffix != "" {
		return suffix
	}
	if v := p.logoName(); v != "" {
		return v
	}
	return strings.TrimPrefix(p.host(), "www.")
}

// logoCue matches the class or id of the element holding the site's name.
var logoCue = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:logo|site-?title|site-?name|site-?logo|brand|navbar-brand|masthead-?title|publication-?name)(?:$|[^a-z])`)

// logoWords are words one of which, in any case, each match of logoCue
// holds.
var logoWords = []string{"logo", "site", "brand", "masthead", "publication"}

// isLogoClass reports whether n's class or id names it the site's logo.
func isLogoClass(n *html.Node) bool {
	ci := classID(n)
	return mayNameLogo(ci) && logoCue.MatchString(ci)
}

// mayNameLogo reports whether s holds one of logoWords, so that logoCue
// need be tried only then. Non-ASCII text is always tried: case folding
// there is the expression's own ("ſ" folds to "s").
func mayNameLogo(s string) bool {
	var buf [64]byte
	low := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low = append(low, c)
	}
	for _, w := range logoWords {
		if bytes.Contains(low, []byte(w)) {
			return true
		}
	}
	return false
}

// logoName reads the site's name from its logo or site-title element: its
// text, else an image's alt text. A name written in capitals takes the case
// it has elsewhere on the page ("ABOUT Steppe Wire"), when it has one.
func (p *page) logoName() string {
	root := p.body
	if root == nil {
		return ""
	}
	var name string
	var walk func(n *html.Node, d int) bool
	walk = func(n *html.Node, d int) bool {
		if d > 12 {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom == atom.Script || c.DataAtom == atom.Style {
				continue
			}
			if c.DataAtom == atom.Article || c.DataAtom == atom.Main {
				continue
			}
			if isLogoClass(c) {
				t := cleanSpace(textOf(c))
				if t == "" {
					if img := firstElement(c, atom.Img); img != nil {
						t = cleanSpace(attr(img, "alt"))
					}
				}
				t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, " logo"), " Logo"))
				if t != "" && len(t) <= 60 && strings.Count(t, " ") <= 5 {
					name = t
					return true
				}
			}
			if walk(c, d+1) {
				return true
			}
		}
		return false
	}
	walk(root, 0)
	if name == "" || strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return name
	}
	text := textOf(root)
	lower := strings.ToLower(text)
	ln := strings.ToLower(name)
	for i := 0; i < 20; i++ {
		j := strings.Index(lower, ln)
		if j < 0 {
			break
		}
		if cand := text[j : j+len(ln)]; cand != name && len(cand) == len(name) {
			return cand
		}
		text, lower = text[j+len(ln):], lower[j+len(ln):]
	}
	return name
}

// firstElement returns the first descendant of n of type a.
func firstElement(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == a {
			return c
		}
		if f := firstElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// looksLikeURL reports whether a name is a web address rather than a name.
func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.") || strings.HasPrefix(s, "//")
}

// splitTitle cuts a <title> into headline and site name at the last
// separator, when the part after it is short and, for a plain hyphen, looks
// like the host's name. It returns the whole title and "" when no site name
// is found.
func splitTitle(title, host string) (headline, site string) {
	for _, sep := range titleSeps {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if tail == "" || len(tail) > 60 || len(tail) >= len(head) || strings.Count(tail, " ") > 5 {
			continue
		}
		if sep == " - " || sep == " / " {
			if !namesHost(tail, host) {
				continue
			}
		}
		return head, tail
	}
	// "Outlet | Headline": the name first
	for _, sep := range titleSeps[:3] {
		i := strings.Index(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if namesHost(head, host) && len(head) < len(tail) {
			return tail, head
		}
	}
	return title, ""
}

// namesHost reports whether name spells the host's main label, ignoring
// case, spaces and punctuation ("Steppe Wire" and steppewire.example).
func namesHost(name, host string) bool {
	squash := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	n := squash(name)
	if n == "" || host == "" {
		return false
	}
	for _, label := range strings.Split(host, ".") {
		l := squash(label)
		if len(l) >= 3 && (strings.Contains(n, l) || strings.Contains(l, n) && len(n) >= 3) {
			return true
		}
	}
	return false
}

// stripOutlet removes the outlet's name from either end of a title.
func stripOutlet(title, outlet string) string {
	if outlet == "" {
		return title
	}
	lt, lo := strings.ToLower(title), strings.ToLower(outlet)
	for _, sep := range titleSeps {
		if strings.HasSuffix(lt, strings.ToLower(sep)+lo) {
			return strings.TrimSpace(title[:len(title)-len(sep)-len(outlet)])
		}
		if strings.HasPrefix(lt, lo+strings.ToLower(sep)) {
			return strings.TrimSpace(title[len(outlet)+len(sep):])
		}
	}
	return title
}
