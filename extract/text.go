package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/andybalholm/cascadia"
)

// mainText returns the article's main text, paragraphs separated by blank
// lines. With a site rule's body selector, the matched containers are read
// (drop selectors removed); otherwise the container holding most of the
// page's running text is found by scoring paragraphs.
func (p *page) mainText(body cascadia.Selector, drop []cascadia.Selector) string {
	dropped := map[*html.Node]bool{}
	for _, sel := range drop {
		for _, n := range sel.MatchAll(p.root) {
			dropped[n] = true
		}
	}
	if body != nil {
		nodes := body.MatchAll(p.root)
		if len(nodes) > 0 {
			var paras []string
			for _, n := range nodes {
				if !nested(n, nodes) {
					paras = renderParas(n, paras, func(n *html.Node) bool {
						return dropped[n] || boilerTags[n.DataAtom]
					})
				}
			}
			return strings.Join(paras, "\n\n")
		}
	}
	root := p.body
	if root == nil {
		root = p.root
	}
	containers := bestContainers(root, dropped)
	var paras []string
	for _, c := range containers {
		paras = renderParas(c, paras, func(n *html.Node) bool {
			return dropped[n] || isBoiler(n)
		})
	}
	return strings.Join(filterParas(paras), "\n\n")
}

// nested reports whether one of nodes is a proper ancestor of n.
func nested(n *html.Node, nodes []*html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		for _, m := range nodes {
			if m == a {
				return true
			}
		}
	}
	return false
}

// paraStat is what scoring knows of one element.
type paraStat struct {
	score float64 // text credited to the element as a container
}

// bestContainers scores every paragraph outside page furniture, credits its
// parent fully and its grandparent by half, and returns the element with
// the best score along with those of its siblings that hold a fair share of
// running text too, in document order.
func bestContainers(root *html.Node, dropped map[*html.Node]bool) []*html.Node {
	scores := map[*html.Node]float64{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || dropped[c] || isBoiler(c) {
				continue
			}
			if isParagraph(c) {
				s := paraScore(c)
				if s > 0 {
					if c.Parent != nil {
						scores[c.Parent] += s
						if gp := c.Parent.Parent; gp != nil {
							scores[gp] += s / 2
						}
					}
				}
				if c.DataAtom == atom.P || c.DataAtom == atom.Pre {
					continue
				}
			}
			walk(c)
		}
	}
	walk(root)
	var best *html.Node
	for n, s := range scores {
		if best == nil || s > scores[best] || s == scores[best] && depth(n) > depth(best) {
			best = n
		}
	}
	if best == nil {
		return []*html.Node{root}
	}
	parent := best.Parent
	if parent == nil {
		return []*html.Node{best}
	}
	threshold := scores[best] * 0.25
	var out []*html.Node
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c == best {
			out = append(out, c)
			continue
		}
		if c.Type != html.ElementNode || dropped[c] || isBoiler(c) {
			continue
		}
		if s, ok := scores[c]; ok && s >= threshold && s >= 200 {
			out = append(out, c)
		} else if c.DataAtom == atom.P && paraScore(c) >= 80 {
			out = append(out, c)
		}
	}
	return out
}

// depth returns the number of ancestors of n.
func depth(n *html.Node) int {
	d := 0
	for ; n.Parent != nil; n = n.Parent {
		d++
	}
	return d
}

// isParagraph reports whether n is a unit of running text: a <p>, <pre>,
// or a <div> or <section> whose text is not inside further blocks.
func isParagraph(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Blockquote:
		return true
	case atom.Div, atom.Section, atom.Td, atom.Span:
		hasText := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && isBlock(c) && c.DataAtom != atom.Time {
				return false
			}
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
				hasText = true
			}
		}
		return hasText
	}
	return false
}

// paraScore credits a paragraph with its length in characters, less its
// link text, plus a bonus for commas; short or link-heavy text scores 0.
func paraScore(n *html.Node) float64 {
	var total, linked, commas int
	var count func(n *html.Node, inLink bool)
	count = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			l := utf8.RuneCountInString(strings.TrimSpace(n.Data))
			total += l
			if inLink {
				linked += l
			}
			commas += strings.Count(n.Data, ",")
			return
		case html.ElementNode:
			if boilerTags[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.A {
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			count(c, inLink)
		}
	}
	count(n, false)
	if total < 25 {
		return 0
	}
	density := float64(linked) / float64(total)
	if density > 0.5 {
		return 0
	}
	return float64(total)*(1-density) + 10*float64(commas)
}
