// Command trialwatch watches news sites for reports of court decisions,
// reads each decision out as a structured case, keeps one record per real
// decision and hands new cases to the people who track them.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/config"
	"github.com/trialwatch/trialwatch/rules"
)

// memoryLimit is the soft limit on the Go runtime's memory unless
// GOMEMLIMIT sets another: the heap a crawl keeps live is a few tens of
// megabytes, and without a limit the collector lets it grow to twice that
// between collections, so long crawls and the daemon would sit at more
// memory than they use.
const memoryLimit = 96 << 20

// gcPercent lets the heap grow to five times what is live between
// collections (Go's default is twice): a crawl's garbage is short-lived,
// so each collection marks the same few live megabytes and fewer
// collections do the work (on the 3,000-article benchmark crawl, 16
// collections instead of 30 at 200, and 40% less of their processor
// time); the memory limit above still bounds the heap. GOGC overrides it.
const gcPercent = 400

func main() {
	// Heap profiling samples allocations and keeps a table of their
	// stacks, over a megabyte that a long-running daemon has no use for;
	// --memprofile turns it back on.
	runtime.MemProfileRate = 0
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usageError marks bad usage or invalid config and rules: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// app holds what the commands share: the global flags and the streams.
type app struct {
	configPath string
	dbPath     string
	rulesDir   string
	logLevel   string
	cpuProfile string
	memProfile string
	stopProf   func()
	stopMem    func()
	stdout     io.Writer
	stderr     io.Writer
	log        *slog.Logger
}

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	a.stopProfile()
	if err == nil {
		return 0
	}
	msg := strings.ReplaceAll(err.Error(), "\n", "; ")
	fmt.Fprintln(stderr, "trialwatch: "+msg)
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, trialwatch.ErrInvalidFile) || isFlagError(err) {
		return 2
	}
	return 1
}

func isFlagError(err error) bool {
	s := err.Error()
	return strings.HasPrefix(s, "unknown command") || strings.HasPrefix(s, "unknown flag") ||
		strings.HasPrefix(s, "unknown shorthand flag") || strings.Contains(s, "flag needs an argument") ||
		strings.HasPrefix(s, "invalid argument") || strings.Contains(s, "accepts ") || strings.HasPrefix(s, "required flag")
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "trialwatch",
		Short: "Watch news sites for reports of court decisions and keep one record per case",
		Long: `trialwatch crawls news sites, reads reports of court decisions out as
structured cases (court, place, date, head counts, sentences, victims, each
with the sentence it came from), keeps one record per real decision however
many outlets report it, and exports new cases as JSON Lines, CSV, JSON or Atom.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			var level slog.Level
			if err := level.UnmarshalText([]byte(a.logLevel)); err != nil {
				return usagef("--log-level %q: use debug, info, warn or error", a.logLevel)
			}
			a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
			return a.startProfile()
		},
		PersistentPostRun: func(*cobra.Command, []string) { a.stopProfile() },
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.configPath, "config", "", "configuration file (default: the embedded configuration)")
	pf.StringVar(&a.dbPath, "db", "", "database file (default: the config's db, else ./trialwatch.db)")
	pf.StringVar(&a.rulesDir, "rules", "", "folder of rule files that extend or override the built-in rules")
	pf.StringVar(&a.logLevel, "log-level", "warn", "log level: debug, info, warn, error")
	pf.StringVar(&a.cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) of the command to this file")
	pf.StringVar(&a.memProfile, "memprofile", "", "write a heap profile (pprof) taken at the command's peak of heap in use to this file")
	root.AddCommand(
		a.crawlCommand(),
		a.serveCommand(),
		a.exportCommand(),
		a.casesCommand(),
		a.articlesCommand(),
		a.extractCommand(),
		a.reextractCommand(),
		a.rulesCommand(),
		a.demoCommand(),
	)
	return root
}

// config loads the configuration named by --config, or the embedded one.
func (a *app) config() (*config.Config, error) {
	return config.Load(a.configPath)
}

// rules loads the built-in rules, extended by --rules.
func (a *app) rules() (*rules.Set, error) {
	if a.rulesDir == "" {
		return rules.Default(), nil
	}
	rs, err := rules.Load(a.rulesDir)
	if err != nil {
		return nil, usageError{err}
	}
	return rs, nil
}

// ruleLoader returns what loads the rules of a crawl. Rule files of
// --rules are read now, so that a mistake in them is reported before
// anything is fetched; the built-in rules, which cannot fail, are compiled
// while the crawl fetches its first pages.
func (a *app) ruleLoader() (func() (*rules.Set, error), error) {
	if a.rulesDir == "" {
		return a.rules, nil
	}
	rs, err := a.rules()
	if err != nil {
		return nil, err
	}
	return func() (*rules.Set, error) { return rs, nil }, nil
}

// dbFile decides which database file a command uses.
func (a *app) dbFile(cfg *config.Config) string {
	if a.dbPath != "" {
		return a.dbPath
	}
	if cfg != nil && cfg.DB != "" {
		return cfg.DB
	}
	return "trialwatch.db"
}
