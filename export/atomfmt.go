package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// atomEncoder writes an Atom 1.0 feed (RFC 4287): one entry per case, with
// the stable id urn:trialwatch:case:<id>, the case's updated time, its
// first source as the alternate link and the others as related links.
type atomEncoder struct {
	w   io.Writer
	o   *Options
	buf []byte
}

func newAtomEncoder(w io.Writer, o *Options) *atomEncoder { return &atomEncoder{w: w, o: o} }

const atomNS = "http://www.w3.org/2005/Atom"

// EntryID is the Atom entry id of a case.
func EntryID(caseID string) string { return "urn:trialwatch:case:" + caseID }

func (e *atomEncoder) begin() error {
	head := fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="%s">
<id>%s</id>
<title>%s</title>
<updated>%s</updated>
<author><name>trialwatch</name></author>
<generator>trialwatch</generator>
`, atomNS, escape(e.o.FeedID), escape(e.o.FeedTitle), e.o.Now().UTC().Format(time.RFC3339))
	if e.o.FeedSelf != "" {
		head += `<link rel="self" href="` + escapeAttr(e.o.FeedSelf) + `"/>` + "\n"
	}
	_, err := io.WriteString(e.w, head)
	return err
}

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func escapeAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // escapes quotes too
	return b.String()
}

func (e *atomEncoder) write(rc store.RawCase, update bool) error {
	b, err := appendAtomEntry(e.buf[:0], rc, update)
	if err != nil {
		return err
	}
	e.buf = b
	_, err = e.w.Write(b)
	return err
}

// format writes one case's entry to buf; it keeps no state, so entries can
// be made in parallel.
func (e *atomEncoder) format(buf *bytes.Buffer, rc store.RawCase, update bool) error {
	b, err := appendAtomEntry(buf.AvailableBuffer(), rc, update)
	if err != nil {
		return err
	}
	buf.Write(b)
	return nil
}

// appendAtomEntry appends the entry of one case to dst, and a newline,
// byte for byte as encoding/xml wrote it when this format marshalled an
// entry struct (links and categories as start and end tags, text escaped
// by appendXML).
func appendAtomEntry(dst []byte, rc store.RawCase, update bool) ([]byte, error) {
	r := getRow()
	defer putRow(r)
	if err := r.decode(rc.JSON); err != nil {
		return dst, err
	}
	dst = append(dst, "<entry><id>"...)
	dst = appendXML(append(dst, "urn:trialwatch:case:"...), r.id)
	dst = append(dst, "</id><title>"...)
	dst = appendXML(dst, r.title(r.scratch[:0]))
	dst = append(dst, "</title><updated>"...)
	dst = append(dst, r.updated...)
	dst = append(dst, "</updated><published>"...)
	dst = append(dst, r.firstSeen...)
	dst = append(dst, "</published>"...)
	for i, s := range r.sources {
		rel := "related"
		if i == 0 {
			rel = "alternate"
		}
		dst = append(append(append(dst, `<link rel="`...), rel...), `" href="`...)
		dst = append(appendXML(dst, s.url), `"></link>`...)
	}
	dst = append(appendXML(append(dst, `<category term="`...), r.stage), `"></category>`...)
	if r.texts[tCountry].ok {
		dst = append(appendXML(append(dst, `<category term="`...), r.texts[tCountry].b), `"></category>`...)
	}
	if update {
		dst = append(dst, `<category term="update" label="updated since last export"></category>`...)
	}
	dst = append(dst, `<summary type="text">`...)
	r.scratch = r.summary(r.scratch[:0])
	dst = appendXML(dst, r.scratch)
	dst = append(dst, `</summary><content type="text">`...)
	r.scratch = r.details(r.scratch[:0])
	dst = appendXML(dst, r.scratch)
	return append(dst, "</content></entry>\n"...), nil
}

func (e *atomEncoder) end() error {
	_, err := io.WriteString(e.w, "</feed>\n")
	return err
}

// Title is a one-line headline for a case: stage, place, country, date.
func Title(sc *trialwatch.StoredCase) string {
	r := getRow()
	defer putRow(r)
	r.reset()
	r.fromStored(sc)
	return string(r.title(nil))
}

// Summary says in one sentence who was tried and what they got.
func Summary(sc *trialwatch.StoredCase) string {
	r := getRow()
	defer putRow(r)
	r.reset()
	r.fromStored(sc)
	return string(r.summary(nil))
}

