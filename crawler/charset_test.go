package crawler

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

const russian = "Суд приговорил бывшего сотрудника полиции к пяти годам лишения свободы за пытки задержанного. " +
	"Потерпевший заявил, что его избивали в отделе полиции. Приговор может быть обжалован в апелляционном суде."

func encode(tb testing.TB, e encoding.Encoding, s string) []byte {
	tb.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// charsetCases are pages as Russian-language sites serve them.
func charsetCases(tb testing.TB) []struct {
	name, ctype string
	body        []byte
	want        string
} {
	page := func(head, text string) string {
		return "<!doctype html><html><head>" + head + "<title>Приговор</title></head><body><p>" + text + "</p></body></html>"
	}
	cp := func(s string) []byte { return encode(tb, charmap.Windows1251, s) }
	koi := func(s string) []byte { return encode(tb, charmap.KOI8R, s) }
	return []struct {
		name, ctype string
		body        []byte
		want        string
	}{
		{"windows-1251 without any declaration", "text/html", cp(page("", russian)), russian},
		{"windows-1251 in the header", "text/html; charset=windows-1251", cp(page("", russian)), russian},
		{"windows-1251 in meta", "text/html", cp(page(`<meta charset="windows-1251">`, russian)), russian},
		{"windows-1251 in http-equiv", "text/html", cp(page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, russian)), russian},
		{"KOI8-R in meta", "text/html", koi(page(`<meta charset="koi8-r">`, russian)), russian},
		{"KOI8-R in the header", "text/html; charset=KOI8-R", koi(page("", russian)), russian},
		{"KOI8-R without any declaration", "text/html", koi(page("", russian+" "+russian)), russian},
		{"BOM beats a wrong header", "text/html; charset=windows-1251", append([]byte("\xef\xbb\xbf"), page("", russian)...), russian},
		{"UTF-8 without declaration", "text/html", []byte(page("", russian)), russian},
		{"invalid UTF-8 declared UTF-8", "text/html; charset=utf-8", []byte(page("", "Суд \xff\xfe постановил \xc3")), "постановил"},
		{"unknown charset label", "text/html; charset=x-no-such", []byte(page("", russian)), russian},
	}
}

func TestDecodeUTF8(t *testing.T) {
	for _, tc := range charsetCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			got, enc := decodeUTF8(tc.body, tc.ctype)
			if !utf8.Valid(got) {
				t.Fatalf("result is not valid UTF-8 (read as %s)", enc)
			}
			if !strings.Contains(string(got), tc.want) {
				t.Errorf("read as %s, text lost: %.120q", enc, got)
			}
		})
	}
}

// TestCrawlDecodesCharsets runs the pages through a crawl, where Colly's
// own conversion of a charset named in the header must not interfere.
func TestCrawlDecodesCharsets(t *testing.T) {
	cases := charsetCases(t)
	h := &hits{}
	mux := http.NewServeMux()
	var links []string
	for i, tc := range cases {
		path := fmt.Sprintf("/news/2024/charset-%d", i)
		links = append(links, path)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", tc.ctype)
			w.Write(tc.body)
		})
	}
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listHTML(links...))
	})
	srv := serve(t, h, mux)
	sink := &pageSink{}
	st, _, err := crawlOnce(t, testSource(srv.URL), testOptions(t), sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(cases) {
		t.Fatalf("articles = %d, want %d (%+v)", st.Articles, len(cases), st)
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := sink.byPath(fmt.Sprintf("/news/2024/charset-%d", i))
			if p == nil {
				t.Fatal("page not handed on")
			}
			if !utf8.Valid(p.Body) || !strings.Contains(string(p.Body), tc.want) {
				t.Errorf("body: %.120q", p.Body)
			}
			if got := p.Header.Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type header = %q, want the original %q", got, tc.ctype)
			}
		})
	}
}

func utf8Valid(b []byte) bool { return utf8.Valid(b) }
