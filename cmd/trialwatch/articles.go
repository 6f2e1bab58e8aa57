package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch/store"
)

func (a *app) articlesCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "articles [--db F] [--json]",
		Short: "List stored articles, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := a.openForRead()
			if err != nil {
				return err
			}
			defer db.Close()
			var list []store.ArticleInfo
			if err := db.Articles(cmd.Context(), func(ai store.ArticleInfo) error {
				list = append(list, ai)
				return nil
			}); err != nil {
				return err
			}
			if asJSON {
				if list == nil {
					list = []store.ArticleInfo{}
				}
				return writeJSON(a.stdout, list)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "PUBLISHED\tOUTLET\tCASES\tTITLE\tURL")
			for _, ai := range list {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", orDefault(ai.Published, "-"), ai.Outlet, ai.Cases, ai.Title, ai.URL)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
