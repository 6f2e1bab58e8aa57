package crawler

import (
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// sniffBytes is how much of an undeclared body the detector looks at.
const sniffBytes = 64 << 10

// DecodeUTF8 returns a page body as valid UTF-8, read the way a crawl reads
// it; contentType is the response's Content-Type ("" for a saved file).
func DecodeUTF8(body []byte, contentType string) []byte {
	b, _ := decodeUTF8(body, contentType)
	return b
}

// decodeUTF8 returns body as valid UTF-8 and the name of the encoding it
// was read as. The order is the HTML standard's: byte order mark, charset
// in the Content-Type header, <meta charset> in the first 1024 bytes; a body
// that declares nothing is taken as UTF-8 when it is valid UTF-8, else its
// encoding is guessed from its bytes (windows-1251 and KOI8-R text without a
// declaration are common on Russian-language sites). Bytes that still do
// not decode become U+FFFD, so invalid UTF-8 never leaves the crawler.
//
// Colly's own detection is switched off: it guesses from the body before
// looking at <meta>, and misreads windows-1251 pages.
func decodeUTF8(body []byte, contentType string) ([]byte, string) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && utf8.Valid(body) {
		return body, "utf-8"
	}
	if !certain && name == "windows-1252" {
		// Either <meta> said windows-1252 or nothing was declared; both are
		// commonly wrong for non-Latin text, so let the bytes decide.
		if e, n := sniff(body); e != nil {
			enc, name = e, n
		}
	}
	if name == "utf-8" {
		if utf8.Valid(body) {
			return body, name
		}
		return []byte(strings.ToValidUTF8(string(body), "\uFFFD")), name
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		out = body
	}
	if !utf8.Valid(out) {
		out = []byte(strings.ToValidUTF8(string(out), "\uFFFD"))
	}
	return out, name
}

// sniff guesses the encoding of undeclared text, or returns nil.
func sniff(body []byte) (encoding.Encoding, string) {
	if len(body) > sniffBytes {
		body = body[:sniffBytes]
	}
	r, err := chardet.NewHtmlDetector().DetectBest(body)
	if err != nil || r.Confidence < 30 {
		return nil, ""
	}
	e, err := htmlindex.Get(r.Charset)
	if err != nil {
		return nil, ""
	}
	n, err := htmlindex.Name(e)
	if err != nil {
		n = strings.ToLower(r.Charset)
	}
	return e, n
}
