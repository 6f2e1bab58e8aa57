package store

import (
	"context"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/trialwatch/trialwatch"
)

var goldDir = flag.String("gold", "testdata/gold-dev", "folder of *.gold.json files whose event_key labels judge dedup (env TRIALWATCH_DEDUP_GOLD overrides)")

type goldFile struct {
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Cases     []struct {
		trialwatch.Case
		EventKey string `json:"event_key"`
	} `json:"cases"`
}

func loadGold(tb testing.TB, dir string) []goldFile {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no gold files in %s (err %v)", dir, err)
	}
	sort.Strings(files)
	var out []goldFile
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(b, &g); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		if g.URL == "" {
			g.URL = "https://gold.example/" + filepath.Base(f)
		}
		out = append(out, g)
	}
	return out
}

type pairScore struct{ precision, recall, f1 float64 }

// pairwise compares two clusterings of the same items: how many of the
// pairs put together by pred are together in gold (precision), and the
// other way round (recall).
func pairwise(gold, pred []string) pairScore {
	var tp, fp, fn float64
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			g, p := gold[i] == gold[j], pred[i] == pred[j]
			switch {
			case g && p:
				tp++
			case p:
				fp++
			case g:
				fn++
			}
		}
	}
	s := pairScore{precision: 1, recall: 1}
	if tp+fp > 0 {
		s.precision = tp / (tp + fp)
	}
	if tp+fn > 0 {
		s.recall = tp / (tp + fn)
	}
	if s.precision+s.recall > 0 {
		s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall)
	}
	return s
}

// TestDedupPairwiseF1 feeds every labelled article through SaveArticle on a
// real file, in several orders, and judges the resulting clusters of cases
// against the event_key labels.
func TestDedupPairwiseF1(t *testing.T) {
	dir := *goldDir
	if env := os.Getenv("TRIALWATCH_DEDUP_GOLD"); env != "" {
		dir = env
	}
	golds := loadGold(t, dir)
	orders := map[string][]int{}
	natural := make([]int, len(golds))
	for i := range natural {
		natural[i] = i
	}
	orders["natural"] = natural
	rev := make([]int, len(golds))
	for i := range rev {
		rev[i] = len(golds) - 1 - i
	}
	orders["reverse"] = rev
	for seed := uint64(1); seed <= 3; seed++ {
		p := append([]int(nil), natural...)
		rand.New(rand.NewPCG(seed, seed)).Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
		orders["shuffle-"+string(rune('0'+seed))] = p
	}
	for name, order := range orders {
		t.Run(name, func(t *testing.T) {
			db, _ := openTest(t)
			var gold, pred []string
			for _, gi := range order {
				g := golds[gi]
				cases := make([]trialwatch.Case, len(g.Cases))
				for i := range g.Cases {
					cases[i] = g.Cases[i].Case
				}
				res, err := db.SaveArticle(context.Background(),
					trialwatch.Article{URL: g.URL, Outlet: g.Outlet, Title: g.Title, Published: g.Published}, nil, cases)
				if err != nil {
					t.Fatal(err)
				}
				for i, id := range res.IDs {
					gold = append(gold, g.Cases[i].EventKey)
					pred = append(pred, id)
				}
			}
			// A later merge can move no report, but check the ids the
			// store ends with too: every reported id must still exist.
			for _, id := range pred {
				if _, err := db.Case(id); err != nil {
					t.Fatalf("case %s vanished: %v", id, err)
				}
			}
			s := pairwise(gold, pred)
			t.Logf("%s: %d reports, pairwise precision %.3f recall %.3f F1 %.3f", dir, len(gold), s.precision, s.recall, s.f1)
			if s.f1 < 0.90 {
				t.Errorf("pairwise F1 %.3f below 0.90 (precision %.3f, recall %.3f)", s.f1, s.precision, s.recall)
			}
		})
	}
}

func TestPairwise(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		want       pairScore
	}{
		{"perfect", []string{"a", "a", "b"}, []string{"1", "1", "2"}, pairScore{1, 1, 1}},
		{"all split", []string{"a", "a", "b"}, []string{"1", "2", "3"}, pairScore{1, 0, 0}},
		{"all merged", []string{"a", "a", "b"}, []string{"1", "1", "1"}, pairScore{1.0 / 3, 1, 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pairwise(tt.gold, tt.pred); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
