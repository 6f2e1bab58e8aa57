// Package trialwatch holds the types every part of trialwatch speaks: the
// case record read out of a news report, the article it was read from, the
// page the crawler fetched and the source it came from.
//
// It imports nothing of the project's own and does no I/O.
package trialwatch
