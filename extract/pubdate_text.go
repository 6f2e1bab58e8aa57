package extract

import (
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// textDate looks for a date written in the text around the headline, in
// bylines and in elements whose class names a date.
func (p *page) textDate(dp dateParser, headline *html.Node) (ymd, bool) {
	blocks := p.blocks()
	h := -1
	for i, b := range blocks {
		if b.node == headline || headline != nil && isAncestor(headline, b.node) {
			h = i
			break
		}
	}
	// first the blocks near the headline that the markup calls a date,
	// then the other blocks near it (after it first), then dated blocks
	// anywhere
	var cued, near, far []int
	for i, b := range blocks {
		isCued := dateCue(b.cue)
		inWindow := h >= 0 && i >= h-8 && i <= h+12 && i != h
		switch {
		case inWindow && isCued:
			cued = append(cued, i)
		case inWindow:
			near = append(near, i)
		case isCued:
			far = append(far, i)
		}
	}
	sortNear := func(idx []int) {
		sort.SliceStable(idx, func(a, b int) bool { return distance(idx[a], h) < distance(idx[b], h) })
	}
	sortNear(cued)
	sortNear(near)
	order := append(append(cued, near...), far...)
	for _, i := range order {
		b := blocks[i]
		if len(b.text) > 160 {
			continue
		}
		if d, ok := dp.labelled(b.text); ok {
			return d, true
		}
		if d, ok := dp.fromAttrs(b.node); ok {
			return d, true
		}
		if d, ok := dp.relative(b.text); ok {
			return d, true
		}
	}
	// a short line anywhere that is a date and little else, or a date
	// with a time of day, is a dateline: "Published 20 March 2024",
	// "2020-03-04 16:52:59", "20.03.2024, 09:15"
	for _, b := range blocks {
		if len(b.text) <= 100 && (isDateOnly(b.text) || publishedCue.MatchString(b.text) || timeOfDay.MatchString(b.text)) {
			if d, ok := dp.labelled(b.text); ok {
				return d, true
			}
		}
	}
	return ymd{}, false
}

// dateCue reports whether a class or id names a date or the line that
// holds it.
func dateCue(ci string) bool {
	if ci == "" {
		return false
	}
	l := strings.ToLower(ci)
	return publishedCue.MatchString(l) || strings.Contains(l, "date") || strings.Contains(l, "time") ||
		strings.Contains(l, "meta") || strings.Contains(l, "byline") || strings.Contains(l, "info")
}

// timeOfDay matches a clock time such as 09:15 or 16:52:59.
var timeOfDay = regexp.MustCompile(`(?:^|[^\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?:$|[^\d])`)

// fromAttrs reads a date from the machine-readable attributes of an
// element whose class names a date ("<div class=time title=2020-09-20T…>").
func (dp dateParser) fromAttrs(n *html.Node) (ymd, bool) {
	if n == nil || n.Type != html.ElementNode {
		return ymd{}, false
	}
	for _, k := range []string{"datetime", "content", "data-datetime", "data-date", "data-timestamp", "data-time", "title"} {
		if v := attr(n, k); v != "" {
			if d, ok := dp.machine(v); ok {
				return d, true
			}
		}
	}
	return ymd{}, false
}

// labelled returns the first date in s that no update label precedes.
func (dp dateParser) labelled(s string) (ymd, bool) {
	for _, h := range dp.all(s) {
		before := s[max(0, h.at-40):h.at]
		if i := strings.LastIndexAny(before, "|•·;"); i >= 0 {
			before = before[i:]
		}
		if modifiedCue.MatchString(before) && !publishedCue.MatchString(before) {
			continue
		}
		return h.d, true
	}
	return ymd{}, false
}

// isAncestor reports whether a is n or an ancestor of n.
func isAncestor(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}
