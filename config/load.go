package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Load reads the YAML file at path over the defaults, applies the defaults
// again for fields it left empty, and validates the result. Every problem is
// reported, joined, with the YAML path it concerns: unknown keys, values of
// the wrong type and invalid settings.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c, err := parse(data, filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// Parse is Load for YAML bytes already read; a relative password_file is
// taken from the working directory. Empty input gives Default().
func Parse(data []byte) (*Config, error) {
	return parse(data, ".")
}

func parse(data []byte, dir string) (*Config, error) {
	c := Default()
	keyErrs, err := decode(data, c)
	if err != nil {
		return nil, err
	}
	c.ApplyDefaults()
	passErr := c.Kafka.SASL.resolvePassword(dir, os.Getenv)
	if err := errors.Join(keyErrs, passErr, c.Validate()); err != nil {
		return nil, err
	}
	return c, nil
}

// resolvePassword reads the password from PasswordFile, or with a
// mechanism and no password from $VEIL_KAFKA_PASSWORD. Errors name the file,
// never its contents.
func (s *SASL) resolvePassword(dir string, getenv func(string) string) error {
	const path = "kafka.sasl.password_file"
	switch {
	case s.PasswordFile != "" && s.Password != "":
		return &FieldError{Path: path, Err: errors.New("give password or password_file, not both")}
	case s.PasswordFile != "":
		file := s.PasswordFile
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return &FieldError{Path: path, Err: fmt.Errorf("%q: %w", s.PasswordFile, errors.Unwrap(err))}
		}
		data = bytes.TrimSuffix(bytes.TrimSuffix(data, []byte("\n")), []byte("\r"))
		if len(data) == 0 {
			return &FieldError{Path: path, Err: fmt.Errorf("%q is empty", s.PasswordFile)}
		}
		s.Password = Secret(data)
	case s.Password == "" && s.Mechanism != "":
		s.Password = Secret(getenv(PasswordEnv))
	}
	return nil
}

// maxDepth bounds how deep the key check follows nested nodes and aliases.
const maxDepth = 32

// decode reads one YAML document into c with unknown keys rejected. It
// returns the problems with keys and value types, which leave the rest of c
// decoded, apart from a fatal error (YAML syntax) that stops it. The former
// name their YAML path: unknown keys are found by walking the document
// against the schema, and the decoder's own "line N:" errors are mapped back
// to the path of the value on that line.
func decode(data []byte, c *Config) (keyErrs error, fatal error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("line %d: more than one YAML document", extra.Line)
	}

	s := schemaWalk{lines: make(map[int][]string)}
	s.walk(&doc, reflect.TypeFor[Config](), "", 0)

	strict := yaml.NewDecoder(bytes.NewReader(data))
	strict.KnownFields(true)
	err := strict.Decode(c)
	var te *yaml.TypeError
	if err != nil && !errors.As(err, &te) {
		return nil, err
	}
	errs := s.errs
	if te != nil {
		for _, msg := range te.Errors {
			line, text := splitLine(msg)
			if strings.HasPrefix(text, "field ") && strings.Contains(text, " not found in type ") && s.unknownLines[line] {
				continue // reported with its path by the walk
			}
			path := s.pathAt(line)
			if strings.HasPrefix(path, secretSection) {
				text = hideQuoted(text)
			}
			errs = append(errs, &FieldError{Path: path, Err: fmt.Errorf("%s (line %d)", text, line)})
		}
	}
	return errors.Join(errs...), nil
}

// secretSection is the YAML path of the settings that hold a Secret: the
// decoder's errors there do not quote the value.
const secretSection = "kafka.sasl"

// hideQuoted replaces what yaml.v3 quotes in backquotes, the bad value, with
// [REDACTED].
func hideQuoted(msg string) string {
	before, rest, ok := strings.Cut(msg, "`")
	if !ok {
		return msg
	}
	if _, after, ok := strings.Cut(rest, "`"); ok {
		return before + redacted + after
	}
	return before + redacted
}

// splitLine splits yaml.v3's "line 12: message" into 12 and "message".
func splitLine(msg string) (int, string) {
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 0, msg
	}
	num, text, ok := strings.Cut(rest, ": ")
	n, err := strconv.Atoi(num)
	if !ok || err != nil {
		return 0, msg
	}
	return n, text
}

// schemaWalk checks a YAML node tree against the Config type: it reports
// unknown keys with their paths and remembers which paths have values on
// which lines.
type schemaWalk struct {
	errs         []error
	unknownLines map[int]bool
	lines        map[int][]string
}

func (s *schemaWalk) walk(n *yaml.Node, t reflect.Type, path string, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			s.walk(c, t, path, depth+1)
		}
		return
	case yaml.AliasNode:
		if n.Alias != nil {
			s.walk(n.Alias, t, path, depth+1)
		}
		return
	}
	want := yaml.ScalarNode
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		want = yaml.MappingNode
	case reflect.Slice:
		want = yaml.SequenceNode
	}
	if n.Kind != want || want == yaml.ScalarNode {
		// A leaf, or a node of the wrong shape that the decoder reports.
		s.lines[n.Line] = append(s.lines[n.Line], path)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "<<" && k.Tag == "!!merge" {
				s.walk(v, t, path, depth+1)
				continue
			}
			f, ok := fieldByTag(t, k.Value)
			if !ok {
				if s.unknownLines == nil {
					s.unknownLines = make(map[int]bool)
				}
				s.unknownLines[k.Line] = true
				err := fmt.Errorf("unknown key (line %d; want %s)", k.Line, strings.Join(yamlKeys(t), ", "))
				if f, ok := fieldByTag(t, k.Value+"s"); ok && f.Type.Kind() == reflect.Slice {
					err = fmt.Errorf("unknown key (line %d): did you mean %ss, a list?", k.Line, k.Value) // age_field, once a string
				}
				s.errs = append(s.errs, &FieldError{Path: joinPath(path, k.Value), Err: err})
				continue
			}
			s.walk(v, f.Type, joinPath(path, k.Value), depth+1)
		}
	case reflect.Slice:
		for i, c := range n.Content {
			s.walk(c, t.Elem(), path+index(i), depth+1)
		}
	case reflect.Map:
		for i := 0; i+1 < len(n.Content); i += 2 {
			s.walk(n.Content[i+1], t.Elem(), joinPath(path, n.Content[i].Value), depth+1)
		}
	}
}

// pathAt returns the path of the value on a line, or the paths' common
// prefix when a flow-style line holds several.
func (s *schemaWalk) pathAt(line int) string {
	paths := s.lines[line]
	if len(paths) == 0 {
		return ""
	}
	p := paths[0]
	for _, q := range paths[1:] {
		for !strings.HasPrefix(q, p) {
			i := strings.LastIndexAny(p, ".[")
			if i < 0 {
				return ""
			}
			p = p[:i]
		}
	}
	return p
}

// fieldByTag finds the struct field whose yaml tag name is key.
func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if yamlName(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// yamlKeys lists a struct's YAML keys in declaration order.
func yamlKeys(t reflect.Type) []string {
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		if name := yamlName(t.Field(i)); name != "" {
			keys = append(keys, name)
		}
	}
	return keys
}

func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	return name
}
