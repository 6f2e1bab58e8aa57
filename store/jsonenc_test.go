package store

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
)

// The hand encoders must give the bytes encoding/json gives: stored
// records are compared byte for byte to see whether a case changed, and
// read back with encoding/json.

var nastyStrings = []string{
	"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "tab\tnew\nline\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "Талдыкорганский суд", "line\u2028para\u2029", "bad \xff\xfe utf8 \xc3",
	"emoji 😀 and ünïcödé", "\u00a0nbsp", "ends in half \xe2\x80",
}

func randString(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return nastyStrings[r.IntN(len(nastyStrings))]
	}
	b := make([]byte, r.IntN(24))
	for i := range b {
		b[i] = byte(r.IntN(256))
		if r.IntN(2) == 0 {
			b[i] = byte(' ' + r.IntN(95))
		}
	}
	return string(b)
}

func randStrPtr(r *rand.Rand) *string {
	if r.IntN(3) == 0 {
		return nil
	}
	return trialwatch.Ptr(randString(r))
}

func randStrings(r *rand.Rand) []string {
	switch r.IntN(4) {
	case 0:
		return nil
	case 1:
		return []string{}
	}
	out := make([]string, 1+r.IntN(4))
	for i := range out {
		out[i] = randString(r)
	}
	return out
}

func randMap(r *rand.Rand) map[string]string {
	switch r.IntN(4) {
	case 0:
		return nil
	case 1:
		return map[string]string{}
	}
	m := map[string]string{}
	if r.IntN(2) == 0 {
		// A case's maps are keyed by its field names, maybe with others.
		for _, k := range fieldNames {
			if r.IntN(2) == 0 {
				m[k] = randString(r)
			}
		}
		if r.IntN(4) > 0 {
			return m
		}
	}
	for range 1 + r.IntN(5) {
		m[randString(r)] = randString(r)
	}
	return m
}

func randTime(r *rand.Rand) time.Time {
	switch r.IntN(4) {
	case 0:
		return time.Time{}
	case 1:
		return time.Unix(r.Int64N(4e9), 0).UTC()
	case 2:
		return time.Unix(r.Int64N(4e9), r.Int64N(1e9)).In(time.FixedZone("", 3600*(r.IntN(27)-13)))
	}
	return time.Unix(r.Int64N(4e9), r.Int64N(1e9))
}

func randCase(r *rand.Rand) trialwatch.Case {
	c := trialwatch.Case{
		Stage: trialwatch.Stage(randString(r)), Court: randStrPtr(r), Location: randStrPtr(r),
		Country: randStrPtr(r), DecisionDate: randStrPtr(r), DefendantRole: randStrPtr(r),
		Charges: randStrings(r), Evidence: randMap(r), Rules: randMap(r),
	}
	for i := range intKeys {
		if r.IntN(2) == 0 {
			*intField(&c, i) = trialwatch.Ptr(r.IntN(1000) - 10)
		}
	}
	return c
}

func randRef(r *rand.Rand) trialwatch.SourceRef {
	return trialwatch.SourceRef{URL: randString(r), Outlet: randString(r), Title: randString(r), Published: randString(r)}
}

func TestEncodersMatchEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 3000 {
		c := contrib{Seq: r.Uint64(), Ref: randRef(r), Case: randCase(r)}
		want, err := json.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		if got := encodeContrib(&c); !bytes.Equal(got, want) {
			t.Fatalf("%d: report\n got %s\nwant %s", n, got, want)
		}

		sc := trialwatch.StoredCase{ID: randString(r), Case: randCase(r), FirstSeen: randTime(r), Updated: randTime(r), AppealOf: randString(r)}
		if r.IntN(3) > 0 {
			sc.Sources = []trialwatch.SourceRef{}
			for range r.IntN(3) {
				sc.Sources = append(sc.Sources, randRef(r))
			}
		}
		if r.IntN(2) == 0 {
			sc.Disputed = map[string][]trialwatch.FieldValue{}
			for range r.IntN(3) {
				var fvs []trialwatch.FieldValue
				for j := range r.IntN(3) {
					var v any = randString(r)
					switch j % 3 {
					case 1:
						v = r.IntN(100)
					case 2:
						v = 2.5
					}
					fvs = append(fvs, trialwatch.FieldValue{Value: v, Sources: randStrings(r)})
				}
				sc.Disputed[randString(r)] = fvs
			}
		}
		want, err = marshalNoHTML(&sc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeStoredCase(&sc)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%d: stored case\n got %s\nwant %s", n, got, want)
		}

		a := articleRecord{URL: randString(r), Outlet: randString(r), Title: randString(r), Published: randString(r),
			PageURL: randString(r), PageSHA: randString(r), TextSHA: randString(r), Fetched: randTime(r),
			Saved: randTime(r), Seq: r.Uint64(), CaseIDs: randStrings(r)}
		want, err = json.Marshal(&a)
		if err != nil {
			t.Fatal(err)
		}
		if got, err = encodeArticle(&a); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%d: article (err %v)\n got %s\nwant %s", n, err, got, want)
		}

		p := pageRecord{URL: randString(r), Article: randString(r), Source: randString(r), Status: r.IntN(600),
			SHA256: randString(r), Size: r.IntN(1e6), Fetched: randTime(r), BodySeq: uint64(r.IntN(3))}
		if r.IntN(2) == 0 {
			p.Header = http.Header{}
			for range r.IntN(4) {
				p.Header[randString(r)] = randStrings(r)
			}
		}
		if r.IntN(2) == 0 {
			p.Body = []byte(randString(r))
		}
		want, err = json.Marshal(&p)
		if err != nil {
			t.Fatal(err)
		}
		if got, err = encodePage(&p); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%d: page (err %v)\n got %s\nwant %s", n, err, got, want)
		}

		var f features
		if r.IntN(5) > 0 {
			f.add(&c.Case)
		}
		if r.IntN(2) == 0 {
			f.Stage, f.Countries, f.Places, f.Roles, f.Dates = randString(r), randStrings(r), randStrings(r), randStrings(r), randStrings(r)
		}
		want, err = json.Marshal(&f)
		if err != nil {
			t.Fatal(err)
		}
		if got := encodeFeatures(&f); !bytes.Equal(got, want) {
			t.Fatalf("%d: features\n got %s\nwant %s", n, got, want)
		}
	}
}

// A time encoding/json refuses is refused by the hand encoders too.
func TestEncodersRefuseWhatEncodingJSONRefuses(t *testing.T) {
	bad := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := encodeStoredCase(&trialwatch.StoredCase{FirstSeen: bad}); err == nil {
		t.Error("stored case first seen in the year 10000 was encoded")
	}
	if _, err := encodeArticle(&articleRecord{Saved: bad}); err == nil {
		t.Error("article saved in the year 10000 was encoded")
	}
	if _, err := encodePage(&pageRecord{Fetched: bad}); err == nil {
		t.Error("page fetched in the year 10000 was encoded")
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range nastyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s, true); !bytes.Equal(got, want) {
			t.Errorf("escaping HTML: got %s, want %s", got, want)
		}
		want, err = marshalNoHTML(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s, false); !bytes.Equal(got, want) {
			t.Errorf("keeping HTML: got %s, want %s", got, want)
		}
	})
}

// Features are kept in the memo as made, under their encoding, when
// decodesAsMade says so: they must then be what decoding gives.
func TestFeaturesDecodeAsMade(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	kept, left := 0, 0
	for n := range 3000 {
		var f features
		for range 1 + r.IntN(3) {
			c := randCase(r)
			c.Stage = trialwatch.Stage([]string{"verdict", "appeal", "ongoing"}[r.IntN(3)])
			f.add(&c)
		}
		if r.IntN(10) == 0 {
			f.Roles = []string{}
		}
		var got features
		if err := json.Unmarshal(encodeFeatures(&f), &got); err != nil {
			t.Fatal(err)
		}
		same := reflect.DeepEqual(got, f)
		if decodesAsMade(&f) {
			kept++
			if !same {
				t.Fatalf("%d: features made\n%#v\ndecode as\n%#v", n, f, got)
			}
		} else {
			left++
		}
	}
	if kept < 1000 || left < 100 {
		t.Errorf("%d features would be kept, %d not: the test checks too few of one kind", kept, left)
	}
}
