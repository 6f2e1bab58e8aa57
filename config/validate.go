package config

import (
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/trialwatch/trialwatch"
)

// Built-in values for keys that neither a source nor defaults set.
var builtin = trialwatch.Source{
	Schedule: "@every 1h",
	Delay:    2 * time.Second,
	Parallel: 2,
	MaxDepth: 2,
	Timeout:  30 * time.Second,
	MaxBody:  8 << 20,
}

const (
	defaultDB        = "trialwatch.db"
	defaultUserAgent = "trialwatch/1.0 (+https://github.com/trialwatch/trialwatch)"
	defaultListen    = "127.0.0.1:8080"
	defaultTokenEnv  = "TRIALWATCH_TOKEN"
)

var sourceName = regexp.MustCompile(`^[a-z0-9-]+$`)

type validator struct {
	file string
	root *yaml.Node
	errs Errors
}

func (v *validator) errorf(line int, format string, args ...any) {
	v.errs = append(v.errs, &Error{File: v.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// line finds the line of a value by its path of mapping keys and sequence
// indexes; it falls back to the nearest ancestor found.
func (v *validator) line(path ...any) int {
	n := v.root
	if n == nil || len(n.Content) == 0 {
		return 0
	}
	n = n.Content[0]
	best := n.Line
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						best = n.Content[i].Line
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
				best = next.Line
			}
		}
		if next == nil {
			return best
		}
		n = next
	}
	return best
}

func (v *validator) build(raw *rawConfig) *Config {
	c := &Config{
		File:      v.file,
		DB:        or(raw.DB, defaultDB),
		UserAgent: or(raw.UserAgent, defaultUserAgent),
		Listen:    or(raw.Listen, defaultListen),
		TokenEnv:  or(raw.TokenEnv, defaultTokenEnv),
		Timezone:  time.UTC,
	}
	for _, n := range raw.AllowNetworks {
		c.AllowNetworks = append(c.AllowNetworks, netip.Prefix(n))
	}
	if raw.Timezone != "" {
		loc, err := time.LoadLocation(raw.Timezone)
		if err != nil {
			v.errorf(v.line("timezone"), "unknown time zone %q", raw.Timezone)
		} else {
			c.Timezone = loc
		}
	}
	if raw.Defaults.Name != "" || len(raw.Defaults.Start)+len(raw.Defaults.Feeds)+len(raw.Defaults.Sitemaps) > 0 {
		v.errorf(v.line("defaults"), "defaults may not set name, start, feeds or sitemaps")
	}
	def := merge(&builtin, &raw.Defaults, nil)
	v.checkLimits("defaults", def, v.line("defaults"))
	seen := map[string]int{}
	for i := range raw.Sources {
		rs := &raw.Sources[i]
		line := v.line("sources", i)
		src := merge(def, &raw.Defaults, rs)
		switch {
		case rs.Name == "":
			v.errorf(line, "source has no name")
		case !sourceName.MatchString(rs.Name):
			v.errorf(v.line("sources", i, "name"), "source name %q: use lower-case letters, digits and dashes", rs.Name)
		case seen[rs.Name] > 0:
			v.errorf(v.line("sources", i, "name"), "source name %q already used on line %d", rs.Name, seen[rs.Name])
		default:
			seen[rs.Name] = v.line("sources", i, "name")
		}
		if len(rs.Start)+len(rs.Feeds)+len(rs.Sitemaps) == 0 {
			v.errorf(line, "source %q has no start pages, feeds or sitemaps", rs.Name)
		}
		hosts := []string{}
		for _, key := range []string{"start", "feeds", "sitemaps"} {
			for j, u := range map[string][]string{"start": rs.Start, "feeds": rs.Feeds, "sitemaps": rs.Sitemaps}[key] {
				h, err := checkURL(u)
				if err != nil {
					v.errorf(v.line("sources", i, key, j), "%s", err)
					continue
				}
				hosts = appendNew(hosts, h)
			}
		}
		if len(rs.AllowedDomains) == 0 {
			src.AllowedDomains = hosts
		}
		for j, d := range src.AllowedDomains {
			if d == "" || strings.ContainsAny(d, "/: ") {
				v.errorf(v.line("sources", i, "allowed_domains", j), "allowed domain %q: write a host name such as example.org", d)
			}
			src.AllowedDomains[j] = strings.ToLower(d)
		}
		v.checkLimits(fmt.Sprintf("source %q", rs.Name), src, line)
		c.Sources = append(c.Sources, src)
	}
	return c
}

func (v *validator) checkLimits(what string, s *trialwatch.Source, line int) {
	if s.Parallel < 1 {
		v.errorf(line, "%s: parallel must be at least 1", what)
	}
	if s.MaxDepth < 0 {
		v.errorf(line, "%s: max_depth may not be negative", what)
	}
	if s.Timeout <= 0 {
		v.errorf(line, "%s: timeout must be positive", what)
	}
}

func checkURL(raw string) (host string, err error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("bad URL %q: write an absolute http(s) URL", raw)
	}
	return strings.ToLower(u.Hostname()), nil
}

// merge lays a source over defaults over the built-in values.
func merge(base *trialwatch.Source, def, rs *rawSource) *trialwatch.Source {
	s := *base
	for _, r := range []*rawSource{def, rs} {
		if r == nil {
			continue
		}
		if r.Schedule != nil {
			s.Schedule = string(*r.Schedule)
		}
		if r.Delay != nil {
			s.Delay = time.Duration(*r.Delay)
		}
		if r.Parallel != nil {
			s.Parallel = *r.Parallel
		}
		if r.MaxDepth != nil {
			s.MaxDepth = *r.MaxDepth
		}
		if r.Timeout != nil {
			s.Timeout = time.Duration(*r.Timeout)
		}
		if r.MaxBody != nil {
			s.MaxBody = int64(*r.MaxBody)
		}
		if len(r.Follow) > 0 {
			s.Follow = regexps(r.Follow)
		}
		if len(r.Articles) > 0 {
			s.Articles = regexps(r.Articles)
		}
		if len(r.AllowedDomains) > 0 {
			s.AllowedDomains = append([]string(nil), r.AllowedDomains...)
		}
	}
	if rs != nil {
		s.Name = rs.Name
		s.Start, s.Feeds, s.Sitemaps = rs.Start, rs.Feeds, rs.Sitemaps
	}
	return &s
}

func regexps(ps []pattern) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(ps))
	for i, p := range ps {
		out[i] = p.Regexp
	}
	return out
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
