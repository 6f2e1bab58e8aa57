package rules

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// starterTexts are sentences that exercise the default patterns, with
// case, word boundaries, the start of the text and non-ASCII letters.
var starterTexts = []string{
	"A court in Almaty acquitted all six defendants on Monday.",
	"He was sentenced to seven years in prison; the court upheld the verdict.",
	"SENTENCED to 10 years, the officer appealed, but the Appeals Court rejected the appeal.",
	"Sentencing Ivanov, Judge Lee said the officers were found guilty of torture.",
	"unsentenced xsentenced sentencedx re-sentenced",
	"The Taldykorgan City Court jailed three ex-police officers for four to six years.",
	"Three of them were given suspended sentences, and a fourth was fined.",
	"In a separate case, the Supreme Court of Kyrgyzstan overturned the acquittal.",
	"The court sent the case back for a new trial; prosecutors had asked for nine years.",
	"A Kazakh court has convicted four officers of torturing protesters in January 2022.",
	"Суд приговорил троих полицейских к пяти годам лишения свободы.",
	"The \u212aelvin-sign court \u212aept it; \u017fentenced with a long s.",
	"Invalid \xff bytes \xe2\x84 then sentenced to \xc3 prison.",
	"İstanbul court jailed ÉTÉ officers; σίγμα ΣΊΓΜΑ ς.",
	"",
	"sentenced",
	"in Almaty region, sitting in the city of Taraz, the judges in Astana",
	"TALDYKORGAN, Kazakhstan, March 19 (Reuters) – The court ruled.",
	"were convicted, and were handed suspended sentences respectively",
	"officers who arrested him in February 2017 were convicted in October 2024",
	"Azamat Batyrbayev and Aktilek Kaparov, were beaten by police",
}

// checkStarter compares the starter of re with the plain search on text.
func checkStarter(t testing.TB, re *regexp.Regexp, text string) {
	t.Helper()
	s := testStarter(re)
	tx := NewText(text)
	want := re.FindAllStringIndex(text, -1)
	if got := s.findAll(tx); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%s on %q: findAll = %v, want %v (heads %q)", re, text, got, want, s.heads)
	}
	if got, want := s.match(tx), re.MatchString(text); got != want {
		t.Fatalf("%s on %q: match = %v, want %v (heads %q)", re, text, got, want, s.heads)
	}
	wantSub := re.FindAllStringSubmatchIndex(text, -1)
	if got := s.findAllSubmatch(tx); !slices.EqualFunc(got, wantSub, slices.Equal) {
		t.Fatalf("%s on %q: findAllSubmatch = %v, want %v (heads %q)", re, text, got, wantSub, s.heads)
	}
}

// checkFrom compares submatchFrom with the plain search of the rest of the
// text, from every byte (inside a character too).
func checkFrom(t testing.TB, re *regexp.Regexp, text string) {
	t.Helper()
	s, tx := testStarter(re), NewText(text)
	step := 1
	if raceEnabled {
		step = 7 // odd: still lands inside characters
	}
	for pos := 0; pos < len(text); pos += step {
		want := re.FindStringSubmatchIndex(text[pos:])
		if got := s.submatchFrom(tx, pos); !slices.Equal(got, want) {
			t.Fatalf("%s on %q from %d: submatchFrom = %v, want %v (heads %q)", re, text, pos, got, want, s.heads)
		}
	}
}

// defaultExprs are the compiled expressions of the built-in rules.
func defaultExprs(t testing.TB) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, f := range Default().Facts {
		for _, p := range f.Patterns {
			out = append(out, p.Regexp)
		}
		out = append(out, f.CourtRe().Regexp, f.NameRe().Regexp)
	}
	return out
}

func TestStarterDefaultPatterns(t *testing.T) {
	res := defaultExprs(t)
	fast := 0
	for _, re := range res {
		if newStarter(re).heads != nil {
			fast++
		}
		stride := 5
		if raceEnabled {
			stride = 60
		}
		for _, text := range starterTexts {
			checkStarter(t, re, text)
			checkFrom(t, re, text)
			// Every suffix and window, so that matches start at every
			// kind of place.
			for i := 0; i < len(text); i += stride {
				checkStarter(t, re, text[i:])
				checkStarter(t, re, text[:i])
			}
		}
	}
	if fast < len(res)/2 {
		t.Errorf("only %d of %d default patterns have heads", fast, len(res))
	}
}

