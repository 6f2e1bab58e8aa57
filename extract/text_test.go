package extract

import (
	"strings"
	"testing"
)

func TestIsTeaserPhrase(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Related", true},
		{"Related video:", true},
		{"Most read", true},
		{"  READ ALSO: ", true},
		{"Читайте также:", true},
		{"Комментарии (12)", true},
		{"3 comments", true},
		{"More from Steppe Wire", true},
		{"You may also like…", true},
		{"Related to the case, the court said", false},
		{"The court", false},
		{"Comments by the prosecutor", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := isTeaserPhrase(tt.in); got != tt.want {
				t.Errorf("isTeaserPhrase(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMainText(t *testing.T) {
	long := func(s string) string {
		return s + " " + strings.TrimSpace(strings.Repeat("The court heard witnesses, examined evidence, and read the verdict aloud. ", 3))
	}
	tests := []struct {
		name, body string
		want       []string // paragraphs, in order
	}{
		{
			name: "text and line breaks in a div",
			body: `<div class="copy">` + long("First part.") + `<br><br>` + long("Second part.") + `<br>still second.</div><div class="side"><a href="/">Home</a></div>`,
			want: []string{long("First part."), long("Second part.") + " still second."},
		},
		{
			name: "story split by an ad into two blocks",
			body: `<article><div class="col"><div class="b"><p class="s">` + long("One.") + `</p><p class="s">` + long("Two.") + `</p></div></div>
<div class="promo"><a href="/x">Buy now</a></div>
<div class="col"><div class="b"><p class="s">` + long("Three.") + `</p></div></div></article>`,
			want: []string{long("One."), long("Two."), long("Three.")},
		},
		{
			name: "subheadings and quotes stay, the headline goes",
			body: `<main><h1>Headline</h1><div>` + `<p>` + long("Intro.") + `</p><h2>The hearing</h2><blockquote>` + long("Quote.") + `</blockquote><p>` + long("End.") + `</p></div></main>`,
			want: []string{long("Intro."), "The hearing", long("Quote."), long("End.")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parsePage("https://e.example/a", []byte("<html><body>"+tt.body+"</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(p.mainText(nil, nil, "Headline"), "\n\n")
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}
