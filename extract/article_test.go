package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// story is the running text the fixtures wrap in different layouts; the
// tests look for its first and last words in the main text.
const story = `<p>A district court in Taldykorgan on Monday convicted four former police officers of torturing people detained after the unrest, prosecutors said.</p>
<p>Three of them were given prison terms of between four and six years, while the fourth received a suspended sentence, according to the prosecutor's office.</p>
<p>All four were stripped of their ranks and banned from working in the civil service again, the statement said.</p>`

// read runs ReadArticle on a fixture, failing the test on an error.
func read(tb testing.TB, url, body string, rs *rules.Set) trialwatch.Article {
	tb.Helper()
	a, err := ReadArticle(&trialwatch.Page{URL: url, Body: []byte(body), Fetched: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, rs)
	if err != nil {
		tb.Fatalf("ReadArticle: %v", err)
	}
	return a
}

func TestReadArticleMetadata(t *testing.T) {
	tests := []struct {
		name                             string
		url, html                        string
		title, published, outlet, canURL string
	}{
		{
			name: "json-ld",
			url:  "https://news.example/a/1?utm=x",
			html: `<html><head><title>Police officers convicted | Example News</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
{"@type":"NewsArticle","headline":"Police officers convicted","datePublished":"2024-03-20T10:00:00+05:00","dateModified":"2024-03-22T08:00:00+05:00","publisher":{"@type":"Organization","name":"Example News"}}]}</script>
<link rel="canonical" href="/a/1"></head><body><article><h1>Police officers convicted</h1>` + story + `</article></body></html>`,
			title: "Police officers convicted", published: "2024-03-20", outlet: "Example News", canURL: "https://news.example/a/1",
		},
		{
			name: "open graph",
			url:  "https://www.example.org/story",
			html: `<html><head><title>Officers jailed – The Daily Example</title>
<meta property="og:title" content="Officers jailed"><meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://example.org/news/officers-jailed">
<meta property="article:modified_time" content="2024-05-02T10:00:00Z">
<meta property="article:published_time" content="2024-05-01T10:00:00Z"></head>
<body><h1>Officers jailed</h1>` + story + `</body></html>`,
			title: "Officers jailed", published: "2024-05-01", outlet: "The Daily Example", canURL: "https://example.org/news/officers-jailed",
		},
		{
			name: "canonical on another site is ignored",
			url:  "https://mirror.example/copy/7",
			html: `<html><head><title>Verdict</title><link rel="canonical" href="https://other.example/original/7"></head>
<body><h1>Verdict</h1><time datetime="2023-11-02">2 November 2023</time>` + story + `</body></html>`,
			title: "Verdict", published: "2023-11-02", outlet: "mirror.example", canURL: "https://mirror.example/copy/7",
		},
		{
			name:  "canonical pointing at the home page is ignored",
			url:   "https://site.example/news/42",
			html:  `<html><head><title>Verdict | Site</title><link rel="canonical" href="https://site.example/"></head><body><h1>Verdict</h1>` + story + `</body></html>`,
			title: "Verdict", outlet: "Site", canURL: "https://site.example/news/42",
		},
		{
			name: "time element marked as update is skipped",
			url:  "https://t.example/n",
			html: `<html><head><title>Ruling</title></head><body><article><h1>Ruling</h1>
<p class="meta">Updated <time datetime="2024-06-03T09:00">3 June</time> · Published <time datetime="2024-06-01T08:00">1 June</time></p>` + story + `</article></body></html>`,
			title: "Ruling", published: "2024-06-01", outlet: "t.example", canURL: "https://t.example/n",
		},
		{
			name:  "text date after headline, day month year",
			url:   "https://d.example/x",
			html:  `<html><body><div class="logo"><a href="/">DAILY EXAMPLE</a></div><h1>Court rules</h1><div class="info">20 March 2024</div>` + story + `<footer>About Daily Example</footer></body></html>`,
			title: "Court rules", published: "2024-03-20", outlet: "Daily Example", canURL: "https://d.example/x",
		},
		{
			name:  "text date, numeric with time",
			url:   "https://d.example/y",
			html:  `<html><body><div class="news-title"><h2>Court rules</h2></div><div class="news-date">20.03.2024, 09:15</div><div class="news-text">` + story + `</div></body></html>`,
			title: "", published: "2024-03-20", outlet: "d.example", canURL: "https://d.example/y",
		},
		{
			name:  "text date, month day year",
			url:   "https://d.example/z",
			html:  `<html><head><title>Court rules - D Example</title></head><body><h1>Court rules</h1><span class="byline">By A. Writer</span> <span>Mar 20, 2024</span>` + story + `</body></html>`,
			title: "Court rules", published: "2024-03-20", outlet: "D Example", canURL: "https://d.example/z",
		},
		{
			name:  "text date in Russian with an update label",
			url:   "https://ru.example/news/5",
			html:  `<html lang="ru"><body><h1>Суд вынес приговор</h1><div>Обновлено: 22 марта 2024 | Опубликовано: 20 марта 2024 г.</div>` + story + `</body></html>`,
			title: "Суд вынес приговор", published: "2024-03-20", outlet: "ru.example", canURL: "https://ru.example/news/5",
		},
		{
			name:  "date from the URL",
			url:   "https://u.example/news/2022/03/14/slug",
			html:  `<html><body><h1>Detained</h1>` + story + `</body></html>`,
			title: "Detained", published: "2022-03-14", outlet: "u.example", canURL: "https://u.example/news/2022/03/14/slug",
		},
		{
			name: "logo in an h1, related stories in JSON-LD",
			url:  "https://kzdaily.example/news/77",
			html: `<html><head><title>Officers sentenced</title>
<script type="application/ld+json">[{"@type":"NewsArticle","headline":"Other story","datePublished":"2023-01-05"},{"@type":"NewsArticle","headline":"Officers sentenced","datePublished":"2024-02-02"}]</script></head>
<body><h1 class="site-logo">KZ Daily</h1><h2>Officers sentenced</h2>` + story + `</body></html>`,
			title: "Officers sentenced", published: "2024-02-02", outlet: "KZ Daily", canURL: "https://kzdaily.example/news/77",
		},
		{
			name: "no h1, date line at the end of the story",
			url:  "https://e.example/item?id=9",
			html: `<html><head><title>Officers sentenced</title></head><body><div><h2>Officers sentenced</h2><div>` + story + `<div>Published: 20 March 2024</div></div></div>
<div><h4>Latest</h4><ul><li>Something else happened on 1 April 2024 somewhere</li></ul></div></body></html>`,
			title: "Officers sentenced", published: "2024-03-20", outlet: "e.example", canURL: "https://e.example/item?id=9",
		},
		{
			name: "section name in the h1, address as site name",
			url:  "https://www.kzweekly.example/law/2024/05/06/x",
			html: `<html><head><title>Appeal court upholds the sentences of two officers - KZ Weekly</title><meta property="og:site_name" content="https://www.kzweekly.example"></head>
<body><h1>Law</h1><div>` + story + `</div></body></html>`,
			title: "Appeal court upholds the sentences of two officers", published: "2024-05-06", outlet: "KZ Weekly", canURL: "https://www.kzweekly.example/law/2024/05/06/x",
		},
		{
			name: "section name after the headline in og:title",
			url:  "https://e.example/crime/2024/05/06/x",
			html: `<html><head><title>Guards convicted | Crime | E News</title><meta property="og:title" content="Guards convicted | Crime"><meta property="og:site_name" content="E News"></head>
<body><h1>Guards convicted</h1>` + story + `</body></html>`,
			title: "Guards convicted", published: "2024-05-06", outlet: "E News", canURL: "https://e.example/crime/2024/05/06/x",
		},
		{
			name:  "future dates are refused",
			url:   "https://f.example/n",
			html:  `<html><head><meta property="article:published_time" content="2031-01-01"></head><body><h1>Later</h1><time datetime="2024-12-30">30 December 2024</time>` + story + `</body></html>`,
			title: "Later", published: "2024-12-30", outlet: "f.example", canURL: "https://f.example/n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := read(t, tt.url, tt.html, nil)
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if a.Published != tt.published {
				t.Errorf("published = %q, want %q", a.Published, tt.published)
			}
			if a.Outlet != tt.outlet {
				t.Errorf("outlet = %q, want %q", a.Outlet, tt.outlet)
			}
			if a.URL != tt.canURL {
				t.Errorf("url = %q, want %q", a.URL, tt.canURL)
			}
			if !strings.HasPrefix(a.Text, "A district court") || !strings.HasSuffix(a.Text, "the statement said.") {
				t.Errorf("text = %q", a.Text)
			}
			if len(a.Sentences) != 3 {
				t.Errorf("sentences = %q, want 3", a.Sentences)
			}
		})
	}
}

