package main

import (
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch/config"
	"github.com/trialwatch/trialwatch/export"
	"github.com/trialwatch/trialwatch/store"
)

func (a *app) exportCommand() *cobra.Command {
	var (
		o      export.Options
		since  string
		out    string
		server string
	)
	cmd := &cobra.Command{
		Use:   "export [--db F] [--format jsonl|csv|json|atom] [--new --consumer NAME] [--since YYYY-MM-DD] [-o FILE]",
		Short: "Write stored cases as JSON Lines, CSV, JSON or Atom",
		Long: `Writes stored cases, oldest first. With --new --consumer NAME only the cases
first found after that consumer's last successful export are written, and the
consumer's cursor advances once the output is completely written (with -o:
written to a temporary file, synced and renamed into place). --updated adds
cases whose facts or sources changed since then, marked as updates.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch o.Format {
			case "jsonl", "csv", "json", "atom":
			default:
				return usagef("--format %q: use jsonl, csv, json or atom", o.Format)
			}
			if (o.New || o.Updated) && o.Consumer == "" {
				return usagef("--new and --updated need --consumer NAME")
			}
			if since != "" {
				t, err := time.Parse(time.DateOnly, since)
				if err != nil {
					return usagef("--since %q: write a date as YYYY-MM-DD", since)
				}
				o.Since = t
			}
			if server != "" {
				return a.exportRemote(cmd, server, since, out, o)
			}
			db, err := a.openForRead()
			if err != nil {
				return err
			}
			defer db.Close()
			var n int
			if out == "" || out == "-" {
				n, err = export.Write(cmd.Context(), db, a.stdout, o)
			} else {
				n, err = export.WriteFile(cmd.Context(), db, out, o)
			}
			if err != nil {
				return err
			}
			if out != "" && out != "-" {
				fmt.Fprintf(a.stderr, "exported %d case(s) to %s\n", n, out)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Format, "format", "jsonl", "output format: jsonl, csv, json or atom")
	f.BoolVar(&o.New, "new", false, "only cases first found after the consumer's last export")
	f.BoolVar(&o.Updated, "updated", false, "with --new: also cases changed since the consumer's last export")
	f.StringVar(&o.Consumer, "consumer", "", "name of the consumer whose cursor --new reads and advances")
	f.StringVar(&since, "since", "", "only cases decided (or, undated, first seen) on or after this day, YYYY-MM-DD")
	f.StringVar(&o.Country, "country", "", "only cases in this country")
	f.StringVar(&o.Stage, "stage", "", "only cases at this stage: verdict or appeal")
	f.StringVarP(&out, "output", "o", "", "write to FILE instead of stdout")
	f.StringVar(&server, "server", "", "read the cases from a running `trialwatch serve` at this URL instead of the database")
	return cmd
}

// openForRead opens the database of a command that reads or updates stored
// data but crawls nothing.
func (a *app) openForRead() (*store.DB, error) {
	cfg, err := a.configForDB()
	if err != nil {
		return nil, err
	}
	return a.openDB(cfg)
}

// configForDB loads the configuration only when it may name the database:
// commands that only read the database still work with a broken sources
// list when --db is given.
func (a *app) configForDB() (*config.Config, error) {
	if a.dbPath != "" && a.configPath == "" {
		return nil, nil
	}
	return a.config()
}

// exportRemote writes the cases a running daemon serves. Cursors live in
// the daemon's database, so --new is not available this way.
func (a *app) exportRemote(cmd *cobra.Command, server, since, out string, o export.Options) error {
	if o.New || o.Updated {
		return usagef("--new and --updated keep a cursor in the database: run them where the database is, not with --server")
	}
	c, err := a.client(server)
	if err != nil {
		return err
	}
	q := url.Values{}
	for k, v := range map[string]string{"since": since, "country": o.Country, "stage": o.Stage} {
		if v != "" {
			q.Set(k, v)
		}
	}
	cases, err := c.cases(cmd.Context(), q)
	if err != nil {
		return err
	}
	w := a.stdout
	if out != "" && out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	}
	if err := export.Encode(w, o, cases); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && f != os.Stdout {
		return f.Close()
	}
	return nil
}
