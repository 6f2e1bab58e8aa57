package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	s := Default()
	f := s.Lang("en")
	if f == nil {
		t.Fatal("no English fact rules")
	}
	if len(f.ByKind("outcome")) == 0 {
		t.Error("no outcome patterns")
	}
	if got := f.CountryOf("Kazakh"); got != "Kazakhstan" {
		t.Errorf("CountryOf(Kazakh) = %q", got)
	}
	if f.CourtRe() == nil || !f.CourtRe().MatchString("the Taldykorgan City Court ruled") {
		t.Error("court pattern does not match a court")
	}
	if s.Lang("xx") != f {
		t.Error("unknown language does not fall back to English")
	}
}

func writeFile(tb testing.TB, dir, name, body string) {
	tb.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func TestCheckErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"unknown top key", "sitez: []\n", "x.yaml:1: unknown key \"sitez\""},
		{"unknown site key", "sites:\n  - name: a\n    domains: [a.example]\n    titel: h1\n", "x.yaml:4: unknown key \"titel\""},
		{"site without domains", "sites:\n  - name: a\n", "x.yaml:2: site \"a\" has no domains"},
		{"bad selector", "sites:\n  - name: a\n    domains: [a.example]\n    title: 'h1[['\n", "x.yaml:2:"},
		{"facts without lang", "facts:\n  numbers: {one: 1}\n", "x.yaml:2: facts: lang is required"},
		{"bad regexp", "facts:\n  lang: xx\n  numbers: {one: 1}\n  units: {year: 12}\n  patterns:\n    - {name: p, kind: skip, re: '(('}\n", "x.yaml:6: pattern \"p\""},
		{"unknown kind", "facts:\n  lang: xx\n  numbers: {one: 1}\n  units: {year: 12}\n  patterns:\n    - {name: p, kind: nope, re: 'a'}\n", "x.yaml:6: pattern \"p\": unknown kind"},
		{"unknown macro", "facts:\n  lang: xx\n  numbers: {one: 1}\n  units: {year: 12}\n  patterns:\n    - {name: p, kind: skip, re: '{NOPE}'}\n", "unknown macro {NOPE}"},
		{"unknown fact key", "facts:\n  lang: xx\n  numbrs: {one: 1}\n", "x.yaml:3: unknown key \"numbrs\""},
		{"bad yaml", "facts: [\n", "x.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "x.yaml", tt.body)
			errs := Check(dir)
			if len(errs) == 0 {
				t.Fatalf("Check accepted %q", tt.body)
			}
			var all []string
			for _, e := range errs {
				all = append(all, e.Error())
			}
			joined := strings.Join(all, "\n")
			if !strings.Contains(joined, tt.want) {
				t.Errorf("errors %q do not contain %q", joined, tt.want)
			}
			if _, err := Load(dir); err == nil {
				t.Error("Load accepted a bad file")
			}
		})
	}
}

func TestLoadOverrides(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "sites.yaml", "sites:\n  - name: steppe\n    domains: [Steppe.Example]\n    title: h1\n")
	writeFile(t, dir, "ru.yaml", "facts:\n  lang: ru\n  numbers: {один: 1}\n  units: {год: 12}\n")
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if site := s.Site("www.steppe.example"); site == nil || site.Name != "steppe" || site.Line != 2 {
		t.Errorf("Site = %+v", site)
	}
	if s.Facts["ru"] == nil || s.Facts["en"] == nil {
		t.Errorf("facts = %v", s.Facts)
	}
	// A later rule for the same domain replaces the earlier one.
	writeFile(t, dir, "z.yaml", "sites:\n  - name: other\n    domains: [steppe.example]\n")
	s, err = Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if site := s.Site("steppe.example"); site == nil || site.Name != "other" {
		t.Errorf("override: Site = %+v", site)
	}
	if errs := Check(dir); len(errs) != 0 {
		t.Errorf("Check(valid) = %v", errs)
	}
}

func FuzzLoadFacts(f *testing.F) {
	f.Add("facts:\n  lang: xx\n  numbers: {one: 1}\n  units: {year: 12}\n")
	f.Add("sites:\n  - name: a\n    domains: [a]\n")
	f.Fuzz(func(t *testing.T, body string) {
		s := &Set{Facts: map[string]*Facts{}}
		for _, err := range parseFile("f.yaml", []byte(body), s) {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error without file name: %v", err)
			}
		}
	})
}

func TestRequired(t *testing.T) {
	tests := []struct {
		re   string
		want []string
	}{
		{`(?i)\bsentenced\b`, []string{"sentenced"}},
		{`(?i)\bjail(?:ed|s)\b`, []string{"jailed", "jails"}},
		{`a|bc`, nil},
		{`(?:foo|bar)baz+`, []string{"fooba", "barba"}},
		{`x*`, nil},
		{`\p{Lu}\w+`, nil},
	}
	for _, tt := range tests {
		got := required(tt.re)
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("required(%q) = %q, want %q", tt.re, got, tt.want)
		}
	}
	// Every default pattern must match only texts its prefilter admits.
	f := Default().Lang("en")
	for _, p := range f.Patterns {
		for _, s := range []string{"He was sentenced to seven years in prison.", "A court in Almaty acquitted all six defendants on Monday."} {
			if p.Regexp.MatchString(s) && !p.Could(strings.ToLower(s)) {
				t.Errorf("pattern %s matches %q but its prefilter refuses it", p.Name, s)
			}
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"The  Court\n\tRuled": "the court ruled",
		"ÉTÉ  Ünal":           "été ünal",
		"":                    "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
