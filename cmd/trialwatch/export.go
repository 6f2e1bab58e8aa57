package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch/config"
	"github.com/trialwatch/trialwatch/export"
)

func (a *app) exportCommand() *cobra.Command {
	var (
		o     export.Options
		since string
		out   string
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
			cfg, err := a.configForDB()
			if err != nil {
				return err
			}
			db, err := a.openDB(cfg)
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
	return cmd
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
