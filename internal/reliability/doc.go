// Package reliability tests trialwatch as a whole under faults: a crawl
// killed at random moments, a full disk, a second process on a held
// database, a slow reader beside a crawl, and goroutines left behind by a
// crawl. It holds tests only; run them with `go test ./internal/reliability`.
// Longer variants run when TRIALWATCH_SOAK=1.
package reliability
