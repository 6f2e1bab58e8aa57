package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch/pipeline"
	"github.com/trialwatch/trialwatch/server"
)

func (a *app) serveCommand() *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "serve [--config F] [--db F] [--addr HOST:PORT]",
		Short: "Run the daemon: crawl each source on its schedule and serve the HTTP API",
		Long: `Crawls every source on its schedule and serves the HTTP API, the web page of
cases, the Atom feed, health and metrics until SIGINT or SIGTERM. POST
endpoints need "Authorization: Bearer <token>", the token being read from the
environment variable named by the config's token_env (no token: POST refused).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.config()
			if err != nil {
				return err
			}
			if a.rulesDir != "" {
				// Read the rule files now, so that a mistake in them stops
				// the daemon at once rather than its first crawl.
				if _, err := a.rules(); err != nil {
					return err
				}
			}
			if addr == "" {
				addr = cfg.Listen
			}
			db, err := a.openDB(cfg)
			if err != nil {
				return err
			}
			defer db.Close()
			// The rules are compiled for each crawl and dropped after it:
			// between its runs the daemon holds none of them.
			p := pipeline.NewLoading(db, a.rules, pipeline.Options{
				UserAgent:     cfg.UserAgent,
				AllowNetworks: cfg.AllowNetworks,
				Logger:        a.log,
			})
			srv, err := server.New(db, server.Config{
				Addr:     addr,
				Token:    os.Getenv(cfg.TokenEnv),
				Sources:  cfg.Sources,
				Location: cfg.Timezone,
				Logger:   a.log,
			}, p.Crawl)
			if err != nil {
				return err
			}
			// Opening the database maps in all of it, and starting leaves
			// garbage; the daemon mostly waits, so give the memory back
			// before it does.
			if err := db.DropMapped(); err != nil {
				a.log.Warn("mapped database pages kept", "err", err)
			}
			debug.FreeOSMemory()
			fmt.Fprintf(a.stderr, "trialwatch: serving http://%s (database %s, %d source(s)); Ctrl-C stops\n", addr, db.Path(), len(cfg.Sources))
			return srv.Run(cmd.Context())
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "", "listen address HOST:PORT (default: the config's listen)")
	return cmd
}
