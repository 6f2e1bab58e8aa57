package extract

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/trialwatch/trialwatch/rules"
)

// publishedMeta are the <meta> names that carry a publication date, the
// most trustworthy first.
var publishedMeta = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"article:published", "datepublished", "published_time", "publishdate",
	"publish-date", "publish_date", "publication_date", "publication-date",
	"pubdate", "pub_date", "date_published", "parsely-pub-date", "sailthru.date",
	"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
	"citation_publication_date", "citation_date", "originalpublicationdate",
	"article_date_original", "article.published", "cxenseparse:recs:publishtime",
	"datecreated", "date_created", "created", "displaydate", "release_date",
	"dc.date", "dcterms.date", "date", "ptime", "pdate", "uploaddate",
	"og:updated_time",
}

// modifiedMeta are the <meta> names of a last-modified date, the last resort.
var modifiedMeta = []string{
	"article:modified_time", "og:article:modified_time", "datemodified",
	"dcterms.modified", "last-modified", "lastmod", "revised",
}

// publishedCue and modifiedCue tell, from a class, id, itemprop or label,
// whether a date is the publication date or a later update.
var (
	publishedCue = cueWords{"publish", "posted", "created", "pubdate", "dateline", "date-line", "issued", "опубликован", "публикац", "veröffentlicht", "publié", "publicado", "pubblicato", "жарияланды"}
	modifiedCue  = cueWords{"updat", "modif", "edited", "revised", "обновл", "изменен", "aktualisiert", "mis à jour", "actualizado", "aggiornato"}
	// urlDate finds /2024/03/20/, /2024-03-20/ and /20240320/ in a URL path.
	urlDate = regexp.MustCompile(`/((?:19|20)\d{2})(?:/(\d{1,2}|[a-z]{3})/(\d{1,2})|-(\d{1,2})-(\d{1,2})|_(\d{1,2})_(\d{1,2})|(\d{2})(\d{2}))(?:[/\-_.]|$)`)
	urlDash = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[^\d]|$)`)
)

// cueWords are lower-case word stems; a text matches when it holds one.
type cueWords []string

// MatchString reports whether s holds one of the stems, ignoring case.
func (c cueWords) MatchString(s string) bool {
	s = strings.ToLower(s)
	for _, w := range c {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// pubDate finds the page's publication date as YYYY-MM-DD, or "".
func (p *page) pubDate(site *rules.Site, dp dateParser, headline *html.Node) string {
	if sel := site.DateSelector(); sel != nil {
		for _, n := range p.query(sel) {
			if d, ok := dp.fromElement(n); ok {
				return d.String()
			}
		}
	}
	if d, ok := dp.fromURL(p.urlPath()); ok {
		return d.String()
	}
	var structured []string
	for _, o := range p.mainLD(headline) {
		for _, k := range []string{"datePublished", "dateCreated", "uploadDate"} {
			structured = append(structured, o.str(k))
		}
	}
	for _, k := range publishedMeta {
		structured = append(structured, p.meta[k]...)
	}
	for _, v := range structured {
		if d, ok := dp.machine(v); ok {
			if shift := midnightShift(v); shift != 0 {
				// the outlet's own calendar day may be the next (late
				// evening UTC) or the one before (small hours UTC); the
				// date shown on the page tells
				if shown, ok := p.shownDate(dp, headline); ok && signedGap(shown, d) == shift {
					return shown.String()
				}
			}
			return d.String()
		}
	}
	if d, ok := p.markedDate(dp, headline); ok {
		return d.String()
	}
	if d, ok := p.textDate(dp, headline); ok {
		return d.String()
	}
	for _, k := range modifiedMeta {
		for _, v := range p.meta[k] {
			if d, ok := dp.machine(v); ok {
				return d.String()
			}
		}
	}
	if d, ok := dp.rawStamp(p.raw); ok {
		return d.String()
	}
	return ""
}

// rawStamp is the last resort: the first valid full timestamp anywhere in
// the page source, as RDF comments, scripts and cache notes hold them:
// 2020-07-03T17:16:22, 2020/04/17 01:43. A hand-written scan: a pattern
// would take milliseconds over a large page.
func (dp dateParser) rawStamp(raw []byte) (ymd, bool) {
	digits := func(b []byte) bool {
		for _, c := range b {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	for i := 0; i+16 <= len(raw); i++ {
		c := raw[i]
		if c != '1' && c != '2' || i > 0 && raw[i-1] >= '0' && raw[i-1] <= '9' {
			continue
		}
		b := raw[i : i+16]
		sep := b[4]
		if sep != '-' && sep != '/' || b[7] != sep || b[10] != 'T' && b[10] != ' ' || b[13] != ':' {
			continue
		}
		if !digits(b[0:4]) || !digits(b[5:7]) || !digits(b[8:10]) || !digits(b[11:13]) || !digits(b[14:16]) {
			continue
		}
		d := ymd{atoi(string(b[0:4])), atoi(string(b[5:7])), atoi(string(b[8:10]))}
		if h := atoi(string(b[11:13])); h < 24 && d.valid(dp.latest) {
			return d, true
		}
	}
	return ymd{}, false
}

// shownDate is the date the page shows its readers: in marked-up time
// elements, else written near the headline.
func (p *page) shownDate(dp dateParser, headline *html.Node) (ymd, bool) {
	if d, ok := p.markedDate(dp, headline); ok {
		return d, true
	}
	return p.textDate(dp, headline)
}

// midnightShift tells, for a machine timestamp in UTC within four hours
// of midnight, which way the outlet's local day may differ: +1 in the late
// evening, -1 in the small hours, 0 otherwise.
func midnightShift(v string) int {
	v = strings.TrimSpace(v)
	if len(v) < 16 || v[10] != 'T' && v[10] != ' ' {
		return 0
	}
	if !strings.HasSuffix(v, "Z") && !strings.HasSuffix(v, "+00:00") && !strings.HasSuffix(v, "+0000") {
		return 0
	}
	switch h := atoi(v[11:13]); {
	case h >= 20:
		return 1
	case h >= 0 && h < 4:
		return -1
	}
	return 0
}

// signedGap returns the number of days from b to a.
func signedGap(a, b ymd) int {
	ta := time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, time.UTC)
	tb := time.Date(b.y, time.Month(b.m), b.d, 0, 0, 0, 0, time.UTC)
	return int(ta.Sub(tb).Hours() / 24)
}

// urlPath is the path of the page's URL, or where the page came without
// one, of its canonical URL.
func (p *page) urlPath() string {
	if p.url.Path != "" {
		return p.url.Path
	}
	if u, err := url.Parse(p.canonicalURL()); err == nil {
		return u.Path
	}
	return ""
}

// fromElement reads a date from an element: its datetime or content
// attribute, else its text.
func (dp dateParser) fromElement(n *html.Node) (ymd, bool) {
	for _, k := range []string{"datetime", "content", "data-datetime", "data-date", "data-timestamp", "title"} {
		if v := attr(n, k); v != "" {
			if d, ok := dp.machine(v); ok {
				return d, true
			}
		}
	}
	return dp.text(cleanSpace(textOf(n)))
}

// fromURL reads a date from a URL path such as /news/2024/03/20/slug.
func (dp dateParser) fromURL(path string) (ymd, bool) {
	path = strings.ToLower(path)
	for _, m := range urlDate.FindAllStringSubmatch(path, 4) {
		for i := 2; i+1 < len(m); i += 2 {
			if m[i] == "" {
				continue
			}
			mon := atoi(m[i])
			if mon < 0 {
				mon = pubMonths[m[i]]
			}
			if d := (ymd{atoi(m[1]), mon, atoi(m[i+1])}); d.valid(dp.latest) {
				return d, true
			}
		}
	}
	if m := urlDash.FindStringSubmatch(path); m != nil {
		d := ymd{atoi(m[1]), atoi(m[2]), atoi(m[3])}
		if d.valid(dp.latest) {
			return d, true
		}
	}
	return ymd{}, false
}

// newDateParser makes the date reader for a page: dates after the fetch
// (or today) are refused, and the page's language decides 03/04/2024.
func newDateParser(p *page, fetched time.Time) dateParser {
	latest := fetched
	if latest.IsZero() {
		latest = time.Now()
	}
	return dateParser{
		latest:  latest.Add(48 * time.Hour),
		usOrder: p.lang == "en-us" || p.lang == "en_us",
		today:   fetched,
	}
}
