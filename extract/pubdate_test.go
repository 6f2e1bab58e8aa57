package extract

import (
	"testing"
	"time"
)

func TestDateParserMachine(t *testing.T) {
	dp := dateParser{latest: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	tests := []struct{ in, want string }{
		{"2024-03-20T10:00:00+05:00", "2024-03-20"},
		{"2024-03-20", "2024-03-20"},
		{"2024/03/20 09:15", "2024-03-20"},
		{"20240320T101500", "2024-03-20"},
		{"Wed, 20 Mar 2024 10:00:00 GMT", "2024-03-20"},
		{"1710928800", "2024-03-20"},
		{"1710928800000", "2024-03-20"},
		{"2024-02-30", ""},
		{"2026-01-01", ""},
		{"1985-05-05", ""},
		{"soon", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := dp.machine(tt.in)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("machine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateParserText(t *testing.T) {
	tests := []struct {
		in   string
		us   bool
		want string
	}{
		{"20 March 2024", false, "2024-03-20"},
		{"Posted on March 19, 2024 10:05 by A. Writer", false, "2024-03-19"},
		{"Mar 20, 2024", false, "2024-03-20"},
		{"Sept. 3rd, 2023", false, "2023-09-03"},
		{"1st of May, 2024", false, "2024-05-01"},
		{"20.03.2024, 09:15", false, "2024-03-20"},
		{"20.03.24", false, "2024-03-20"},
		{"03/04/2024", false, "2024-04-03"},
		{"03/04/2024", true, "2024-03-04"},
		{"13/04/2024", true, "2024-04-13"},
		{"20 марта 2024 г.", false, "2024-03-20"},
		{"20 наурыз 2024", false, "2024-03-20"},
		{"20. März 2024", false, "2024-03-20"},
		{"le 20 mars 2024", false, "2024-03-20"},
		{"20 de marzo de 2024", false, "2024-03-20"},
		{"2024 March 20", false, "2024-03-20"},
		{"Room 20 of 2024", false, ""},
		{"32.01.2024", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			dp := dateParser{latest: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), usOrder: tt.us}
			d, ok := dp.text(tt.in)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateParserLabelled(t *testing.T) {
	dp := dateParser{}
	tests := []struct{ in, want string }{
		{"Updated: 22 March 2024 | Published: 20 March 2024", "2024-03-20"},
		{"Published 20 March 2024, updated 22 March 2024", "2024-03-20"},
		{"Обновлено 22.03.2024 · 20.03.2024", "2024-03-20"},
		{"Last modified 22 March 2024", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := dp.labelled(tt.in)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("labelled(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateFromURL(t *testing.T) {
	dp := dateParser{}
	tests := []struct{ in, want string }{
		{"/news/2024/03/20/slug", "2024-03-20"},
		{"/world/2024/oct/22/slug", "2024-10-22"},
		{"/news/20200413/slug", "2020-04-13"},
		{"/a/2024-03-20-slug", "2024-03-20"},
		{"/2020/11/2338761/", ""},
		{"/a/48213.html", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := dp.fromURL(tt.in)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("fromURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateParserRelative(t *testing.T) {
	fetched := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		in    string
		today time.Time
		want  string
	}{
		{"Today, 10:15", fetched, "2024-03-01"},
		{"Сегодня в 10:15", fetched, "2024-03-01"},
		{"Вчера, 18:40", fetched, "2024-02-29"},
		{"Yesterday", fetched, "2024-02-29"},
		{"Today, 10:15", time.Time{}, ""},
		{"Today the court ruled that the officers were guilty", fetched, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := dateParser{today: tt.today}.relative(tt.in)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("relative(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
