package server

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

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

// pageFilter is the page's query: what the filter form sends.
type pageFilter struct {
	Country, Stage, From, To, Sort string
	Limit                          int
}

var dateParam = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)

// parsePageFilter reads the form; a bad value is dropped and named in the
// returned error.
func parsePageFilter(v url.Values) (pageFilter, error) {
	f := pageFilter{Country: strings.TrimSpace(v.Get("country")), Sort: v.Get("sort"), Limit: defaultPageCases}
	var bad []string
	if s := v.Get("stage"); s != "" {
		if err := checkStage(s); err != nil {
			bad = append(bad, err.Error())
		} else {
			f.Stage = s
		}
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"from", &f.From}, {"to", &f.To}} {
		s := strings.TrimSpace(v.Get(p.name))
		if s == "" {
			continue
		}
		if !validDateParam(s) {
			bad = append(bad, fmt.Sprintf("bad %s %q: want YYYY-MM-DD or YYYY-MM", p.name, s))
			continue
		}
		*p.dst = s
	}
	if f.From != "" && f.To != "" && rangeStart(f.From) > rangeEnd(f.To) {
		bad = append(bad, fmt.Sprintf("bad range: from %s is after to %s", f.From, f.To))
		f.From, f.To = "", ""
	}
	switch f.Sort {
	case "", "decided":
		f.Sort = "decided"
	case "found":
	default:
		bad = append(bad, fmt.Sprintf("bad sort %q: want decided or found", f.Sort))
		f.Sort = "decided"
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			bad = append(bad, fmt.Sprintf("bad limit %q: want a whole number from 1 to %d", s, maxPageCases))
		} else {
			f.Limit = min(n, maxPageCases)
		}
	}
	if len(bad) > 0 {
		return f, fmt.Errorf("%s", strings.Join(bad, "; "))
	}
	return f, nil
}

