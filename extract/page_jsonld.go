package extract

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// ldObject is one JSON-LD object of a page.
type ldObject map[string]any

// parseLD decodes the text of one JSON-LD script and returns its objects,
// with @graph members and lists opened up. Broken JSON yields nothing.
func parseLD(text string) []ldObject {
	text = strings.TrimSpace(text)
	text = strings.TrimPrefix(text, "<!--")
	text = strings.TrimSuffix(text, "-->")
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), ";"))
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return salvageLD(text)
	}
	var out []ldObject
	flattenLD(v, &out, 0)
	return out
}

// ldField finds a "key": "string value" pair in broken JSON-LD.
var ldField = regexp.MustCompile(`"(@type|headline|datePublished|dateCreated|url|name)"\s*:\s*"([^"]{1,300})"`)

// salvageLD reads the fields the extractor uses out of JSON-LD that does
// not parse (stray commas, raw line breaks in strings): the first @type and
// the first value of each field, as one object.
func salvageLD(text string) []ldObject {
	o := ldObject{}
	for _, m := range ldField.FindAllStringSubmatch(text, 50) {
		if _, seen := o[m[1]]; !seen {
			o[m[1]] = m[2]
		}
	}
	if len(o) == 0 {
		return nil
	}
	return []ldObject{o}
}

// flattenLD appends every object of v (itself, graph members, list items)
// to out.
func flattenLD(v any, out *[]ldObject, depth int) {
	if depth > 4 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			flattenLD(x, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, ldObject(t))
		if g, ok := t["@graph"]; ok {
			flattenLD(g, out, depth+1)
		}
	}
}

// articleTypes are the schema.org types of news articles and their kin.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true,
	"backgroundnewsarticle": true, "reviewnewsarticle": true,
	"blogposting": true, "socialmediaposting": true, "liveblogposting": true,
	"scholarlyarticle": true, "techarticle": true, "report": true,
	"webpage": false, "medicalwebpage": false,
}

// types returns the object's @type values, lower-case.
func (o ldObject) types() []string {
	switch t := o["@type"].(type) {
	case string:
		return []string{strings.ToLower(t)}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, strings.ToLower(s))
			}
		}
		return out
	}
	return nil
}

// isArticle reports whether the object is a kind of article.
func (o ldObject) isArticle() bool {
	for _, t := range o.types() {
		if articleTypes[t] {
			return true
		}
	}
	return false
}

// isType reports whether the object has the lower-case type t.
func (o ldObject) isType(t string) bool {
	for _, x := range o.types() {
		if x == t {
			return true
		}
	}
	return false
}

// str returns the string value of key, the first string of a list, or the
// "name" of an object.
func (o ldObject) str(key string) string {
	return ldString(o[key])
}

// ldString reduces a JSON-LD value to a string.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return cleanSpace(t)
	case []any:
		for _, x := range t {
			if s := ldString(x); s != "" {
				return s
			}
		}
	case map[string]any:
		if s, ok := t["name"].(string); ok {
			return cleanSpace(s)
		}
		if s, ok := t["@id"].(string); ok {
			return cleanSpace(s)
		}
	}
	return ""
}

// articleLD returns the page's article objects, then its web pages, the
// most specific first.
func (p *page) articleLD() []ldObject {
	var arts, pages []ldObject
	for _, o := range p.ld {
		switch {
		case o.isArticle():
			arts = append(arts, o)
		case o.isType("webpage") || o.isType("itempage"):
			pages = append(pages, o)
		}
	}
	return append(arts, pages...)
}

// mainLD returns the article objects of articleLD with those about this
// page first: whose headline is the page's headline (its <h1>, og:title or
// <title>) or whose URL is the page's. Pages also describe related stories
// in JSON-LD.
func (p *page) mainLD(headline *html.Node) []ldObject {
	all := p.articleLD()
	if len(all) < 2 {
		return all
	}
	hints := []string{p.metaFirst("og:title"), p.titleTag}
	if headline != nil {
		hints = append(hints, cleanSpace(textOf(headline)))
	}
	canon := p.canonicalURL()
	var mine, rest []ldObject
	for _, o := range all {
		hl, u := o.str("headline"), o.str("url")
		match := u != "" && u == canon
		for _, h := range hints {
			if hl != "" && h != "" && strings.HasPrefix(h, hl) {
				match = true
			}
		}
		if match {
			mine = append(mine, o)
		} else {
			rest = append(rest, o)
		}
	}
	return append(mine, rest...)
}
