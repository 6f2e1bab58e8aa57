package reliability

import (
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCrawlSurvivesKill kills `trialwatch crawl` with SIGKILL at random
// moments, lets a last crawl finish, and checks that the file is sound and
// holds exactly the cases of an uninterrupted crawl: none lost, none doubled.
func TestCrawlSurvivesKill(t *testing.T) {
	bin := needBinary(t)
	kills, articles := 8, 200
	if soak() {
		kills, articles = 40, 600
	}
	site := &newsSite{articles: articles, perList: 10}
	srv := startSite(t, site)

	refDir := t.TempDir()
	refDB := filepath.Join(refDir, "ref.db")
	r := runChild(t, 2*time.Minute, "crawl", "--config", writeConfig(t, refDir, refDB, srv.URL))
	if r.code != 0 {
		t.Fatalf("uninterrupted crawl: exit %d: %s", r.code, r.stderr)
	}
	want := caseKeys(t, refDB)
	if total(want) < articles/2 {
		t.Fatalf("uninterrupted crawl stored %d cases from %d articles; the site is not read as expected", total(want), articles)
	}
	t.Logf("uninterrupted crawl: %d cases in %s", total(want), r.took.Round(time.Millisecond))

	dir := t.TempDir()
	db := filepath.Join(dir, "tw.db")
	cfg := writeConfig(t, dir, db, srv.URL)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	killed := 0
	for i := 0; i < kills; i++ {
		// Kill after a random few more articles were served, and a random
		// moment more, so kills land in fetching, extracting and committing.
		from := site.served.Load()
		step := 1 + rng.Int64N(int64(articles/kills/2))
		extra := time.Duration(rng.Int64N(int64(30 * time.Millisecond)))
		cmd := exec.Command(bin, "crawl", "--config", cfg)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		deadline := time.After(time.Minute)
	wait:
		for site.served.Load() < from+step {
			select {
			case <-done:
				break wait
			case <-deadline:
				cmd.Process.Kill()
				t.Fatal("crawl served no article for a minute")
			case <-time.After(time.Millisecond):
			}
		}
		select {
		case <-done: // finished before the kill
		case <-time.After(extra):
			if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
				killed++
			}
			<-done
		}
		checkFile(t, db)
	}
	r = runChild(t, 2*time.Minute, "crawl", "--config", cfg)
	if r.code != 0 {
		t.Fatalf("crawl after %d kills: exit %d: %s", killed, r.code, r.stderr)
	}
	checkFile(t, db)
	got := caseKeys(t, db)
	if d := diffKeys(got, want); d != "" {
		t.Errorf("after %d kills the database holds %d cases, an uninterrupted crawl %d:%s", killed, total(got), total(want), d)
	}
	t.Logf("%d kills; %d article pages served in all; %d cases", killed, site.served.Load(), total(got))
}
