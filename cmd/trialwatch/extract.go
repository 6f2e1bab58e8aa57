package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/crawler"
	"github.com/trialwatch/trialwatch/extract"
)

func (a *app) extractCommand() *cobra.Command {
	var pageURL string
	cmd := &cobra.Command{
		Use:   "extract [--url URL] FILE.html",
		Short: "Run the extractors on one saved page and print the result as JSON",
		Long: `Reads one saved HTML page, extracts the article and the court decisions it
reports, and prints the extraction result (spec/trial-record.md) as JSON on
stdout. Touches no database and no network.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rs, err := a.rules()
			if err != nil {
				return err
			}
			body, err := os.ReadFile(args[0])
			if err != nil {
				return fmt.Errorf("extract: %w", err)
			}
			page := &trialwatch.Page{URL: pageURL, Status: 200, Body: crawler.DecodeUTF8(body, ""), Fetched: time.Now()}
			res := extract.Extract(page, rs)
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(res)
		},
	}
	cmd.Flags().StringVar(&pageURL, "url", "", "the URL the page was fetched from (default: the page's canonical link)")
	return cmd
}