func validDateParam(s string) bool {
	if !dateParam.MatchString(s) {
		return false
	}
	layout := "2006-01"
	if len(s) == 10 {
		layout = "2006-01-02"
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

// rangeStart and rangeEnd widen a YYYY-MM date to the first and last day
// of its month, so that month-only dates compare with day dates as text.
func rangeStart(d string) string {
	if len(d) == 7 {
		return d + "-01"
	}
	return d
}

func rangeEnd(d string) string {
	if len(d) == 7 {
		return d + "-31"
	}
	return d
}

// matches reports whether the case passes the filter. A case dated only
// by month passes a date range its month overlaps; an undated case passes
// no date range.
func (f *pageFilter) matches(c *trialwatch.StoredCase) bool {
	if f.Stage != "" && string(c.Stage) != f.Stage {
		return false
	}
	if f.Country != "" && (c.Country == nil || !strings.EqualFold(*c.Country, f.Country)) {
		return false
	}
	if f.From != "" || f.To != "" {
		if c.DecisionDate == nil || !validDateParam(*c.DecisionDate) {
			return false
		}
		d := *c.DecisionDate
		if f.From != "" && rangeEnd(d) < rangeStart(f.From) {
			return false
		}
		if f.To != "" && rangeStart(d) > rangeEnd(f.To) {
			return false
		}
	}
	return true
}

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

// caseView is one case as the page shows it.
type caseView struct {
	ID, Anchor, Stage, StageLabel string
	Court, Place, Date            string
	Counts                        []headCount
	Sentence                      string
	Charges, Role                 string
	Evidence                      []evidenceLine
	Sources                       []trialwatch.SourceRef
	Disputed                      []disputeLine
	AppealOf, AppealAnchor        string
	FirstSeen                     string
}

type evidenceLine struct{ Field, Sentence string }

type disputeLine struct{ Field, Values string }

func newCaseView(c *trialwatch.StoredCase, shown map[string]bool) caseView {
	v := caseView{
		ID: c.ID, Anchor: "case-" + c.ID, Stage: string(c.Stage), StageLabel: stageLabel(c.Stage),
		Court: courtLabel(&c.Case), Place: placeLabel(&c.Case), Counts: headCounts(&c.Case),
		Sentence: formatSentence(c.SentenceMinMonths, c.SentenceMaxMonths),
		Charges:  strings.Join(c.Charges, ", "), Role: deref(c.DefendantRole),
		Sources: c.Sources, AppealOf: strings.TrimLeft(c.AppealOf, "0"),
	}
	if c.DecisionDate != nil {
		v.Date = formatDecisionDate(*c.DecisionDate)
	}
	if c.AppealOf != "" && shown[c.AppealOf] {
		v.AppealAnchor = "case-" + c.AppealOf
	}
	if !c.FirstSeen.IsZero() {
		v.FirstSeen = c.FirstSeen.UTC().Format("2 Jan 2006")
	}
	// One line per sentence, naming every field read from it.
	at := map[string]int{}
	for _, fl := range fieldLabels {
		sent := c.Evidence[fl.Key]
		if sent == "" {
			continue
		}
		if i, ok := at[sent]; ok {
			v.Evidence[i].Field += ", " + strings.ToLower(fl.Label)
			continue
		}
		at[sent] = len(v.Evidence)
		v.Evidence = append(v.Evidence, evidenceLine{fl.Label, sent})
	}
	keys := make([]string, 0, len(c.Disputed))
	for k := range c.Disputed {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	outlet := map[string]string{}
	for _, src := range c.Sources {
		outlet[src.URL] = cmp.Or(src.Outlet, hostOf(src.URL))
	}
	for _, k := range keys {
		var vals []string
		for _, fv := range c.Disputed[k] {
			var who []string
			for _, u := range fv.Sources {
				who = append(who, cmp.Or(outlet[u], hostOf(u)))
			}
			vals = append(vals, fmt.Sprintf("%s (%s)", disputedValue(k, fv.Value), strings.Join(who, ", ")))
		}
		v.Disputed = append(v.Disputed, disputeLine{fieldLabel(k), strings.Join(vals, " · ")})
	}
	return v
}

// hostOf is the host of a URL, or the URL when it has none.
func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Host
	}
	return u
}

// disputedValue writes a disputed value as the page writes the field.
func disputedValue(key string, v any) string {
	if v == nil {
		return "not stated"
	}
	if strings.HasPrefix(key, "sentence_") {
		if f, ok := v.(float64); ok {
			return formatMonths(int(f))
		}
		if n, ok := v.(int); ok {
			return formatMonths(n)
		}
	}
	return fmt.Sprint(v)
}

// chartView is the bar chart of decisions per month.
type chartView struct {
	Bars    []bar
	Max     int
	Undated int
	Earlier int // decisions before the months shown
	First   string
	Last    string
}

type bar struct {
	Month  string // YYYY-MM
	Label  string // "Mar 2024"
	Short  string // "M" or the year at January
	N      int
	Height int // percent of the tallest bar
}

// buildChart counts decisions per month over the months from the first to
// the last decision, at most chartMonths of them (the latest).
func buildChart(cs []trialwatch.StoredCase) chartView {
	var ch chartView
	per := map[string]int{}
	var lo, hi string
	for i := range cs {
		d := deref(cs[i].DecisionDate)
		if len(d) < 7 || !validDateParam(d[:7]) {
			ch.Undated++
			continue
		}
		m := d[:7]
		per[m]++
		if lo == "" || m < lo {
			lo = m
		}
		if m > hi {
			hi = m
		}
	}
	if hi == "" {
		return ch
	}
	end, _ := time.Parse("2006-01", hi)
	start, _ := time.Parse("2006-01", lo)
	if months := monthsBetween(start, end) + 1; months > chartMonths {
		start = end.AddDate(0, -(chartMonths - 1), 0)
	}
	for t := start; !t.After(end); t = t.AddDate(0, 1, 0) {
		m := t.Format("2006-01")
		short := t.Format("Jan")[:1]
		if t.Month() == time.January {
			short = t.Format("2006")
		}
		ch.Bars = append(ch.Bars, bar{Month: m, Label: t.Format("Jan 2006"), Short: short, N: per[m]})
		ch.Max = max(ch.Max, per[m])
	}
	if len(ch.Bars) <= 12 { // room for month names
		for i := range ch.Bars {
			if len(ch.Bars[i].Short) == 1 {
				ch.Bars[i].Short = ch.Bars[i].Label[:3]
			}
		}
	}
	first := start.Format("2006-01")
	for m, n := range per {
		if m < first {
			ch.Earlier += n
		}
	}
	for i := range ch.Bars {
		if ch.Max > 0 {
			ch.Bars[i].Height = ch.Bars[i].N * 100 / ch.Max
		}
	}
	ch.First, ch.Last = ch.Bars[0].Label, ch.Bars[len(ch.Bars)-1].Label
	return ch
}

func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// sourceCard is one source's health as the page shows it.
type sourceCard struct {
	sourceView
	Status, StatusClass                         string
	LastRunAgo, LastRunAt, NextRunIn, LastOKAgo string
	Articles, CasesNew, Pages                   int
	LastErr                                     string
}

func (s *Server) sourceCards(now time.Time) []sourceCard {
	var out []sourceCard
	for _, v := range s.sourceViews() {
		c := sourceCard{sourceView: v}
		switch {
		case v.Running:
			c.Status, c.StatusClass = "crawling", "run"
		case v.BackingOff:
			c.Status, c.StatusClass = fmt.Sprintf("failing, backing off (%d in a row)", v.Failures), "bad"
		case !v.Healthy:
			c.Status, c.StatusClass = "last run failed", "bad"
		case v.Stale:
			c.Status, c.StatusClass = fmt.Sprintf("stale: no article in %d runs", v.EmptyRuns), "warn"
		case v.LastRun == nil:
			c.Status, c.StatusClass = "not run yet", "idle"
		default:
			c.Status, c.StatusClass = "ok", "ok"
		}
		if v.LastRun != nil {
			c.LastRunAgo = ago(now, v.LastRun.Finished)
			c.LastRunAt = v.LastRun.Finished.In(now.Location()).Format("2 Jan 2006 15:04 MST")
			c.Articles = v.LastRun.Counts["articles"]
			c.CasesNew = v.LastRun.Counts["cases_new"]
			c.Pages = v.LastRun.Counts["fetched"]
			c.LastErr = v.LastRun.Err
		}
		if !v.LastOK.IsZero() {
			c.LastOKAgo = ago(now, v.LastOK)
		}
		if !v.NextRun.IsZero() {
			c.NextRunIn = ago(now, v.NextRun)
		}
		out = append(out, c)
	}
	return out
}

// renderFeedContent is the HTML body of a case's feed entry.
func renderFeedContent(c *trialwatch.StoredCase) string {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "entry.html", newCaseView(c, nil)); err != nil {
		return template.HTMLEscapeString(summary(c))
	}
	return buf.String()
}
