package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/extract"
	"github.com/trialwatch/trialwatch/rules"
)

func agree(a, b *trialwatch.Case) int {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	var ma, mb map[string]any
	json.Unmarshal(ja, &ma)
	json.Unmarshal(jb, &mb)
	n := 0
	for _, k := range trialwatch.ScoredFields {
		if ma[k] != nil && reflect.DeepEqual(ma[k], mb[k]) {
			n++
		}
	}
	return n
}

func TestScratchE2E(t *testing.T) {
	dir := os.Getenv("E2E")
	if dir == "" {
		t.Skip()
	}
	rs := rules.Default()
	golds := loadGold(t, dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	db, _ := openTest(t)
	var gold, pred []string
	for fi, g := range golds {
		html, _ := os.ReadFile(strings.TrimSuffix(files[fi], ".gold.json") + ".html")
		page := &trialwatch.Page{URL: g.URL, Status: 200, Body: html}
		a, err := extract.ReadArticle(page, rs)
		if err != nil {
			t.Log(err)
			continue
		}
		cs := extract.Cases(a, rs)
		var keep []trialwatch.Case
		for _, c := range cs {
			if c.Stage != trialwatch.StageOngoing {
				keep = append(keep, c)
			}
		}
		res, err := db.SaveArticle(context.Background(), a, page, keep)
		if err != nil {
			t.Fatal(err)
		}
		used := map[int]bool{}
		for i := range keep {
			best, bi := 0, -1
			for j := range g.Cases {
				if used[j] {
					continue
				}
				if s := agree(&keep[i], &g.Cases[j].Case); s > best {
					best, bi = s, j
				}
			}
			key := fmt.Sprintf("fp-%d-%d", fi, i)
			if bi >= 0 && best >= 3 {
				used[bi] = true
				key = g.Cases[bi].EventKey
			}
			gold = append(gold, key)
			pred = append(pred, res.IDs[i])
		}
	}
	s := pairwise(gold, pred)
	t.Logf("extracted: %d reports, P %.3f R %.3f F1 %.3f", len(gold), s.precision, s.recall, s.f1)
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			if (gold[i] == gold[j]) != (pred[i] == pred[j]) {
				a, _ := db.Case(pred[i])
				b, _ := db.Case(pred[j])
				ja, _ := json.Marshal(a.Case)
				jb, _ := json.Marshal(b.Case)
				t.Logf("MISS gold %s/%s pred %s/%s\n  %s\n  %s", gold[i], gold[j], pred[i], pred[j], ja, jb)
			}
		}
	}
}
