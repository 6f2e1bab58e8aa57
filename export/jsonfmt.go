package export

import (
	"bufio"
	"bytes"
	"io"

	"github.com/trialwatch/trialwatch/store"
)

func newBuffered(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }

// jsonEncoder writes the stored JSON of each case unchanged (it is already
// the shape of spec/interface.md), one per line or as one array. An update
// gets "update": true as its first key.
type jsonEncoder struct {
	w     io.Writer
	array bool
	n     int
}

var updateKey = []byte(`{"update":true,`)

func (e *jsonEncoder) begin() error {
	if e.array {
		_, err := io.WriteString(e.w, "[")
		return err
	}
	return nil
}

func (e *jsonEncoder) write(rc store.RawCase, update bool) error {
	if e.array {
		sep := ",\n"
		if e.n == 0 {
			sep = "\n"
		}
		if _, err := io.WriteString(e.w, sep); err != nil {
			return err
		}
	}
	e.n++
	body := rc.JSON
	if update && len(body) > 1 && body[0] == '{' {
		if _, err := e.w.Write(updateKey); err != nil {
			return err
		}
		body = body[1:]
		if bytes.HasPrefix(body, []byte("}")) { // an empty object cannot take a comma
			body = append([]byte(`"_":null`), body...)
		}
	}
	if _, err := e.w.Write(body); err != nil {
		return err
	}
	if !e.array {
		_, err := e.w.Write([]byte{'\n'})
		return err
	}
	return nil
}

func (e *jsonEncoder) end() error {
	if e.array {
		end := "]\n"
		if e.n > 0 {
			end = "\n]\n"
		}
		_, err := io.WriteString(e.w, end)
		return err
	}
	return nil
}
