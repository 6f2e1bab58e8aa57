package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaultIsValid(t *testing.T) {
	c := Default()
	if len(c.Sources) < 3 {
		t.Fatalf("default config has %d sources, want several", len(c.Sources))
	}
	for _, s := range c.Sources {
		if len(s.AllowedDomains) == 0 || len(s.Articles) == 0 || s.Delay < time.Second {
			t.Errorf("source %s: domains %v, %d article patterns, delay %v", s.Name, s.AllowedDomains, len(s.Articles), s.Delay)
		}
	}
}

func TestParseMergesDefaults(t *testing.T) {
	c, err := Parse("t.yaml", []byte(`
db: x.db
allow_networks: ["127.0.0.0/8", "10.0.0.5"]
timezone: Asia/Almaty
defaults:
  delay: 3s
  max_body: 512KiB
sources:
  - name: herald
    start: ["https://Herald.example/"]
    feeds: ["https://feeds.example/rss.xml"]
    articles: ['^/news/\d+']
    parallel: 4
`))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Source("herald")
	if s == nil {
		t.Fatal("no source herald")
	}
	if s.Delay != 3*time.Second || s.Parallel != 4 || s.MaxBody != 512<<10 || s.Timeout != 30*time.Second || s.Schedule != "@every 1h" {
		t.Errorf("merged source = %+v", s)
	}
	if got := strings.Join(s.AllowedDomains, ","); got != "herald.example,feeds.example" {
		t.Errorf("allowed domains = %s", got)
	}
	if !s.IsArticle("/news/12") || s.IsArticle("/about") {
		t.Error("article pattern not applied")
	}
	if c.DB != "x.db" || len(c.AllowNetworks) != 2 || c.AllowNetworks[1].Bits() != 32 || c.Timezone.String() != "Asia/Almaty" {
		t.Errorf("config = %+v", c)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown top key", "db: x\ncolour: red\n", `t.yaml:2: unknown key "colour"`},
		{"unknown source key", "sources:\n  - name: a\n    start: [\"https://a.example/\"]\n    folow: [x]\n", `t.yaml:4: unknown key "folow"`},
		{"bad regexp", "sources:\n  - name: a\n    start: [\"https://a.example/\"]\n    articles: ['^/news/(']\n", `t.yaml:4: bad regexp "^/news/("`},
		{"bad duration", "defaults:\n  delay: 2 seconds\n", `t.yaml:2: bad duration "2 seconds"`},
		{"bad size", "defaults:\n  max_body: lots\n", `t.yaml:2: bad size "lots"`},
		{"bad cron", "defaults:\n  schedule: \"every hour\"\n", `t.yaml:2: bad schedule "every hour"`},
		{"bad network", "allow_networks: [\"localhost\"]\n", `t.yaml:1: bad network "localhost"`},
		{"bad name", "sources:\n  - name: My Site\n    start: [\"https://a.example/\"]\n", `t.yaml:2: source name "My Site"`},
		{"duplicate name", "sources:\n  - name: a\n    start: [\"https://a.example/\"]\n  - name: a\n    start: [\"https://b.example/\"]\n", `t.yaml:4: source name "a" already used on line 2`},
		{"no entry points", "sources:\n  - name: a\n", `t.yaml:2: source "a" has no start pages`},
		{"relative url", "sources:\n  - name: a\n    start: [\"/news\"]\n", `t.yaml:3: bad URL "/news"`},
		{"syntax", "sources: [\n", `t.yaml:`},
		{"zero parallel", "defaults:\n  parallel: 0\n", `t.yaml:1: defaults: parallel must be at least 1`},
		{"bad zone", "timezone: Mars/Olympus\n", `t.yaml:1: unknown time zone "Mars/Olympus"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Error("error does not wrap ErrInvalid")
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(p, []byte(""), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil || c.DB != "trialwatch.db" || len(c.Sources) != 0 {
		t.Fatalf("empty file: %v %+v", err, c)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || errors.Is(err, ErrInvalid) {
		t.Errorf("missing file error = %v", err)
	}
	if c, err := Load(""); err != nil || c.File != DefaultName {
		t.Errorf("Load(\"\") = %v, %v", c, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(string(DefaultYAML()))
	f.Add("sources:\n  - name: a\n    start: [\"https://a.example/\"]\n")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse("f.yaml", []byte(s))
		if err == nil && c == nil {
			t.Fatal("nil config without error")
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("multi-line error %q", err)
		}
	})
}

func TestExampleConfigIsValid(t *testing.T) {
	c, err := Load(filepath.Join("..", "trialwatch.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Source("steppe-herald"); s == nil || s.Schedule != "@every 30m" || s.Parallel != 2 {
		t.Errorf("example source = %+v", s)
	}
}
