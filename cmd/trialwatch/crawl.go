package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/config"
	"github.com/trialwatch/trialwatch/pipeline"
	"github.com/trialwatch/trialwatch/rules"
	"github.com/trialwatch/trialwatch/store"
)

func (a *app) crawlCommand() *cobra.Command {
	var names []string
	var server string
	cmd := &cobra.Command{
		Use:   "crawl [--config F] [--db F] [--source NAME]...",
		Short: "Crawl every source (or the named ones) once, extract and store, then exit",
		Long: `Crawls each source of the configuration once (all of them in parallel, each
host at its own pace), extracts the court decisions of every new article and
stores them. Progress goes to stderr: a bar on a terminal, plain lines
otherwise. A summary ends the run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if server != "" {
				c, err := a.client(server)
				if err != nil {
					return err
				}
				return c.crawl(cmd.Context(), a.stdout, names)
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			sources, err := pick(cfg, names)
			if err != nil {
				return err
			}
			load, err := a.ruleLoader()
			if err != nil {
				return err
			}
			db, err := a.openDB(cfg)
			if err != nil {
				return err
			}
			defer db.Close()
			runs, err := a.crawl(cmd.Context(), db, cfg, load, sources)
			printSummary(a.stdout, runs)
			return err
		},
	}
	cmd.Flags().StringArrayVar(&names, "source", nil, "crawl only this source (repeatable)")
	cmd.Flags().StringVar(&server, "server", "", "ask a running `trialwatch serve` at this URL to crawl, and wait for it (token from the config's token_env)")
	return cmd
}

// pick returns the sources named, or all of them.
func pick(cfg *config.Config, names []string) ([]*trialwatch.Source, error) {
	if len(names) == 0 {
		if len(cfg.Sources) == 0 {
			return nil, usagef("%s: no sources configured", cfg.File)
		}
		return cfg.Sources, nil
	}
	var out []*trialwatch.Source
	for _, n := range names {
		s := cfg.Source(n)
		if s == nil {
			return nil, usagef("--source %q: no such source in %s", n, cfg.File)
		}
		out = append(out, s)
	}
	return out, nil
}

// openDB opens the database, failing fast when another process holds it.
func (a *app) openDB(cfg *config.Config) (*store.DB, error) {
	path := a.dbFile(cfg)
	db, err := store.Open(path, store.WithLogger(a.log))
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("%s is in use by another trialwatch process (a running `trialwatch serve`?); stop it or use --server to go through its API", path)
	}
	return db, err
}

// crawl runs the given sources in parallel and returns their runs in
// order; the rules load gives are loaded while the crawls fetch their
// first pages.
func (a *app) crawl(ctx context.Context, db *store.DB, cfg *config.Config, load func() (*rules.Set, error), sources []*trialwatch.Source) ([]trialwatch.Run, error) {
	rep := newReporter(a.stderr, len(sources))
	defer rep.close()
	p := pipeline.NewLoading(db, load, pipeline.Options{
		UserAgent:     cfg.UserAgent,
		AllowNetworks: cfg.AllowNetworks,
		Logger:        a.log,
		Progress:      rep.update,
	})
	runs := make([]trialwatch.Run, len(sources))
	errs := make([]error, len(sources))
	var wg sync.WaitGroup
	for i, src := range sources {
		wg.Go(func() {
			runs[i], errs[i] = p.Crawl(ctx, src)
			rep.done(src.Name)
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return runs, fmt.Errorf("crawl interrupted; everything stored so far is kept")
	}
	return runs, errors.Join(errs...)
}
