package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/trialwatch/trialwatch"
)

// appealWindow is how many months before an appeal decision the verdict it
// reviews is looked for among other articles' cases.
const appealWindow = 18

// linkMin is the score a verdict from another article needs to be taken as
// the one an appeal reviews; verdicts recalled in the appeal's own article
// only need not to contradict it.
const linkMin = 3.0

// linkAppeals sets AppealOf on the article's appeal cases that have none:
// to the verdict of the same article that fits best, else to the best
// fitting stored verdict that shares a place word with the appeal, decided
// in the months before. (A verdict of another town, not recalled in the
// appeal's article, is not looked for: the only index that would find it,
// by country and month, grows with the store.)
func (db *DB) linkAppeals(tx *bolt.Tx, in *saveInput, target []string, now time.Time) error {
	for i := range in.cases {
		if in.cases[i].Stage != trialwatch.StageAppeal {
			continue
		}
		v := tx.Bucket(bCases).Get([]byte(target[i]))
		if v == nil {
			continue
		}
		sc, _, err := decodeCase(v)
		if err != nil {
			return fmt.Errorf("case %s: %w", target[i], err)
		}
		if sc.AppealOf != "" {
			continue
		}
		best, bestScore := "", noMatch
		for j := range in.cases {
			if in.cases[j].Stage != trialwatch.StageVerdict {
				continue
			}
			if s := linkScore(&in.feats[i], &in.feats[j]); s > bestScore {
				best, bestScore = target[j], s
			}
		}
		if best == "" {
			for _, id := range verdictCandidates(tx, &in.feats[i]) {
				f, err := getFeatures(tx, id)
				if err != nil {
					return err
				}
				if s := linkScore(&in.feats[i], &f); s >= linkMin && s > bestScore {
					best, bestScore = id, s
				}
			}
		}
		if best != "" {
			if err := db.refresh(tx, target[i], now, best); err != nil {
				return err
			}
		}
	}
	return nil
}

// verdictCandidates lists stored cases sharing a place word with the
// appeal, decided in the months up to the appeal.
func verdictCandidates(tx *bolt.Tx, f *features) []string {
	ix := tx.Bucket(bIndex)
	seen := map[string]bool{}
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	months := f.months()
	if len(months) == 0 {
		for _, p := range f.Places {
			add(scanPrefix(ix, prefix("p", p, ""), scanCap))
		}
		return out
	}
	last, err := time.Parse("2006-01", months[len(months)-1])
	if err != nil {
		return nil
	}
	for back := 0; back <= appealWindow; back++ {
		m := last.AddDate(0, -back, 0).Format("2006-01")
		for _, p := range f.Places {
			add(scanPrefix(ix, prefix("p", p, m), 32))
		}
	}
	return out
}

// linkScore says how well verdict v fits as the decision appeal a reviews:
// noMatch when it cannot be (another country, later, other defendants).
func linkScore(a, v *features) float64 {
	if v.Stage != string(trialwatch.StageVerdict) {
		return noMatch
	}
	if len(a.Countries) > 0 && len(v.Countries) > 0 && !overlaps(a.Countries, v.Countries) {
		return noMatch
	}
	s := 0.0
	if len(a.Dates) > 0 && len(v.Dates) > 0 {
		ok := false
		for _, ad := range a.Dates {
			for _, vd := range v.Dates {
				if vd[:7] < ad[:7] || (vd[:7] == ad[:7] && (len(vd) < 10 || len(ad) < 10 || vd < ad)) {
					ok = true
					// Prefer the latest verdict before the appeal.
					s = max(s, monthIndex(vd)/1e6)
				}
			}
		}
		if !ok {
			return noMatch
		}
	}
	if len(a.Roles) > 0 && len(v.Roles) > 0 {
		if !overlaps(a.Roles, v.Roles) {
			return noMatch
		}
		s++
	}
	if len(a.Places) > 0 && len(v.Places) > 0 && overlaps(a.Places, v.Places) {
		s += 2
	}
	for i := range intKeys {
		if len(a.Ints[i]) == 0 || len(v.Ints[i]) == 0 {
			continue
		}
		if i == 0 && slicesMin(a.Ints[i]) > slicesMax(v.Ints[i]) {
			return noMatch // more defendants on appeal than were tried
		}
		if overlaps(a.Ints[i], v.Ints[i]) {
			s += 0.5
		}
	}
	return s
}

func monthIndex(d string) float64 {
	t, err := time.Parse("2006-01", d[:7])
	if err != nil {
		return 0
	}
	return float64(t.Year()*12 + int(t.Month()))
}

func slicesMin(xs []int) int {
	m := xs[0]
	for _, x := range xs {
		m = min(m, x)
	}
	return m
}

func slicesMax(xs []int) int {
	m := xs[0]
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
