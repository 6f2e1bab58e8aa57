package store

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/internal/jsonstr"
)

// The records a save writes (a report, a stored case, an article, a page,
// dedup features) are encoded here by hand rather than by encoding/json's
// reflection, which cost a third of the writer's time. The bytes are those
// encoding/json gives, field for field, so records read and compare as
// before; the tests check that on random records.

// appendString appends s as a JSON string, escaped as encoding/json escapes
// it.
func appendString(b []byte, s string, escapeHTML bool) []byte {
	return jsonstr.Append(b, s, escapeHTML)
}

func appendStringPtr(b []byte, p *string, escapeHTML bool) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return appendString(b, *p, escapeHTML)
}

func appendIntPtr(b []byte, p *int) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*p), 10)
}

func appendStrings(b []byte, list []string, escapeHTML bool) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s, escapeHTML)
	}
	return append(b, ']')
}

func appendInts(b []byte, list []int) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, n := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

// appendStringMap appends m with its keys in order, as encoding/json does.
func appendStringMap(b []byte, m map[string]string, escapeHTML bool) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	// The maps of a case (evidence, rules) are keyed by its field names:
	// looking those up in order is cheaper than sorting the keys.
	if len(m) <= len(fieldNames) {
		open, n := len(b), 0
		for _, k := range fieldNames {
			v, ok := m[k]
			if !ok {
				continue
			}
			if n > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = append(b, k...)
			b = append(b, '"', ':')
			b = appendString(b, v, escapeHTML)
			n++
		}
		if n == len(m) {
			return append(b, '}')
		}
		b = b[:open] // other keys too
	}
	for i, k := range sortedKeys(m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k, escapeHTML)
		b = append(b, ':')
		b = appendString(b, m[k], escapeHTML)
	}
	return append(b, '}')
}

// fieldNames are the JSON names of a case's fields, in order; none needs
// escaping.
var fieldNames = func() []string {
	names := []string{"stage", "charges"}
	names = append(names, strKeys...)
	names = append(names, intKeys...)
	slices.Sort(names)
	return names
}()

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// appendTime appends t as time.Time's MarshalJSON gives it.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	tb, err := t.MarshalJSON()
	if err != nil {
		return b, err
	}
	return append(b, tb...), nil
}

// caseSize is about how long c is in JSON, as long as no character needs
// escaping: enough to encode most cases without growing the buffer.
func caseSize(c *trialwatch.Case) int {
	n := 320
	for i := range strKeys {
		if p := *strField(c, i); p != nil {
			n += len(*p)
		}
	}
	for _, s := range c.Charges {
		n += len(s) + 3
	}
	for k, v := range c.Evidence {
		n += len(k) + len(v) + 6
	}
	for k, v := range c.Rules {
		n += len(k) + len(v) + 6
	}
	return n
}

// appendCaseFields appends the fields of c, without braces.
func appendCaseFields(b []byte, c *trialwatch.Case, escapeHTML bool) []byte {
	b = append(b, `"stage":`...)
	b = appendString(b, string(c.Stage), escapeHTML)
	b = append(b, `,"court":`...)
	b = appendStringPtr(b, c.Court, escapeHTML)
	b = append(b, `,"location":`...)
	b = appendStringPtr(b, c.Location, escapeHTML)
	b = append(b, `,"country":`...)
	b = appendStringPtr(b, c.Country, escapeHTML)
	b = append(b, `,"decision_date":`...)
	b = appendStringPtr(b, c.DecisionDate, escapeHTML)
	for i, k := range intKeys {
		b = append(b, ',', '"')
		b = append(b, k...)
		b = append(b, '"', ':')
		b = appendIntPtr(b, *intField(c, i))
	}
	b = append(b, `,"charges":`...)
	b = appendStrings(b, c.Charges, escapeHTML)
	b = append(b, `,"defendant_role":`...)
	b = appendStringPtr(b, c.DefendantRole, escapeHTML)
	b = append(b, `,"evidence":`...)
	b = appendStringMap(b, c.Evidence, escapeHTML)
	if len(c.Rules) > 0 {
		b = append(b, `,"rules":`...)
		b = appendStringMap(b, c.Rules, escapeHTML)
	}
	return b
}

