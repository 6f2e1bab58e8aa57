package rules

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSiteValidate(t *testing.T) {
	tests := []struct {
		name string
		site Site
		bad  string // the selector the error must name; "" for no error
	}{
		{"all parts", Site{Name: "a", Title: "h1.title", Body: "div.body, div.more", Date: "time[datetime]", Drop: []string{".ad", "figure"}}, ""},
		{"none", Site{Name: "b"}, ""},
		{"bad title", Site{Name: "c", Title: "h1["}, "h1["},
		{"bad body", Site{Name: "d", Body: "div..x"}, "div..x"},
		{"bad date", Site{Name: "e", Date: ":nope(1)"}, ":nope(1)"},
		{"bad drop", Site{Name: "f", Drop: []string{".ok", "p >> q"}}, "p >> q"},
		{"empty drop", Site{Name: "g", Drop: []string{""}}, "drop selector 1 is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.site.Validate()
			if tt.bad == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate accepted %q", tt.bad)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "rules: ") || !strings.Contains(msg, tt.bad) || !strings.Contains(msg, tt.site.Name) || strings.Contains(msg, "\n") {
				t.Errorf("error %q does not name the rule and selector %q on one line", msg, tt.bad)
			}
		})
	}
}

func TestSiteSelectors(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<h1 class="t">T</h1><div class="b"><p class="ad">x</p></div><time>now</time>`))
	if err != nil {
		t.Fatal(err)
	}
	s := &Site{Name: "x", Title: "h1.t", Body: ".b", Date: "time", Drop: []string{".ad"}}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if n := s.TitleSelector().MatchFirst(doc); n == nil || n.Data != "h1" {
		t.Errorf("title selector matched %v", n)
	}
	if n := s.BodySelector().MatchFirst(doc); n == nil || n.Data != "div" {
		t.Errorf("body selector matched %v", n)
	}
	if n := s.DateSelector().MatchFirst(doc); n == nil || n.Data != "time" {
		t.Errorf("date selector matched %v", n)
	}
	if d := s.DropSelectors(); len(d) != 1 || d[0].MatchFirst(doc) == nil {
		t.Errorf("drop selectors = %v", d)
	}
	// absent parts, a nil rule and an invalid rule give no selectors
	var none *Site
	bad := &Site{Name: "bad", Title: "h1["}
	for _, s := range []*Site{{Name: "empty"}, none, bad} {
		if s.TitleSelector() != nil || s.BodySelector() != nil || s.DateSelector() != nil || len(s.DropSelectors()) != 0 {
			t.Errorf("rule %+v gives selectors", s)
		}
	}
}
