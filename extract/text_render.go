package extract

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderParas appends the paragraphs of n's text to paras, one per block
// element, leaving out the subtrees skip selects.
func renderParas(n *html.Node, paras []string, skip func(*html.Node) bool) []string {
	var cur strings.Builder
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

// teaserHeadings are the headings of lists of other stories and of
// comment sections, lower-case, in the languages news sites are most often
// written in. A heading matches when it is one of them, or starts with one
// of teaserHeadingPrefixes, after trailing punctuation and counts such as
// "(3)" are cut.
var teaserHeadings = wordList(
	"related", "related stories", "related articles", "related news", "related posts", "related content", "related coverage",
	"more news", "more stories", "more articles", "more on this", "more on this story", "most read", "most popular",
	"most viewed", "most shared", "most commented", "read more", "read also", "read next", "also read", "see also",
	"recommended", "recommended for you", "you may also like", "you might also like", "you may like", "you might like",
	"you may be interested in", "you might be interested in", "you may have missed", "you might have missed",
	"popular", "popular now", "popular news", "popular stories", "trending", "trending now", "latest news",
	"latest stories", "top stories", "editor's picks", "editors picks", "editors' picks",
	"comments", "comment", "leave a reply", "leave a comment", "add a comment", "join the discussion",
	"join the conversation", "reader comments", "share", "share this", "share this article",
	"читайте также", "также читайте", "читайте по теме", "по теме", "похожие новости", "похожие статьи",
	"похожие материалы", "другие новости", "новости по теме", "самое читаемое", "самое популярное",
	"последние новости", "комментарии", "обсуждение", "поделиться", "сондай-ақ оқыңыз", "тақырып бойынша", "пікірлер",
	"você pode gostar", "leia também", "veja também", "lesen sie auch", "mehr zum thema", "à lire aussi",
	"lire aussi", "sur le même sujet", "ver también", "te puede interesar", "noticias relacionadas", "leggi anche",
)

// teaserHeadingPrefixes open headings such as "More from Steppe Wire".
var teaserHeadingPrefixes = []string{"more from ", "related: ", "read more: ", "читайте также: ", "ещё по теме"}

// wordList makes a set of phrases.
func wordList(phrases ...string) map[string]bool {
	m := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		m[p] = true
	}
	return m
}

// isTeaserPhrase reports whether a short heading text names a list of
// other stories or comments.
func isTeaserPhrase(t string) bool {
	t = strings.ToLower(cleanSpace(t))
	// cut trailing punctuation and a count: "Comments (3):", "Related…"
	t = strings.TrimRightFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if i := strings.LastIndex(t, " ("); i > 0 {
		t = strings.TrimRightFunc(t[:i], func(r rune) bool { return !unicode.IsLetter(r) })
	}
	if teaserHeadings[t] {
		return true
	}
	if n, ok := strings.CutSuffix(t, " comments"); ok && allDigits(n) {
		return true
	}
	if w, ok := strings.CutPrefix(t, "related "); ok && !strings.Contains(w, " ") {
		return true // "Related video", "Related topics"
	}
	for _, p := range teaserHeadingPrefixes {
		if strings.HasPrefix(t, p) && len(t) < len(p)+40 {
			return true
		}
	}
	return false
}

// isTeaserHeading reports whether n is a short heading that introduces a
// list of other stories ("Related", "Most read", "Читайте также").
func isTeaserHeading(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P, atom.Div, atom.Span, atom.Strong, atom.B, atom.Header:
	default:
		return false
	}
	if n.FirstChild == nil {
		return false
	}
	t, ok := shortText(n, 80)
	return ok && isTeaserPhrase(t)
}

// isTeaserBlock reports whether n, following a teaser heading, is one of
// the other stories: a list, an <article> of its own, or a block with
// links over a fifth of its text.
func isTeaserBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Article, atom.Li, atom.Figure, atom.Img:
		return true
	}
	total, linked, _ := inlineCounts(n)
	return total == 0 || linked*5 >= total
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
