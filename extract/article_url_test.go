package extract

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, pageURL, head, want string
	}{
		{"canonical link", "https://e.example/a?utm_source=x", `<link rel="canonical" href="https://e.example/a">`, "https://e.example/a"},
		{"relative canonical", "https://e.example/a?x=1", `<link rel="canonical" href="/news/a">`, "https://e.example/news/a"},
		{"protocol-relative, no page URL", "", `<link rel="canonical" href="//e.example/news/a">`, "https://e.example/news/a"},
		{"og:url on a subdomain", "https://m.e.example/a", `<meta property="og:url" content="https://www.e.example/a">`, "https://www.e.example/a"},
		{"two-level suffix", "https://news.bbc.co.uk/a", `<link rel="canonical" href="https://www.bbc.co.uk/a">`, "https://www.bbc.co.uk/a"},
		{"another site under the same suffix", "https://a.co.uk/x", `<link rel="canonical" href="https://b.co.uk/x">`, "https://a.co.uk/x"},
		{"not a web address", "https://e.example/a", `<link rel="canonical" href="javascript:void(0)">`, "https://e.example/a"},
		{"fragment dropped", "https://e.example/a", `<link rel="canonical" href="https://e.example/a#top">`, "https://e.example/a"},
		{"nothing", "https://e.example/a", ``, "https://e.example/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parsePage(tt.pageURL, []byte(`<html><head>`+tt.head+`</head><body><p>x</p></body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			if got := p.canonicalURL(); got != tt.want {
				t.Errorf("canonicalURL() = %q, want %q", got, tt.want)
			}
		})
	}
}
