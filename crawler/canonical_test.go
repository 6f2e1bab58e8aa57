package crawler

import (
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{in: "HTTP://News.Example.COM/a/b", want: "http://news.example.com/a/b"},
		{in: "https://example.com:443/x", want: "https://example.com/x"},
		{in: "http://example.com:80/x", want: "http://example.com/x"},
		{in: "http://example.com:8080/x", want: "http://example.com:8080/x"},
		{in: "https://example.com", want: "https://example.com/"},
		{in: "https://example.com/a#comments", want: "https://example.com/a"},
		{in: "https://example.com/a?utm_source=tw&utm_medium=social&id=5&fbclid=abc", want: "https://example.com/a?id=5"},
		{in: "https://example.com/a?gclid=1&yclid=2&page=2&_ga=x", want: "https://example.com/a?page=2"},
		{in: "https://example.com/a?utm_source=x", want: "https://example.com/a"},
		{in: "https://example.com/a/./b/../c", want: "https://example.com/a/c"},
		{in: "https://user:pw@example.com/a", want: "https://example.com/a"},
		{in: "  https://example.com/a  ", want: "https://example.com/a"},
		{in: "https://example.com./a", want: "https://example.com/a"},
		{in: "https://example.com/новости/1", want: "https://example.com/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1"},
		{in: "https://[::1]:443/a", want: "https://[::1]/a"},
		{in: "ftp://example.com/a", err: "scheme \"ftp\" is not http or https"},
		{in: "/relative/path", err: "scheme \"\" is not http or https"},
		{in: "https:///nohost", err: "no host"},
		{in: "https://exa mple.com/", err: "invalid character"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got, err := CanonicalURL(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.HasPrefix(err.Error(), "crawler: ") {
					t.Fatalf("err = %v, want one naming %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("= %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestVisitIDDependsOnCanonicalForm(t *testing.T) {
	a, _ := CanonicalURL("https://Example.com/a?utm_source=x#top")
	b, _ := CanonicalURL("https://example.com:443/a")
	if VisitID(a) != VisitID(b) {
		t.Errorf("%s and %s should share a visit id", a, b)
	}
	if VisitID("https://example.com/a") == VisitID("https://example.com/b") {
		t.Error("different URLs share a visit id")
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://example.com/a?utm_source=x&b=1#f", "http://EXAMPLE.com:80/./a/../b", "https://[::1]/", "http://a/%zz", "https://x/?&&utm_=&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := CanonicalURL(raw)
		if err != nil {
			return
		}
		again, err := CanonicalURL(c)
		if err != nil {
			t.Fatalf("canonical %q of %q is rejected: %v", c, raw, err)
		}
		if again != c {
			t.Fatalf("not idempotent: %q -> %q -> %q", raw, c, again)
		}
	})
}
