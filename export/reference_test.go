package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// This file keeps the CSV and Atom formatting as it was before the fast
// reader: each case decoded whole into a trialwatch.StoredCase by
// encoding/json, rows written by encoding/csv, entries by encoding/xml. It
// is the reference the fast path is checked against.

func refCSV(rc store.RawCase, update bool) (string, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	var sc trialwatch.StoredCase
	if err := json.Unmarshal(rc.JSON, &sc); err != nil {
		return "", err
	}
	sc.Normalize()
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	num := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	urls := make([]string, len(sc.Sources))
	for i, s := range sc.Sources {
		urls[i] = s.URL
	}
	evidence, err := jsonText(sc.Evidence)
	if err != nil {
		return "", err
	}
	disputed := ""
	if len(sc.Disputed) > 0 {
		if disputed, err = jsonText(sc.Disputed); err != nil {
			return "", err
		}
	}
	r := make([]string, 0, len(csvColumns))
	r = append(r, sc.ID, strconv.FormatBool(update), string(sc.Stage), str(sc.Court), str(sc.Location),
		str(sc.Country), str(sc.DecisionDate), num(sc.Defendants), num(sc.Convicted), num(sc.Acquitted),
		num(sc.Imprisoned), num(sc.Suspended), num(sc.SentenceMinMonths), num(sc.SentenceMaxMonths),
		num(sc.Victims), strings.Join(sc.Charges, "; "), str(sc.DefendantRole), sc.AppealOf,
		sc.FirstSeen.UTC().Format(time.RFC3339), sc.Updated.UTC().Format(time.RFC3339),
		strings.Join(urls, " "), evidence, disputed)
	for i := range r {
		r[i] = safeCell(r[i])
	}
	if err := w.Write(r); err != nil {
		return "", err
	}
	w.Flush()
	return b.String(), w.Error()
}

type refLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type refText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type refCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type refEntry struct {
	XMLName    xml.Name      `xml:"entry"`
	ID         string        `xml:"id"`
	Title      string        `xml:"title"`
	Updated    string        `xml:"updated"`
	Published  string        `xml:"published"`
	Links      []refLink     `xml:"link"`
	Categories []refCategory `xml:"category"`
	Summary    refText       `xml:"summary"`
	Content    refText       `xml:"content"`
}

func refAtom(rc store.RawCase, update bool) (string, error) {
	var sc trialwatch.StoredCase
	if err := json.Unmarshal(rc.JSON, &sc); err != nil {
		return "", err
	}
	sc.Normalize()
	entry := refEntry{
		ID:        EntryID(sc.ID),
		Title:     refTitle(&sc),
		Updated:   sc.Updated.UTC().Format(time.RFC3339),
		Published: sc.FirstSeen.UTC().Format(time.RFC3339),
		Summary:   refText{Type: "text", Body: refSummary(&sc)},
		Content:   refText{Type: "text", Body: refDetails(&sc)},
	}
	for i, s := range sc.Sources {
		rel := "related"
		if i == 0 {
			rel = "alternate"
		}
		entry.Links = append(entry.Links, refLink{Rel: rel, Href: s.URL})
	}
	entry.Categories = append(entry.Categories, refCategory{Term: string(sc.Stage)})
	if sc.Country != nil {
		entry.Categories = append(entry.Categories, refCategory{Term: *sc.Country})
	}
	if update {
		entry.Categories = append(entry.Categories, refCategory{Term: "update", Label: "updated since last export"})
	}
	var buf bytes.Buffer
	if err := xml.NewEncoder(&buf).Encode(entry); err != nil {
		return "", err
	}
	buf.WriteByte('\n')
	return buf.String(), nil
}

func refTitle(sc *trialwatch.StoredCase) string {
	parts := []string{}
	for _, p := range []*string{sc.Court, sc.Location, sc.Country, sc.DecisionDate} {
		if p != nil && *p != "" {
			parts = append(parts, *p)
		}
	}
	stage := "Case"
	if sc.Stage != "" {
		stage = strings.ToUpper(string(sc.Stage[:1])) + string(sc.Stage[1:])
	}
	if len(parts) == 0 {
		return stage + " " + sc.ID
	}
	return stage + ": " + strings.Join(parts, ", ")
}

func refSummary(sc *trialwatch.StoredCase) string {
	var parts []string
	add := func(p *int, what string) {
		if p != nil {
			parts = append(parts, fmt.Sprintf("%d %s", *p, what))
		}
	}
	add(sc.Defendants, "defendants")
	add(sc.Convicted, "convicted")
	add(sc.Acquitted, "acquitted")
	add(sc.Imprisoned, "imprisoned")
	add(sc.Suspended, "suspended")
	s := strings.Join(parts, ", ")
	if sc.SentenceMinMonths != nil && sc.SentenceMaxMonths != nil {
		s += fmt.Sprintf("; terms %d to %d months", *sc.SentenceMinMonths, *sc.SentenceMaxMonths)
	}
	if sc.DefendantRole != nil {
		s = *sc.DefendantRole + ": " + s
	}
	return strings.TrimSpace(s)
}

func refDetails(sc *trialwatch.StoredCase) string {
	var b strings.Builder
	keys := make([]string, 0, len(sc.Evidence))
	for k := range sc.Evidence {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\n", k, sc.Evidence[k])
	}
	dkeys := make([]string, 0, len(sc.Disputed))
	for k := range sc.Disputed {
		dkeys = append(dkeys, k)
	}
	sort.Strings(dkeys)
	for _, k := range dkeys {
		vs := sc.Disputed[k]
		fmt.Fprintf(&b, "disputed %s:", k)
		for _, v := range vs {
			fmt.Fprintf(&b, " %v (%s)", v.Value, strings.Join(v.Sources, " "))
		}
		b.WriteString("\n")
	}
	for _, s := range sc.Sources {
		fmt.Fprintf(&b, "source: %s, %s, %s %s\n", s.Outlet, s.Published, s.Title, s.URL)
	}
	return b.String()
}
