package store

import (
	"slices"
	"strings"

	"github.com/trialwatch/trialwatch"
)

// contrib is one article's report of a stored case.
type contrib struct {
	Seq  uint64               `json:"seq"` // order in which sources were added
	Ref  trialwatch.SourceRef `json:"ref"`
	Case trialwatch.Case      `json:"case"`
}

// mergeCase computes what a stored case shows from the reports of its
// sources (in order of Seq): for each field, the value most sources agree on
// (ties: the earliest source), with the values of the others in Disputed.
// Equivalent court and location names ("Karasai District Court" and
// "Karasai District Court of the Almaty Region") agree, and a month-precise
// date agrees with a day in that month.
func mergeCase(cs []contrib) (trialwatch.Case, []trialwatch.SourceRef, map[string][]trialwatch.FieldValue) {
	slices.SortFunc(cs, func(a, b contrib) int { return cmpU64(a.Seq, b.Seq) })
	var out trialwatch.Case
	out.Stage = cs[0].Case.Stage
	refs := make([]trialwatch.SourceRef, len(cs))
	for i, c := range cs {
		refs[i] = c.Ref
	}
	var disputed map[string][]trialwatch.FieldValue // made at the first dispute
	evidence := make(map[string]string, len(cs[0].Case.Evidence))
	rules := make(map[string]string, len(cs[0].Case.Rules))
	// winners[key] lists the indexes of the sources whose value is shown.
	take := func(key string, winners []int) {
		for _, i := range winners {
			if e, ok := cs[i].Case.Evidence[key]; ok && e != "" {
				evidence[key] = e
				if r, ok := cs[i].Case.Rules[key]; ok {
					rules[key] = r
				}
				return
			}
		}
	}

	for f, key := range strKeys {
		var valBuf [8]string
		var idxBuf [8]int
		vals, idx := valBuf[:0], idxBuf[:0]
		for i := range cs {
			if p := *strField(&cs[i].Case, f); p != nil && *p != "" {
				vals = append(vals, *p)
				idx = append(idx, i)
			}
		}
		if len(vals) == 0 {
			continue
		}
		if len(vals) == 1 {
			// One source gives the field: nothing to vote on.
			v := vals[0]
			*strField(&out, f) = &v
			take(key, idx)
			continue
		}
		same := equivalentText
		switch key {
		case "country":
			same = strings.EqualFold
		case "decision_date":
			same = sameDate
		}
		shown, groups := vote(vals, same, key == "decision_date")
		v := shown
		*strField(&out, f) = &v
		var winners []int
		for _, g := range groups {
			if g.rep == shown || contains(g.members, shown) {
				for _, m := range g.memberIdx {
					winners = append(winners, idx[m])
				}
			}
		}
		take(key, winners)
		if len(groups) > 1 {
			if disputed == nil {
				disputed = map[string][]trialwatch.FieldValue{}
			}
			disputed[key] = fieldValues(groups, cs, idx, func(s string) any { return s })
		}
	}

	for f, key := range intKeys {
		var valBuf, idxBuf [8]int
		vals, idx := valBuf[:0], idxBuf[:0]
		for i := range cs {
			if p := *intField(&cs[i].Case, f); p != nil {
				vals = append(vals, *p)
				idx = append(idx, i)
			}
		}
		if len(vals) == 0 {
			continue
		}
		if len(vals) == 1 {
			v := vals[0]
			*intField(&out, f) = &v
			take(key, idx)
			continue
		}
		svals := make([]string, len(vals))
		for i, v := range vals {
			svals[i] = itoa(v)
		}
		shown, groups := vote(svals, func(a, b string) bool { return a == b }, false)
		var v int
		for i, s := range svals {
			if s == shown {
				v = vals[i]
				break
			}
		}
		*intField(&out, f) = &v
		var winners []int
		for _, g := range groups {
			if g.rep == shown {
				for _, m := range g.memberIdx {
					winners = append(winners, idx[m])
				}
			}
		}
		take(key, winners)
		if len(groups) > 1 {
			if disputed == nil {
				disputed = map[string][]trialwatch.FieldValue{}
			}
			disputed[key] = fieldValues(groups, cs, idx, func(s string) any { n, _ := atoi(s); return n })
		}
	}

	out.Charges = []string{}
	for i, c := range cs {
		for _, ch := range c.Case.Charges {
			ch = strings.ToLower(strings.TrimSpace(ch))
			if ch != "" && !contains(out.Charges, ch) {
				out.Charges = append(out.Charges, ch)
			}
		}
		if len(c.Case.Charges) > 0 {
			if _, ok := evidence["charges"]; !ok {
				take("charges", []int{i})
			}
		}
	}
	all := make([]int, len(cs))
	for i := range all {
		all[i] = i
	}
	take("stage", all)
	out.Evidence = evidence
	if len(rules) > 0 {
		out.Rules = rules
	}
	if len(disputed) == 0 {
		disputed = nil
	}
	return out, refs, disputed
}

type group struct {
	rep       string   // the value shown for the group
	members   []string // distinct values in it
	memberIdx []int    // indexes into the voted values
}

// vote groups vals by same, in order of first appearance, and returns the
// shown value: from the group with most members (ties: the earlier group),
// its most frequent value (ties: the earliest). With precise set, the most
// precise value (the longest, e.g. a day over a month) of the winning group
// is shown.
func vote(vals []string, same func(a, b string) bool, precise bool) (string, []group) {
	var groups []group
	for i, v := range vals {
		placed := false
		for g := range groups {
			if sameAll(groups[g].members, v, same) {
				groups[g].memberIdx = append(groups[g].memberIdx, i)
				if !contains(groups[g].members, v) {
					groups[g].members = append(groups[g].members, v)
				}
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, group{members: []string{v}, memberIdx: []int{i}})
		}
	}
	best := 0
	for g := range groups {
		counts := map[string]int{}
		top := ""
		for _, m := range groups[g].memberIdx {
			v := vals[m]
			counts[v]++
			if top == "" || counts[v] > counts[top] || (precise && len(v) > len(top)) {
				top = v
			}
		}
		groups[g].rep = top
		if len(groups[g].memberIdx) > len(groups[best].memberIdx) {
			best = g
		}
	}
	return groups[best].rep, groups
}

func sameAll(members []string, v string, same func(a, b string) bool) bool {
	for _, m := range members {
		if !same(m, v) {
			return false
		}
	}
	return true
}

func fieldValues(groups []group, cs []contrib, idx []int, conv func(string) any) []trialwatch.FieldValue {
	out := make([]trialwatch.FieldValue, 0, len(groups))
	for _, g := range groups {
		fv := trialwatch.FieldValue{Value: conv(g.rep)}
		for _, m := range g.memberIdx {
			u := cs[idx[m]].Ref.URL
			if !contains(fv.Sources, u) {
				fv.Sources = append(fv.Sources, u)
			}
		}
		out = append(out, fv)
	}
	return out
}

// sameDate reports whether two decision dates can be the same decision:
// equal, or a month and a day in it.
func sameDate(a, b string) bool { return dateScore(a, b) != noMatch }

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
