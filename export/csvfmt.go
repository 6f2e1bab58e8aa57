package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch"
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

type csvEncoder struct {
	w *csv.Writer
}

func newCSVEncoder(w io.Writer) *csvEncoder { return &csvEncoder{w: csv.NewWriter(w)} }

// begin writes the header and flushes it, so rows formatted elsewhere and
// written straight to the output come after it.
func (e *csvEncoder) begin() error {
	if err := e.w.Write(csvColumns); err != nil {
		return err
	}
	e.w.Flush()
	return e.w.Error()
}

func (e *csvEncoder) write(rc store.RawCase, update bool) error { return csvRow(e.w, rc, update) }

// format writes one case's row to buf; it keeps no state, so rows can be
// made in parallel.
func (e *csvEncoder) format(buf *bytes.Buffer, rc store.RawCase, update bool) error {
	w := csv.NewWriter(buf)
	if err := csvRow(w, rc, update); err != nil {
		return err
	}
	w.Flush()
	return w.Error()
}

func csvRow(w *csv.Writer, rc store.RawCase, update bool) error {
	var sc trialwatch.StoredCase
	if err := json.Unmarshal(rc.JSON, &sc); err != nil {
		return err
	}
	sc.Normalize()
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	num := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	urls := make([]string, len(sc.Sources))
	for i, s := range sc.Sources {
		urls[i] = s.URL
	}
	evidence, err := jsonText(sc.Evidence)
	if err != nil {
		return err
	}
	disputed := ""
	if len(sc.Disputed) > 0 {
		if disputed, err = jsonText(sc.Disputed); err != nil {
			return err
		}
	}
	r := make([]string, 0, len(csvColumns))
	r = append(r, sc.ID, strconv.FormatBool(update), string(sc.Stage), str(sc.Court), str(sc.Location),
		str(sc.Country), str(sc.DecisionDate), num(sc.Defendants), num(sc.Convicted), num(sc.Acquitted),
		num(sc.Imprisoned), num(sc.Suspended), num(sc.SentenceMinMonths), num(sc.SentenceMaxMonths),
		num(sc.Victims), strings.Join(sc.Charges, "; "), str(sc.DefendantRole), sc.AppealOf,
		sc.FirstSeen.UTC().Format(time.RFC3339), sc.Updated.UTC().Format(time.RFC3339),
		strings.Join(urls, " "), evidence, disputed)
	for i := range r {
		r[i] = safeCell(r[i])
	}
	return w.Write(r)
}

func (e *csvEncoder) end() error {
	e.w.Flush()
	return e.w.Error()
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

// safeCell keeps a spreadsheet from reading a cell as a formula: text
// starting with = + - @ tab or carriage return gets a leading apostrophe.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
