package extract

import (
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// TestCasesCPU reports the processor time the case extractor takes per
// article of the labelled corpus (cpuTime is the process's user and system
// time), and fails above 5 ms, far above what it should take, so that an
// accidental slowdown (a pattern compiled per call, a quadratic loop) is
// caught even on a busy machine.
func TestCasesCPU(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	pages := loadLabelled(t)
	rs := rules.Default()
	var arts []trialwatch.Article
	for _, p := range pages {
		a, err := ReadArticle(&trialwatch.Page{URL: p.url, Status: 200, Body: p.html}, rs)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	for _, a := range arts {
		Cases(a, rs)
	}
	start, n := cpuTime(), 0
	for r := 0; r < 10; r++ {
		for _, a := range arts {
			Cases(a, rs)
			n++
		}
	}
	per := (cpuTime() - start) / time.Duration(n)
	t.Logf("case extraction: %v processor time per article", per)
	if per > 5*time.Millisecond {
		t.Errorf("case extraction takes %v per article", per)
	}
}
