package rules

import (
	"fmt"

	"github.com/andybalholm/cascadia"
)

// Site holds the CSS selectors that read articles of one site. Selectors are
// compiled when the rules are loaded, so a bad one is an error with file:line
// rather than a silent miss.
type Site struct {
	Name    string   `yaml:"name"`
	Domains []string `yaml:"domains"` // lower-case hosts, subdomains included
	Outlet  string   `yaml:"outlet"`  // the publication's name, when the page does not say
	Title   string   `yaml:"title"`   // selector of the headline
	Body    string   `yaml:"body"`    // selector of the main text container(s)
	Date    string   `yaml:"date"`    // selector of the element holding the publication date
	Drop    []string `yaml:"drop"`    // selectors removed from the body before reading it
	File    string   `yaml:"-"`       // file the rule came from
	Line    int      `yaml:"-"`       // line of the rule in that file

	// compiled is set by Validate; a Site is not copied after that.
	compiled *compiledSite
}

// compiledSite holds the selectors of a Site, compiled once.
type compiledSite struct {
	title, body, date cascadia.Selector
	drop              []cascadia.Selector
}

// Validate compiles every selector of the rule and returns an error naming
// the first one that does not compile. An empty selector is allowed: the
// extractor's general fallback then reads that part of the page.
//
// Validate keeps the compiled selectors in the rule, so it is called once,
// when the rules are loaded, before the rule is shared between goroutines.
func (s *Site) Validate() error {
	c, err := s.compile()
	if err != nil {
		return err
	}
	s.compiled = c
	return nil
}

// compile compiles the rule's selectors, or names the first bad one.
func (s *Site) compile() (*compiledSite, error) {
	c := &compiledSite{}
	var err error
	one := func(field, sel string) cascadia.Selector {
		if sel == "" || err != nil {
			return nil
		}
		m, e := cascadia.Compile(sel)
		if e != nil {
			err = fmt.Errorf("rules: site %q: %s selector %q: %w", s.Name, field, sel, e)
			return nil
		}
		return m
	}
	c.title = one("title", s.Title)
	c.body = one("body", s.Body)
	c.date = one("date", s.Date)
	for i, d := range s.Drop {
		if d == "" && err == nil {
			err = fmt.Errorf("rules: site %q: drop selector %d is empty", s.Name, i+1)
		}
		if m := one("drop", d); m != nil {
			c.drop = append(c.drop, m)
		}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// TitleSelector returns the compiled title selector, or nil when the rule
// gives none or does not validate.
func (s *Site) TitleSelector() cascadia.Selector { return s.selectors().title }

// BodySelector returns the compiled body selector, or nil when the rule
// gives none or does not validate.
func (s *Site) BodySelector() cascadia.Selector { return s.selectors().body }

// DateSelector returns the compiled date selector, or nil when the rule
// gives none or does not validate.
func (s *Site) DateSelector() cascadia.Selector { return s.selectors().date }

// DropSelectors returns the compiled drop selectors; none when the rule does
// not validate.
func (s *Site) DropSelectors() []cascadia.Selector { return s.selectors().drop }

// selectors returns the selectors compiled by Validate; for a rule that was
// never validated it compiles them on the spot, without keeping them, and an
// invalid rule has none.
func (s *Site) selectors() compiledSite {
	if s == nil {
		return compiledSite{}
	}
	if s.compiled != nil {
		return *s.compiled
	}
	c, err := s.compile()
	if err != nil {
		return compiledSite{}
	}
	return *c
}
