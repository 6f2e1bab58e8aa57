package config

import (
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"go.yaml.in/yaml/v3"
)

// rawConfig is the file as written; pointers tell "unset" from zero.
type rawConfig struct {
	DB            string      `yaml:"db"`
	UserAgent     string      `yaml:"user_agent"`
	AllowNetworks []network   `yaml:"allow_networks"`
	Listen        string      `yaml:"listen"`
	TokenEnv      string      `yaml:"token_env"`
	Timezone      string      `yaml:"timezone"`
	Defaults      rawSource   `yaml:"defaults"`
	Sources       []rawSource `yaml:"sources"`
}

type rawSource struct {
	Name           string    `yaml:"name"`
	Start          []string  `yaml:"start"`
	Feeds          []string  `yaml:"feeds"`
	Sitemaps       []string  `yaml:"sitemaps"`
	AllowedDomains []string  `yaml:"allowed_domains"`
	Follow         []pattern `yaml:"follow"`
	Articles       []pattern `yaml:"articles"`
	Schedule       *schedule `yaml:"schedule"`
	Delay          *duration `yaml:"delay"`
	Parallel       *int      `yaml:"parallel"`
	MaxDepth       *int      `yaml:"max_depth"`
	Timeout        *duration `yaml:"timeout"`
	MaxBody        *size     `yaml:"max_body"`
}

func typeErr(n *yaml.Node, format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", n.Line, fmt.Sprintf(format, args...))}}
}

func scalar(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", typeErr(n, "%s must be a single value", what)
	}
	return n.Value, nil
}

// pattern is a regexp on a URL path.
type pattern struct{ *regexp.Regexp }

func (p *pattern) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "a pattern")
	if err != nil {
		return err
	}
	re, err := regexp.Compile(s)
	if err != nil {
		return typeErr(n, "bad regexp %q: %v", s, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	p.Regexp = re
	return nil
}

// schedule is a robfig/cron spec.
type schedule string

var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSchedule checks a cron spec the way the scheduler will read it.
func ParseSchedule(spec string) (cron.Schedule, error) { return cronParser.Parse(spec) }

func (c *schedule) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "schedule")
	if err != nil {
		return err
	}
	if _, err := ParseSchedule(s); err != nil {
		return typeErr(n, "bad schedule %q: %v", s, err)
	}
	*c = schedule(s)
	return nil
}

type duration time.Duration

func (d *duration) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "a duration")
	if err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	if err != nil || v < 0 {
		return typeErr(n, "bad duration %q (write e.g. 2s, 500ms, 1m30s)", s)
	}
	*d = duration(v)
	return nil
}

// size is a byte count: 1048576, 512KiB, 8MiB, 1GB.
type size int64

var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"kb": 1000, "mb": 1000 * 1000, "gb": 1000 * 1000 * 1000,
	"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
	"k": 1 << 10, "m": 1 << 20, "g": 1 << 30,
}

// ParseSize reads a byte count such as "8MiB".
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	}
	mult, ok := sizeUnits[unit]
	f, err := strconv.ParseFloat(num, 64)
	if !ok || err != nil || f <= 0 || f*float64(mult) > 1<<50 {
		return 0, fmt.Errorf("bad size %q (write e.g. 8MiB, 512KiB, 1048576)", s)
	}
	return int64(f * float64(mult)), nil
}

func (z *size) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "a size")
	if err != nil {
		return err
	}
	v, err := ParseSize(s)
	if err != nil {
		return typeErr(n, "%v", err)
	}
	*z = size(v)
	return nil
}

type network netip.Prefix

func (p *network) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "a network")
	if err != nil {
		return err
	}
	pfx, err := netip.ParsePrefix(s)
	if err != nil {
		a, aerr := netip.ParseAddr(s)
		if aerr != nil {
			return typeErr(n, "bad network %q (write e.g. 127.0.0.0/8 or 10.1.2.3)", s)
		}
		pfx = netip.PrefixFrom(a, a.BitLen())
	}
	*p = network(pfx.Masked())
	return nil
}
