package server

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

//go:embed templates/*.html
var templateFiles embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"lower": strings.ToLower,
}).ParseFS(templateFiles, "templates/*.html"))

// Limits of the page.
const (
	defaultPageCases = 100
	maxPageCases     = 1000
	chartMonths      = 36
)

// pageData is what the page template shows.
type pageData struct {
	Filter    pageFilter
	Error     string
	Countries []string
	Stages    []string
	Total     int // cases in the store
	Matched   int // cases the filter selects
	Cases     []caseView
	Chart     chartView
	Sources   []sourceCard
	Generated string
	Filtered  bool
}

// handlePage answers GET /: the cases, newest first, with filters, a chart
// of decisions per month and the health of every source.
func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	f, ferr := parsePageFilter(r.URL.Query())
	data := pageData{Filter: f, Stages: []string{"verdict", "appeal", "ongoing"}}
	if ferr != nil {
		data.Error = ferr.Error()
	}
	data.Filtered = f.Country != "" || f.Stage != "" || f.From != "" || f.To != ""

	// Every case is read for the counts, the country list and the chart,
	// but only the few keys those need are decoded; the cases shown are
	// decoded in full afterwards.
	var matched []trialwatch.StoredCase
	raw := map[string][]byte{}
	countries := map[string]string{}
	err := s.db.CasesRaw(r.Context(), store.Query{}, func(rc store.RawCase) error {
		var b brief
		if err := json.Unmarshal(rc.JSON, &b); err != nil {
			return fmt.Errorf("case %s: %w", rc.ID, err)
		}
		data.Total++
		c := trialwatch.StoredCase{ID: rc.ID, Case: trialwatch.Case{Stage: b.Stage, Country: b.Country, DecisionDate: b.DecisionDate}}
		if c.Country != nil && *c.Country != "" {
			countries[strings.ToLower(*c.Country)] = *c.Country
		}
		if f.matches(&c) {
			matched = append(matched, c)
			raw[rc.ID] = rc.JSON
		}
		return nil
	})
	if err != nil {
		s.log.Error("page: read cases", "err", err)
		http.Error(w, "cannot read cases", http.StatusInternalServerError)
		return
	}
	for _, c := range countries {
		data.Countries = append(data.Countries, c)
	}
	slices.Sort(data.Countries)
	data.Matched = len(matched)
	data.Chart = buildChart(matched)

	sortCases(matched, f.Sort)
	byID := map[string]bool{}
	for _, c := range matched {
		byID[c.ID] = true
	}
	now := s.now().In(s.cfg.Location)
	for _, m := range matched[:min(len(matched), f.Limit)] {
		var c trialwatch.StoredCase
		if err := json.Unmarshal(raw[m.ID], &c); err != nil {
			s.log.Error("page: decode case", "case_id", m.ID, "err", err)
			http.Error(w, "cannot read case "+m.ID, http.StatusInternalServerError)
			return
		}
		data.Cases = append(data.Cases, newCaseView(&c, byID))
	}
	data.Sources = s.sourceCards(now)
	data.Generated = now.Format("2 Jan 2006 15:04 MST")

	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "page.html", data); err != nil {
		s.log.Error("page: render", "err", err)
		http.Error(w, "cannot render page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if ferr != nil {
		w.WriteHeader(http.StatusBadRequest)
	}
	w.Write(buf.Bytes())
}

// brief is the part of a stored case the page filters, sorts and charts
// by.
type brief struct {
	Stage        trialwatch.Stage `json:"stage"`
	Country      *string          `json:"country"`
	DecisionDate *string          `json:"decision_date"`
}

// sortCases orders cases newest first: by decision date (undated last) or
// by when they were found.
func sortCases(cs []trialwatch.StoredCase, by string) {
	slices.SortStableFunc(cs, func(a, b trialwatch.StoredCase) int {
		if by == "decided" {
			da, db := deref(a.DecisionDate), deref(b.DecisionDate)
			if c := cmp.Compare(db, da); c != 0 {
				return c
			}
		}
		return cmp.Compare(b.ID, a.ID)
	})
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
