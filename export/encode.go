package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/trialwatch/trialwatch/store"
)

// Encode writes cases already in their stored JSON form — as the HTTP API
// serves them — in o.Format. Export through a running server uses it; it
// reads no database and moves no cursor.
func Encode(w io.Writer, o Options, cases []json.RawMessage) error {
	if err := o.check(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := newEncoder(bw, &o)
	if err := enc.begin(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, raw := range cases {
		id, update, err := caseHead(raw)
		if err != nil || id == "" {
			return fmt.Errorf("export: a case without an id in the input")
		}
		if err := enc.write(store.RawCase{ID: id, JSON: raw}, update); err != nil {
			return fmt.Errorf("export: case %s: %w", id, err)
		}
	}
	if err := enc.end(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: write: %w", err)
	}
	return nil
}

// caseHead reads the id of a case and whether it is marked as an update,
// as encoding/json reads them, but with the fast case reader where it can.
func caseHead(raw []byte) (id string, update bool, err error) {
	r := getRow()
	defer putRow(r)
	r.reset()
	if r.fast(raw) == nil {
		return string(r.id), r.update, nil
	}
	var head struct {
		ID     string `json:"id"`
		Update bool   `json:"update"`
	}
	err = json.Unmarshal(raw, &head)
	return head.ID, head.Update, err
}
