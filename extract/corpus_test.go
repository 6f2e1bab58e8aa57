package extract

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

var writePreds = flag.String("write", "", "directory to write the extraction results of the labelled corpus to (TRIALWATCH_WRITE also works)")

// labelled is one labelled page: its HTML and its gold cases.
type labelled struct {
	id    string
	html  []byte
	url   string
	cases []map[string]any
}

// loadLabelled reads the labelled corpus (TRIALWATCH_CORPUS, else the one
// beside the checkout), skipping the test when there is none.
func loadLabelled(tb testing.TB) []labelled {
	tb.Helper()
	dir := os.Getenv("TRIALWATCH_CORPUS")
	if dir == "" {
		dir = "../../shared/corpus/dev"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(files) == 0 {
		tb.Skipf("no labelled corpus in %s", dir)
	}
	sort.Strings(files)
	var out []labelled
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".gold.json")
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var g struct {
			URL   string           `json:"url"`
			Cases []map[string]any `json:"cases"`
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		body, err := os.ReadFile(filepath.Join(dir, id+".html"))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, labelled{id: id, html: body, url: g.URL, cases: g.Cases})
	}
	return out
}

// extractPage reads a labelled page the way the program does.
func extractPage(tb testing.TB, p labelled, rs *rules.Set) trialwatch.Result {
	tb.Helper()
	return Extract(&trialwatch.Page{URL: p.url, Status: 200, Body: p.html}, rs)
}

