package htmlparse

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dump writes the tree a line a node, quoting texts and attribute values
// so that any difference shows.
func dump(t testing.TB, n *Node) string {
	var b strings.Builder
	var walk func(n *Node, depth int)
	walk = func(n *Node, depth int) {
		b.WriteString(strings.Repeat(" ", depth))
		b.WriteString(n.Type.String())
		switch n.Type {
		case ElementNode:
			b.WriteString(" " + n.Namespace + ":" + n.Data + " " + n.DataAtom.String())
			for _, a := range n.Attr {
				b.WriteString(" " + a.Namespace + ":" + strconv.Quote(a.Key) + "=" + strconv.Quote(a.Val))
			}
		default:
			b.WriteString(" " + strconv.Quote(n.Data))
			for _, a := range n.Attr {
				b.WriteString(" " + a.Key + "=" + strconv.Quote(a.Val))
			}
		}
		b.WriteByte('\n')
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Parent != n {
				t.Errorf("%s %q has a wrong parent", c.Type, c.Data)
			}
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// same parses b with this package and with golang.org/x/net/html and fails
// when the trees or the errors differ.
func same(t testing.TB, name string, b []byte) {
	t.Helper()
	want, werr := html.Parse(bytes.NewReader(b))
	got, gerr := Parse(b)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%s: error %v, x/net/html gives %v", name, gerr, werr)
	}
	if werr != nil {
		return
	}
	w := dump(t, want)
	if g := dump(t, got); g != w {
		t.Fatalf("%s: the tree differs from that of x/net/html:\n%s\nwant:\n%s", name, g, w)
	}
	// A tree whose nodes come from trees released before, as the pages of
	// a test come one after the other.
	tree, err := ParseTree(b)
	if err != nil {
		t.Fatalf("%s: ParseTree: %v", name, err)
	}
	g := dump(t, tree.Root)
	tree.Release()
	if g != w {
		t.Fatalf("%s: the tree of ParseTree differs from that of x/net/html:\n%s\nwant:\n%s", name, g, w)
	}
}

// pages are the HTML pages of the repository's tests and, when they are
// there, of the labelled corpus and the benchmark pages beside it.
func pages(t testing.TB) []string {
	var files []string
	for _, glob := range []string{
		"../../demo/site/*.html",
		"../../../shared/corpus/*/*.html", "../../../shared/bench/*/html/*.html", "../../../shared/seeds/*.html",
	} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no HTML pages found")
	}
	return files
}

func TestSameTreeAsXNetHTMLOnPages(t *testing.T) {
	files := pages(t)
	for i, f := range files {
		if raceEnabled && strings.Contains(f, "/bench/") && i%8 != 0 {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		same(t, f, b)
	}
	t.Logf("%d pages", len(files))
}

// The inputs below reach the paths where a token's text differs from the
// input (entities, carriage returns, NUL bytes, upper case) and the
// tree-construction corners (formatting elements, tables, foreign content,
// templates, framesets).
var tricky = []string{
	"",
	" ",
	"text only",
	"<!DOCTYPE html><p>a &amp; b &lt;c&gt; &copy &notit; &#x41;&#65;&#0;&#x110000;",
	"<p title='a &amp b' data-x=\"&amp=1\" href=?a=1&b=2&lang;=3>x</p>",
	"<P CLASS=Up ID=X><A HREF=/a>Link</A></P>",
	"<p a=1 A=2 b=3 a=4>dup</p>",
	"<p\x00x a\x00=1 b=\"\x00\">nul\x00text</p>",
	"<p>line\r\nbreak\rcr</p><textarea>\r\nx</textarea>",
	"<script>if (a < b && c) { x = '</p>' }</script><style>p>a{}</style>",
	"<title>T &amp; T</title><noscript><p>no</p></noscript>",
	"<b><i>x</b>y</i>z<p>a<b>b<div>c</b>d</div>",
	"<a href=1><div>x</a>y</div>",
	"<table><tr><td>a<td>b</table><table>x<tr>y</table>",
	"<svg viewBox='0 0 1 1'><path d=M0/><title>t</title><foreignObject><p>h</p></foreignObject></svg><math><mi>x</mi></math>",
	"<template><p>t</p></template><frameset><frame></frameset>",
	"<ul><li>a<li>b</ul><dl><dt>a<dd>b</dl><select><option>a<option>b</select>",
	"<!-- c -- > --><![CDATA[x]]><?php echo 1 ?>",
	"<html lang=en><head><meta charset=utf-8></head><body><p>x</body></html><!-- after -->tail",
	"<b><b><b><b><b>noah</b></b></b></b></b>",
	"<p " + strings.Repeat("a", 3) + ">" + "<div " + func() string {
		var s strings.Builder
		for i := 0; i < 40; i++ {
			s.WriteString(" k" + strconv.Itoa(i%30) + "=" + strconv.Itoa(i))
		}
		return s.String()
	}() + ">many</div>",
}

func TestSameTreeAsXNetHTMLOnTrickyInput(t *testing.T) {
	for i, s := range tricky {
		same(t, "tricky "+strconv.Itoa(i), []byte(s))
	}
}

func FuzzSameTreeAsXNetHTML(f *testing.F) {
	for _, s := range tricky {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		same(t, "input", b)
	})
}

// forkedFrom is the version of golang.org/x/net whose parser this package
// carries.
const forkedFrom = "v0.62.0"

func TestForkedFromTheVersionInUse(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(mod), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "golang.org/x/net" {
			if f[1] != forkedFrom {
				t.Fatalf("go.mod requires golang.org/x/net %s, this parser was taken from %s: carry over the changes of html/token.go and html/parse.go, then update forkedFrom", f[1], forkedFrom)
			}
			return
		}
	}
	t.Fatal("go.mod does not require golang.org/x/net")
}

func TestIsHTMLScopeStopTag(t *testing.T) {
	stops := 0
	for _, x := range allAtoms() {
		want := slices.Contains(defaultScopeStopTags[""], x)
		if isHTMLScopeStopTag(x) != want {
			t.Errorf("isHTMLScopeStopTag(%s) = %v, want %v", x, !want, want)
		}
		if want {
			stops++
		}
	}
	if stops != len(defaultScopeStopTags[""]) {
		t.Errorf("%d stop tags among the atoms, want %d", stops, len(defaultScopeStopTags[""]))
	}
}

// allAtoms returns every atom of golang.org/x/net/html/atom: each is a
// substring of the package's text, found by the name it stands for.
func allAtoms() []atom.Atom {
	var all []atom.Atom
	seen := map[atom.Atom]bool{}
	for off := 0; off < 1<<16; off++ {
		for n := 1; n <= 32; n++ {
			x := atom.Atom(off<<8 | n)
			s := x.String()
			if len(s) != n {
				break
			}
			if atom.Lookup([]byte(s)) == x && !seen[x] {
				seen[x] = true
				all = append(all, x)
			}
		}
	}
	return all
}

func TestIsSpecialAtom(t *testing.T) {
	all := allAtoms()
	if len(all) < 300 {
		t.Fatalf("only %d atoms found", len(all))
	}
	special := 0
	for _, x := range all {
		want := isSpecialElementMap[x.String()]
		if isSpecialAtom(x) != want {
			t.Errorf("isSpecialAtom(%s) = %v, want %v", x, !want, want)
		}
		if want {
			special++
		}
	}
	if special != len(isSpecialElementMap) {
		t.Errorf("%d special atoms, want %d: a name of isSpecialElementMap is no atom", special, len(isSpecialElementMap))
	}
}