func TestReadArticleDropsFurniture(t *testing.T) {
	page := `<html><head><title>Officers convicted | Example</title></head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience on this website, please accept them all.</p></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/crime">Crime</a></li></ul></nav></header>
<main><article>
<h1>Officers convicted</h1>
<div class="byline">By Jane Reporter, court correspondent for the paper</div>
<figure><img src="x.jpg"><figcaption>Defendants in the courtroom in Taldykorgan, where the sentence was read.</figcaption></figure>
<div class="article-body"><p class="author">By John Writer, staff correspondent</p>` + story + `<p class="photo-credit">Photo: court press service of the region</p>
<div class="ad-slot">Advertisement</div>
<div class="related-stories"><h3>Related</h3><p>In another case a court jailed seven officers for nine years over a death in custody in 2023.</p></div>
<p>Read more:</p>
</div>
<section class="comments"><p>Reader comment: the sentence of five years handed to the officer was far too lenient for this crime.</p></section>
</article>
<aside class="most-read"><ol><li><a href="/x">Court jails six officers for three years over torture</a></li></ol></aside>
<div class="newsletter"><p>Sign up for our newsletter and get the most important court news every morning.</p></div>
</main>
<footer><p>Copyright 2024 Example. All rights reserved, reproduction forbidden without permission.</p></footer>
</body></html>`
	a := read(t, "https://example.com/a", page, nil)
	for _, bad := range []string{"cookies", "Home", "Jane Reporter", "courtroom", "Advertisement", "seven officers", "Reader comment", "six officers", "newsletter", "Copyright", "Read more", "John Writer", "press service"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("main text holds furniture %q:\n%s", bad, a.Text)
		}
	}
	if !strings.HasPrefix(a.Text, "A district court") || !strings.HasSuffix(a.Text, "the statement said.") {
		t.Errorf("text = %q", a.Text)
	}
	if got := strings.Count(a.Text, "\n\n"); got != 2 {
		t.Errorf("text has %d paragraph breaks, want 2:\n%s", got, a.Text)
	}
}

