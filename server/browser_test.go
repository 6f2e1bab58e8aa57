package server

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var screenshotDir = flag.String("screenshot-dir", "", "keep the browser test's screenshots in this folder")

// chromium finds a headless-capable Chromium, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	t.Skip("chromium is not installed (apt-get install chromium); the page is still tested over HTTP in TestEndpoints")
	return ""
}

// browse runs headless Chromium on url with the extra flags and returns
// its standard output.
func browse(t *testing.T, bin, url string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(), "--window-size=412,900"}, extra...)
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("chromium %v: %v\n%s", extra, err, stderr)
	}
	return string(out)
}

// The page renders the cases in a real browser, phone-sized: every case
// with its court, its evidence behind <details> and its source links, the
// chart and the sources' health.
func TestPageInBrowser(t *testing.T) {
	t.Parallel()
	bin := chromium(t)
	s, ts, ids := apiServer(t, "")
	// One run so that a source shows its last run.
	if _, err := s.StartCrawl("herald"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, patience, "the run to finish", func() bool { return s.sourceViews()[0].LastRun != nil })

	dom := browse(t, bin, ts.URL+"/", "--dump-dom")
	if miss, ok := hasAll(dom,
		"Shymkent City Court", "Bishkek City Court", "A court in Andijan", "Taraz City Court",
		"3 years 6 months to 6 years", "1 year 6 months", "8 years",
		`<details>`, "Families say Shymkent sentences too lenient", `href="https://news.example/shymkent-officers-jailed"`,
		"Decisions per month", `id="case-`+ids[0]+`"`, "herald", "valley", "not run yet",
	); !ok {
		t.Errorf("rendered page lacks %q", miss)
	}
	if got := strings.Count(dom, `<article class="case"`); got != len(ids) {
		t.Errorf("page shows %d cases, want %d", got, len(ids))
	}
	// Newest decision first: Shymkent (March 2024) before Taraz (June 2023).
	if a, b := strings.Index(dom, "Shymkent City Court"), strings.Index(dom, "Taraz City Court"); a > b {
		t.Errorf("cases not newest first")
	}

	filtered := browse(t, bin, ts.URL+"/?country=Kazakhstan&stage=verdict&from=2024-01-01&to=2024-12", "--dump-dom")
	if strings.Count(filtered, `<article class="case"`) != 1 || !strings.Contains(filtered, "Shymkent City Court") {
		t.Errorf("filtered page should show only the Shymkent verdict")
	}

	dir := t.TempDir()
	if *screenshotDir != "" {
		dir = *screenshotDir
	}
	shot := filepath.Join(dir, "page.png")
	browse(t, bin, ts.URL+"/", "--screenshot="+shot, "--hide-scrollbars")
	if *screenshotDir != "" {
		// For review: the whole phone page, the desktop page, and the phone
		// page with every case opened.
		browse(t, bin, ts.URL+"/", "--screenshot="+filepath.Join(dir, "page-full.png"), "--hide-scrollbars", "--window-size=412,2800")
		browse(t, bin, ts.URL+"/", "--screenshot="+filepath.Join(dir, "page-desktop.png"), "--hide-scrollbars", "--window-size=1280,1600")
		open := filepath.Join(dir, "open.html")
		os.WriteFile(open, []byte(strings.ReplaceAll(dom, "<details>", "<details open>")), 0o644)
		browse(t, bin, "file://"+open, "--screenshot="+filepath.Join(dir, "page-open.png"), "--hide-scrollbars", "--window-size=412,3600")
	}
	fi, err := os.Stat(shot)
	if err != nil || fi.Size() < 10_000 {
		t.Errorf("screenshot %s missing or blank: %v", shot, err)
	}
}
