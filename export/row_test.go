package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
	"github.com/trialwatch/trialwatch/store/storetest"
)

// checkSame fails tb unless the CSV row and the Atom entry of data, as an
// update and not, are what the reference implementation makes of it, or
// both fail alike.
func checkSame(tb testing.TB, data []byte) {
	tb.Helper()
	var head struct {
		ID     string `json:"id"`
		Update bool   `json:"update"`
	}
	herr := json.Unmarshal(data, &head)
	id, update, err := caseHead(data)
	if (err == nil) != (herr == nil) || err == nil && (id != head.ID || update != head.Update) {
		tb.Fatalf("head of %q: %q %v %v, want %q %v %v", data, id, update, err, head.ID, head.Update, herr)
	}
	rc := store.RawCase{ID: "x", JSON: data}
	for _, update := range []bool{false, true} {
		want, werr := refCSV(rc, update)
		got, gerr := appendCSVRow(nil, rc, update)
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			tb.Fatalf("csv of %q: error %v, want %v", data, gerr, werr)
		}
		if werr == nil && string(got) != want {
			tb.Fatalf("csv of %q:\n got %q\nwant %q", data, got, want)
		}
		want, werr = refAtom(rc, update)
		got, gerr = appendAtomEntry(nil, rc, update)
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			tb.Fatalf("atom of %q: error %v, want %v", data, gerr, werr)
		}
		if werr == nil && string(got) != want {
			tb.Fatalf("atom of %q:\n got %q\nwant %q", data, got, want)
		}
	}
}

