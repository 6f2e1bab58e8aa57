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

// Lang returns the fact rules of a language, falling back to English, or
// nil when the set has neither.
func (s *Set) Lang(lang string) *Facts {
	if s == nil {
		return nil
	}
	if f := s.Facts[strings.ToLower(lang)]; f != nil {
		return f
	}
	return s.Facts["en"]
}

// addSite adds a site rule, replacing an earlier one with the same name or
// a shared domain.
func (s *Set) addSite(site *Site) {
	kept := s.Sites[:0:0]
	for _, old := range s.Sites {
		if old.Name == site.Name || sharesDomain(old, site) {
			continue
		}
		kept = append(kept, old)
	}
	s.Sites = append(kept, site)
}

func sharesDomain(a, b *Site) bool {
	for _, x := range a.Domains {
		for _, y := range b.Domains {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}
