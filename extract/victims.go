package extract

import (
	"strings"

	"github.com/trialwatch/trialwatch/rules"
)

// isVictim reports whether a group names victims ("torturing 44 people",
// "seven people were left with injuries", "44 victims").
func isVictim(f *rules.Facts, s string, ft *rules.Text, g *group) bool {
	start := g.start
	if strings.HasPrefix(s[start:], "of ") {
		start += 3 // "the murders of three villagers": the count starts after "of"
	}
	return matchesAround(f, "victims", s, ft, start, g.end, 50, 60)
}
