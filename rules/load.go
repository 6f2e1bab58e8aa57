package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/trialwatch/trialwatch"

	"go.yaml.in/yaml/v3"
)

//go:embed default/*.yaml
var defaultFS embed.FS

// Default returns the rule set embedded in the binary. The embedded files
// are checked by the package's tests, so a failure here is a build defect
// and panics.
func Default() *Set {
	s, errs := loadFS(defaultFS, "default", &Set{Facts: map[string]*Facts{}})
	if len(errs) > 0 {
		panic(fmt.Sprintf("rules: embedded default rules: %v", errors.Join(errs...)))
	}
	return s
}

// Load returns the default rule set extended by the YAML files of dir: a
// site rule with the same name or a shared domain replaces the default one,
// and fact rules of a language replace that language's defaults.
func Load(dir string) (*Set, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	s, errs := loadFS(os.DirFS(dir), ".", Default())
	if len(errs) > 0 {
		for i, e := range errs {
			errs[i] = prefixDir(dir, e)
		}
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// Check validates every rule file of dir (the embedded defaults when dir is
// "") and returns all errors found, each as "file:line: what is wrong".
func Check(dir string) []error {
	if dir == "" {
		_, errs := loadFS(defaultFS, "default", &Set{Facts: map[string]*Facts{}})
		return errs
	}
	if _, err := os.Stat(dir); err != nil {
		return []error{fmt.Errorf("rules: %w", err)}
	}
	_, errs := loadFS(os.DirFS(dir), ".", &Set{Facts: map[string]*Facts{}})
	for i, e := range errs {
		errs[i] = prefixDir(dir, e)
	}
	return errs
}

// FileError is an error in one rule file, at one line.
type FileError = trialwatch.FileError

func prefixDir(dir string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		fe.File = filepath.Join(dir, fe.File)
	}
	return err
}

// loadFS reads the *.yaml and *.yml files of dir in fsys, in name order, into
// a copy of base.
func loadFS(fsys fs.FS, dir string, base *Set) (*Set, []error) {
	s := &Set{Sites: append([]*Site(nil), base.Sites...), Facts: map[string]*Facts{}}
	for k, v := range base.Facts {
		s.Facts[k] = v
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, []error{fmt.Errorf("rules: %w", err)}
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var errs []error
	for _, n := range names {
		data, err := fs.ReadFile(fsys, path.Join(dir, n))
		if err != nil {
			errs = append(errs, &FileError{File: n, Msg: err.Error()})
			continue
		}
		errs = append(errs, parseFile(n, data, s)...)
	}
	return s, errs
}

// parseFile reads one rule file into s. A file holds site rules under a
// top-level "sites:" key, fact rules under "facts:", or both.
func parseFile(name string, data []byte, s *Set) []error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return []error{yamlError(name, err)}
	}
	if len(doc.Content) == 0 {
		return nil // empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return []error{&FileError{File: name, Line: root.Line, Msg: "a rule file is a mapping with a sites: or facts: key"}}
	}
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		switch key.Value {
		case "sites":
			errs = append(errs, parseSites(name, val, s)...)
		case "facts":
			f, ferrs := parseFacts(name, val)
			errs = append(errs, ferrs...)
			if f != nil && len(ferrs) == 0 {
				s.Facts[f.Lang] = f
			}
		default:
			errs = append(errs, &FileError{File: name, Line: key.Line, Msg: fmt.Sprintf("unknown key %q (want sites or facts)", key.Value)})
		}
	}
	return errs
}

func parseSites(name string, val *yaml.Node, s *Set) []error {
	if val.Kind != yaml.SequenceNode {
		return []error{&FileError{File: name, Line: val.Line, Msg: "sites: want a list of site rules"}}
	}
	var errs []error
	for _, n := range val.Content {
		if err := checkKeys(name, n, reflect.TypeOf(Site{})); err != nil {
			errs = append(errs, err...)
			continue
		}
		site := &Site{}
		if err := n.Decode(site); err != nil {
			errs = append(errs, &FileError{File: name, Line: n.Line, Msg: err.Error()})
			continue
		}
		site.File, site.Line = name, n.Line
		if site.Name == "" {
			errs = append(errs, &FileError{File: name, Line: n.Line, Msg: "site rule without a name"})
			continue
		}
		if len(site.Domains) == 0 {
			errs = append(errs, &FileError{File: name, Line: n.Line, Msg: fmt.Sprintf("site %q has no domains", site.Name)})
			continue
		}
		for i, d := range site.Domains {
			site.Domains[i] = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")
		}
		if v, ok := any(site).(interface{ Validate() error }); ok {
			if err := v.Validate(); err != nil {
				errs = append(errs, &FileError{File: name, Line: n.Line, Msg: err.Error()})
				continue
			}
		}
		s.addSite(site)
	}
	return errs
}

// checkKeys reports, with lines, every mapping key of n that t (a struct
// type with yaml tags) does not declare, recursing into nested structs,
// lists and maps of structs.
func checkKeys(file string, n *yaml.Node, t reflect.Type) []error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return []error{&FileError{File: file, Line: n.Line, Msg: fmt.Sprintf("want a mapping, got %s", kindName(n))}}
		}
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if tag == "" || tag == "-" || !f.IsExported() {
				continue
			}
			fields[tag] = f.Type
		}
		var errs []error
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				errs = append(errs, &FileError{File: file, Line: k.Line, Msg: fmt.Sprintf("unknown key %q", k.Value)})
				continue
			}
			errs = append(errs, checkKeys(file, v, ft)...)
		}
		return errs
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return nil
			}
			return []error{&FileError{File: file, Line: n.Line, Msg: fmt.Sprintf("want a list, got %s", kindName(n))}}
		}
		var errs []error
		for _, c := range n.Content {
			errs = append(errs, checkKeys(file, c, t.Elem())...)
		}
		return errs
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return nil
			}
			return []error{&FileError{File: file, Line: n.Line, Msg: fmt.Sprintf("want a mapping, got %s", kindName(n))}}
		}
		var errs []error
		for i := 1; i < len(n.Content); i += 2 {
			errs = append(errs, checkKeys(file, n.Content[i], t.Elem())...)
		}
		return errs
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// yamlError turns a yaml.v3 error ("yaml: line 3: ...") into a FileError.
func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	return &FileError{File: file, Line: line, Msg: msg}
}
