package extract

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The court ruled. He was jailed.", []string{"The court ruled.", "He was jailed."}},
		{"title", "Mr. Smith and Dr. Jones spoke. They left.", []string{"Mr. Smith and Dr. Jones spoke.", "They left."}},
		{"month", "On Jan. 12 the court ruled. Done.", []string{"On Jan. 12 the court ruled.", "Done."}},
		{"number", "Case No. 5 was heard. Next.", []string{"Case No. 5 was heard.", "Next."}},
		{"decimal", "He got 7.5 years. She got 3.", []string{"He got 7.5 years.", "She got 3."}},
		{"initials", "J. R. Smith was tried. He lost.", []string{"J. R. Smith was tried.", "He lost."}},
		{"usa", "The U.S. Embassy said so. Fine.", []string{"The U.S. Embassy said so.", "Fine."}},
		{"usa end", "He flew to the U.S. He stayed.", []string{"He flew to the U.S.", "He stayed."}},
		{"quote", `"He is guilty," she said. "We appeal." The end.`, []string{`"He is guilty," she said.`, `"We appeal."`, "The end."}},
		{"quote closing", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"question", "Was he guilty? Yes! Indeed.", []string{"Was he guilty?", "Yes!", "Indeed."}},
		{"lower after stop", "He said no. and left.", []string{"He said no. and left."}},
		{"paragraphs", "First para\nwithout stop\n\nSecond para.", []string{"First para without stop", "Second para."}},
		{"digit start", "It ended. 12 men were freed.", []string{"It ended.", "12 men were freed."}},
		{"empty", " \n\n ", nil},
		{"russian", "Суд вынес приговор. Ст. 146 УК применена.", []string{"Суд вынес приговор.", "Ст. 146 УК применена."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitSentences(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSplitSentences(f *testing.F) {
	f.Add("Mr. Smith got 7.5 years. He appealed.\n\nNew para.")
	f.Add("\"Quote.\" Next.")
	f.Fuzz(func(t *testing.T, s string) {
		for _, sent := range SplitSentences(s) {
			if sent == "" {
				t.Fatalf("empty sentence from %q", s)
			}
		}
	})
}
