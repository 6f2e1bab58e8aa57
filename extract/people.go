package extract

import (
	"strings"

	"github.com/trialwatch/trialwatch/rules"
)

// people are the personal names an article uses: each word of a full
// name ("Gerry Maliban") maps to the name's key, so that a later "Maliban"
// is the same person; victims are the keys of names told as victims.
type people struct {
	key    map[string]string
	victim map[string]bool
}

// knownPeople collects the personal names of an article.
func knownPeople(f *rules.Facts, title rawSentence, sents []rawSentence) *people {
	p := &people{key: map[string]string{}, victim: map[string]bool{}}
	all := append([]rawSentence{title}, sents...)
	for _, r := range all {
		t := r.text
		victims := false
		for _, p := range f.ByKind("victims") {
			if p.CouldText(r.ft) {
				victims = true
				break
			}
		}
		// Only victims are taken from the names' groups: a sentence that
		// cannot name victims is not read for them.
		if victims {
			for _, g := range findNamesToks(f, t, r.toks, nil, true, r.ft) {
				for _, k := range g.names {
					if g.victim {
						p.victim[k] = true
					}
				}
			}
		}
		for _, span := range nameSpans(f, t, r.toks) {
			words := strings.Fields(t[span[0]:span[1]])
			for len(words) > 0 && isLower(f, "court_strip", words[0]) {
				words = words[1:]
			}
			if len(words) < 2 || !personName(f, words) || isJudge(f, words) {
				continue
			}
			words = stripTitles(f, words)
			key := nameKey(words)
			for _, w := range []string{words[0], words[len(words)-1]} {
				lw := strings.ToLower(stripPossessive(strings.TrimSuffix(w, ".")))
				if len(lw) > 2 && !f.Is("not_places", lw) && f.CountryOf(w) == "" && f.Months[lw] == 0 {
					if _, ok := p.key[lw]; !ok {
						p.key[lw] = key
					}
				}
			}
		}
	}
	return p
}

// hasNumber reports whether a sentence writes a number: a count of
// victims or defendants outside a decision sentence needs one.
func hasNumber(f *rules.Facts, toks []token) bool {
	for i := range toks {
		t := &toks[i]
		if !t.word {
			continue
		}
		if c := t.low[0]; c >= '0' && c <= '9' {
			return true
		}
		if isNumberWordStart(f, t) {
			return true
		}
	}
	return false
}

// peopleCue reports whether a sentence may count victims or defendants.
func peopleCue(f *rules.Facts, ft *rules.Text) bool {
	for _, p := range f.ByKind("tried") {
		if p.CouldText(ft) {
			return true
		}
	}
	for _, p := range f.ByKind("victims") {
		if p.CouldText(ft) {
			return true
		}
	}
	for _, w := range f.DefendantNouns {
		if strings.Contains(ft.Folded, w) {
			return true
		}
	}
	return false
}

// candidate is a match of an outcome pattern, before clauses are known.
// outcomeCandidates matches the outcome patterns; an earlier pattern wins
// where two overlap.
// matchOutcomes keeps the decision verbs outside skipped clauses.
// resolveOutcomes finds the group each decision verb governs.
// sentenceKind is the kind of the first term after a sentencing verb in its
// clause, or of the first marker after it.
// governed returns the group a decision verb applies to: its object for an
// active verb ("convicted four officers"), its subject for a passive one
// ("Three of them were given…"). Victims are never governed.
// resolve gives a group that refers back ("them") the size of the nearest
// group before it in the sentence.
// receiverVerb reports verbs whose subject receives the sentence
// ("received", "got", "drew").
// assignPersons says how many people received each term: the group named
// between the verb and the term ("sentenced officer A to 10 years and his
// colleague B to 8"), else the group the verb governs, else one.