func TestReadArticleSiteRule(t *testing.T) {
	site := &rules.Site{
		Name: "example", Domains: []string{"example.net"}, Outlet: "Example Net",
		Title: ".hed", Body: ".copy", Date: ".when", Drop: []string{".inline-promo"},
	}
	if err := site.Validate(); err != nil {
		t.Fatal(err)
	}
	rs := &rules.Set{Sites: []*rules.Site{site}}
	page := `<html><head><title>Wrong title</title><meta property="og:title" content="Also wrong">
<meta property="article:published_time" content="2020-01-01"></head><body>
<h1>Not the headline</h1><div class="hed">Real headline</div><span class="when">Posted 5 May 2024</span>
<div class="copy"><p>First paragraph of the copy.</p><p class="inline-promo">Subscribe now!</p></div>
<div class="long"><p>` + strings.Repeat("A much longer block of text that the fallback would choose instead. ", 20) + `</p></div>
<div class="copy"><p>Second block of the copy.</p></div></body></html>`
	a := read(t, "https://www.example.net/p/1", page, rs)
	if a.Title != "Real headline" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Published != "2024-05-05" {
		t.Errorf("published = %q", a.Published)
	}
	if a.Outlet != "Example Net" {
		t.Errorf("outlet = %q", a.Outlet)
	}
	if want := "First paragraph of the copy.\n\nSecond block of the copy."; a.Text != want {
		t.Errorf("text = %q, want %q", a.Text, want)
	}
	// the same page on another host is read by the fallback
	b := read(t, "https://other.example/p/1", page, rs)
	if !strings.Contains(b.Text, "much longer block") || b.Published != "2020-01-01" {
		t.Errorf("fallback read text %q, published %q", b.Text, b.Published)
	}
}

