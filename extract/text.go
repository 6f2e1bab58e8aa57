package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/andybalholm/cascadia"
)

// mainText returns the article's main text, paragraphs separated by blank
// lines. With a site rule's body selector, the matched containers are read
// (drop selectors removed); otherwise the container holding most of the
// page's running text is found by scoring paragraphs.
func (p *page) mainText(body cascadia.Selector, drop []cascadia.Selector, title string) string {
	dropped := map[*html.Node]bool{}
	for _, sel := range drop {
		for _, n := range p.query(sel) {
			dropped[n] = true
		}
	}
	if body != nil {
		nodes := p.query(body)
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
	f := p.furniture()
	containers := bestContainers(root, dropped, f)
	var paras []string
	for _, c := range containers {
		paras = renderParas(c, paras, func(n *html.Node) bool {
			return dropped[n] || f.is(n) || n.DataAtom == atom.H1
		})
	}
	return strings.Join(filterParas(paras, title), "\n\n")
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

// bestContainers scores the running text outside page furniture and
// returns the element that holds the most of it, along with those of its
// siblings that hold a fair share too, in document order. A <p> credits
// its parent fully and its grandparent by half; text standing directly in
// another element (a <div> of text and <br>s) credits that element fully
// and its parent by half. Containers marked as the article body count
// more.
func bestContainers(root *html.Node, dropped map[*html.Node]bool, f *furniture) []*html.Node {
	scores := map[*html.Node]float64{}
	var paras []scoredPara
	credit := func(n *html.Node, s float64) {
		if n == nil {
			return
		}
		scores[n] += s
		if n.Parent != nil {
			scores[n.Parent] += s / 2
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if s := ownTextScore(n); s > 0 {
			credit(n, s)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || dropped[c] || f.is(c) {
				continue
			}
			switch c.DataAtom {
			case atom.P, atom.Pre, atom.Blockquote:
				if s := paraScore(c); s > 0 {
					credit(c.Parent, s)
					paras = append(paras, scoredPara{c, s})
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	var best *html.Node
	var bestScore float64
	for n, s := range scores {
		s *= containerWeight(n)
		if best == nil || s > bestScore || s == bestScore && depth(n) > depth(best) {
			best, bestScore = n, s
		}
	}
	if best == nil {
		return []*html.Node{root}
	}
	best = widen(best, root, paras)
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
		if c.Type != html.ElementNode || dropped[c] || f.is(c) {
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

// scoredPara is a paragraph element that counts as running text.
type scoredPara struct {
	n     *html.Node
	score float64
}

// widen climbs from the best container to its ancestors while each step
// takes in more paragraphs made like the container's own (same tag and
// class): a story body split into several blocks, with ads or pictures
// between them, is read whole.
func widen(best, root *html.Node, paras []scoredPara) *html.Node {
	sig := map[string]float64{}
	var inBest float64
	for _, p := range paras {
		if isAncestor(best, p.n) {
			sig[paraSig(p.n)] += p.score
			inBest += p.score
		}
	}
	var mainSig string
	for k, v := range sig {
		if mainSig == "" || v > sig[mainSig] {
			mainSig = k
		}
	}
	if mainSig == "" {
		return best
	}
	kept := best
	for up := best.Parent; up != nil && best != root && up != root && up.DataAtom != atom.Body && up.DataAtom != atom.Html; up = up.Parent {
		var extra, same float64
		for _, p := range paras {
			if isAncestor(up, p.n) && !isAncestor(kept, p.n) {
				extra += p.score
				if paraSig(p.n) == mainSig {
					same += p.score
				}
			}
		}
		if extra == 0 {
			continue // a mere wrapper: climb on, but only keep it if more text follows
		}
		if same < 0.7*extra || same < 0.1*inBest {
			break
		}
		inBest += extra
		kept = up
	}
	best = kept
	return best
}

// paraSig is a paragraph's tag and class.
func paraSig(n *html.Node) string {
	return n.Data + "." + attr(n, "class")
}

// containerWeight favours elements that the markup marks as the article
// body.
func containerWeight(n *html.Node) float64 {
	if strings.EqualFold(attr(n, "itemprop"), "articleBody") {
		return 1.5
	}
	if ci := classID(n); ci != "" {
		if content, _, _ := cues(ci); content {
			return 1.25
		}
	}
	if n.DataAtom == atom.Article {
		return 1.1
	}
	return 1
}

// ownTextScore scores the text standing directly in n, outside its block
// children, as paraScore scores a paragraph. Paragraph elements score 0
// here: their parents are credited for them.
func ownTextScore(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Blockquote, atom.Ul, atom.Ol, atom.Table, atom.Tr,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.A:
		return 0
	}
	var total, linked, commas int
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			total += len(strings.TrimSpace(c.Data))
			commas += strings.Count(c.Data, ",")
		case c.Type == html.ElementNode && !isBlock(c) && !boilerTags[c.DataAtom]:
			t, l, k := inlineCounts(c)
			total, linked, commas = total+t, linked+l, commas+k
		}
	}
	return textScore(total, linked, commas)
}

// inlineCounts counts the text, link text and commas under an inline
// element.
func inlineCounts(n *html.Node) (total, linked, commas int) {
	var count func(n *html.Node, inLink bool)
	count = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			l := len(strings.TrimSpace(n.Data))
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
	return total, linked, commas
}

// textScore credits running text with its length less its link text, plus
// a bonus for commas; short or link-heavy text scores 0.
func textScore(total, linked, commas int) float64 {
	if total < 25 {
		return 0
	}
	density := float64(linked) / float64(total)
	if density > 0.5 {
		return 0
	}
	return float64(total)*(1-density) + 10*float64(commas)
}

// depth returns the number of ancestors of n.
func depth(n *html.Node) int {
	d := 0
	for ; n.Parent != nil; n = n.Parent {
		d++
	}
	return d
}

// paraScore scores a paragraph element by its text.
func paraScore(n *html.Node) float64 {
	return textScore(inlineCounts(n))
}
