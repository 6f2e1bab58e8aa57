package trialwatch

import (
	"regexp"
	"time"
)

// Source is one news site to watch, as the validated configuration gives it.
type Source struct {
	Name           string
	Start          []string         // listing pages walked every run
	Feeds          []string         // RSS, Atom or JSON feeds read every run
	Sitemaps       []string         // sitemaps or sitemap indexes read every run
	AllowedDomains []string         // hosts the crawl may fetch from
	Follow         []*regexp.Regexp // URL paths of listing pages worth walking
	Articles       []*regexp.Regexp // URL paths of article pages
	Schedule       string           // robfig/cron spec
	Delay          time.Duration    // between requests to one host
	Parallel       int              // requests in flight per host
	MaxDepth       int              // link hops from a start page
	Timeout        time.Duration    // per request
	MaxBody        int64            // bytes per response, after decompression
}

// IsArticle reports whether the URL path matches one of the source's
// article patterns.
func (s *Source) IsArticle(path string) bool { return matchAny(s.Articles, path) }

// IsListing reports whether the URL path matches one of the source's follow
// patterns.
func (s *Source) IsListing(path string) bool { return matchAny(s.Follow, path) }

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
