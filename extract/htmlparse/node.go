// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package htmlparse

import (
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tree is made of the nodes of golang.org/x/net/html, so that it goes
// wherever that package's trees go (goquery, cascadia, Render).
type (
	Node      = html.Node
	NodeType  = html.NodeType
	Attribute = html.Attribute
)

const (
	ErrorNode    = html.ErrorNode
	TextNode     = html.TextNode
	DocumentNode = html.DocumentNode
	ElementNode  = html.ElementNode
	CommentNode  = html.CommentNode
	DoctypeNode  = html.DoctypeNode
	RawNode      = html.RawNode
	// scopeMarkerNode marks scopes in the list of active formatting
	// elements; it never reaches a returned tree.
	scopeMarkerNode NodeType = html.RawNode + 100
)

// Section 12.2.4.3 says "The markers are inserted when entering applet,
// object, marquee, template, td, th, and caption elements, and are used
// to prevent formatting from "leaking" into applet, object, marquee,
// template, td, th, and caption elements".
var scopeMarker = Node{Type: scopeMarkerNode}

// reparentChildren reparents all of src's child nodes to dst.
func reparentChildren(dst, src *Node) {
	for {
		child := src.FirstChild
		if child == nil {
			break
		}
		src.RemoveChild(child)
		dst.AppendChild(child)
	}
}

// cloneNode returns a new node with the same type, data and attributes.
// The clone has no parent, no siblings and no children.
func (p *parser) cloneNode(n *Node) *Node {
	m := p.newNode()
	m.Type, m.DataAtom, m.Data = n.Type, n.DataAtom, n.Data
	m.Attr = make([]Attribute, len(n.Attr))
	copy(m.Attr, n.Attr)
	return m
}

// nodeStack is a stack of nodes.
type nodeStack []*Node

// pop pops the stack. It will panic if s is empty.
func (s *nodeStack) pop() *Node {
	i := len(*s)
	n := (*s)[i-1]
	*s = (*s)[:i-1]
	return n
}

// top returns the most recently pushed node, or nil if s is empty.
func (s *nodeStack) top() *Node {
	if i := len(*s); i > 0 {
		return (*s)[i-1]
	}
	return nil
}

// index returns the index of the top-most occurrence of n in the stack, or -1
// if n is not present.
func (s *nodeStack) index(n *Node) int {
	for i := len(*s) - 1; i >= 0; i-- {
		if (*s)[i] == n {
			return i
		}
	}
	return -1
}

// contains returns whether a is within s.
func (s *nodeStack) contains(a atom.Atom) bool {
	for _, n := range *s {
		if n.DataAtom == a && n.Namespace == "" {
			return true
		}
	}
	return false
}

// insert inserts a node at the given index.
func (s *nodeStack) insert(i int, n *Node) {
	(*s) = append(*s, nil)
	copy((*s)[i+1:], (*s)[i:])
	(*s)[i] = n
}

// remove removes a node from the stack. It is a no-op if n is not present.
func (s *nodeStack) remove(n *Node) {
	i := s.index(n)
	if i == -1 {
		return
	}
	copy((*s)[i:], (*s)[i+1:])
	j := len(*s) - 1
	(*s)[j] = nil
	*s = (*s)[:j]
}

type insertionModeStack []insertionMode

func (s *insertionModeStack) pop() (im insertionMode) {
	i := len(*s)
	im = (*s)[i-1]
	*s = (*s)[:i-1]
	return im
}

func (s *insertionModeStack) top() insertionMode {
	if i := len(*s); i > 0 {
		return (*s)[i-1]
	}
	return nil
}

// nodeChunk is how many nodes are allocated together: a page's nodes live
// and die with its tree, so one allocation can serve many of them.
const nodeChunk = 64

// newNode returns a zero node from the parser's current chunk.
func (p *parser) newNode() *Node {
	if len(p.nodes) == 0 {
		if p.tree != nil {
			c := chunkPool.Get().(*[nodeChunk]Node)
			p.tree.chunks = append(p.tree.chunks, c)
			p.nodes = c[:]
		} else {
			p.nodes = make([]Node, nodeChunk)
		}
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	return n
}

// chunkPool holds chunks of zero nodes that released trees handed back.
var chunkPool = sync.Pool{New: func() any { return new([nodeChunk]Node) }}

// Tree is a parse tree whose nodes can be handed, once it is no longer
// used, to later parses (see ParseTree).
type Tree struct {
	Root   *Node
	chunks []*[nodeChunk]Node
	attrs  []*[attrChunk]Attribute
}

// attrChunk is how many attributes are allocated together.
const attrChunk = 64

// attrPool holds chunks of zero attributes that released trees handed back.
var attrPool = sync.Pool{New: func() any { return new([attrChunk]Attribute) }}

// Release hands the tree's nodes to later parses. No node of the tree may
// be used after this; the strings they held stay valid.
func (t *Tree) Release() {
	for _, c := range t.chunks {
		clear(c[:])
		chunkPool.Put(c)
	}
	for _, c := range t.attrs {
		clear(c[:])
		attrPool.Put(c)
	}
	t.Root, t.chunks, t.attrs = nil, nil, nil
}

// node returns a node of the parser's chunk holding v.
func (p *parser) node(v Node) *Node {
	n := p.newNode()
	*n = v
	return n
}