func appendRef(b []byte, r *trialwatch.SourceRef, escapeHTML bool) []byte {
	b = append(b, `{"url":`...)
	b = appendString(b, r.URL, escapeHTML)
	b = append(b, `,"outlet":`...)
	b = appendString(b, r.Outlet, escapeHTML)
	b = append(b, `,"title":`...)
	b = appendString(b, r.Title, escapeHTML)
	b = append(b, `,"published":`...)
	b = appendString(b, r.Published, escapeHTML)
	return append(b, '}')
}

// encodeContrib encodes a report as json.Marshal does.
func encodeContrib(c *contrib) []byte {
	r := &c.Ref
	b := make([]byte, 0, 128+len(r.URL)+len(r.Outlet)+len(r.Title)+len(r.Published)+caseSize(&c.Case))
	b = append(b, `{"seq":`...)
	b = strconv.AppendUint(b, c.Seq, 10)
	b = append(b, `,"ref":`...)
	b = appendRef(b, &c.Ref, true)
	b = append(b, `,"case":{`...)
	b = appendCaseFields(b, &c.Case, true)
	return append(b, '}', '}')
}

// encodeStoredCase encodes a stored case as a json.Encoder that does not
// escape HTML does, without the final newline.
func encodeStoredCase(sc *trialwatch.StoredCase) ([]byte, error) {
	n := 256 + caseSize(&sc.Case)
	for _, r := range sc.Sources {
		n += 64 + len(r.URL) + len(r.Outlet) + len(r.Title) + len(r.Published)
	}
	b := make([]byte, 0, n)
	b = append(b, `{"id":`...)
	b = appendString(b, sc.ID, false)
	b = append(b, ',')
	b = appendCaseFields(b, &sc.Case, false)
	b = append(b, `,"first_seen":`...)
	b, err := appendTime(b, sc.FirstSeen)
	if err != nil {
		return nil, err
	}
	b = append(b, `,"updated":`...)
	if b, err = appendTime(b, sc.Updated); err != nil {
		return nil, err
	}
	b = append(b, `,"sources":`...)
	if sc.Sources == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range sc.Sources {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendRef(b, &sc.Sources[i], false)
		}
		b = append(b, ']')
	}
	if len(sc.Disputed) > 0 {
		b = append(b, `,"disputed":{`...)
		for i, k := range sortedKeys(sc.Disputed) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k, false)
			b = append(b, ':')
			if b, err = appendFieldValues(b, sc.Disputed[k]); err != nil {
				return nil, err
			}
		}
		b = append(b, '}')
	}
	if sc.AppealOf != "" {
		b = append(b, `,"appeal_of":`...)
		b = appendString(b, sc.AppealOf, false)
	}
	return append(b, '}'), nil
}

