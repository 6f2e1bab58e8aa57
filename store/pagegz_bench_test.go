package store

import (
	"os"
	"testing"

	"github.com/trialwatch/trialwatch"
)

// BenchmarkNewPageRecord measures hashing and compressing one news page
// before it is stored.
func BenchmarkNewPageRecord(b *testing.B) {
	body, err := os.ReadFile("../../shared/corpus/dev/dev-000.html")
	if err != nil {
		b.Skip("no dev corpus:", err)
	}
	p := &trialwatch.Page{URL: "https://a.example/1", Body: body}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newPageRecord(p); err != nil {
			b.Fatal(err)
		}
	}
}
