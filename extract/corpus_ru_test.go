package extract

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/trialwatch/trialwatch/rules"
)

// TestCorpusCasesRu scores the case extractor on the labelled Russian set
// (TRIALWATCH_CORPUS_RU, else the one beside the checkout) the way
// tools/score.py does, and fails below the floor the Russian rules reach:
// micro F1 0.90 over the scored fields and relevance F1 0.95.
func TestCorpusCasesRu(t *testing.T) {
	dir := os.Getenv("TRIALWATCH_CORPUS_RU")
	if dir == "" {
		dir = "../../shared/corpus/dev-ru"
	}
	t.Setenv("TRIALWATCH_CORPUS", dir)
	pages := loadLabelled(t)
	rs := rules.Default()
	var sc scorer
	for _, p := range pages {
		res := extractPage(t, p, rs)
		var pred []map[string]any
		raw, _ := json.Marshal(res.Cases)
		_ = json.Unmarshal(raw, &pred)
		sc.article(p.id, p.cases, pred)
	}
	micro, rel := sc.report(t)
	if micro < 0.90 {
		t.Errorf("micro F1 %.3f < 0.90", micro)
	}
	if rel < 0.95 {
		t.Errorf("relevance F1 %.3f < 0.95", rel)
	}
}
