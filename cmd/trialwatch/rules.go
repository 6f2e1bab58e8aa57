package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch/rules"
)

func (a *app) rulesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Work with rule files",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "check [DIR]",
		Short: "Validate rule files, with file:line for every error",
		Long: `Validates the rule files of DIR (default: the built-in rules) as trialwatch
would load them: YAML syntax, unknown keys, CSS selectors, regular expressions.
Prints every error as file:line: message and exits 2 if there is any.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := ""
			if len(args) == 1 {
				dir = args[0]
			}
			errs := rules.Check(dir)
			for _, err := range errs {
				fmt.Fprintln(a.stderr, err)
			}
			if len(errs) > 0 {
				return usagef("rules check: %d error(s) in %s", len(errs), orDefault(dir, "the built-in rules"))
			}
			fmt.Fprintf(a.stdout, "rules ok: %s\n", orDefault(dir, "the built-in rules"))
			return nil
		},
	})
	return cmd
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
