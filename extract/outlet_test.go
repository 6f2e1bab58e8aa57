package extract

import "testing"

func TestSplitTitle(t *testing.T) {
	tests := []struct{ title, host, head, site string }{
		{"Officers jailed | Steppe Wire", "", "Officers jailed", "Steppe Wire"},
		{"Officers jailed – Steppe Wire", "", "Officers jailed", "Steppe Wire"},
		{"Officers jailed - Steppe Wire", "steppewire.example", "Officers jailed", "Steppe Wire"},
		{"Azerbaijan: verdict - seven media workers sentenced", "monitor.example", "Azerbaijan: verdict - seven media workers sentenced", ""},
		{"Steppe Wire | Officers jailed in Taldykorgan", "steppewire.example", "Officers jailed in Taldykorgan", "Steppe Wire"},
		{"Officers jailed", "", "Officers jailed", ""},
		{"A | B", "", "A | B", ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			head, site := splitTitle(tt.title, tt.host)
			if head != tt.head || site != tt.site {
				t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", tt.title, head, site, tt.head, tt.site)
			}
		})
	}
}

func TestOutletFromLogo(t *testing.T) {
	tests := []struct{ body, want string }{
		{`<div class="logo"><a href="/">SEMIRECHYE DAILY</a></div><p>About Semirechye Daily</p>`, "Semirechye Daily"},
		{`<div class="logo"><a href="/">BBC</a></div>`, "BBC"},
		{`<a class="navbar-brand" href="/"><img src="l.png" alt="Caspian Wire logo"></a>`, "Caspian Wire"},
		{`<p class="site-title"><a href="/">Steppe Wire</a></p>`, "Steppe Wire"},
		{`<div><p>No logo here.</p></div>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			p, err := parsePage("", []byte("<html><body>"+tt.body+"</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := p.logoName(); got != tt.want {
				t.Errorf("logoName() = %q, want %q", got, tt.want)
			}
		})
	}
}

// mayNameLogo must hold wherever logoCue matches: it only saves trying it.
func TestMayNameLogoCoversLogoCue(t *testing.T) {
	for _, s := range []string{
		"logo", "site-logo", "SiteTitle", "header__brand", "navbar-brand x", "MASTHEAD-TITLE",
		"publicationName", "ſite-title", "site_name", "a logo b", "brand",
		"", "menu", "article-body", "blog", "prologue", "mast",
	} {
		if logoCue.MatchString(s) && !mayNameLogo(s) {
			t.Errorf("logoCue matches %q but mayNameLogo says it cannot", s)
		}
	}
	if mayNameLogo("article-body main") {
		t.Error("mayNameLogo(\"article-body main\") = true")
	}
}
