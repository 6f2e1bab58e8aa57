// Command idle measures what an idle `trialwatch serve` costs: it serves the
// built-in sample site on loopback, starts the daemon with one source on a
// far schedule, and reads the daemon's resident memory and processor time
// from /proc after it has waited, and again after one crawl (started over
// the API) has finished and the daemon waits for the next. Linux only.
//
//	go run ./scripts/idle -trialwatch BIN [-db FILE] [-wait 30s]
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/trialwatch/trialwatch/demo"
)

func main() {
	bin := flag.String("trialwatch", "trialwatch", "path of the trialwatch binary")
	dbFrom := flag.String("db", "", "start from a copy of this database (e.g. one kept by scripts/bench.sh -keep-db)")
	wait := flag.Duration("wait", 30*time.Second, "how long the daemon waits before each reading")
	flag.Parse()
	if err := run(*bin, *dbFrom, *wait); err != nil {
		fmt.Fprintln(os.Stderr, "idle:", err)
		os.Exit(1)
	}
}

func run(bin, dbFrom string, wait time.Duration) error {
	site, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go http.Serve(site, demo.Handler())
	api, err := freePort()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "trialwatch-idle-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "idle.db")
	if dbFrom != "" {
		if err := copyFile(dbFrom, db); err != nil {
			return err
		}
	}
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, fmt.Appendf(nil, `db: %s
listen: %s
token_env: TRIALWATCH_IDLE_TOKEN
allow_networks: ["127.0.0.0/8"]
defaults:
  schedule: "0 3 1 1 *"
  delay: 0s
  parallel: 4
sources:
  - name: sample
    start: ["http://%s/"]
    follow: ['^/page/\d+$']
    articles: ['^/news/\d{4}/']
`, db, api, site.Addr()), 0o600); err != nil {
		return err
	}
	cmd := exec.Command(bin, "serve", "--config", cfg)
	cmd.Env = append(os.Environ(), "TRIALWATCH_IDLE_TOKEN=idle")
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	pid := cmd.Process.Pid
	fmt.Printf("trialwatch serve (pid %d), one source on a far schedule", pid)
	if dbFrom != "" {
		st, _ := os.Stat(db)
		fmt.Printf(", database %.1f MB", float64(st.Size())/1e6)
	}
	fmt.Println()

	if err := idle(pid, "after start", wait); err != nil {
		return err
	}
	if err := crawlOnce("http://" + api); err != nil {
		return err
	}
	return idle(pid, "after a crawl", wait)
}

// settle is how long the daemon is given to finish starting or to tidy up
// after a crawl before it counts as idle.
const settle = 2 * time.Second

// idle lets the daemon wait, then prints its resident memory and the
// processor time it used while waiting.
func idle(pid int, when string, wait time.Duration) error {
	time.Sleep(settle)
	before, err := cpuTicks(pid)
	if err != nil {
		return err
	}
	time.Sleep(wait)
	after, err := cpuTicks(pid)
	if err != nil {
		return err
	}
	mem, err := status(pid)
	if err != nil {
		return err
	}
	files, err := mappedFiles(pid)
	if err != nil {
		return err
	}
	fmt.Printf("idle %v %-14s resident %.1f MB (anonymous %.1f MB, mapped files %.1f MB: %s), processor time %d ms\n",
		wait, when+":", mem["VmRSS"]/1024, mem["RssAnon"]/1024, mem["RssFile"]/1024, files, (after-before)*10)
	return nil
}

// mappedFiles tells how much of each file mapped by the process is
// resident, from /proc/PID/smaps, largest first.
func mappedFiles(pid int) (string, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps", pid))
	if err != nil {
		return "", err
	}
	kb := map[string]float64{}
	var file string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":"):
			file = ""
			if len(f) >= 6 && strings.HasPrefix(f[5], "/") {
				file = filepath.Base(f[5])
			}
		case len(f) >= 2 && f[0] == "Rss:" && file != "":
			n, _ := strconv.ParseFloat(f[1], 64)
			kb[file] += n
		}
	}
	var parts []string
	for len(kb) > 0 {
		top := ""
		for k := range kb {
			if top == "" || kb[k] > kb[top] {
				top = k
			}
		}
		if kb[top] >= 100 {
			parts = append(parts, fmt.Sprintf("%s %.1f", top, kb[top]/1024))
		}
		delete(kb, top)
	}
	return strings.Join(parts, ", "), nil
}

// crawlOnce starts a crawl over the API and waits for it to finish.
func crawlOnce(base string) error {
	req, _ := http.NewRequest(http.MethodPost, base+"/api/crawl", nil)
	req.Header.Set("Authorization", "Bearer idle")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("POST /api/crawl: %s", resp.Status)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		resp, err := http.Get(base + "/api/runs?limit=1")
		if err != nil {
			return err
		}
		var runs []struct {
			State  string         `json:"state"`
			Counts map[string]int `json:"counts"`
		}
		err = json.NewDecoder(resp.Body).Decode(&runs)
		resp.Body.Close()
		if err != nil {
			return fmt.Errorf("GET /api/runs: %w", err)
		}
		if len(runs) > 0 && runs[0].State != "running" {
			fmt.Printf("crawl %s: %d articles stored\n", runs[0].State, runs[0].Counts["stored"])
			return nil
		}
	}
	return errors.New("the crawl did not finish in 2 minutes")
}

// status reads the memory lines of /proc/PID/status, in kB.
func status(pid int) (map[string]float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		if n, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64); err == nil {
			out[k] = n
		}
	}
	return out, nil
}

// cpuTicks reads the user and system time of a process, in clock ticks
// (1/100 s on Linux).
func cpuTicks(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after it.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	u, err1 := strconv.Atoi(f[11])
	s, err2 := strconv.Atoi(f[12])
	return u + s, errors.Join(err1, err2)
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}
