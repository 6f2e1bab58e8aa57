package extract

import (
	"github.com/trialwatch/trialwatch/rules"
)

// isVictim reports whether a group names victims ("torturing 44 people",
// "seven people were left with injuries", "44 victims").
func isVictim(f *rules.Facts, s string, g *group) bool {
	return matchesAround(f, "victims", s, g.start, g.end, 50, 60)
}
