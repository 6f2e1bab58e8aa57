package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/trialwatch/trialwatch"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultName is how errors and logs name the embedded configuration.
const DefaultName = "(embedded default config)"

// ErrInvalid is wrapped by every error about the content of a config file,
// so callers can tell bad input (exit 2) from a failure to read it.
var ErrInvalid = trialwatch.ErrInvalidFile

// Config is a loaded, validated configuration.
type Config struct {
	File          string // where it was read from
	DB            string
	UserAgent     string
	AllowNetworks []netip.Prefix
	Listen        string
	TokenEnv      string
	Timezone      *time.Location
	Sources       []*trialwatch.Source
}

// Source returns the source called name, or nil.
func (c *Config) Source(name string) *trialwatch.Source {
	for _, s := range c.Sources {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Default returns the embedded default configuration.
func Default() *Config {
	c, err := Parse(DefaultName, defaultYAML)
	if err != nil {
		panic("config: embedded default is invalid: " + err.Error())
	}
	return c
}

// DefaultYAML returns the text of the embedded default configuration.
func DefaultYAML() []byte { return bytes.Clone(defaultYAML) }

// Load reads and validates the configuration file at path; an empty path
// gives the embedded default.
func Load(path string) (*Config, error) {
	if path == "" {
		return Default(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data)
}

// Error is one problem found in a config file.
type Error = trialwatch.FileError

// Errors is the list of problems of one config file; its message is the
// first problem, with a count of the rest, so it stays one line.
type Errors []*Error

func (es Errors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", es[0].Error(), len(es)-1)
}

func (es Errors) Unwrap() error { return ErrInvalid }

// Parse validates the YAML text of a configuration; name is used in errors.
func Parse(name string, data []byte) (*Config, error) {
	var raw rawConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlErrors(name, err)
	}
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root)
	v := validator{file: name, root: &root}
	c := v.build(&raw)
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	return c, nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
var notFound = regexp.MustCompile(`^field (\S+) not found in type .*$`)

// yamlErrors turns the decoder's messages into file:line errors.
func yamlErrors(file string, err error) error {
	var lines []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		lines = te.Errors
	} else {
		lines = []string{err.Error()}
	}
	var es Errors
	for _, l := range lines {
		e := &Error{File: file, Msg: strings.TrimPrefix(l, "yaml: ")}
		if m := yamlLine.FindStringSubmatch(l); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Msg = m[2]
			if k := notFound.FindStringSubmatch(e.Msg); k != nil {
				e.Msg = fmt.Sprintf("unknown key %q", k[1])
			}
		}
		es = append(es, e)
	}
	return es
}