// variedCases are stored cases that exercise every field: nulls, disputes
// of every kind of value, text that CSV must quote, that a spreadsheet
// would take for a formula, that XML must escape or cannot hold.
func variedCases() []trialwatch.StoredCase {
	seen := time.Date(2026, 1, 2, 3, 4, 5, 600, time.FixedZone("ALMT", 5*3600))
	full := trialwatch.StoredCase{
		ID: "0000000042",
		Case: trialwatch.Case{
			Stage: trialwatch.StageAppeal, Court: trialwatch.Ptr("Taldykorgan City Court"),
			Location: trialwatch.Ptr("Taldykorgan"), Country: trialwatch.Ptr("Kazakhstan"),
			DecisionDate: trialwatch.Ptr("2024-03-18"), Defendants: trialwatch.Ptr(4),
			Convicted: trialwatch.Ptr(3), Acquitted: trialwatch.Ptr(1), Imprisoned: trialwatch.Ptr(3),
			Suspended: trialwatch.Ptr(0), SentenceMinMonths: trialwatch.Ptr(42), SentenceMaxMonths: trialwatch.Ptr(72),
			Victims: trialwatch.Ptr(-1), Charges: []string{"torture", "abuse of power"},
			DefendantRole: trialwatch.Ptr("police officers"),
			Evidence: map[string]string{
				"court": "The Taldykorgan City Court sentenced them.", "victims": "one victim",
				"location": "In Taldykorgan", "acquitted": "one was acquitted",
			},
			Rules: map[string]string{"court": "court-name", "victims": "count"},
		},
		FirstSeen: seen, Updated: seen.Add(36 * time.Hour), AppealOf: "0000000007",
		Sources: []trialwatch.SourceRef{
			{URL: "https://one.example/a?x=1&y=2", Outlet: "One", Title: "Verdict", Published: "2024-03-19"},
			{URL: "https://two.example/b", Outlet: "Two, \"Daily\"", Title: "Appeal <upheld>", Published: "2024-03-20"},
		},
		Disputed: map[string][]trialwatch.FieldValue{
			"court":       {{Value: "Taldykorgan City Court", Sources: []string{"https://one.example/a?x=1&y=2"}}, {Value: "a court, \"Almaty\"", Sources: []string{"https://two.example/b"}}},
			"defendants":  {{Value: 4, Sources: []string{"u1"}}, {Value: 1000000, Sources: []string{"u2"}}, {Value: 1234567, Sources: nil}, {Value: -3, Sources: []string{}}},
			"acquitted":   {{Value: nil, Sources: []string{"u1", "u2"}}, {Value: true}, {Value: false}},
			"decision_dt": {{Value: "2024-03", Sources: []string{"<u&3>"}}},
		},
	}
	nulls := trialwatch.StoredCase{ID: "0000000043"}
	nulls.Normalize()
	awkward := trialwatch.StoredCase{
		ID: "=1+1",
		Case: trialwatch.Case{
			Stage: "verdict", Court: trialwatch.Ptr(`=HYPERLINK("http://evil.example")`),
			Location: trialwatch.Ptr("+7 Almaty, \"south\"\r\nregion"), Country: trialwatch.Ptr(""),
			DecisionDate: trialwatch.Ptr("-2024"), Defendants: trialwatch.Ptr(12),
			Charges: []string{"@torture", "a;b", "line\nbreak"}, DefendantRole: trialwatch.Ptr("\t officers "),
			Evidence: map[string]string{
				"court":    "Суд Талдыкоргана <b>& «приговорил» 'them'\x01\x7f\u2028\u2029\ufffe\uffff\U0001F600 end",
				"location": "tab\there, quote \" backslash \\ slash / bell \b ff \f cr \r",
				"":         "an empty key",
			},
		},
		FirstSeen: time.Date(1999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		Sources: []trialwatch.SourceRef{
			{URL: " https://leading.space/", Outlet: "Ünïcödé", Title: "-minus", Published: ""},
		},
		Disputed: map[string][]trialwatch.FieldValue{"location": {{Value: "Алматы\u2028", Sources: []string{"=x", " y"}}}},
	}
	spaces := trialwatch.StoredCase{
		ID: `\.`, Case: trialwatch.Case{Stage: "ÿes", DefendantRole: trialwatch.Ptr("  "), Location: trialwatch.Ptr("\u00a0Almaty")},
		Sources: []trialwatch.SourceRef{{URL: `\.`}, {URL: "second"}},
	}
	spaces.Normalize()
	upper := trialwatch.StoredCase{ID: "u", Case: trialwatch.Case{Stage: "ßtage", Court: trialwatch.Ptr(""), Location: trialwatch.Ptr("x")}}
	upper.Normalize()
	return []trialwatch.StoredCase{full, nulls, awkward, spaces, upper}
}

// variedJSON is stored JSON as another writer could have made it: the
// fast reader must either read it as encoding/json does or leave it to
// encoding/json.
var variedJSON = []string{
	`{}`,
	`null`,
	`[]`,
	``,
	`{"id":"1"} trailing`,
	`{"id":"1",}`,
	`{"id":"1"`,
	` { "id" : "1" , "stage" : "verdict" , "defendants" : 3 , "charges" : [ "a" , "b" ] , "evidence" : { "b" : "2" , "a" : "1" } } `,
	"{\"id\":\"1\",\n\t\"victims\":\r\n7}",
	`{"ID":"upper case key"}`,
	`{"Id":"1","id":"2"}`,
	`{"id":"1","id":"2"}`,
	`{"id":"1","unknown":{"deep":[1,2,{"x":null}]}}`,
	`{"id":"1","evidence":{"a":"1","a":"2"}}`,
	`{"id":"1","evidence":{"a":null}}`,
	`{"id":"1","evidence":null,"charges":null,"sources":null,"disputed":null}`,
	`{"id":null,"stage":null,"appeal_of":null,"first_seen":null,"updated":null}`,
	`{"id":"1","defendants":1.0}`,
	`{"id":"1","defendants":1e2}`,
	`{"id":"1","defendants":-0}`,
	`{"id":"1","defendants":01}`,
	`{"id":"1","defendants":99999999999999999999}`,
	`{"id":"1","defendants":999999999999999999}`,
	`{"id":"1","defendants":2147483648,"victims":-2147483649}`,
	`{"id":"1","defendants":-}`,
	`{"id":"1","defendants":"3"}`,
	`{"id":"1","court":3}`,
	`{"id":"1","court":true}`,
	`{"id":"1","charges":["a",null]}`,
	`{"id":"1","charges":"torture"}`,
	`{"id":"1","sources":[null]}`,
	`{"id":"1","sources":[{"url":"u","extra":1}]}`,
	`{"id":"1","sources":[{"url":"u","URL":"v"}]}`,
	`{"id":"1","sources":[{"url":null,"outlet":"o"}]}`,
	`{"id":"1","first_seen":"2024-02-30T00:00:00Z"}`,
	`{"id":"1","first_seen":"2024-02-03T04:05:06+05:00","updated":"2024-02-03T04:05:06.5-01:30"}`,
	`{"id":"1","first_seen":"2024-02-03 04:05:06Z"}`,
	`{"id":"1","first_seen":"\u0032024-02-03T04:05:06Z"}`,
	`{"id":"1","first_seen":12}`,
	`{"first_seen":"2024-02-29T23:59:59Z","updated":"2023-02-29T00:00:00Z"}`,
	`{"first_seen":"2000-02-29T00:00:00.1Z","updated":"1900-02-29T00:00:00Z"}`,
	`{"first_seen":"2024-01-01T00:00:00.123456789Z","updated":"2024-01-01T00:00:00.1234567890Z"}`,
	`{"first_seen":"2024-01-01T24:00:00Z","updated":"2024-01-01T23:60:00Z"}`,
	`{"first_seen":"2024-01-01T23:59:60Z","updated":"2024-13-01T00:00:00Z"}`,
	`{"first_seen":"2024-00-01T00:00:00Z","updated":"2024-01-00T00:00:00Z"}`,
	`{"first_seen":"2024-04-31T00:00:00Z","updated":"2024-12-31T00:00:00Z"}`,
	`{"first_seen":"2024-01-01t00:00:00Z","updated":"2024-01-01T00:00:00z"}`,
	`{"first_seen":"2024-01-01T00:00:00,5Z","updated":"2024-01-01T00:00:00.Z"}`,
	`{"first_seen":"2024-01-01T00:00:00+00:00","updated":"0000-01-01T00:00:00Z"}`,
	`{"first_seen":"0000-01-01T00:30:00+01:00","updated":"9999-12-31T23:59:59-01:00"}`,
	`{"first_seen":"2024-1-01T00:00:00Z","updated":"+024-01-01T00:00:00Z"}`,
	`{"id":"\u0031\u00e9\ud83d\ude00\ud83d x\udc00\u0000"}`,
	`{"id":"a\qb"}`,
	`{"id":"a\"b\\c\/d\b\f\n\r\t"}`,
	"{\"id\":\"raw\x01control\"}",
	"{\"id\":\"bad utf-8 \xff\xfe \xe2\x28\xa1\"}",
	"{\"evidence\":{\"k\xff\":\"v\"}}",
	`{"i\u0064":"escaped key"}`,
	`{"id":"1","disputed":{}}`,
	`{"id":"1","disputed":{"court":null}}`,
	`{"id":"1","disputed":{"court":[]}}`,
	`{"id":"1","disputed":{"court":[null]}}`,
	`{"id":"1","disputed":{"court":[{}]}}`,
	`{"id":"1","disputed":{"court":[{"value":1.5,"sources":["a"]}]}}`,
	`{"id":"1","disputed":{"court":[{"value":1e6,"sources":["a"]}]}}`,
	`{"id":"1","disputed":{"court":[{"value":-0,"sources":["a"]}]}}`,
	`{"id":"1","disputed":{"court":[{"value":123456789012345,"sources":["a"]}]}}`,
	`{"id":"1","disputed":{"court":[{"value":1234567890123456789,"sources":["a"]}]}}`,
	`{"id":"1","disputed":{"court":[{"value":{"x":1},"sources":["a"]}]}}`,
	`{"id":"1","disputed":{"court":[{"value":[1,"2"],"sources":["a"]}]}}`,
	`{"id":"1","disputed":{"court":[{"value":"a","value":"b"}]}}`,
	`{"id":"1","disputed":{"court":[{"value":"a","sources":null}]}}`,
	`{"id":"1","disputed":{"court":[{"value":"a","sources":[null]}]}}`,
	`{"id":"1","disputed":{"court":[{"value":"a","other":1}]}}`,
	`{"id":"1","disputed":{"b":[{"value":"x"}],"a":[{"value":"y"}]}}`,
	`{"id":"1","disputed":{"a":[{"value":"x"}],"a":[{"value":"y"}]}}`,
	`{"id":"1","disputed":[1]}`,
	`{"id":"1","rules":{"court":"r"}}`,
	`{"id":"1","rules":{"court":1}}`,
	`{"id":"1","rules":null}`,
	`{"update":true,"id":"1"}`,
	`{"id":"1","update":false}`,
	`{"id":"1","update":null}`,
	`{"id":"1","update":"yes"}`,
	`{"id":"1","update":1}`,
	`{"id":"1","update":nul}`,
	`{"id":"1","update":truex}`,
	`{"id":"1","Update":true}`,
	`{"id":"1","update":true,"update":false}`,
}

func TestFastPathMatchesReference(t *testing.T) {
	for i, sc := range variedCases() {
		t.Run(sc.ID, func(t *testing.T) {
			data := storedJSON(t, &sc)
			checkSame(t, data)
			// The store's own JSON must never need the slow reader.
			var r row
			if err := r.fast(data); err != nil {
				t.Errorf("case %d left to encoding/json: %s", i, data)
			}
		})
	}
	for _, data := range variedJSON {
		t.Run(data, func(t *testing.T) { checkSame(t, []byte(data)) })
	}
	for _, rc := range syntheticCases(t, 300) {
		checkSame(t, rc.JSON)
		var r row
		if err := r.fast(rc.JSON); err != nil {
			t.Fatalf("case %s left to encoding/json", rc.ID)
		}
	}
}

// TestTitleSummary checks the exported helpers against the reference.
func TestTitleSummary(t *testing.T) {
	for _, sc := range variedCases() {
		t.Run(sc.ID, func(t *testing.T) {
			if got, want := Title(&sc), refTitle(&sc); got != want {
				t.Errorf("Title = %q, want %q", got, want)
			}
			if got, want := Summary(&sc), refSummary(&sc); got != want {
				t.Errorf("Summary = %q, want %q", got, want)
			}
		})
	}
}

// TestWholeExportsMatchReference exports a real store and a list of raw
// cases in CSV and Atom and compares them, byte for byte, with the header
// and the reference rows.
func TestWholeExportsMatchReference(t *testing.T) {
	db := openDB(t)
	saveN(t, db, 1, 20)
	if _, err := db.SaveArticle(context.Background(), trialwatch.Article{URL: "https://two.example/x", Outlet: "Two"}, nil,
		[]trialwatch.Case{func() trialwatch.Case { c := verdict(2); c.Defendants = trialwatch.Ptr(5); return c }()}); err != nil {
		t.Fatal(err)
	}
	var stored []store.RawCase
	if err := db.CasesRaw(context.Background(), store.Query{}, func(rc store.RawCase) error {
		stored = append(stored, rc)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC) }
	head := map[string]string{
		CSV: strings.Join(csvColumns, ",") + "\n",
		Atom: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>urn:trialwatch:cases</id>
<title>trialwatch cases</title>
<updated>2026-05-06T07:08:09Z</updated>
<author><name>trialwatch</name></author>
<generator>trialwatch</generator>
`,
	}
	tail := map[string]string{CSV: "", Atom: "</feed>\n"}
	ref := map[string]func(store.RawCase, bool) (string, error){CSV: refCSV, Atom: refAtom}
	want := func(t *testing.T, f string, cases []store.RawCase) string {
		t.Helper()
		var b strings.Builder
		b.WriteString(head[f])
		for _, rc := range cases {
			s, err := ref[f](rc, false)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(s)
		}
		return b.String() + tail[f]
	}
	var raws []store.RawCase
	var msgs [][]byte
	for _, sc := range variedCases() {
		data := storedJSON(t, &sc)
		raws = append(raws, store.RawCase{ID: sc.ID, JSON: data})
		msgs = append(msgs, data)
	}
	for _, f := range []string{CSV, Atom} {
		t.Run(f+"/store", func(t *testing.T) {
			out, n := export(t, db, Options{Format: f, Now: now})
			if n != len(stored) {
				t.Fatalf("n = %d", n)
			}
			if w := want(t, f, stored); out != w {
				t.Errorf("export differs from the reference:\n got %q\nwant %q", out, w)
			}
		})
		t.Run(f+"/encode", func(t *testing.T) {
			var b bytes.Buffer
			cases := make([]json.RawMessage, len(msgs))
			for i, m := range msgs {
				cases[i] = m
			}
			if err := Encode(&b, Options{Format: f, Now: now}, cases); err != nil {
				t.Fatal(err)
			}
			if w := want(t, f, raws); b.String() != w {
				t.Errorf("Encode differs from the reference:\n got %q\nwant %q", b.String(), w)
			}
		})
	}
}

// TestManyChunksInOrder exports more cases than three chunks hold, so rows
// formatted in parallel while the store is read must still come out in
// the order of the store.
func TestManyChunksInOrder(t *testing.T) {
	db := openDB(t)
	n := 3*chunk + 17
	batch := make([]store.ArticleSave, 0, n)
	for i := range n {
		a, cs := storetest.Article(i)
		batch = append(batch, store.ArticleSave{Article: a, Cases: cs})
	}
	if _, err := db.SaveArticles(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	var stored []store.RawCase
	if err := db.CasesRaw(context.Background(), store.Query{}, func(rc store.RawCase) error {
		stored = append(stored, rc)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(stored) != n {
		t.Fatalf("%d cases stored, want %d", len(stored), n)
	}
	for _, f := range []string{CSV, Atom} {
		t.Run(f, func(t *testing.T) {
			out, got := export(t, db, Options{Format: f})
			if got != n {
				t.Fatalf("n = %d", got)
			}
			ref := refCSV
			if f == Atom {
				ref = refAtom
				out = out[strings.Index(out, "<entry>"):strings.LastIndex(out, "</feed>")]
			} else {
				out = out[strings.Index(out, "\n")+1:]
			}
			var want strings.Builder
			for _, rc := range stored {
				s, err := ref(rc, false)
				if err != nil {
					t.Fatal(err)
				}
				want.WriteString(s)
			}
			if out != want.String() {
				t.Errorf("export of %d cases differs from the reference (%d bytes, want %d)", n, len(out), want.Len())
			}
		})
	}
}

// FuzzFormats checks that whatever the stored JSON, the CSV and Atom
// formats give what the reference gives, or the same error.
func FuzzFormats(f *testing.F) {
	for _, sc := range variedCases() {
		f.Add(storedJSON(f, &sc))
	}
	for _, s := range variedJSON {
		f.Add([]byte(s))
	}
	for _, rc := range syntheticCases(f, 3) {
		f.Add(rc.JSON)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkSame(t, data) })
}

func TestControlOrHigh(t *testing.T) {
	naive := func(v []byte) (ctl, high bool) {
		for _, b := range v {
			ctl = ctl || b < 0x20
			high = high || b >= 0x80
		}
		return ctl, high
	}
	check := func(t *testing.T, v []byte) {
		t.Helper()
		gc, gh := controlOrHigh(v)
		if wc, wh := naive(v); gc != wc || gh != wh {
			t.Errorf("controlOrHigh(%q) = %v, %v, want %v, %v", v, gc, gh, wc, wh)
		}
	}
	check(t, nil)
	check(t, []byte("A court in Taldykorgan sentenced four"))
	// Every byte value at every place of a 17-byte text, among letters,
	// spaces, DEL and bytes just above the control range.
	for _, fill := range []byte{'a', ' ', '!', 0x7f, 0xa0} {
		t.Run(fmt.Sprintf("in %#x", fill), func(t *testing.T) {
			for pos := range 17 {
				for b := range 256 {
					v := bytes.Repeat([]byte{fill}, 17)
					v[pos] = byte(b)
					check(t, v)
				}
			}
		})
	}
}
