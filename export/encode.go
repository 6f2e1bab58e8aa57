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
		var head struct {
			ID     string `json:"id"`
			Update bool   `json:"update"`
		}
		if err := json.Unmarshal(raw, &head); err != nil || head.ID == "" {
			return fmt.Errorf("export: a case without an id in the input")
		}
		if err := enc.write(store.RawCase{ID: head.ID, JSON: raw}, head.Update); err != nil {
			return fmt.Errorf("export: case %s: %w", head.ID, err)
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
