package extract

import (
	"github.com/trialwatch/trialwatch/rules"
)

// isVictim reports whether a group names victims ("torturing 44 people",
// "seven people were left with injuries", "44 victims").
func isVictim(f *rules.Facts, s string, g *group) bool {
	lb, la, lg := rules.NewText(lastLetters(s[:g.start], 50)), rules.NewText(firstLetters(s[g.end:], 60)), rules.NewText(s[g.start:g.end])
	for _, p := range f.ByKind("victims") {
		switch p.Class {
		case "before":
			if p.Match(lb) {
				return true
			}
		case "after":
			if p.Match(la) {
				return true
			}
		case "noun":
			if p.Match(lg) {
				return true
			}
		}
	}
	return false
}
