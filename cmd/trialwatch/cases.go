package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

func (a *app) casesCommand() *cobra.Command {
	var asJSON bool
	var limit int
	var server string
	cmd := &cobra.Command{
		Use:   "cases [--db F] [list | show ID]",
		Short: "Browse stored cases in the terminal",
		Long: `"cases" or "cases list" prints one line per stored case, newest first;
"cases show ID" prints one case with its evidence and sources.`,
		Args:      cobra.MaximumNArgs(2),
		ValidArgs: []string{"list", "show"},
		RunE: func(cmd *cobra.Command, args []string) error {
			sub := "list"
			if len(args) > 0 {
				sub = args[0]
			}
			switch {
			case sub == "list" && len(args) <= 1:
			case sub == "show" && len(args) == 2:
			default:
				return usagef("usage: trialwatch cases [list | show ID]")
			}
			src, err := a.caseSource(server)
			if err != nil {
				return err
			}
			defer src.close()
			if sub == "show" {
				c, err := src.one(cmd.Context(), args[1])
				if errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("no case %q", args[1])
				}
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(a.stdout, c)
				}
				showCase(a.stdout, c)
				return nil
			}
			all, err := src.all(cmd.Context())
			if err != nil {
				return err
			}
			if limit > 0 && len(all) > limit {
				all = all[len(all)-limit:]
			}
			reverse(all)
			if asJSON {
				return writeJSON(a.stdout, all)
			}
			listCases(a.stdout, all)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&limit, "limit", 0, "list at most N cases (the newest)")
	cmd.Flags().StringVar(&server, "server", "", "read the cases from a running `trialwatch serve` at this URL instead of the database")
	return cmd
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func listCases(w io.Writer, cases []trialwatch.StoredCase) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTAGE\tDATE\tCOURT / PLACE\tCOUNTRY\tDEFENDANTS\tJAILED\tTERMS\tSOURCES")
	for _, c := range cases {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", c.ID, c.Stage, str(c.DecisionDate),
			courtPlace(&c.Case), str(c.Country), num(c.Defendants), num(c.Imprisoned), terms(&c.Case), len(c.Sources))
	}
	tw.Flush()
	if len(cases) == 0 {
		fmt.Fprintln(w, "(no cases stored yet)")
	}
}

func showCase(w io.Writer, c trialwatch.StoredCase) {
	fmt.Fprintf(w, "case %s (%s)\n", c.ID, c.Stage)
	row := func(k, v string) {
		if v != "" && v != "-" {
			fmt.Fprintf(w, "  %-20s %s\n", k+":", v)
		}
	}
	row("court", str(c.Court))
	row("location", str(c.Location))
	row("country", str(c.Country))
	row("decision date", str(c.DecisionDate))
	row("defendants", num(c.Defendants))
	row("convicted", num(c.Convicted))
	row("acquitted", num(c.Acquitted))
	row("imprisoned", num(c.Imprisoned))
	row("suspended", num(c.Suspended))
	row("prison terms", terms(&c.Case))
	row("victims", num(c.Victims))
	row("charges", strings.Join(c.Charges, ", "))
	row("defendants were", str(c.DefendantRole))
	if c.AppealOf != "" {
		row("appeal of case", c.AppealOf)
	}
	for field, vals := range c.Disputed {
		var parts []string
		for _, v := range vals {
			parts = append(parts, fmt.Sprintf("%v (%d source(s))", v.Value, len(v.Sources)))
		}
		row("disputed "+field, strings.Join(parts, " / "))
	}
	fmt.Fprintf(w, "  first seen %s, updated %s\n", c.FirstSeen.Format("2006-01-02 15:04"), c.Updated.Format("2006-01-02 15:04"))
	if len(c.Evidence) > 0 {
		fmt.Fprintln(w, "evidence:")
		for _, k := range trialwatch.ScoredFields {
			if s, ok := c.Evidence[k]; ok {
				fmt.Fprintf(w, "  %s: %q\n", k, s)
			}
		}
	}
	fmt.Fprintln(w, "sources:")
	for _, s := range c.Sources {
		fmt.Fprintf(w, "  %s  %s (%s, %s)\n", s.URL, s.Title, s.Outlet, s.Published)
	}
}

func str(p *string) string {
	if p == nil {
		return "-"
	}
	return *p
}

func num(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

func courtPlace(c *trialwatch.Case) string {
	switch {
	case c.Court != nil && c.Location != nil && !strings.Contains(*c.Court, *c.Location):
		return *c.Court + ", " + *c.Location
	case c.Court != nil:
		return *c.Court
	default:
		return str(c.Location)
	}
}

// terms writes the custodial terms as years and months.
func terms(c *trialwatch.Case) string {
	if c.SentenceMinMonths == nil && c.SentenceMaxMonths == nil {
		return "-"
	}
	lo, hi := c.SentenceMinMonths, c.SentenceMaxMonths
	if lo == nil {
		return "up to " + months(*hi)
	}
	if hi == nil || *hi == *lo {
		return months(*lo)
	}
	return months(*lo) + "–" + months(*hi)
}

func months(m int) string {
	y, r := m/12, m%12
	switch {
	case y == 0:
		return fmt.Sprintf("%dm", r)
	case r == 0:
		return fmt.Sprintf("%dy", y)
	default:
		return fmt.Sprintf("%dy%dm", y, r)
	}
}

// caseSource reads cases from the database or from a running daemon.
type caseSource struct {
	db     *store.DB
	client *apiClient
}

func (a *app) caseSource(server string) (*caseSource, error) {
	if server != "" {
		c, err := a.client(server)
		return &caseSource{client: c}, err
	}
	db, err := a.openForRead()
	return &caseSource{db: db}, err
}

func (s *caseSource) close() {
	if s.db != nil {
		s.db.Close()
	}
}

func (s *caseSource) one(ctx context.Context, id string) (trialwatch.StoredCase, error) {
	if s.db != nil {
		return s.db.Case(id)
	}
	var c trialwatch.StoredCase
	err := s.client.do(ctx, http.MethodGet, "/api/cases/"+url.PathEscape(id), nil, &c)
	if err != nil && strings.Contains(err.Error(), "404") {
		return c, store.ErrNotFound
	}
	return c, err
}

func (s *caseSource) all(ctx context.Context) ([]trialwatch.StoredCase, error) {
	var out []trialwatch.StoredCase
	if s.db != nil {
		err := s.db.Cases(ctx, store.Query{}, func(c trialwatch.StoredCase) error {
			out = append(out, c)
			return nil
		})
		return out, err
	}
	raws, err := s.client.cases(ctx, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range raws {
		var c trialwatch.StoredCase
		if err := json.Unmarshal(r, &c); err != nil {
			return nil, fmt.Errorf("server: bad case: %w", err)
		}
		out = append(out, c)
	}
	return out, nil
}