func TestStarterHeads(t *testing.T) {
	tests := []struct {
		re   string
		want []string // nil: no heads
	}{
		{`(?i)\bsentenced\b`, []string{"sentenced"}},
		{`(?i)\bjail(?:ed|s)\b`, []string{"jailed", "jails"}},
		{`(?i)\bsen(?:t|ds)\s+to`, []string{"sent ", "sends "}},
		{`(?i)\b(?:been\s+)?cleared`, []string{"been ", "cleared"}},
		{`(?i)\b(?:rejected|rejects|dismissed|dismisses|denied|denies|refused|turned)`, []string{"rejected", "rejects", "dismissed", "dismisses", "denied", "denies", "refused", "turned"}},
		{`\b(?:[Aa]n?|[Tt]he)\s+court`, []string{"a ", "an ", "the "}},
		{`x*`, nil},
		{`\p{Lu}\w+`, nil},
		{`(?i)k`, []string{"k"}},
		{`^\s*(?:who|which)\b`, nil},
		{`(?i)\bfound\s+(?:\S+\s+){0,12}?not\s+guilty\b`, []string{"found "}},
		{`(?i)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|dozen|pair|duo|trio|quartet|zero|none|both|half|several|few|many|some)x`,
			[]string{"bothx", "dozen", "duox", "eight", "eleve", "fewx", "fifte", "fifth", "fifty", "first", "fivex", "forty", "fourt", "fourx", "halfx", "hundr", "manyx", "ninet", "ninex", "ninth", "nonex", "onex", "pairx", "quart", "secon", "seven", "sever", "sixte", "sixth", "sixty", "sixx", "somex", "tenth", "tenx", "third", "thirt", "three", "triox", "twelv", "twent", "twox", "zerox"}},
	}
	for _, tt := range tests {
		t.Run(tt.re, func(t *testing.T) {
			got := newStarter(regexp.MustCompile(tt.re)).heads
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("heads = %q, want %q", got, want)
			}
		})
	}
}

func TestCanonText(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"The COURT", "the court", true},
		{"Суд ПРИГОВОРИЛ", "СУД ПРИГОВОРИЛ", true},
		{"ΣΊΓΜΑ σίγμα", "", true},
		{"\u212aelvin", "", false},
		{"bad \xff", "bad \xff", true},
		{"BAD \xe2\x84 X", "bad \xe2\x84 x", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, ok := canonText(tt.in)
		if ok != tt.ok || tt.want != "" && got != tt.want {
			t.Errorf("canonText(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok && len(got) != len(tt.in) {
			t.Errorf("canonText(%q) = %q: length changed", tt.in, got)
		}
		if ok && utf8.ValidString(tt.in) && got != canonString(tt.in) {
			t.Errorf("canonText(%q) = %q, canonString gives %q", tt.in, got, canonString(tt.in))
		}
	}
}

// FuzzStarter checks that running a default pattern only where its heads
// stand finds what the plain search finds; which names the pattern.
func FuzzStarter(f *testing.F) {
	res := defaultExprs(f)
	for i, s := range starterTexts {
		for k := range res {
			if k%len(starterTexts) == i {
				f.Add(uint16(k), s)
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint16, text string) {
		if len(text) > 400 {
			text = text[:400]
		}
		re := res[int(which)%len(res)]
		checkStarter(t, re, text)
		checkStarter(t, re, strings.ToUpper(text))
		checkFrom(t, re, text)
	})
}

// TestStarterCorpus compares the starters with the plain search on the
// sentences of the labelled corpora, whole and cut at word starts as the
// extractor cuts them (the text before or after a number, a name, a date).
func TestStarterCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/*/*.html")
	if len(files) == 0 {
		t.Skip("no labelled corpus")
	}
	tag := regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	var sents []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := html.UnescapeString(tag.ReplaceAllString(string(raw), "\n"))
		for _, line := range strings.Split(text, "\n") {
			for _, s := range strings.SplitAfter(line, ". ") {
				if s = strings.TrimSpace(s); len(s) > 20 {
					sents = append(sents, s)
				}
			}
		}
	}
	// Whole sentences for every pattern; windows for the kinds the
	// extractor runs on the text around a word.
	var all, windowed []*regexp.Regexp
	for _, f := range Default().Facts {
		for _, p := range f.Patterns {
			all = append(all, p.Regexp)
			switch p.Kind {
			case "victims", "date_exclude", "term_exclude", "place_exclude", "coordination",
				"relative", "name_gap", "appeal_object", "after_court", "sentence_noun":
				windowed = append(windowed, p.Regexp)
			}
		}
		all = append(all, f.CourtRe().Regexp)
	}
	// A spread sample keeps the test to seconds.
	keep := 150
	if raceEnabled {
		keep = 15
	}
	if step := len(sents) / keep; step > 1 {
		var sample []string
		for i := 0; i < len(sents); i += step {
			sample = append(sample, sents[i])
		}
		sents = sample
	}
	for _, s := range sents {
		for _, re := range all {
			checkStarter(t, re, s)
		}
		for i, w := 0, 0; i < len(s); i++ {
			if s[i] != ' ' {
				continue
			}
			if w++; w%4 != 0 {
				continue
			}
			for _, re := range windowed {
				checkStarter(t, re, s[max(0, i-50):i+1])
				checkStarter(t, re, s[i:min(len(s), i+60)])
			}
		}
	}
	t.Logf("%d sentences", len(sents))
}

var testStarters = map[*regexp.Regexp]*starter{}

// testStarter returns the starter of re, made once.
func testStarter(re *regexp.Regexp) *starter {
	if s, ok := testStarters[re]; ok {
		return s
	}
	s := newStarter(re)
	testStarters[re] = s
	return s
}
