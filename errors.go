package trialwatch

import (
	"errors"
	"fmt"
)

// ErrInvalidFile is wrapped by every error about the content of a config or
// rule file, so callers can tell bad input (exit code 2) from a failure to
// read it.
var ErrInvalidFile = errors.New("invalid file")

// FileError is one problem at one line of a config or rule file.
type FileError struct {
	File string
	Line int // 0 when the problem is the file as a whole
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap lets errors.Is(err, ErrInvalidFile) recognise it.
func (e *FileError) Unwrap() error { return ErrInvalidFile }
