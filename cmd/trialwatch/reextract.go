package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/pipeline"
)

func (a *app) reextractCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "reextract [--db F] [--rules DIR]",
		Short: "Re-run the current rules over every stored page and update its cases",
		Long: `Reads every page kept in the database again with the current rules (no
network) and updates the cases each article contributes, so that improved
rules reach articles fetched before.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rs, err := a.rules()
			if err != nil {
				return err
			}
			db, err := a.openForRead()
			if err != nil {
				return err
			}
			defer db.Close()
			pl := pipeline.New(db, rs, pipeline.Options{Logger: a.log})
			var pages, created, merged int
			err = db.Pages(cmd.Context(), func(p trialwatch.Page) error {
				r, err := pl.Process(cmd.Context(), &p)
				if err != nil {
					return err
				}
				pages++
				created += r.New
				merged += r.Merged
				return nil
			})
			fmt.Fprintf(a.stdout, "re-extracted %d page(s): %d case(s) new, %d merged\n", pages, created, merged)
			return err
		},
	}
}
