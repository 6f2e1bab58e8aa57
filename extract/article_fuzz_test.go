package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trialwatch/trialwatch"
)

// FuzzReadArticle feeds arbitrary bytes as a page: ReadArticle must not
// panic, and what it returns must be valid UTF-8 with a well-formed date.
func FuzzReadArticle(f *testing.F) {
	f.Add("https://e.example/a", `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2024-03-20"}</script></head><body><h1>H</h1>`+story+`</body></html>`)
	f.Add("", `<div class="news-date">20.03.2024, 09:15</div><div><p>text</p></div>`)
	f.Add("::bad url", "<title>a | b</title><time datetime='x'>Mar 20, 2024</time>")
	f.Add("https://e.example/2024/13/45/x", "\xff\xfe<p>\x00</p><script type=application/ld+json>[[[{</script>")
	f.Add("https://e.example/", `<form><p>`+strings.Repeat("<div>", 500)+`deep</p></form>`)
	f.Fuzz(func(t *testing.T, url, body string) {
		a, err := ReadArticle(&trialwatch.Page{URL: url, Body: []byte(body)}, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "extract: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		for name, s := range map[string]string{"url": a.URL, "title": a.Title, "outlet": a.Outlet, "published": a.Published, "text": a.Text} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		if a.Published != "" && (len(a.Published) != 10 || a.Published[4] != '-' || a.Published[7] != '-') {
			t.Fatalf("published = %q", a.Published)
		}
		for _, s := range a.Sentences {
			if !utf8.ValidString(s) {
				t.Fatalf("sentence is not valid UTF-8: %q", s)
			}
		}
	})
}
