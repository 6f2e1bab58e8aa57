package jsonstr

import (
	"bytes"
	"encoding/json"
	"testing"
)

// want is what encoding/json writes for s.
func want(t *testing.T, s string, escapeHTML bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

func check(t *testing.T, s string) {
	for _, html := range []bool{false, true} {
		w := want(t, s, html)
		if got := string(Append(nil, s, html)); got != w {
			t.Errorf("Append(%q, html %v) = %s, encoding/json gives %s", s, html, got, w)
		}
		if got := string(Append([]byte("x"), []byte(s), html)); got != "x"+w {
			t.Errorf("Append(bytes %q, html %v) = %s, encoding/json gives x%s", s, html, got, w)
		}
	}
}

var samples = []string{
	"", "plain text of a sentence", `quote " and \ backslash`, "<b>&amp;</b>",
	"tab\tnew\nline\rcr\bbs\fff\x00nul\x1fus\x7fdel", "Суд приговорил — «восемь лет»",
	"bad \xff utf-8 \xc3", "line\u2028sep\u2029para", "emoji 😀 and long text " + "abcdefgh<>&\"\\ijklmnop",
}

func TestAppendIsEncodingJSON(t *testing.T) {
	for _, s := range samples {
		check(t, s)
	}
}

func FuzzAppendIsEncodingJSON(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(check)
}
