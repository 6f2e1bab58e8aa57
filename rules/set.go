package rules

import "strings"

// Set is a validated collection of rules, ready for the extractors.
type Set struct {
	// Sites are the site rules, matched on the page's host.
	Sites []*Site
	// Facts are the fact rules by language code ("en", "ru").
	Facts map[string]*Facts
}

// Site returns the site rule for host (a rule for "example.org" also serves
// "www.example.org" and "news.example.org"), or nil when none applies.
func (s *Set) Site(host string) *Site {
	if s == nil {
		return nil
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	var best *Site
	bestLen := -1
	for _, site := range s.Sites {
		for _, d := range site.Domains {
			if (host == d || strings.HasSuffix(host, "."+d)) && len(d) > bestLen {
				best, bestLen = site, len(d)
			}
		}
	}
	return best
}
