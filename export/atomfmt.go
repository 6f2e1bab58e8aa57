package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// atomEncoder writes an Atom 1.0 feed (RFC 4287): one entry per case, with
// the stable id urn:trialwatch:case:<id>, the case's updated time, its
// first source as the alternate link and the others as related links.
type atomEncoder struct {
	w io.Writer
	o *Options
}

func newAtomEncoder(w io.Writer, o *Options) *atomEncoder { return &atomEncoder{w: w, o: o} }

const atomNS = "http://www.w3.org/2005/Atom"

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	XMLName    xml.Name       `xml:"entry"`
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
	Content    atomText       `xml:"content"`
}

// EntryID is the Atom entry id of a case.
func EntryID(caseID string) string { return "urn:trialwatch:case:" + caseID }

func (e *atomEncoder) begin() error {
	head := fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="%s">
<id>%s</id>
<title>%s</title>
<updated>%s</updated>
<author><name>trialwatch</name></author>
<generator>trialwatch</generator>
`, atomNS, escape(e.o.FeedID), escape(e.o.FeedTitle), e.o.Now().UTC().Format(time.RFC3339))
	if e.o.FeedSelf != "" {
		head += `<link rel="self" href="` + escapeAttr(e.o.FeedSelf) + `"/>` + "\n"
	}
	_, err := io.WriteString(e.w, head)
	return err
}

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func escapeAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // escapes quotes too
	return b.String()
}

func (e *atomEncoder) write(rc store.RawCase, update bool) error {
	var buf bytes.Buffer
	if err := e.format(&buf, rc, update); err != nil {
		return err
	}
	_, err := e.w.Write(buf.Bytes())
	return err
}

// format writes one case's entry to buf; it keeps no state, so entries can
// be made in parallel.
func (e *atomEncoder) format(buf *bytes.Buffer, rc store.RawCase, update bool) error {
	var sc trialwatch.StoredCase
	if err := json.Unmarshal(rc.JSON, &sc); err != nil {
		return err
	}
	sc.Normalize()
	entry := atomEntry{
		ID:        EntryID(sc.ID),
		Title:     Title(&sc),
		Updated:   sc.Updated.UTC().Format(time.RFC3339),
		Published: sc.FirstSeen.UTC().Format(time.RFC3339),
		Summary:   atomText{Type: "text", Body: Summary(&sc)},
		Content:   atomText{Type: "text", Body: details(&sc)},
	}
	for i, s := range sc.Sources {
		rel := "related"
		if i == 0 {
			rel = "alternate"
		}
		entry.Links = append(entry.Links, atomLink{Rel: rel, Href: s.URL})
	}
	entry.Categories = append(entry.Categories, atomCategory{Term: string(sc.Stage)})
	if sc.Country != nil {
		entry.Categories = append(entry.Categories, atomCategory{Term: *sc.Country})
	}
	if update {
		entry.Categories = append(entry.Categories, atomCategory{Term: "update", Label: "updated since last export"})
	}
	if err := xml.NewEncoder(buf).Encode(entry); err != nil {
		return err
	}
	buf.WriteByte('\n')
	return nil
}

func (e *atomEncoder) end() error {
	_, err := io.WriteString(e.w, "</feed>\n")
	return err
}

// Title is a one-line headline for a case: stage, place, country, date.
func Title(sc *trialwatch.StoredCase) string {
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

// Summary says in one sentence who was tried and what they got.
func Summary(sc *trialwatch.StoredCase) string {
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

// details lists every stated fact with the sentence it was read from, and
// the sources.
func details(sc *trialwatch.StoredCase) string {
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
