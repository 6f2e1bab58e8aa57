package export

import (
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
	w   *csv.Writer
	row []string
}

func newCSVEncoder(w io.Writer) *csvEncoder {
	return &csvEncoder{w: csv.NewWriter(w), row: make([]string, len(csvColumns))}
}

func (e *csvEncoder) begin() error { return e.w.Write(csvColumns) }

func (e *csvEncoder) write(rc store.RawCase, update bool) error {
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
	evidence, err := json.Marshal(sc.Evidence)
	if err != nil {
		return err
	}
	disputed := []byte{}
	if len(sc.Disputed) > 0 {
		if disputed, err = json.Marshal(sc.Disputed); err != nil {
			return err
		}
	}
	r := e.row[:0]
	r = append(r, sc.ID, strconv.FormatBool(update), string(sc.Stage), str(sc.Court), str(sc.Location),
		str(sc.Country), str(sc.DecisionDate), num(sc.Defendants), num(sc.Convicted), num(sc.Acquitted),
		num(sc.Imprisoned), num(sc.Suspended), num(sc.SentenceMinMonths), num(sc.SentenceMaxMonths),
		num(sc.Victims), strings.Join(sc.Charges, "; "), str(sc.DefendantRole), sc.AppealOf,
		sc.FirstSeen.UTC().Format(time.RFC3339), sc.Updated.UTC().Format(time.RFC3339),
		strings.Join(urls, " "), string(evidence), string(disputed))
	for i := range r {
		r[i] = safeCell(r[i])
	}
	return e.w.Write(r)
}

func (e *csvEncoder) end() error {
	e.w.Flush()
	return e.w.Error()
}

// safeCell keeps a spreadsheet from reading a cell as a formula: text
// starting with = + - @ tab or carriage return gets a leading apostrophe.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
