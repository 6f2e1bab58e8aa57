package server

import (
	"net/url"
	"strings"
	"testing"
)

// The query parsers read untrusted text: they never panic, and every
// error is one line.
func FuzzQueryParsing(f *testing.F) {
	for _, s := range []string{"", "since=2024-01-01&after=12&limit=5", "from=2024-03&to=2024-02-30&stage=appeal",
		"limit=99999999999999999999", "after=%00", "country=%E2%80%AE", "sort=found&limit=-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseCaseQuery(v)
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("multi-line error %q", err)
		}
		if err == nil && (q.Limit < 1 || q.Limit > maxLimit) {
			t.Errorf("limit %d out of range", q.Limit)
		}
		pf, err := parsePageFilter(v)
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("multi-line error %q", err)
		}
		if pf.Limit < 1 || pf.Limit > maxPageCases {
			t.Errorf("page limit %d out of range", pf.Limit)
		}
		tokenMatches(raw, "token")
	})
}
