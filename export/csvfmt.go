package export

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trialwatch/trialwatch/internal/jsonstr"
	"github.com/trialwatch/trialwatch/store"
)

// csvColumns are the CSV header. Scalar fields of the record are columns
// (an unstated fact is an empty cell); charges are joined by "; ";
// sources are the article URLs joined by a space; evidence and disputed
// are JSON text, so a reviewer keeps the sentences behind every value;
// update is "true" for a case exported before that has changed since.
var csvColumns = []string{
	"id", "update", "stage", "court", "location", "country", "decision_date",
	"defendants", "convicted", "acquitted", "imprisoned", "suspended",
	"sentence_min_months", "sentence_max_months", "victims", "charges", "defendant_role",
	"appeal_of", "first_seen", "updated", "sources", "evidence", "disputed",
}

// csvEncoder writes RFC 4180 CSV as encoding/csv's Writer does (fields
// quoted only where they must be, "\n" after each record), row by row
// into a buffer of its own.
type csvEncoder struct {
	w   io.Writer
	buf []byte
}

func newCSVEncoder(w io.Writer) *csvEncoder { return &csvEncoder{w: w} }

// begin writes the header, so rows formatted elsewhere and written straight
// to the output come after it.
func (e *csvEncoder) begin() error {
	b := e.buf[:0]
	for i, c := range csvColumns {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVField(b, []byte(c))
	}
	e.buf = append(b, '\n')
	_, err := e.w.Write(e.buf)
	return err
}

func (e *csvEncoder) write(rc store.RawCase, update bool) error {
	b, err := appendCSVRow(e.buf[:0], rc, update)
	if err != nil {
		return err
	}
	e.buf = b
	_, err = e.w.Write(b)
	return err
}

// format writes one case's row to buf; it keeps no state, so rows can be
// made in parallel.
func (e *csvEncoder) format(buf *bytes.Buffer, rc store.RawCase, update bool) error {
	b := buf.AvailableBuffer()
	b, err := appendCSVRow(b, rc, update)
	if err != nil {
		return err
	}
	buf.Write(b)
	return nil
}

func (e *csvEncoder) end() error { return nil }

// appendCSVRow appends the row of one case to dst.
func appendCSVRow(dst []byte, rc store.RawCase, update bool) ([]byte, error) {
	r := getRow()
	defer putRow(r)
	if err := r.decode(rc.JSON); err != nil {
		return dst, err
	}
	cell := func(v []byte) { dst = appendCell(append(dst, ','), v) }
	dst = appendCell(dst, r.id)
	cell(strconv.AppendBool(r.scratch[:0], update))
	cell(r.stage)
	for _, t := range r.texts[:tRole] {
		cell(t.b)
	}
	for _, n := range r.ints {
		c := r.scratch[:0]
		if n.ok {
			c = strconv.AppendInt(c, int64(n.n), 10)
		}
		cell(c)
	}
	c := r.scratch[:0]
	for i, ch := range r.charges {
		if i > 0 {
			c = append(c, "; "...)
		}
		c = append(c, ch...)
	}
	cell(c)
	cell(r.texts[tRole].b)
	cell(r.appealOf)
	cell(r.firstSeen)
	cell(r.updated)
	c = c[:0]
	for i, s := range r.sources {
		if i > 0 {
			c = append(c, ' ')
		}
		c = append(c, s.url...)
	}
	cell(c)
	c = append(c[:0], '{')
	for i, p := range r.evidence {
		if i > 0 {
			c = append(c, ',')
		}
		c = appendJSONString(c, p.k)
		c = append(c, ':')
		c = appendJSONString(c, p.v)
	}
	c = append(c, '}')
	cell(c)
	c = c[:0]
	if len(r.disputed) > 0 {
		d, err := jsonText(r.disputed)
		if err != nil {
			return dst, err
		}
		c = append(c, d...)
	} else if len(r.disputes) > 0 {
		c = r.appendDisputesJSON(c)
	}
	cell(c)
	r.scratch = c
	return append(dst, '\n'), nil
}

// appendDisputesJSON appends the disputed fields as encoding/json encodes
// a map[string][]trialwatch.FieldValue.
func (r *row) appendDisputesJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i, d := range r.disputes {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(appendJSONString(dst, d.key), ':')
		if d.null {
			dst = append(dst, "null"...)
			continue
		}
		dst = append(dst, '[')
		for j, v := range r.dvals[d.lo:d.hi] {
			if j > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"value":`...)
			switch v.kind {
			case 's':
				dst = appendJSONString(dst, v.s)
			case 'n':
				dst = strconv.AppendInt(dst, int64(v.n), 10)
			case 't':
				dst = append(dst, "true"...)
			case 'f':
				dst = append(dst, "false"...)
			default:
				dst = append(dst, "null"...)
			}
			dst = append(dst, `,"sources":`...)
			if v.srcNull {
				dst = append(dst, "null}"...)
				continue
			}
			dst = append(dst, '[')
			for k, u := range r.dsrcs[v.lo:v.hi] {
				if k > 0 {
					dst = append(dst, ',')
				}
				dst = appendJSONString(dst, u)
			}
			dst = append(dst, "]}"...)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// appendCell appends one field as safeCell and encoding/csv would write
// it.
func appendCell(dst, v []byte) []byte {
	if len(v) > 0 && strings.IndexByte("=+-@\t\r", v[0]) >= 0 {
		// The apostrophe first: the field needs quotes only for what
		// follows it.
		if !csvQuoted(v) {
			return append(append(dst, '\''), v...)
		}
		dst = append(dst, '"', '\'')
		return appendQuoted(dst, v)
	}
	return appendCSVField(dst, v)
}

// appendCSVField appends a field as encoding/csv's Writer with a comma
// delimiter does: quoted when it holds a quote, comma, CR or LF, when it
// starts with a space, or when it is `\.`.
func appendCSVField(dst, v []byte) []byte {
	if len(v) == 0 {
		return dst
	}
	quote := csvQuoted(v) || string(v) == `\.`
	if !quote {
		r, _ := utf8.DecodeRune(v)
		quote = unicode.IsSpace(r)
	}
	if !quote {
		return append(dst, v...)
	}
	return appendQuoted(append(dst, '"'), v)
}

// csvQuoted reports whether v holds a byte that makes a field quoted: a
// quote, a comma, CR or LF.
func csvQuoted(v []byte) bool {
	for _, c := range v {
		if csvSpecial[c] {
			return true
		}
	}
	return false
}

var csvSpecial = [256]bool{'"': true, ',': true, '\r': true, '\n': true}

// appendQuoted appends the inside of a quoted field, quotes doubled, and
// the closing quote.
func appendQuoted(dst, v []byte) []byte {
	for {
		i := bytes.IndexByte(v, '"')
		if i < 0 {
			break
		}
		dst = append(dst, v[:i+1]...)
		dst = append(dst, '"')
		v = v[i+1:]
	}
	dst = append(dst, v...)
	return append(dst, '"')
}

// jsonText encodes v as JSON without HTML escaping, so evidence reads as
// the article wrote it.
func jsonText(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping off.
func appendJSONString(dst, s []byte) []byte { return jsonstr.Append(dst, s, false) }

// safeCell keeps a spreadsheet from reading a cell as a formula: text
// starting with = + - @ tab or carriage return gets a leading apostrophe.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
