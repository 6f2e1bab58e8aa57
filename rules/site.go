package rules

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
}
