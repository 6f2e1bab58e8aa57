package htmlparse

import (
	"bytes"
	"os"
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
