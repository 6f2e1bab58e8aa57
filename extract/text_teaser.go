package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

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

// opensWithTeaserHeading reports whether the first element in n, looking
// through wrappers two levels deep, is a heading over other stories.
func opensWithTeaserHeading(n *html.Node) bool {
	for depth := 0; depth < 3 && n != nil; depth++ {
		c := n.FirstChild
		for c != nil && (c.Type != html.ElementNode && strings.TrimSpace(c.Data) == "" || c.Type == html.CommentNode) {
			c = c.NextSibling
		}
		if c == nil || c.Type != html.ElementNode {
			return false
		}
		if isTeaserHeading(c) {
			return true
		}
		n = c
	}
	return false
}

// isTeaserItem reports whether n is a teaser of another story: a short
// block that opens with a link of several words (the other story's
// headline, bare or in a heading) followed by a block of text (its
// excerpt). A story's own paragraphs may hold links, but do not open a
// block with a headline link and go on in another block.
func isTeaserItem(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Li, atom.Article, atom.Section, atom.Dd, atom.Td:
	default:
		return false
	}
	first := firstContent(n)
	if first == nil || first.Type != html.ElementNode {
		return false
	}
	link := first
	switch first.DataAtom {
	case atom.A:
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Strong, atom.B, atom.Span, atom.Div:
		if link = firstContent(first); link == nil || link.DataAtom != atom.A {
			return false
		}
		if textLen(link)*10 < textLen(first)*8 {
			return false // the link is only part of the heading
		}
	default:
		return false
	}
	lt := cleanSpace(textOf(link))
	if strings.Count(lt, " ") < 2 || len(lt) < 15 {
		return false
	}
	if !shorter(n, 701) {
		return false
	}
	// the excerpt: a block after the headline
	for s := first.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && (isBlock(s) || s.DataAtom == atom.Br) && !shorter(s, 1) {
			return true
		}
	}
	return false
}

// isTeaserList reports whether n is a list most of whose items (two at
// least) open with a link of several words: headlines of other stories,
// each perhaps with a line of excerpt.
func isTeaserList(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	items, teasers := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom != atom.Li {
			continue
		}
		items++
		if f := firstContent(c); f != nil && f.DataAtom == atom.A {
			if t := cleanSpace(textOf(f)); strings.Count(t, " ") >= 2 && len(t) >= 15 {
				teasers++
			}
		}
	}
	return teasers >= 2 && teasers*10 >= items*6
}

// firstContent returns the first child of n that is an element or
// non-blank text, skipping images and empty elements.
func firstContent(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return c
			}
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Img, atom.Picture, atom.Figure, atom.Script, atom.Style, atom.Noscript, atom.Svg:
				continue
			}
			if shorter(c, 1) {
				continue
			}
			return c
		}
	}
	return nil
}
