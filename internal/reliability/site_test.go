package reliability

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// newsSite is a generated news site: a home page linking every listing
// page, listing pages /list/N of perList teasers, and article pages
// /news/N reporting a verdict each. Every tenth article reports the same
// decision as the one before it under its own URL and headline, so a crawl
// merges reports as well as adding cases. Base shifts the decisions so two
// sites with different bases report different decisions.
type newsSite struct {
	articles, perList, base int
	// delay, when set, is slept before serving each article page.
	delay time.Duration
	// served counts article pages served.
	served atomic.Int64
}

var (
	cities = []string{"Taraz", "Shymkent", "Aktobe", "Pavlodar", "Kostanay", "Semey", "Oral", "Atyrau", "Kyzylorda", "Turkistan", "Petropavl", "Ekibastuz"}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	counts = []string{"two", "three", "four", "five", "six", "seven"}
)

func (s *newsSite) listings() int { return (s.articles + s.perList - 1) / s.perList }

func (s *newsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	case p == "/":
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Steppe Courier</title></head><body><nav>`)
		for i := 1; i <= s.listings(); i++ {
			fmt.Fprintf(w, `<a href="/list/%d">Page %d</a> `, i, i)
		}
		fmt.Fprint(w, `</nav></body></html>`)
	case strings.HasPrefix(p, "/list/"):
		n, err := strconv.Atoi(strings.TrimPrefix(p, "/list/"))
		if err != nil || n < 1 || n > s.listings() {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Steppe Courier, page %d</title></head><body><main>`, n)
		for i := (n-1)*s.perList + 1; i <= n*s.perList && i <= s.articles; i++ {
			fmt.Fprintf(w, `<div class="teaser"><a href="/news/%d">Court report %d</a></div>`, i, i)
		}
		fmt.Fprint(w, `</main></body></html>`)
	case strings.HasPrefix(p, "/news/"):
		n, err := strconv.Atoi(strings.TrimPrefix(p, "/news/"))
		if err != nil || n < 1 || n > s.articles {
			http.NotFound(w, r)
			return
		}
		if s.delay > 0 {
			time.Sleep(s.delay)
		}
		s.served.Add(1)
		s.article(w, n)
	default:
		http.NotFound(w, r)
	}
}

// article writes article n. Decisions differ by city, month and day for
// fewer than 12*12*27 decisions.
func (s *newsSite) article(w http.ResponseWriter, n int) {
	d := n
	if n%10 == 0 {
		d = n - 1 // a second report of the decision before
	}
	d += s.base
	city := cities[d%len(cities)]
	month := months[(d/len(cities))%len(months)]
	day := 1 + (d/(len(cities)*len(months)))%27
	k := counts[d%len(counts)]
	lo, hi := 3+d%4, 8+d%6
	fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Report %d: %s officers sentenced | Steppe Courier</title>
<meta property="og:site_name" content="Steppe Courier">
<meta property="article:published_time" content="2025-12-30T10:00:00+05:00">
<link rel="canonical" href="/news/%d"></head><body>
<main><article><h1>Report %d: %s court sentences %s police officers for torture</h1>
<div class="article-body">
<p>The %s City Court on %s %d sentenced %s former police officers to between %d and %d years in prison for torturing detainees, the court said.</p>
<p>The officers were found guilty of beating %d men held at a district station to obtain confessions. Prosecutors had asked for longer terms.</p>
<p>Their lawyers said they would appeal. Rights groups welcomed the decision. This is report number %d.</p>
</div></article></main>
<footer>Steppe Courier</footer></body></html>`,
		n, city, n, n, city, k, city, month, day, k, lo, hi, 1+d%5, n)
}
