// Package store keeps everything trialwatch remembers in one bbolt file: the
// articles read and the raw pages they came from, the cases found in them
// (one record per real-world decision, merged across outlets), the crawl
// state (visited set, per-URL fetch state), crawl runs and export cursors.
//
// Each article is saved in one transaction together with its page and its
// cases. A case that matches a stored one (found through an index, never by
// scanning every case) is merged into it and gains a source; otherwise it is
// stored under a new id. Ids grow monotonically and are fixed-width strings,
// so "cases found after X" is a range scan.
//
// store is the only package that imports bbolt. It never parses HTML and
// never touches the network.
package store
