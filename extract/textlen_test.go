package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/trialwatch/trialwatch/extract/htmlparse"
)

// shorter must agree with textLen on every element and at every limit,
// however early it stops counting.
func TestShorterAgreesWithTextLen(t *testing.T) {
	root, err := htmlparse.Parse([]byte(`<body><div id=a>one two <b>three</b>
	<script>not text at all</script><p>four  five six</p><svg><text>no</text></svg>
	<ul><li>seven</li><li>eight <i>nine</i> ten</li></ul></div><p></p></body>`))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			l := textLen(n)
			for limit := 0; limit <= l+2; limit++ {
				if got, want := shorter(n, limit), l < limit; got != want {
					t.Errorf("shorter(<%s>, %d) = %v, textLen is %d", n.Data, limit, got, l)
				}
				checked++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if checked < 100 {
		t.Fatalf("only %d checks", checked)
	}
}

func TestNonSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a\tb\r\nc ",
		strings.Repeat("word ", 7),
		strings.Repeat("два слова\n\t\r ", 9),
		strings.Repeat(" ", 40) + "x",
	} {
		want := 0
		for _, r := range []byte(s) {
			if r != ' ' && r != '\n' && r != '\t' && r != '\r' {
				want++
			}
		}
		if got := nonSpace(s); got != want {
			t.Errorf("nonSpace(%q) = %d, want %d", s, got, want)
		}
	}
}
