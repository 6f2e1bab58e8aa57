package crawler

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestParseFeed(t *testing.T) {
	base := mustURL("https://news.example/feeds/main")
	cases := []struct {
		name, body string
		want       []string
		err        bool
	}{
		{"RSS 2.0", `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>https://news.example/a</link></item>
<item><title>b</title><link>/b</link></item></channel></rss>`, []string{"https://news.example/a", "https://news.example/b"}, false},
		{"RSS 0.91", `<?xml version="1.0"?><rss version="0.91"><channel><title>t</title><link>https://news.example/</link>
<item><title>a</title><link>https://news.example/old</link></item></channel></rss>`, []string{"https://news.example/old"}, false},
		{"RSS 1.0 (RDF)", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="x"><title>t</title></channel><item rdf:about="https://news.example/r"><title>r</title><link>https://news.example/r</link></item></rdf:RDF>`, []string{"https://news.example/r"}, false},
		{"Atom", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><link rel="alternate" href="https://news.example/atom-a"/><id>1</id></entry></feed>`, []string{"https://news.example/atom-a"}, false},
		{"JSON Feed", `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","url":"https://news.example/j1"},{"id":"2","url":"j2"}]}`,
			[]string{"https://news.example/j1", "https://news.example/feeds/j2"}, false},
		{"item without link, javascript link", `<rss version="2.0"><channel><item><title>x</title></item><item><link>javascript:alert(1)</link></item></channel></rss>`, nil, false},
		{"HTML is not a feed", `<!doctype html><html><body>hello</body></html>`, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseFeed([]byte(tc.body), base)
			if tc.err {
				if err == nil || !strings.HasPrefix(err.Error(), "crawler: parse feed") {
					t.Fatalf("err = %v, want a parse error", err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Fatalf("= %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}

func TestParseSitemap(t *testing.T) {
	base := mustURL("https://news.example/sitemap.xml")
	cases := []struct {
		name, body string
		index      bool
		want       []string
		err        string
	}{
		{"urlset", `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc> https://news.example/a </loc><lastmod>2024-01-01</lastmod></url><url><loc>https://news.example/b</loc></url></urlset>`,
			false, []string{"https://news.example/a", "https://news.example/b"}, ""},
		{"news and image extensions", `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://news.example/n</loc><news:news><news:title>T</news:title></news:news><image:image><image:loc>https://cdn.example/i.jpg</image:loc></image:image></url></urlset>`,
			false, []string{"https://news.example/n"}, ""},
		{"index", `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://news.example/s1.xml.gz</loc></sitemap></sitemapindex>`,
			true, []string{"https://news.example/s1.xml.gz"}, ""},
		{"entities and CDATA", `<urlset><url><loc><![CDATA[https://news.example/q?a=1&b=2]]></loc></url><url><loc>https://news.example/q?c=1&amp;d=2</loc></url></urlset>`,
			false, []string{"https://news.example/q?a=1&b=2", "https://news.example/q?c=1&d=2"}, ""},
		{"truncated keeps what it read", `<urlset><url><loc>https://news.example/a</loc></url><url><loc>https://news.exa`,
			false, []string{"https://news.example/a"}, ""},
		{"windows-1251 declared", `<?xml version="1.0" encoding="windows-1251"?><urlset><url><loc>https://news.example/a</loc></url></urlset>`,
			false, []string{"https://news.example/a"}, ""},
		{"html", `<!doctype html><html></html>`, false, nil, "neither urlset nor sitemapindex"},
		{"empty", ``, false, nil, "no XML element"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sm, err := parseSitemap([]byte(tc.body), base)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || sm.index != tc.index || !slices.Equal(sm.locs, tc.want) {
				t.Fatalf("= %+v, %v; want index=%v %v", sm, err, tc.index, tc.want)
			}
		})
	}
}

func TestParseHTML(t *testing.T) {
	page := mustURL("https://news.example/section/page")
	body := `<html><head>
<link rel="canonical" href="/section/story">
<link rel="alternate" type="application/rss+xml" href="/rss">
<link rel="alternate" type="application/atom+xml" href="https://news.example/atom">
<link rel="alternate" hreflang="kk" href="/kk/">
<link rel="next" href="?page=2">
</head><body>
<a href="story-1">one</a><a href="/s/2#x">two</a><a href="mailto:x@y">mail</a><a href="#top">top</a>
<a href="javascript:void(0)">js</a><a href=" https://other.example/x ">other</a></body></html>`
	got, err := parseHTML([]byte(body), page)
	if err != nil {
		t.Fatal(err)
	}
	wantLinks := []string{"https://news.example/section/page?page=2", "https://news.example/section/story-1",
		"https://news.example/s/2#x", "https://other.example/x"}
	if !slices.Equal(got.links, wantLinks) {
		t.Errorf("links = %v\nwant %v", got.links, wantLinks)
	}
	if want := []string{"https://news.example/rss", "https://news.example/atom"}; !slices.Equal(got.feeds, want) {
		t.Errorf("feeds = %v, want %v", got.feeds, want)
	}
	if got.canonical != "https://news.example/section/story" {
		t.Errorf("canonical = %q", got.canonical)
	}
	based, _ := parseHTML([]byte(`<base href="https://news.example/b/"><a href="x">x</a>`), page)
	if !slices.Equal(based.links, []string{"https://news.example/b/x"}) {
		t.Errorf("<base>: links = %v", based.links)
	}
	// A link in a script or a comment is no link; <base> counts wherever it
	// stands; names and rel values are read case-insensitively; the first
	// canonical wins.
	odd, err := parseHTML([]byte(`<A HREF="a1">a</A><script>document.write('<a href="/fake">')</script>
<!-- <a href="/commented"> --><style>a[href="/css"]{}</style><textarea><a href="/ta"></textarea>
<LINK REL="Canonical" HREF="/first"><link rel="canonical" href="/second"><base href="/base/">
<link rel="prev next" href="p3"><area href="map">`), page)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"https://news.example/base/a1", "https://news.example/base/p3", "https://news.example/base/map"}; !slices.Equal(odd.links, want) {
		t.Errorf("odd page: links = %v\nwant %v", odd.links, want)
	}
	if odd.canonical != "https://news.example/first" {
		t.Errorf("odd page: canonical = %q", odd.canonical)
	}
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>https://a/b</loc></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>/s.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`<?xml version="1.0" encoding="koi8-r"?><urlset><url><loc>x`))
	base := mustURL("https://news.example/sitemap.xml")
	f.Fuzz(func(t *testing.T, body []byte) {
		sm, err := parseSitemap(body, base)
		if err == nil && len(sm.locs) > maxSitemapURLs {
			t.Fatalf("%d locs", len(sm.locs))
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><link>/a</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/a"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"/a"}]}`))
	base := mustURL("https://news.example/feed")
	f.Fuzz(func(t *testing.T, body []byte) {
		links, _ := parseFeed(body, base)
		for _, l := range links {
			if u, err := url.Parse(l); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				t.Fatalf("feed gave %q", l)
			}
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(`<a href="/x">x</a><link rel="canonical" href="y"><base href="//z/">`))
	base := mustURL("https://news.example/page")
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := parseHTML(body, base)
		if err != nil {
			return
		}
		for _, l := range append(got.links, got.feeds...) {
			if u, err := url.Parse(l); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				t.Fatalf("page gave %q", l)
			}
		}
	})
}

func FuzzDecodeUTF8(f *testing.F) {
	f.Add([]byte("\xef\xbb\xbfhello"), "text/html")
	f.Add([]byte("<meta charset=koi8-r>\xf3\xd5\xc4"), "")
	f.Add([]byte("\xff\xfe\x00"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		out, _ := decodeUTF8(body, ctype)
		if !utf8Valid(out) {
			t.Fatalf("invalid UTF-8 out of %q", body)
		}
	})
}

func TestCanonicalLink(t *testing.T) {
	page := mustURL("https://news.example/a/story?utm=x")
	tests := []struct {
		name, body, want string
	}{
		{"in head", `<html><head><link rel="canonical" href="/a/story"></head><body><a href="/x">x</a></body></html>`, "https://news.example/a/story"},
		{"base in head", `<head><base href="https://news.example/b/"><link rel=canonical href="story"></head><body></body>`, "https://news.example/b/story"},
		{"only in body", `<html><head><title>t</title></head><body><link rel="canonical" href="/other"></body></html>`, ""},
		{"no head tags", `<link rel="canonical" href="/implied-head"><p>text</p>`, "https://news.example/implied-head"},
		{"none", `<html><head></head><body><a rel="canonical" href="/not-a-link-tag">x</a></body></html>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := canonicalLink([]byte(tt.body), page)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("canonical = %q, want %q", got, tt.want)
			}
		})
	}
}
