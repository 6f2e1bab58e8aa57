// Command trialwatch-bench measures end-to-end crawl throughput: it serves a
// synthetic news site on loopback, crawls it with `trialwatch crawl` (fetch,
// extract, store) in a child process, and then with a bare Colly collector
// that only follows links — the ceiling the crawler stands on — and prints
// articles per second, the ratio of the two and the crawl's peak memory.
// The two crawls take turns for a few rounds (-rounds), and a summary gives
// the median and range of each figure.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
)

func main() {
	bin := flag.String("trialwatch", "trialwatch", "path of the trialwatch binary")
	articles := flag.Int("articles", 3000, "article pages on the synthetic site")
	listings := flag.Int("listings", 60, "listing pages on the synthetic site")
	parallel := flag.Int("parallel", 8, "requests in flight to the site")
	rounds := flag.Int("rounds", 3, "rounds of the two crawls, taking turns; the summary gives medians")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the trialwatch crawl to this file")
	keep := flag.String("keep-db", "", "copy the crawl's database to this file afterwards, to inspect it")
	flag.StringVar(&memProfile, "memprofile", "", "write a heap profile of the trialwatch crawl, taken at its peak, to this file")
	flag.StringVar(&logLevel, "log-level", "", "log level of the trialwatch crawl (debug shows the store's writes and commits)")
	flag.Parse()
	if *rounds < 1 {
		fmt.Fprintf(os.Stderr, "trialwatch-bench: -rounds %d: need at least one round\n", *rounds)
		os.Exit(2)
	}
	if err := run(*bin, *articles, *listings, *parallel, *rounds, *profile, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "trialwatch-bench:", err)
		os.Exit(1)
	}
}

var logLevel, memProfile string

// round is one crawl of the site by trialwatch and one by bare Colly.
type round struct {
	twRate, bareRate float64
	cpuPerArticle    float64 // ms of processor time of the trialwatch crawl
	rss              int64   // KiB
	mem              memPeaks
}

func (r round) ratio() float64 { return r.twRate / r.bareRate }

func run(bin string, articles, listings, parallel, rounds int, profile, keep string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	st := newSite(articles, listings)
	srv := &http.Server{Handler: st, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	base := "http://" + ln.Addr().String()
	fmt.Printf("synthetic site: %d article pages (~%d KB each), %d listing pages, %d cores\n",
		articles, pageSize(base+"/news/1")/1024, listings, runtime.NumCPU())

	// The machine's speed drifts over seconds (other processes, frequency,
	// a shared host), so the two crawlers take turns, the first of each
	// round alternating, and each round gives its own ratio.
	var rs []round
	for i := 0; i < rounds; i++ {
		var r round
		tw := func() error {
			rate, err := trialwatchRound(st, bin, base, articles, listings, parallel, i == 0, profile, keep, &r)
			r.twRate = rate
			return err
		}
		bare := func() {
			bareTime, n := crawlBare(base, listings, parallel)
			r.bareRate = float64(n) / bareTime.Seconds()
			fmt.Printf("bare colly:       %d articles in %.2fs = %.0f articles/s\n", n, bareTime.Seconds(), r.bareRate)
		}
		if rounds > 1 {
			fmt.Printf("round %d of %d\n", i+1, rounds)
		}
		if i%2 == 0 {
			if err := tw(); err != nil {
				return err
			}
			bare()
		} else {
			bare()
			if err := tw(); err != nil {
				return err
			}
		}
		fmt.Printf("ratio trialwatch / bare colly: %.2f\n", r.ratio())
		rs = append(rs, r)
	}
	if rounds > 1 {
		summarize(rs)
	}
	return nil
}

// trialwatchRound crawls the site with `trialwatch crawl` and prints its
// figures; the first round alone writes the profiles and keeps the database.
func trialwatchRound(st *site, bin, base string, articles, listings, parallel int, first bool, profile, keep string, r *round) (float64, error) {
	if !first {
		profile, keep = "", ""
	}
	st.reset()
	start := time.Now()
	twTime, rss, cpu, out, err := crawlTrialwatch(bin, base, listings, parallel, profile, keep, first)
	if err != nil {
		return 0, fmt.Errorf("trialwatch crawl: %w\n%s", err, out)
	}
	if first {
		fmt.Print(indent(out))
	}
	twRate := float64(articles) / twTime.Seconds()
	r.rss, r.mem = rss, mem
	r.cpuPerArticle = float64(cpu.Microseconds()) / 1000 / float64(articles)
	fmt.Printf("trialwatch crawl: %d articles in %.2fs = %.0f articles/s, peak RSS %.1f MB\n", articles, twTime.Seconds(), twRate, float64(rss)/1024)
	if req := st.firstRequest(); !req.IsZero() {
		// The rate above counts the whole command, as a user runs it;
		// this shows how much of it came before the first request
		// (loading rules, opening the database).
		fmt.Printf("trialwatch start: %.2fs before the first request\n", req.Sub(start).Seconds())
	}
	fmt.Printf("trialwatch memory: peak anonymous %.1f MB (heap, stacks), peak mapped file %.1f MB (the bbolt database, page cache)\n",
		float64(mem.anon)/1024, float64(mem.file)/1024)
	// Processor time per article does not depend on what else the machine
	// is doing, unlike the rate: compare runs by it on a busy machine.
	fmt.Printf("trialwatch cpu:   %.2f ms per article (user+system of the crawl process)\n", r.cpuPerArticle)
	return twRate, nil
}

// summarize prints the median and range of each figure over the rounds.
func summarize(rs []round) {
	pick := func(f func(round) float64) (lo, med, hi float64) {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		sort.Float64s(v)
		med = v[len(v)/2]
		if len(v)%2 == 0 {
			med = (v[len(v)/2-1] + v[len(v)/2]) / 2
		}
		return v[0], med, v[len(v)-1]
	}
	line := func(name, format string, f func(round) float64) {
		lo, med, hi := pick(f)
		fmt.Printf("%-34s median "+format+"  (%d rounds: "+format+" to "+format+")\n", name, med, len(rs), lo, hi)
	}
	fmt.Println("summary")
	line("trialwatch crawl, articles/s:", "%.0f", func(r round) float64 { return r.twRate })
	line("trialwatch cpu, ms per article:", "%.2f", func(r round) float64 { return r.cpuPerArticle })
	line("trialwatch peak RSS, MB:", "%.1f", func(r round) float64 { return float64(r.rss) / 1024 })
	line("bare colly, articles/s:", "%.0f", func(r round) float64 { return r.bareRate })
	line("ratio trialwatch / bare colly:", "%.2f", round.ratio)
}

var mem memPeaks

func crawlTrialwatch(bin, base string, listings, parallel int, profile, keep string, memProfiles bool) (time.Duration, int64, time.Duration, string, error) {
	dir, err := os.MkdirTemp("", "trialwatch-bench-")
	if err != nil {
		return 0, 0, 0, "", err
	}
	defer os.RemoveAll(dir)
	if keep != "" {
		defer os.Rename(filepath.Join(dir, "bench.db"), keep)
	}
	cfg := filepath.Join(dir, "bench.yaml")
	yaml := fmt.Sprintf(`db: %s
allow_networks: ["127.0.0.0/8"]
sources:
  - name: bench
    start: ["%s/"]
    follow: ['^/list/\d+$']
    articles: ['^/news/\d+$']
    delay: 0s
    parallel: %d
    max_depth: %d
    timeout: 30s
`, filepath.Join(dir, "bench.db"), base, parallel, listings+1)
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		return 0, 0, 0, "", err
	}
	args := []string{"crawl", "--config", cfg}
	if logLevel != "" {
		args = append(args, "--log-level", logLevel)
	}
	if memProfile != "" && memProfiles {
		args = append(args, "--memprofile", memProfile)
	}
	if profile != "" {
		args = append(args, "--cpuprofile", profile)
	}
	cmd := exec.Command(bin, args...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	start := time.Now()
	err = cmd.Start()
	if err != nil {
		return 0, 0, 0, "", err
	}
	stop := make(chan struct{})
	peaks := make(chan memPeaks, 1)
	go func() { peaks <- sampleMemory(cmd.Process.Pid, stop) }()
	err = cmd.Wait()
	elapsed := time.Since(start)
	close(stop)
	mem = <-peaks
	out := buf.Bytes()
	var rss int64
	var cpu time.Duration
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = ru.Maxrss // KiB on Linux
		}
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	return elapsed, rss, cpu, string(out), err
}

