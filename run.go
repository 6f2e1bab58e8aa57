package trialwatch

import "time"

// Run is the record of one crawl of one source.
type Run struct {
	ID       uint64         `json:"id"`
	Source   string         `json:"source"`
	Started  time.Time      `json:"started"`
	Finished time.Time      `json:"finished,omitzero"`
	Counts   map[string]int `json:"counts"` // pages fetched, not_modified, skipped_robots, refused, failed, articles, cases_new, cases_merged …
	Errors   []string       `json:"errors,omitempty"`
	Err      string         `json:"err,omitempty"` // why the run as a whole failed, if it did
}