func TestReadArticleErrors(t *testing.T) {
	if _, err := ReadArticle(nil, nil); err == nil || !strings.HasPrefix(err.Error(), "extract: ") {
		t.Errorf("nil page: err = %v", err)
	}
	_, err := ReadArticle(&trialwatch.Page{URL: "https://e.example/x", Body: []byte(" \n ")}, nil)
	if err == nil || !strings.Contains(err.Error(), "https://e.example/x") || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty body: err = %v", err)
	}
}

func TestReadArticleInvalidUTF8(t *testing.T) {
	a := read(t, "https://e.example/x", "<html><body><h1>Bad \xff byte</h1><p>Text with a bad \xfe byte in it, long enough to be a paragraph.</p></body></html>", nil)
	if !strings.Contains(a.Title, "Bad") || strings.ContainsRune(a.Text, '\xfe') {
		t.Errorf("article = %+v", a)
	}
}

func TestReadArticleTeaserHeadings(t *testing.T) {
	tests := []struct {
		name, after string
		keep, drop  []string
	}{
		{
			name:  "related teasers with excerpts",
			after: `<h3>Related</h3><div class="x"><a href="/b">Seven officers jailed</a> <span>A court jailed seven officers for nine years.</span></div><article><h4>Another verdict</h4><p>A court acquitted two guards of torture after a long trial that lasted years.</p></article>`,
			drop:  []string{"Seven officers", "nine years", "acquitted two guards"},
		},
		{
			name:  "story goes on after a read-also list",
			after: `<p>Читайте также:</p><ul><li><a href="/c">Суд оправдал полицейских</a></li></ul><p>The defence said it would appeal the verdict at the regional court next month.</p>`,
			keep:  []string{"would appeal the verdict"},
			drop:  []string{"Читайте", "оправдал"},
		},
		{
			name:  "teaser cards without a heading",
			after: `<div><div><a href="/x">Five police officers jailed in Aktobe</a><p>A court sentenced five officers to seven years for torture.</p></div><div><h3><a href="/y">Guards acquitted in Karaganda</a></h3><p>Two guards were acquitted of abusing an inmate.</p></div></div>`,
			drop:  []string{"Aktobe", "seven years", "Karaganda", "acquitted"},
		},
		{
			name:  "teaser list without a heading",
			after: `<ul><li><a href="/x">Five police officers jailed in Aktobe</a> – a court sentenced five officers to seven years.</li><li><a href="/y">Guards acquitted in Karaganda</a> – two guards were acquitted.</li></ul>`,
			drop:  []string{"Aktobe", "seven years", "Karaganda"},
		},
		{
			name:  "a list in the story stays",
			after: `<ul><li>The first officer received six years in a general-regime colony.</li><li>The second officer received four years, the <a href="/court">court</a> said.</li></ul>`,
			keep:  []string{"six years in a general-regime colony", "four years"},
		},
		{
			name:  "comments under a heading, no class names",
			after: `<div><h3>Comments (2)</h3><div><p>Ten years would have been fair for what these officers did to the detainees.</p></div></div>`,
			drop:  []string{"Ten years", "Comments"},
		},
		{
			name:  "cookie notice without class names",
			after: `<div><p>We use cookies to give you the best experience on our website. By continuing you agree to our use of cookies.</p></div>`,
			drop:  []string{"cookies"},
		},
		{
			name:  "inline read-more link",
			after: `<p>Read more</p><p>Prosecutors had asked for longer terms of up to nine years for each of the officers.</p>`,
			keep:  []string{"up to nine years"},
			drop:  []string{"Read more"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := read(t, "https://e.example/a", `<html><body><h1>Verdict</h1><div class="content">`+story+tt.after+`</div></body></html>`, nil)
			if !strings.HasPrefix(a.Text, "A district court") {
				t.Errorf("story lost: %q", a.Text)
			}
			for _, k := range tt.keep {
				if !strings.Contains(a.Text, k) {
					t.Errorf("text lost %q:\n%s", k, a.Text)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(a.Text, d) {
					t.Errorf("text holds teaser %q:\n%s", d, a.Text)
				}
			}
		})
	}
}

func TestReadArticleLocalDay(t *testing.T) {
	// 22:30 UTC is already the next day where the outlet is; the page
	// shows that day
	page := `<html><head><meta property="article:published_time" content="2024-03-19T22:30:00Z"></head><body>
<h1>Verdict</h1><time datetime="2024-03-20T04:30:00+06:00">20 March 2024</time>` + story + `</body></html>`
	if a := read(t, "https://e.example/a", page, nil); a.Published != "2024-03-20" {
		t.Errorf("published = %q, want 2024-03-20", a.Published)
	}
	// at noon UTC the meta date stands, whatever the page shows
	page = strings.Replace(page, "T22:30:00Z", "T12:00:00Z", 1)
	if a := read(t, "https://e.example/a", page, nil); a.Published != "2024-03-19" {
		t.Errorf("published = %q, want 2024-03-19", a.Published)
	}
}

// TestReadArticleConcurrent reads pages from several goroutines with one
// shared rule set, as the crawler does; run with -race.
func TestReadArticleConcurrent(t *testing.T) {
	site := &rules.Site{Name: "e", Domains: []string{"e.example"}, Body: ".article-body", Drop: []string{".ad"}}
	if err := site.Validate(); err != nil {
		t.Fatal(err)
	}
	rs := &rules.Set{Sites: []*rules.Site{site}}
	page := `<html><body><h1>Verdict</h1><div class="article-body">` + story + `<p class="ad">Ad</p></div></body></html>`
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() {
			for j := 0; j < 20; j++ {
				a, err := ReadArticle(&trialwatch.Page{URL: "https://e.example/a", Body: []byte(page)}, rs)
				if err != nil || strings.Contains(a.Text, "Ad") || !strings.HasPrefix(a.Text, "A district court") {
					done <- "bad read: " + a.Text
					return
				}
			}
			done <- ""
		}()
	}
	for i := 0; i < 8; i++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

func TestReadArticleLocalDayFromText(t *testing.T) {
	tests := []struct{ stamp, shown, want string }{
		{"2024-03-19T22:30:00Z", "20 March 2024", "2024-03-20"},      // east of UTC: next day
		{"2024-03-20T02:30:00Z", "19 March 2024", "2024-03-19"},      // west of UTC: day before
		{"2024-03-19T22:30:00Z", "18 March 2024", "2024-03-19"},      // the wrong way: the stamp stands
		{"2024-03-19T12:00:00Z", "20 March 2024", "2024-03-19"},      // midday: the stamp stands
		{"2024-03-19T22:30:00+05:00", "20 March 2024", "2024-03-19"}, // not UTC: the stamp stands
	}
	for _, tt := range tests {
		t.Run(tt.stamp+" "+tt.shown, func(t *testing.T) {
			page := `<html><head><meta property="article:published_time" content="` + tt.stamp + `"></head><body>
<h1>Verdict</h1><div class="date">` + tt.shown + `</div>` + story + `</body></html>`
			if a := read(t, "https://e.example/a", page, nil); a.Published != tt.want {
				t.Errorf("published = %q, want %q", a.Published, tt.want)
			}
		})
	}
}

func TestReadArticleLinkedSentence(t *testing.T) {
	page := `<html><body><h1>Verdict</h1><div class="content">` + story +
		`<p>The officer was <a href="/x">sentenced to life in a federal prison</a> last Thursday.</p>` +
		`<p><a href="/y">Five officers jailed in Aktobe for torture of a detainee</a></p></div></body></html>`
	a := read(t, "https://e.example/a", page, nil)
	if !strings.Contains(a.Text, "sentenced to life in a federal prison last Thursday.") {
		t.Errorf("sentence with a long link lost:\n%s", a.Text)
	}
	if strings.Contains(a.Text, "Aktobe") {
		t.Errorf("paragraph that is all link kept:\n%s", a.Text)
	}
}