// crawlBare follows every listing and article link with a plain Colly
// collector and parses nothing else.
func crawlBare(base string, listings, parallel int) (time.Duration, int) {
	var n atomic.Int64
	c := colly.NewCollector(colly.Async(true), colly.MaxDepth(listings+1))
	_ = c.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: parallel})
	c.OnHTML("a[href]", func(e *colly.HTMLElement) {
		href := e.Attr("href")
		if strings.HasPrefix(href, "/list/") || strings.HasPrefix(href, "/news/") {
			_ = e.Request.Visit(href)
		}
	})
	c.OnResponse(func(r *colly.Response) {
		if strings.HasPrefix(r.Request.URL.Path, "/news/") {
			n.Add(1)
		}
	})
	start := time.Now()
	_ = c.Visit(base + "/")
	c.Wait()
	return time.Since(start), int(n.Load())
}

func pageSize(u string) int {
	resp, err := http.Get(u)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	var buf [32 << 10]byte
	total := 0
	for {
		k, err := resp.Body.Read(buf[:])
		total += k
		if err != nil {
			return total
		}
	}
}

func indent(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return "  " + strings.ReplaceAll(s, "\n", "\n  ") + "\n"
}

// memPeaks are the highest anonymous and file-backed resident sizes seen,
// in KiB. Resident memory of a bbolt user counts the pages of the mapped
// database file it has read; they are the kernel's page cache, shared and
// reclaimable, unlike the anonymous memory of heap and stacks.
type memPeaks struct{ anon, file int64 }

// sampleMemory reads /proc/PID/status every 20 ms until stop is closed.
func sampleMemory(pid int, stop <-chan struct{}) memPeaks {
	var p memPeaks
	path := fmt.Sprintf("/proc/%d/status", pid)
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		if b, err := os.ReadFile(path); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				f := strings.Fields(line)
				if len(f) < 2 {
					continue
				}
				v, _ := strconv.ParseInt(f[1], 10, 64)
				switch f[0] {
				case "RssAnon:":
					p.anon = max(p.anon, v)
				case "RssFile:":
					p.file = max(p.file, v)
				}
			}
		}
		select {
		case <-stop:
			return p
		case <-t.C:
		}
	}
}