// title appends the case's Title to dst.
func (r *row) title(dst []byte) []byte {
	switch c := byte(0); {
	case len(r.stage) == 0:
		dst = append(dst, "Case"...)
	case r.stage[0] < utf8.RuneSelf:
		if c = r.stage[0]; 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		dst = append(append(dst, c), r.stage[1:]...)
	default:
		dst = append(dst, strings.ToUpper(string(r.stage[:1]))...)
		dst = append(dst, r.stage[1:]...)
	}
	n := 0
	for _, t := range [...]optText{r.texts[tCourt], r.texts[tLocation], r.texts[tCountry], r.texts[tDate]} {
		if !t.ok || len(t.b) == 0 {
			continue
		}
		if n == 0 {
			dst = append(dst, ": "...)
		} else {
			dst = append(dst, ", "...)
		}
		dst = append(dst, t.b...)
		n++
	}
	if n == 0 {
		dst = append(append(dst, ' '), r.id...)
	}
	return dst
}

// summary appends the case's Summary to dst.
func (r *row) summary(dst []byte) []byte {
	start := len(dst)
	if role := r.texts[tRole]; role.ok {
		dst = append(append(dst, role.b...), ": "...)
	}
	n := 0
	for i, what := range [...]string{"defendants", "convicted", "acquitted", "imprisoned", "suspended"} {
		if !r.ints[i].ok {
			continue
		}
		if n > 0 {
			dst = append(dst, ", "...)
		}
		dst = strconv.AppendInt(dst, int64(r.ints[i].n), 10)
		dst = append(append(dst, ' '), what...)
		n++
	}
	if lo, hi := r.ints[iMin], r.ints[iMax]; lo.ok && hi.ok {
		dst = strconv.AppendInt(append(dst, "; terms "...), int64(lo.n), 10)
		dst = strconv.AppendInt(append(dst, " to "...), int64(hi.n), 10)
		dst = append(dst, " months"...)
	}
	trimmed := bytes.TrimSpace(dst[start:])
	return dst[:start+copy(dst[start:], trimmed)]
}

// details appends every stated fact with the sentence it was read from,
// the values sources disputed, and the sources.
func (r *row) details(dst []byte) []byte {
	for _, p := range r.evidence {
		dst = append(append(append(append(dst, p.k...), ": "...), p.v...), '\n')
	}
	if len(r.disputed) > 0 {
		keys := make([]string, 0, len(r.disputed))
		for k := range r.disputed {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			dst = append(append(append(dst, "disputed "...), k...), ':')
			for _, v := range r.disputed[k] {
				dst = fmt.Appendf(dst, " %v (%s)", v.Value, strings.Join(v.Sources, " "))
			}
			dst = append(dst, '\n')
		}
	}
	for _, d := range r.disputes {
		dst = append(append(append(dst, "disputed "...), d.key...), ':')
		for _, v := range r.dvals[d.lo:d.hi] {
			dst = append(dst, ' ')
			switch v.kind { // as fmt's %v prints the decoded value
			case 's':
				dst = append(dst, v.s...)
			case 'n':
				dst = strconv.AppendFloat(dst, float64(v.n), 'g', -1, 64)
			case 't':
				dst = append(dst, "true"...)
			case 'f':
				dst = append(dst, "false"...)
			default:
				dst = append(dst, "<nil>"...)
			}
			dst = append(dst, " ("...)
			for k, u := range r.dsrcs[v.lo:v.hi] {
				if k > 0 {
					dst = append(dst, ' ')
				}
				dst = append(dst, u...)
			}
			dst = append(dst, ')')
		}
		dst = append(dst, '\n')
	}
	for _, s := range r.sources {
		dst = append(append(dst, "source: "...), s.outlet...)
		dst = append(append(dst, ", "...), s.published...)
		dst = append(append(dst, ", "...), s.title...)
		dst = append(append(dst, ' '), s.url...)
		dst = append(dst, '\n')
	}
	return dst
}

// appendXML appends s escaped as encoding/xml escapes text and attribute
// values: quotes, apostrophes, &, <, >, tab, newline and carriage return
// as character references; characters XML forbids and invalid UTF-8 as
// U+FFFD.
func appendXML(dst, s []byte) []byte {
	last := 0
	for i := 0; i < len(s); {
		for i < len(s) && xmlPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		var esc string
		if c < utf8.RuneSelf {
			i++
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				if c >= 0x20 {
					continue
				}
				esc = "\uFFFD"
			}
			dst = append(append(dst, s[last:i-1]...), esc...)
			last = i
			continue
		}
		r, width := utf8.DecodeRune(s[i:])
		i += width
		if isXMLChar(r) && (r != utf8.RuneError || width != 1) {
			continue
		}
		dst = append(append(dst, s[last:i-width]...), "\uFFFD"...)
		last = i
	}
	return append(dst, s[last:]...)
}

// xmlPlain holds the ASCII bytes that XML text and attribute values hold
// as they are.
var xmlPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\'' && c != '&' && c != '<' && c != '>'
	}
	return t
}()

// isXMLChar reports whether XML 1.0 allows r (encoding/xml's
// isInCharacterRange).
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
