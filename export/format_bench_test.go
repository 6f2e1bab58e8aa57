package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
	"github.com/trialwatch/trialwatch/store/storetest"
)

// syntheticCases returns n stored cases in the form the store keeps them,
// shaped like the store benchmark's: every tenth was retold by two more
// outlets that disagree on the court.
func syntheticCases(tb testing.TB, n int) []store.RawCase {
	tb.Helper()
	out := make([]store.RawCase, n)
	seen := time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.UTC)
	for i := range n {
		a, cs := storetest.Article(i)
		sc := trialwatch.StoredCase{
			ID: fmt.Sprintf("%010d", i+1), Case: cs[0],
			FirstSeen: seen.Add(time.Duration(i) * time.Second), Updated: seen.Add(time.Duration(i) * time.Minute),
			Sources: []trialwatch.SourceRef{{URL: a.URL, Outlet: a.Outlet, Title: a.Title, Published: a.Published}},
		}
		if i%10 == 0 {
			var urls []string
			for k := 1; k <= 2; k++ {
				r, _ := storetest.Retold(i, k)
				sc.Sources = append(sc.Sources, trialwatch.SourceRef{URL: r.URL, Outlet: r.Outlet, Title: r.Title, Published: r.Published})
				urls = append(urls, r.URL)
			}
			sc.Disputed = map[string][]trialwatch.FieldValue{"court": {
				{Value: "Regional Court", Sources: []string{a.URL}},
				{Value: *sc.Location + " City Court", Sources: urls},
			}}
		}
		out[i] = store.RawCase{ID: sc.ID, Rev: uint64(i + 1), JSON: storedJSON(tb, &sc)}
	}
	return out
}

// storedJSON encodes a case as the store does.
func storedJSON(tb testing.TB, sc *trialwatch.StoredCase) []byte {
	tb.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sc); err != nil {
		tb.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// BenchmarkFormat formats cases on one goroutine, without a store: the
// cost of one case in each format that formats rows itself.
func BenchmarkFormat(b *testing.B) {
	cases := syntheticCases(b, 10_000)
	o := Options{}
	if err := o.check(); err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{CSV, Atom} {
		b.Run(f, func(b *testing.B) {
			o.Format = f
			fm := newEncoder(&bytes.Buffer{}, &o).(formatter)
			var buf bytes.Buffer
			b.ReportAllocs()
			n, cpu0 := 0, cpuTime(b)
			for b.Loop() {
				buf.Reset()
				if err := fm.format(&buf, cases[n%len(cases)], n%7 == 0); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "cases/s")
			b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(n), "cpu-ns/case")
		})
	}
}

// BenchmarkEncode formats cases given as JSON, as an export through a
// running daemon does.
func BenchmarkEncode(b *testing.B) {
	rcs := syntheticCases(b, 10_000)
	cases := make([]json.RawMessage, len(rcs))
	for i, rc := range rcs {
		cases[i] = rc.JSON
	}
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			n, cpu0 := 0, cpuTime(b)
			for b.Loop() {
				if err := Encode(io.Discard, Options{Format: f}, cases); err != nil {
					b.Fatal(err)
				}
				n += len(cases)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "cases/s")
			b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(n), "cpu-ns/case")
		})
	}
}