// TestCorpusCases scores the case extractor on the labelled corpus the way
// tools/score.py does and fails below the project's targets: micro F1 0.90
// over the scored fields and relevance F1 0.95.
func TestCorpusCases(t *testing.T) {
	pages := loadLabelled(t)
	rs := rules.Default()
	out := *writePreds
	if out == "" {
		out = os.Getenv("TRIALWATCH_WRITE")
	}
	if out != "" {
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	scoreAgainstFloor(t, pages, rs, out)
}

// scoreAgainstFloor extracts every labelled page (writing the predictions
// into out when it is not ""), scores them and fails below micro F1 0.90
// or relevance F1 0.95.
func scoreAgainstFloor(t *testing.T, pages []labelled, rs *rules.Set, out string) {
	t.Helper()
	var sc scorer
	for _, p := range pages {
		res := extractPage(t, p, rs)
		if out != "" {
			raw, _ := json.MarshalIndent(res, "", " ")
			if err := os.WriteFile(filepath.Join(out, p.id+".json"), raw, 0o644); err != nil {
				t.Fatal(err)
			}
		}
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

var scoredFields = trialwatch.ScoredFields

// scorer is a Go rendering of tools/score.py.
type scorer struct {
	hit, miss, fa map[string]int
	tp, fp, fn    int
	lines         []string
}

var genericWords = map[string]bool{"court": true, "city": true, "district": true, "regional": true,
	"region": true, "oblast": true, "county": true, "military": true, "appeal": true, "appeals": true,
	"supreme": true, "criminal": true, "specialized": true, "inter-district": true, "interdistrict": true}

var nonWord = regexp.MustCompile(`[^\p{L}\p{N}_\s-]`)

func scoreWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(nonWord.ReplaceAllString(strings.ToLower(s), " ")) {
		if w != "the" && w != "of" {
			out[w] = true
		}
	}
	return out
}

func scorePlaceEqual(a, b string) bool {
	wa, wb := scoreWords(a), scoreWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	small, big := wa, wb
	if len(wa) > len(wb) {
		small, big = wb, wa
	}
	if len(wa) == len(wb) {
		for w := range wa {
			if !wb[w] {
				goto subset
			}
		}
		return true
	}
subset:
	specific := false
	for w := range small {
		if !big[w] {
			return false
		}
		if !genericWords[w] {
			specific = true
		}
	}
	return specific
}

func scoreEqual(field string, g, p any) bool {
	switch field {
	case "court", "location":
		gs, ok1 := g.(string)
		ps, ok2 := p.(string)
		return ok1 && ok2 && scorePlaceEqual(gs, ps)
	case "stage", "country":
		gs, ok1 := g.(string)
		ps, ok2 := p.(string)
		return ok1 && ok2 && strings.EqualFold(strings.TrimSpace(gs), strings.TrimSpace(ps))
	}
	return fmt.Sprint(g) == fmt.Sprint(p)
}

func decided(cs []map[string]any) []map[string]any {
	var out []map[string]any
	for _, c := range cs {
		if c["stage"] != "ongoing" {
			out = append(out, c)
		}
	}
	return out
}

func (s *scorer) article(id string, gold, pred []map[string]any) {
	if s.hit == nil {
		s.hit, s.miss, s.fa = map[string]int{}, map[string]int{}, map[string]int{}
	}
	gold, pred = decided(gold), decided(pred)
	switch {
	case len(gold) > 0 && len(pred) > 0:
		s.tp++
	case len(pred) > 0:
		s.fp++
	case len(gold) > 0:
		s.fn++
	}
	type cand struct{ agree, i, j int }
	var cands []cand
	for i, g := range gold {
		for j, p := range pred {
			n := 0
			for _, f := range scoredFields {
				if g[f] != nil && p[f] != nil && scoreEqual(f, g[f], p[f]) {
					n++
				}
			}
			cands = append(cands, cand{n, i, j})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].agree != cands[b].agree {
			return cands[a].agree > cands[b].agree
		}
		if cands[a].i != cands[b].i {
			return cands[a].i < cands[b].i
		}
		return cands[a].j < cands[b].j
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	for _, c := range cands {
		if c.agree == 0 || usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		g, p := gold[c.i], pred[c.j]
		for _, f := range scoredFields {
			gv, pv := g[f], p[f]
			switch {
			case gv == nil && pv == nil:
			case gv != nil && pv != nil && scoreEqual(f, gv, pv):
				s.hit[f]++
			default:
				if gv != nil {
					s.miss[f]++
				}
				if pv != nil {
					s.fa[f]++
				}
				s.lines = append(s.lines, fmt.Sprintf("%s case%d: %s: gold=%v pred=%v", id, c.i, f, gv, pv))
			}
		}
	}
	for i, g := range gold {
		if usedG[i] {
			continue
		}
		s.lines = append(s.lines, fmt.Sprintf("%s: gold case %d not found (%v %v)", id, i, g["court"], g["location"]))
		for _, f := range scoredFields {
			if g[f] != nil {
				s.miss[f]++
			}
		}
	}
	for j, p := range pred {
		if usedP[j] {
			continue
		}
		s.lines = append(s.lines, fmt.Sprintf("%s: extra predicted case %d (%v %v)", id, j, p["court"], p["location"]))
		for _, f := range scoredFields {
			if p[f] != nil {
				s.fa[f]++
			}
		}
	}
}

func prf(h, m, fa int) (float64, float64, float64) {
	var p, r float64
	if h+fa > 0 {
		p = float64(h) / float64(h+fa)
	}
	if h+m > 0 {
		r = float64(h) / float64(h+m)
	}
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

func (s *scorer) report(tb testing.TB) (micro, relevance float64) {
	H, M, F := 0, 0, 0
	for _, f := range scoredFields {
		p, r, f1 := prf(s.hit[f], s.miss[f], s.fa[f])
		tb.Logf("%-22s P=%.3f R=%.3f F1=%.3f  hit=%d miss=%d false=%d", f, p, r, f1, s.hit[f], s.miss[f], s.fa[f])
		H, M, F = H+s.hit[f], M+s.miss[f], F+s.fa[f]
	}
	for _, l := range s.lines {
		tb.Log("  " + l)
	}
	_, _, micro = prf(H, M, F)
	_, _, relevance = prf(s.tp, s.fn, s.fp)
	tb.Logf("micro F1 %.3f, relevance F1 %.3f (tp=%d fp=%d fn=%d)", micro, relevance, s.tp, s.fp, s.fn)
	return micro, relevance
}
