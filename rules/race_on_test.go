//go:build race

package rules

// raceEnabled says the tests run under the race detector, which makes the
// exhaustive pattern comparisons twenty times slower: they check a spread
// sample instead (the full run is `go test ./rules` without -race).
const raceEnabled = true
