package extract

import (
	"net/url"
	"strings"
)

// canonicalURL returns the page's canonical URL (<link rel=canonical>,
// og:url, the JSON-LD url) when it is absolute, on the same site and not
// merely the home page; otherwise the page's own URL.
func (p *page) canonicalURL() string {
	cands := append([]string{}, p.links["canonical"]...)
	cands = append(cands, p.meta["og:url"]...)
	for _, o := range p.articleLD() {
		if o.isArticle() {
			cands = append(cands, o.str("url"), ldString(o["mainEntityOfPage"]))
		}
	}
	for _, c := range cands {
		if u, ok := p.sameSite(c); ok {
			return u
		}
	}
	return p.url.String()
}

// sameSite resolves ref against the page URL and returns it when it is an
// http(s) URL of the same registrable domain that is not the site's home
// page while the page itself is not.
func (p *page) sameSite(ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	u = p.url.ResolveReference(u)
	if u.Scheme == "" && u.Host != "" {
		u.Scheme = "https" // "//host/path" on a page that came without a URL
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", false
	}
	if p.url.Host != "" {
		if siteOf(u.Hostname()) != siteOf(p.url.Hostname()) {
			return "", false
		}
		if strings.Trim(u.Path, "/") == "" && strings.Trim(p.url.Path, "/") != "" {
			return "", false
		}
	}
	u.Fragment = ""
	return u.String(), true
}

// siteOf returns the registrable part of a host, approximately: its last
// two labels, or three under a short second-level label ("bbc.co.uk").
func siteOf(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	labels := strings.Split(host, ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 && len(labels[len(labels)-2]) <= 3 {
		n = 3
	}
	if len(labels) <= n {
		return host
	}
	return strings.Join(labels[len(labels)-n:], ".")
}
