package demo

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	texttemplate "text/template"
	"time"
)

//go:embed site
var files embed.FS

// Story is one article of the sample site.
type Story struct {
	Slug      string
	Title     string
	Dek       string
	Published time.Time
	Body      template.HTML // the article's paragraphs; written by us, trusted
}

// Stories lists the sample site's articles, newest first.
func Stories() []Story {
	entries, _ := fs.Glob(files, "site/*.html")
	var out []Story
	for _, e := range entries {
		data, _ := files.ReadFile(e)
		out = append(out, parseStory(strings.TrimSuffix(path.Base(e), ".html"), string(data)))
	}
	sortNewest(out)
	return out
}

// parseStory reads the small header of a story file:
// title, dek and publication time on the first three lines, then the body.
func parseStory(slug, s string) Story {
	lines := strings.SplitN(s, "\n", 4)
	for len(lines) < 4 {
		lines = append(lines, "")
	}
	t, _ := time.Parse(time.RFC3339, strings.TrimSpace(lines[2]))
	return Story{Slug: slug, Title: strings.TrimSpace(lines[0]), Dek: strings.TrimSpace(lines[1]), Published: t, Body: template.HTML(lines[3])}
}

func sortNewest(s []Story) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Published.After(s[j-1].Published); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// PerPage is how many stories a listing page shows.
const PerPage = 3

// Handler serves the sample site: "/" and "/page/N" list stories, each at
// "/news/<year>/<slug>"; "/rss.xml", "/sitemap.xml" and "/robots.txt" as a
// real outlet has them. "/private/" is disallowed by robots.txt.
func Handler() http.Handler {
	stories := Stories()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { listing(w, r, stories, 1) })
	mux.HandleFunc("GET /page/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscan(r.PathValue("n"), &n); err != nil || n < 1 || (n-1)*PerPage >= len(stories) {
			http.NotFound(w, r)
			return
		}
		listing(w, r, stories, n)
	})
	mux.HandleFunc("GET /news/{year}/{slug}", func(w http.ResponseWriter, r *http.Request) {
		for _, s := range stories {
			if s.Slug == r.PathValue("slug") && r.PathValue("year") == s.Published.Format("2006") {
				render(w, articleTmpl, map[string]any{"S": s, "Related": related(stories, s)})
				return
			}
		}
		http.NotFound(w, r)
	})
	mux.HandleFunc("GET /rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		renderText(w, rssTmpl, map[string]any{"Base": base(r), "Stories": stories})
	})
	mux.HandleFunc("GET /sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		renderText(w, sitemapTmpl, map[string]any{"Base": base(r), "Stories": stories})
	})
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\n\nSitemap: %s/sitemap.xml\n", base(r))
	})
	mux.HandleFunc("GET /private/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "staff only", http.StatusForbidden)
	})
	return mux
}

// URL returns the path of a story on the sample site.
func (s Story) URL() string { return "/news/" + s.Published.Format("2006") + "/" + s.Slug }

func base(r *http.Request) string { return "http://" + r.Host }

func listing(w http.ResponseWriter, _ *http.Request, stories []Story, n int) {
	from := (n - 1) * PerPage
	to := min(from+PerPage, len(stories))
	data := map[string]any{"Stories": stories[from:to], "Page": n}
	if to < len(stories) {
		data["Next"] = n + 1
	}
	render(w, listTmpl, data)
}

func related(all []Story, s Story) []Story {
	var out []Story
	for _, o := range all {
		if o.Slug != s.Slug && len(out) < 2 {
			out = append(out, o)
		}
	}
	return out
}

func render(w http.ResponseWriter, t *template.Template, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := t.Execute(w, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func renderText(w http.ResponseWriter, t *texttemplate.Template, data any) {
	if err := t.Execute(w, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
