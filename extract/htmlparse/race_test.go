//go:build race

package htmlparse

// raceEnabled is set under the race detector, which makes parsing some ten
// times slower: the comparison then takes a sample of the large pages.
const raceEnabled = true
