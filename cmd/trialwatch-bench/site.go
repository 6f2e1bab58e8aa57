package main

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// site is a synthetic news site: listing pages /list/N, each linking
// perList articles and the next listing, and article pages /news/N of a
// realistic size, most of them reporting a verdict.
type site struct {
	articles, listings int
	pad                string
	first              atomic.Int64 // when the first request since reset came, in Unix nanoseconds
}

// reset forgets the first request, before another crawl.
func (s *site) reset() { s.first.Store(0) }

// firstRequest returns when the first request since reset came.
func (s *site) firstRequest() time.Time {
	if n := s.first.Load(); n != 0 {
		return time.Unix(0, n)
	}
	return time.Time{}
}

func newSite(articles, listings int) *site {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, `<li class="teaser"><a href="/section/%d">Section %d</a><p>Opinion, analysis and reports from across the region, updated daily by our correspondents.</p></li>`, i, i)
	}
	return &site{articles: articles, listings: listings, pad: b.String()}
}

var cities = []string{"Taraz", "Shymkent", "Aktobe", "Pavlodar", "Kostanay", "Semey", "Oral", "Atyrau", "Kyzylorda", "Turkistan", "Petropavl", "Ekibastuz"}
var numberWords = []string{"two", "three", "four", "five", "six", "seven"}

func (s *site) perList() int { return (s.articles + s.listings - 1) / s.listings }

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.first.CompareAndSwap(0, time.Now().UnixNano())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	switch {
	case r.URL.Path == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	case r.URL.Path == "/":
		s.listing(w, 1)
	case strings.HasPrefix(r.URL.Path, "/list/"):
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/list/"))
		if err != nil || n < 1 || n > s.listings {
			http.NotFound(w, r)
			return
		}
		s.listing(w, n)
	case strings.HasPrefix(r.URL.Path, "/news/"):
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/news/"))
		if err != nil || n < 1 || n > s.articles {
			http.NotFound(w, r)
			return
		}
		s.article(w, n)
	default:
		http.NotFound(w, r)
	}
}

func (s *site) listing(w http.ResponseWriter, n int) {
	fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bench Herald, page %d</title></head><body><nav><ul>%s</ul></nav><main>`, n, s.pad)
	from := (n-1)*s.perList() + 1
	for i := from; i < from+s.perList() && i <= s.articles; i++ {
		fmt.Fprintf(w, `<div class="teaser"><a href="/news/%d">Court decision report number %d</a></div>`, i, i)
	}
	if n < s.listings {
		fmt.Fprintf(w, `<a rel="next" href="/list/%d">Older</a>`, n+1)
	}
	fmt.Fprint(w, `</main></body></html>`)
}

func (s *site) article(w http.ResponseWriter, n int) {
	// Every article reports a decision of its own while there are days and
	// cities enough: a different day before publication, then another city.
	city := cities[(n/3000)%len(cities)]
	k := numberWords[n%len(numberWords)]
	lo, hi := 3+n%4, 5+n%6
	decided := time.Date(2025, 12, 27, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -(n % 3000))
	date := decided.Format("January 2, 2006")
	fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>%s court sentences %s officers | Bench Herald</title>
<meta property="og:site_name" content="Bench Herald">
<meta property="article:published_time" content="2025-12-28T10:00:00+05:00">
<link rel="canonical" href="/news/%d"></head><body>
<header><nav><ul>%s</ul></nav></header>
<main><article><h1>%s court sentences %s officers for abuse of detainees</h1>
<div class="article-body">
<p>The %s City Court on %s sentenced %s former police officers to between %d and %d years in prison for torturing detainees, the court said.</p>
<p>The officers were found guilty of beating %d men held at a district station in order to obtain confessions. Prosecutors had asked for longer terms.</p>
<p>Their lawyers said they would appeal the verdict. Rights groups welcomed the decision but said many similar complaints are never investigated.</p>
<p>The case is one of several brought against law enforcement officers this year. Report number %d.</p>
</div></article>
<aside class="related"><ul>%s</ul></aside></main>
<footer>© Bench Herald</footer></body></html>`,
		city, k, n, s.pad, city, k, city, date, k, lo, hi, 1+n%5, n, s.pad)
}
