package demo

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"strings"
	texttemplate "text/template"
)

// xmlFuncs escape text for the feed and the sitemap.
var xmlFuncs = texttemplate.FuncMap{"x": func(s any) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(fmt.Sprint(s)))
	return b.String()
}}

const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="alternate" type="application/rss+xml" title="Steppe Herald" href="/rss.xml">`

const nav = `<header class="masthead"><a class="brand" href="/">Steppe Herald</a>
<nav><a href="/">News</a> <a href="/page/2">Archive</a> <a href="/private/drafts">Staff</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>`

const foot = `<footer><p>© Steppe Herald. Independent news from Central Asia.</p><a href="/rss.xml">RSS</a></footer></body></html>`

var listTmpl = template.Must(template.New("list").Parse(head + `<title>Steppe Herald — news from Central Asia</title></head><body>` + nav + `
<main><h1>Latest news</h1>
{{range .Stories}}<div class="teaser"><h2><a href="{{.URL}}">{{.Title}}</a></h2><p>{{.Dek}}</p><time datetime="{{.Published.Format "2006-01-02T15:04:05Z07:00"}}">{{.Published.Format "2 January 2006"}}</time></div>
{{end}}
<div class="pager">{{if gt .Page 1}}<a href="/page/{{.Page}}">Page {{.Page}}</a>{{end}} {{with .Next}}<a href="/page/{{.}}">Older stories</a>{{end}}</div>
</main>` + foot))

var articleTmpl = template.Must(template.New("article").Parse(head + `
<title>{{.S.Title}} | Steppe Herald</title>
<link rel="canonical" href="{{.S.URL}}">
<meta property="og:site_name" content="Steppe Herald">
<meta property="og:title" content="{{.S.Title}}">
<meta property="article:published_time" content="{{.S.Published.Format "2006-01-02T15:04:05Z07:00"}}">
</head><body>` + nav + `
<main><article>
<h1>{{.S.Title}}</h1>
<p class="dek">{{.S.Dek}}</p>
<div class="meta">By Steppe Herald staff · <time datetime="{{.S.Published.Format "2006-01-02T15:04:05Z07:00"}}">{{.S.Published.Format "2 January 2006, 15:04"}}</time></div>
<div class="article-body">
{{.S.Body}}
</div>
</article>
<aside class="related"><h3>Related</h3>{{range .Related}}<div class="teaser"><a href="{{.URL}}">{{.Title}}</a><p>{{.Dek}}</p></div>{{end}}</aside>
</main>` + foot))

var rssTmpl = texttemplate.Must(texttemplate.New("rss").Funcs(xmlFuncs).Parse(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Steppe Herald</title><link>{{.Base}}/</link><description>News from Central Asia</description>
{{range .Stories}}<item><title>{{x .Title}}</title><link>{{$.Base}}{{.URL}}</link><guid>{{$.Base}}{{.URL}}</guid><pubDate>{{.Published.Format "Mon, 02 Jan 2006 15:04:05 -0700"}}</pubDate><description>{{x .Dek}}</description></item>
{{end}}</channel></rss>
`))

var sitemapTmpl = texttemplate.Must(texttemplate.New("sitemap").Funcs(xmlFuncs).Parse(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{range .Stories}}<url><loc>{{$.Base}}{{.URL}}</loc><lastmod>{{.Published.Format "2006-01-02"}}</lastmod></url>
{{end}}</urlset>
`))
