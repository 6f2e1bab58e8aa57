package extract

import (
	"testing"

	"github.com/trialwatch/trialwatch/rules"
)

func enFacts(tb testing.TB) *rules.Facts {
	tb.Helper()
	return rules.Default().Lang("en")
}

func TestParseNumber(t *testing.T) {
	f := enFacts(t)
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"seven", 7, true},
		{"Seven", 7, true},
		{"twenty-one", 21, true},
		{"twenty one", 21, true},
		{"11", 11, true},
		{"7.5", 7.5, true},
		{"a dozen", 12, true},
		{"dozen", 12, true},
		{"both", 2, true},
		{"1,000", 1000, true},
		{"seventy-five", 75, true},
		{"several", 0, false},
		{"", 0, false},
		{"seven years", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseNumber(f, tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	f := enFacts(t)
	type mm struct{ min, max int }
	tests := []struct {
		in   string
		want []mm // -1 for an open end
	}{
		{"sentenced to four years in prison", []mm{{48, 48}}},
		{"sentenced to three and a half years", []mm{{42, 42}}},
		{"given four years and six months", []mm{{54, 54}}},
		{"jailed for 18 months", []mm{{18, 18}}},
		{"sentenced to a year and a half in prison", []mm{{18, 18}}},
		{"jailed for seven and a half years", []mm{{90, 90}}},
		{"23 years, one month and nine days", []mm{{277, 277}}},
		{"terms ranging from four to six years", []mm{{48, 72}}},
		{"between three and five years", []mm{{36, 60}}},
		{"4-6 years", []mm{{48, 72}}},
		{"7.5-9 years", []mm{{90, 108}}},
		{"7.5 to 9 years", []mm{{90, 108}}},
		{"between seven and a half and nine years", []mm{{90, 108}}},
		{"up to nine years", []mm{{-1, 108}}},
		{"at least a decade", []mm{{120, -1}}},
		{"a three-year term", []mm{{36, 36}}},
		{"a 12-month suspended sentence", []mm{{12, 12}}},
		{"twelve and a half years", []mm{{150, 150}}},
		{"sentenced to 22 1/2 years", []mm{{270, 270}}},
		{"sentenced to 22½ years", []mm{{270, 270}}},
		{"sentenced to 3 ½ years", []mm{{42, 42}}},
		{"sentenced Ivanov to 12 years in prison and Petrov to 10", []mm{{144, 144}, {120, 120}}},
		{"10 years and 10 months in prison and his colleague to 10 years", []mm{{130, 130}, {120, 120}}},
		{"received six years and presenter Azamat Ishenbekov five.", []mm{{72, 72}, {60, 60}}},
		{"between three months and three years", []mm{{3, 36}}},
		{"jailed the leader for ten years, and his deputy for eight.", []mm{{120, 120}, {96, 96}}},
		{"a 17-year-old student", nil},
		{"Eighteen months later, the court ruled", nil},
		{"had spent almost nine months in custody", nil},
		{"four to six", nil},
		{"in 2021 and 2022", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := findTerms(f, tt.in, nil, tokenize(tt.in))
			if len(got) != len(tt.want) {
				t.Fatalf("findTerms(%q) = %+v, want %v", tt.in, got, tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				lo, hi := -1, -1
				if g.hasMin {
					lo = months(g.min)
				}
				if g.hasMax {
					hi = months(g.max)
				}
				if lo != w.min || hi != w.max {
					t.Errorf("term %d of %q = %d..%d, want %d..%d", i, tt.in, lo, hi, w.min, w.max)
				}
			}
		})
	}
}

func TestTermKinds(t *testing.T) {
	f := enFacts(t)
	tests := []struct{ in, want string }{
		{"He was sentenced to seven years in prison.", "custodial"},
		{"He received a one-year prison term, suspended in full.", "suspended"},
		{"They were handed three years of probation.", "suspended"},
		{"She was given two years of restricted freedom.", "restriction"},
		{"He was sentenced to a fine and barred from public office for three years.", "restriction"},
		{"He got five years.", "custodial"},
		{"He was given a three-year conditional sentence.", "suspended"},
		{"She was sentenced to four years of house arrest.", "restriction"},
		{"The court imposed a two-year probationary sentence.", "suspended"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s := analyze(f, tt.in, 0, nil)
			if len(s.terms) == 0 {
				t.Fatalf("no term in %q", tt.in)
			}
			if s.terms[0].kind != tt.want {
				t.Errorf("kind = %q, want %q", s.terms[0].kind, tt.want)
			}
		})
	}
}

func FuzzNumbers(f *testing.F) {
	fs := rules.Default().Lang("en")
	for _, s := range []string{"seven", "twenty-one", "11", "7.5", "a dozen", "1,000,000", "-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(fs, s)
		if ok && (v < 0 || v > 1e9) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
	})
}

func FuzzDurations(f *testing.F) {
	fs := rules.Default().Lang("en")
	for _, s := range []string{"from four to six years", "7.5-9 years", "up to nine years", "23 years, one month and nine days", "between seven and a half and nine years", "99999999999 years", "6-2 years"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tm := range findTerms(fs, s, nil, tokenize(s)) {
			if tm.hasMin && tm.hasMax && tm.min > tm.max {
				t.Fatalf("%q: min %v > max %v", s, tm.min, tm.max)
			}
			if tm.min < 0 || tm.max < 0 {
				t.Fatalf("%q: negative term %+v", s, tm)
			}
			if tm.start < 0 || tm.end > len(s) || tm.start > tm.end {
				t.Fatalf("%q: bad span %+v", s, tm)
			}
		}
	})
}
