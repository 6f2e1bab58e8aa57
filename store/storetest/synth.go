package storetest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/trialwatch/trialwatch"
)

// Places is how many distinct place names the generator uses.
const Places = 20000

var countries = []string{
	"Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Tajikistan", "Turkmenistan", "Russia", "Belarus",
	"Georgia", "Armenia", "Azerbaijan", "Turkey", "Ukraine", "Moldova", "Mongolia", "France",
	"Brazil", "Philippines", "Malaysia", "United States", "United Kingdom", "Mexico", "Kenya",
	"Nigeria", "Egypt", "India", "Pakistan", "Indonesia", "Colombia", "Peru", "Chile",
}

var syllables = []string{"ka", "ta", "al", "ma", "ty", "bo", "ri", "sh", "ke", "nu", "ar", "ze", "lo", "de", "ik", "su"}

// place returns the n-th synthetic place name: four syllables, distinct in
// their first five letters for most n.
func place(n int) string {
	s := ""
	for range 4 {
		s += syllables[n%len(syllables)]
		n /= len(syllables)
	}
	return string(s[0]-32) + s[1:]
}

var roles = []string{"police officers", "prison officers", "journalist", "KNB officers", "activists", "soldiers"}

// Article returns the i-th synthetic article with one case (a verdict or an
// appeal) of its own, distinct from every other with overwhelming
// likelihood.
func Article(i int) (trialwatch.Article, []trialwatch.Case) {
	r := rand.New(rand.NewPCG(uint64(i), 0x7e57))
	day := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(20*365))
	date := day.Format("2006-01-02")
	p := place(r.IntN(Places))
	n := 1 + r.IntN(12)
	minM := 12 * (1 + r.IntN(8))
	c := trialwatch.Case{
		Stage:             trialwatch.StageVerdict,
		Location:          trialwatch.Ptr(p),
		Country:           trialwatch.Ptr(countries[r.IntN(len(countries))]),
		DecisionDate:      trialwatch.Ptr(date),
		Defendants:        trialwatch.Ptr(n),
		Convicted:         trialwatch.Ptr(n),
		Imprisoned:        trialwatch.Ptr(n),
		SentenceMinMonths: trialwatch.Ptr(minM),
		SentenceMaxMonths: trialwatch.Ptr(minM + 6*r.IntN(10)),
		Charges:           []string{"torture"},
		DefendantRole:     trialwatch.Ptr(roles[r.IntN(len(roles))]),
		Evidence: map[string]string{
			"location": fmt.Sprintf("A court in %s sentenced %d officers on %s.", p, n, date),
		},
	}
	if r.IntN(5) == 0 {
		c.Stage = trialwatch.StageAppeal
		c.Court = trialwatch.Ptr(p + " Regional Court")
	} else if r.IntN(2) == 0 {
		c.Court = trialwatch.Ptr(p + " City Court")
	}
	a := trialwatch.Article{
		URL:       fmt.Sprintf("https://synthetic.example/news/%d", i),
		Outlet:    "Synthetic Daily",
		Title:     fmt.Sprintf("Court in %s sentences %d", p, n),
		Published: day.AddDate(0, 0, 1).Format("2006-01-02"),
		Text:      fmt.Sprintf("Article %d. %s", i, c.Evidence["location"]),
	}
	return a, []trialwatch.Case{c}
}

// Retold returns a report by another outlet of the case of Article(i): the
// same decision in other words (a court name instead of a place, a month
// instead of the day, one count left out), which the store should merge.
func Retold(i, outlet int) (trialwatch.Article, []trialwatch.Case) {
	a, cs := Article(i)
	c := cs[0]
	c.Court = trialwatch.Ptr(*c.Location + " City Court")
	c.Location = nil
	c.DecisionDate = trialwatch.Ptr((*c.DecisionDate)[:7])
	c.Imprisoned = nil
	a.URL = fmt.Sprintf("https://retold%d.example/a/%d", outlet, i)
	a.Outlet = fmt.Sprintf("Retold %d", outlet)
	a.Text = fmt.Sprintf("Retold %d of article %d.", outlet, i)
	return a, []trialwatch.Case{c}
}
