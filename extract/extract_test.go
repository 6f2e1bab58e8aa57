package extract

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

func TestExtract(t *testing.T) {
	verdict := `<html><head><title>Court jails police officers | Example</title>
<meta property="article:published_time" content="2024-03-20T10:00:00+05:00"></head><body>
<h1>Court jails police officers</h1><div class="article-body">` + story + `</div>
<aside class="most-read"><a href="/x">Court acquits seven officers in another torture case</a></aside></body></html>`
	sport := `<html><head><title>Team wins the cup</title></head><body><h1>Team wins the cup</h1>
<p>The national team won the cup on Sunday after a long final that went to penalties, the federation said.</p></body></html>`
	tests := []struct {
		name     string
		page     *trialwatch.Page
		relevant bool
	}{
		{"verdict", &trialwatch.Page{URL: "https://e.example/a", Body: []byte(verdict)}, true},
		{"sport", &trialwatch.Page{URL: "https://e.example/b", Body: []byte(sport)}, false},
		{"empty page", &trialwatch.Page{URL: "https://e.example/c"}, false},
		{"no page", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(tt.page, rules.Default())
			if tt.page != nil {
				// no rule set means the embedded default
				if def := Extract(tt.page, nil); def.Relevant != res.Relevant || len(def.Cases) != len(res.Cases) {
					t.Errorf("with nil rules: relevant %v, %d cases; with the default: %v, %d", def.Relevant, len(def.Cases), res.Relevant, len(res.Cases))
				}
			}
			if res.Cases == nil {
				t.Fatal("Cases is nil")
			}
			if res.Relevant != tt.relevant {
				t.Errorf("relevant = %v, want %v (cases %+v)", res.Relevant, tt.relevant, res.Cases)
			}
			for _, c := range res.Cases {
				if c.Charges == nil || c.Evidence == nil {
					t.Errorf("case not normalized: %+v", c)
				}
			}
			j, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(j), `"cases":[`) {
				t.Errorf("JSON %s has no cases list", j)
			}
		})
	}
}
