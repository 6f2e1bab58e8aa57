package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textBlock is the text of one block of the page in reading order, with
// the class and id of the block and its parent.
type textBlock struct {
	node *html.Node
	text string
	cue  string
}

// blocks cuts the page's body, furniture left out, into text blocks.
func (p *page) blocks() []textBlock {
	root := p.body
	if root == nil {
		root = p.root
	}
	var out []textBlock
	var cur strings.Builder
	var curNode *html.Node
	flush := func() {
		if t := cleanSpace(cur.String()); t != "" {
			cue := classID(curNode)
			if curNode.Parent != nil {
				cue += " " + classID(curNode.Parent)
			}
			out = append(out, textBlock{node: curNode, text: t, cue: cue})
		}
		cur.Reset()
	}
	var walk func(n *html.Node, block *html.Node)
	walk = func(n *html.Node, block *html.Node) {
		switch n.Type {
		case html.TextNode:
			if curNode != block {
				flush()
				curNode = block
			}
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if boilerTags[n.DataAtom] || p.furniture().is(n) && !dateCue(classID(n)) {
				return
			}
			if isBlock(n) {
				flush()
				curNode = n
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, n)
				}
				flush()
				curNode = block
				return
			}
			if n.DataAtom == atom.Br {
				cur.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, block)
		}
	}
	walk(root, root)
	if curNode != nil {
		flush()
	}
	return out
}

// isBlock reports whether n starts a new block of text.
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Main, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Table,
		atom.Tr, atom.Td, atom.Th, atom.Blockquote, atom.Pre, atom.Figure,
		atom.Aside, atom.Nav, atom.Address, atom.Hr, atom.Time:
		return true
	}
	return false
}