func appendFieldValues(b []byte, fvs []trialwatch.FieldValue) ([]byte, error) {
	if fvs == nil {
		return append(b, "null"...), nil
	}
	b = append(b, '[')
	for i, fv := range fvs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"value":`...)
		switch v := fv.Value.(type) {
		case string:
			b = appendString(b, v, false)
		case int:
			b = strconv.AppendInt(b, int64(v), 10)
		default:
			vb, err := marshalNoHTML(v)
			if err != nil {
				return nil, err
			}
			b = append(b, vb...)
		}
		b = append(b, `,"sources":`...)
		b = appendStrings(b, fv.Sources, false)
		b = append(b, '}')
	}
	return append(b, ']'), nil
}

// marshalNoHTML is json.Marshal without HTML escaping.
func marshalNoHTML(v any) ([]byte, error) {
	var w jsonBuf
	enc := json.NewEncoder(&w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return w[:len(w)-1], nil // the newline Encode ends with
}

type jsonBuf []byte

func (w *jsonBuf) Write(p []byte) (int, error) {
	*w = append(*w, p...)
	return len(p), nil
}

// encodeArticle encodes an article record as json.Marshal does.
func encodeArticle(r *articleRecord) ([]byte, error) {
	b := make([]byte, 0, 512)
	b = append(b, `{"url":`...)
	b = appendString(b, r.URL, true)
	b = append(b, `,"outlet":`...)
	b = appendString(b, r.Outlet, true)
	b = append(b, `,"title":`...)
	b = appendString(b, r.Title, true)
	b = append(b, `,"published":`...)
	b = appendString(b, r.Published, true)
	if r.PageURL != "" {
		b = append(b, `,"page_url":`...)
		b = appendString(b, r.PageURL, true)
	}
	if r.PageSHA != "" {
		b = append(b, `,"page_sha256":`...)
		b = appendString(b, r.PageSHA, true)
	}
	if r.TextSHA != "" {
		b = append(b, `,"text_sha256":`...)
		b = appendString(b, r.TextSHA, true)
	}
	var err error
	if !r.Fetched.IsZero() {
		b = append(b, `,"fetched":`...)
		if b, err = appendTime(b, r.Fetched); err != nil {
			return nil, err
		}
	}
	b = append(b, `,"saved":`...)
	if b, err = appendTime(b, r.Saved); err != nil {
		return nil, err
	}
	b = append(b, `,"seq":`...)
	b = strconv.AppendUint(b, r.Seq, 10)
	b = append(b, `,"case_ids":`...)
	b = appendStrings(b, r.CaseIDs, true)
	return append(b, '}'), nil
}

// encodePage encodes a page record as json.Marshal does.
func encodePage(r *pageRecord) ([]byte, error) {
	b := make([]byte, 0, 512+len(r.Body)*4/3)
	b = append(b, `{"url":`...)
	b = appendString(b, r.URL, true)
	b = append(b, `,"article":`...)
	b = appendString(b, r.Article, true)
	b = append(b, `,"source":`...)
	b = appendString(b, r.Source, true)
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(r.Status), 10)
	if len(r.Header) > 0 {
		b = append(b, `,"header":{`...)
		for i, k := range sortedKeys(r.Header) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k, true)
			b = append(b, ':')
			b = appendStrings(b, r.Header[k], true)
		}
		b = append(b, '}')
	}
	b = append(b, `,"sha256":`...)
	b = appendString(b, r.SHA256, true)
	b = append(b, `,"size":`...)
	b = strconv.AppendInt(b, int64(r.Size), 10)
	b = append(b, `,"fetched":`...)
	b, err := appendTime(b, r.Fetched)
	if err != nil {
		return nil, err
	}
	if r.BodySeq != 0 {
		b = append(b, `,"body_seq":`...)
		b = strconv.AppendUint(b, r.BodySeq, 10)
	}
	if len(r.Body) > 0 {
		b = append(b, `,"body":"`...)
		b = base64.StdEncoding.AppendEncode(b, r.Body)
		b = append(b, '"')
	}
	return append(b, '}'), nil
}

// encodeFeatures encodes dedup features as json.Marshal does.
func encodeFeatures(f *features) []byte {
	b := make([]byte, 0, 256)
	b = append(b, `{"s":`...)
	b = appendString(b, f.Stage, true)
	if len(f.Countries) > 0 {
		b = append(b, `,"c":`...)
		b = appendStrings(b, f.Countries, true)
	}
	if len(f.Dates) > 0 {
		b = append(b, `,"d":`...)
		b = appendStrings(b, f.Dates, true)
	}
	if len(f.Places) > 0 {
		b = append(b, `,"p":`...)
		b = appendStrings(b, f.Places, true)
	}
	if len(f.Roles) > 0 {
		b = append(b, `,"r":`...)
		b = appendStrings(b, f.Roles, true)
	}
	b = append(b, `,"i":[`...)
	for i := range f.Ints {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendInts(b, f.Ints[i])
	}
	return append(b, ']', '}')
}
