// Package export writes stored cases for the people who track them: JSON
// Lines, one JSON array, CSV or an Atom feed, to a writer or atomically to
// a file, and keeps each consumer's cursor so that "--new --consumer NAME"
// hands every case out once.
//
// A consumer's cursor advances only after its export is completely written:
// for a file, after the temporary file was synced and renamed over the
// target; for a writer, after the final flush succeeded. A process killed
// mid-export hands nothing out twice (a file export interrupted after the
// rename is recognised by its SHA-256 and counted as done) and loses nothing
// (an unfinished export leaves the cursor where it was).
//
// CSV and Atom read each case's stored JSON with a reader of their own
// (row.go, jsonscan.go) that takes only the fields they write and leaves
// anything unusual to encoding/json, so their output is what decoding
// whole cases gave; rows are formatted over the CPUs while the store is
// read.
//
// export reads the store only through its public API and never writes cases.
package export
