package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderParas appends the paragraphs of n's text to paras, one per block
// element, leaving out the subtrees skip selects.
func renderParas(n *html.Node, paras []string, skip func(*html.Node) bool) []string {
	var cur textAcc
	var linked int
	inPara := false // the text being gathered stands in a <p>
	flush := func() {
		t := cleanSpace(cur.String())
		if t != "" {
			// a block that is mostly link text is a list of other
			// stories; a sentence in a <p> may link much of itself
			// ("was <a>sentenced to life</a> last week") and stays
			// unless it is nearly all link
			keep := linked*2 <= len(t) || len(t) > 200 && linked*3 <= len(t)*2
			if inPara && !keep {
				keep = linked*10 < len(t)*8 && strings.ContainsAny(t[len(t)-1:], ".!?»\"”")
			}
			if keep {
				paras = append(paras, t)
			}
		}
		cur.Reset()
		linked = 0
	}
	lastBr := false
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if t := strings.TrimSpace(n.Data); t != "" {
				lastBr = false
				if inLink {
					linked += len(t)
				}
			}
			return
		case html.ElementNode:
			if skip(n) {
				return
			}
			switch n.DataAtom {
			case atom.Br:
				// one <br> breaks a line, two break a paragraph
				if lastBr {
					flush()
				} else {
					cur.WriteByte(' ')
				}
				lastBr = !lastBr
				return
			case atom.Img, atom.Picture, atom.Figure, atom.Source, atom.Hr:
				if n.DataAtom == atom.Figure {
					return
				}
				flush()
				return
			case atom.A:
				inLink = true
			}
			if isBlock(n) && n.DataAtom != atom.Time {
				flush()
				outer := inPara
				inPara = n.DataAtom == atom.P
				defer func() { inPara = outer }()
				teasers := false
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					// after a heading such as "Related", lists and
					// linked blocks are other stories; running text
					// that follows is the story again
					if isTeaserHeading(c) {
						teasers = true
						continue
					}
					if teasers && c.Type == html.ElementNode {
						if isTeaserBlock(c) {
							continue
						}
						teasers = false
					}
					walk(c, inLink)
				}
				flush()
				return
			}
		case html.CommentNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	flush()
	return paras
}

// junkPara matches short paragraphs that are furniture left inside an
// article body: ad labels, share prompts, "read more" links, credits.
var junkPara = regexp.MustCompile(`(?i)^(?:advertisement|advertising|ad|sponsored|anzeige|реклама|share(?: this)?:?|share on \w+|read more:?|read also:?|see also:?|related:?|читайте также:?|также читайте:?|подписывайтесь.*|follow us.*|photo:.*|фото:.*|image:.*|source:.{0,60}|источник:.{0,60}|tags?:.*|теги:.*|(?:click|tap) here.*|sign up.*|subscribe.*|comments?(?: \(\d+\))?|\d+ comments?|continue reading.*|loading\W*|skip to .*)$`)

// dateLine matches short lines that only say when the story was posted.
var dateLine = regexp.MustCompile(`(?i)^(?:(?:updated|published|posted|last modified|modified|опубликовано|обновлено|изменено|дата публикации|jaryalandy|жарияланды)(?:[:\s].{0,60})?|[\d\s.,:/\-–—|•·]+(?:[ap]\.?m\.?)?)$`)

// filterParas drops furniture paragraphs from the fallback's output: the
// headline, ad labels and prompts, and lines that hold nothing but a date.
func filterParas(paras []string, title string) []string {
	out := paras[:0]
	for _, p := range paras {
		if p == title {
			continue // the headline, where it is no <h1>
		}
		if len(p) < 120 && (junkPara.MatchString(p) || dateLine.MatchString(p)) {
			continue
		}
		if len(p) < 60 && isDateOnly(p) {
			continue
		}
		if len(p) < 500 && cookieNotice.MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// cookieNotice matches the opening of a cookie or consent notice.
var cookieNotice = regexp.MustCompile(`(?i)^(?:we use cookies|we and our partners use|this (?:web)?site uses cookies|by (?:continuing to use|using) (?:this|our) (?:web)?site|мы используем (?:файлы )?cookie|сайт использует (?:файлы )?cookie|продолжая (?:использовать|пользоваться) (?:наш )?сайт)`)

// isDateOnly reports whether a short line is a written date and little
// else: "20 March 2024", "Mar 20, 2024 10:05 am".
func isDateOnly(s string) bool {
	_, ok, at, end := dateParser{}.first(s)
	if !ok {
		return false
	}
	rest := s[:at] + s[end:]
	return len(strings.Fields(rest)) <= 2
}
