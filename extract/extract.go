package extract

import (
	"sync"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// defaultRules is the embedded rule set, loaded once, for callers that
// give none.
var defaultRules = sync.OnceValue(rules.Default)

// Extract runs the whole extraction on one page: ReadArticle, then Cases
// on the article. A nil rs means the embedded default rules. The result is
// relevant when a case records a verdict or an appeal decision. Cases is
// never nil. A page that cannot be read at all gives an article with only
// its URL and no cases.
func Extract(page *trialwatch.Page, rs *rules.Set) trialwatch.Result {
	if rs == nil {
		rs = defaultRules()
	}
	a, err := ReadArticle(page, rs)
	res := trialwatch.Result{Article: a, Cases: []trialwatch.Case{}}
	if err != nil {
		return res
	}
	if cs := Cases(a, rs); cs != nil {
		res.Cases = cs
	}
	for i := range res.Cases {
		res.Cases[i].Normalize()
		if s := res.Cases[i].Stage; s == trialwatch.StageVerdict || s == trialwatch.StageAppeal {
			res.Relevant = true
		}
	}
	return res
}
