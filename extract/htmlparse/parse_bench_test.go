package htmlparse

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// benchPages reads the pages the parse benchmarks run over.
func benchPages(b *testing.B) (docs [][]byte, size int64) {
	for _, f := range pages(b) {
		p, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, p)
		size += int64(len(p))
	}
	return docs, size
}

// BenchmarkParse parses every page once per iteration; compare it with
// BenchmarkParseXNetHTML, the same pages through golang.org/x/net/html.
func BenchmarkParse(b *testing.B) {
	docs, size := benchPages(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range docs {
			if _, err := Parse(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkParseXNetHTML(b *testing.B) {
	docs, size := benchPages(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range docs {
			if _, err := html.Parse(bytes.NewReader(p)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// teaserPage is a page like the synthetic crawl's articles: 40 teasers
// in the navigation and 40 in a related list around a short article,
// 13 KB and about 700 tokens.
func teaserPage() []byte {
	var pad strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&pad, `<li class="teaser"><a href="/section/%d">Section %d</a><p>Opinion, analysis and reports from across the region, updated daily by our correspondents.</p></li>`, i, i)
	}
	return fmt.Appendf(nil, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Taraz court sentences three officers | Bench Herald</title>
<meta property="og:site_name" content="Bench Herald">
<meta property="article:published_time" content="2025-12-28T10:00:00+05:00">
<link rel="canonical" href="/news/7"></head><body>
<header><nav><ul>%s</ul></nav></header>
<main><article><h1>Taraz court sentences three officers for abuse of detainees</h1>
<div class="article-body">
<p>The Taraz City Court on December 20, 2025 sentenced three former police officers to between 6 and 6 years in prison for torturing detainees, the court said.</p>
<p>The officers were found guilty of beating 3 men held at a district station in order to obtain confessions. Prosecutors had asked for longer terms.</p>
<p>Their lawyers said they would appeal the verdict. Rights groups welcomed the decision but said many similar complaints are never investigated.</p>
<p>The case is one of several brought against law enforcement officers this year. Report number 7.</p>
</div></article>
<aside class="related"><ul>%s</ul></aside></main>
<footer>© Bench Herald</footer></body></html>`, pad.String(), pad.String())
}

func TestSameTreeAsXNetHTMLOnTeaserPage(t *testing.T) {
	same(t, "teaser page", teaserPage())
}

// BenchmarkParseTeaserPage parses the teaser-heavy page of teaserPage.
func BenchmarkParseTeaserPage(b *testing.B) {
	p := teaserPage()
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(p); err != nil {
			b.Fatal(err)
		}
	}
}
