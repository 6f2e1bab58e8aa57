package extract

import (
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
