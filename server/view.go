package server

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch"
)

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
			c.Status, c.StatusClass = fmt.Sprintf("backing off: %d failures", v.Failures), "bad"
		case !v.Healthy:
			c.Status, c.StatusClass = "last run failed", "bad"
		case v.Stale:
			c.Status, c.StatusClass = fmt.Sprintf("stale: %d runs, no article", v.EmptyRuns), "warn"
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
