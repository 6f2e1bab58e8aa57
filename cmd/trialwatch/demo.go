package main

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/config"
	"github.com/trialwatch/trialwatch/demo"
	"github.com/trialwatch/trialwatch/store"
)

func (a *app) demoCommand() *cobra.Command {
	var keep string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Crawl the built-in sample news site offline and print the cases found",
		Long: `Starts a small built-in news site on a loopback port (home page, pagination,
RSS feed, sitemap, robots.txt, article pages), crawls it into a temporary
database and prints what was found: the whole pipeline, offline, in seconds.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			srv := &http.Server{Handler: demo.Handler(), ReadHeaderTimeout: 5 * time.Second}
			go srv.Serve(ln)
			defer srv.Close()
			base := "http://" + ln.Addr().String()

			dir, err := os.MkdirTemp("", "trialwatch-demo-")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			defer os.RemoveAll(dir)
			path := filepath.Join(dir, "demo.db")
			if keep != "" {
				path = keep
			}
			cfg := demoConfig(base, path)
			load, err := a.ruleLoader()
			if err != nil {
				return err
			}
			db, err := store.Open(path, store.WithLogger(a.log))
			if err != nil {
				return err
			}
			defer db.Close()
			fmt.Fprintf(a.stdout, "sample news site at %s; crawling it into %s\n\n", base, path)
			runs, err := a.crawl(cmd.Context(), db, cfg, load, cfg.Sources)
			printSummary(a.stdout, runs)
			if err != nil {
				return err
			}
			var cases []trialwatch.StoredCase
			if err := db.Cases(cmd.Context(), store.Query{}, func(c trialwatch.StoredCase) error {
				cases = append(cases, c)
				return nil
			}); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "\n%d case(s) found:\n\n", len(cases))
			for _, c := range cases {
				showCase(a.stdout, c)
				fmt.Fprintln(a.stdout)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&keep, "keep", "", "keep the database in this file instead of a temporary one")
	return cmd
}

// demoConfig is the configuration of a crawl of the sample site.
func demoConfig(base, db string) *config.Config {
	return &config.Config{
		File:          "(demo)",
		DB:            db,
		UserAgent:     "trialwatch-demo/1.0",
		AllowNetworks: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")},
		Timezone:      time.UTC,
		Sources: []*trialwatch.Source{{
			Name:           "steppe-herald",
			Start:          []string{base + "/"},
			AllowedDomains: []string{"127.0.0.1"},
			Follow:         []*regexp.Regexp{regexp.MustCompile(`^/page/\d+$`)},
			Articles:       []*regexp.Regexp{regexp.MustCompile(`^/news/\d{4}/`)},
			Schedule:       "@every 1h",
			Parallel:       4,
			MaxDepth:       3,
			Timeout:        10 * time.Second,
			MaxBody:        8 << 20,
		}},
	}
}
