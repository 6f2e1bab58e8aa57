package export

import (
	"fmt"
	"time"
)

// The output formats.
const (
	JSONL = "jsonl" // one stored case per line
	JSON  = "json"  // one array of stored cases
	CSV   = "csv"   // one row per case, see csvColumns
	Atom  = "atom"  // an Atom 1.0 feed, one entry per case
)

// Formats lists the accepted formats.
var Formats = []string{JSONL, JSON, CSV, Atom}

// Options say what to export and how.
type Options struct {
	// Format is one of Formats; "" means JSONL.
	Format string
	// New exports only cases first found after Consumer's last successful
	// export, then advances Consumer's cursor.
	New bool
	// Updated also exports cases exported before whose facts or sources
	// changed since, marked as updates ("update": true). It implies New.
	Updated bool
	// Consumer names whose cursor New and Updated use. Required with them.
	Consumer string
	// Since, if set, exports only cases first seen at or after it.
	Since time.Time
	// Country and Stage, if set, export only cases with that country
	// (case-insensitive) or stage.
	Country, Stage string
	// Last, if above 0, exports only the newest Last cases (by id), e.g.
	// for a feed of recent cases. Not with New or Updated.
	Last int
	// FeedTitle and FeedID name an Atom feed; defaults: "trialwatch cases",
	// "urn:trialwatch:cases".
	FeedTitle, FeedID string
	// FeedSelf, if set, is the URL the Atom feed is served at (its
	// rel="self" link).
	FeedSelf string
	// Now stamps the Atom feed's updated time and the cursor; default
	// time.Now.
	Now func() time.Time
}

func (o *Options) check() error {
	if o.Format == "" {
		o.Format = JSONL
	}
	ok := false
	for _, f := range Formats {
		ok = ok || f == o.Format
	}
	if !ok {
		return fmt.Errorf("export: unknown format %q (want jsonl, json, csv or atom)", o.Format)
	}
	if (o.New || o.Updated) && o.Consumer == "" {
		return fmt.Errorf("export: --new and --updated need a consumer name")
	}
	if o.Consumer != "" && !o.New && !o.Updated {
		return fmt.Errorf("export: consumer %q given without --new or --updated", o.Consumer)
	}
	if o.Last < 0 || (o.Last > 0 && o.Consumer != "") {
		return fmt.Errorf("export: last %d: want a positive number, without --new or --updated", o.Last)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.FeedTitle == "" {
		o.FeedTitle = "trialwatch cases"
	}
	if o.FeedID == "" {
		o.FeedID = "urn:trialwatch:cases"
	}
	return nil
}
