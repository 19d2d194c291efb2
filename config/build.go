package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// DetectorOptions returns the detectors.Options the detectors section
// describes, or its validation errors.
func (c *Config) DetectorOptions() (detectors.Options, error) {
	d := &c.Detectors
	var p problems
	p.sub("detectors", d.Validate())
	if err := p.err(); err != nil {
		return detectors.Options{}, err
	}
	o := detectors.Options{AdIDKeys: d.AdIDKeys}
	for _, name := range d.Kinds {
		k, _ := detectors.ParseKind(name)
		o.Kinds = append(o.Kinds, k)
	}
	for _, r := range d.PhoneRegions {
		o.PhoneRegions = append(o.PhoneRegions, strings.ToUpper(r))
	}
	return o, nil
}

// TransformOptions returns the transforms.Options the transforms and records
// sections describe, with an action for every built-in kind, or their
// validation errors.
func (c *Config) TransformOptions() (transforms.Options, error) {
	var p problems
	p.sub("transforms", c.Transforms.Validate())
	p.sub("records", c.Records.Validate())
	if err := p.err(); err != nil {
		return transforms.Options{}, err
	}
	t := &c.Transforms
	def, _ := transforms.ParseAction(t.Default)
	o := transforms.Options{
		Actions:        make(map[detectors.Kind]transforms.Action, len(detectors.Builtin)),
		Template:       t.Template,
		MaskHead:       keep(t.Mask.Head),
		MaskTail:       keep(t.Mask.Tail),
		MaskChar:       t.Mask.Char[0],
		MaxRecordBytes: int(c.Records.MaxBytes),
	}
	for _, k := range slices.Concat(detectors.Builtin, detectors.FreeText) {
		o.Actions[k] = def
	}
	switch lf := c.Detectors.LocaleFields; {
	case len(lf) == 1 && lf[0] == Off:
		o.LocaleFields = []string{}
	case len(lf) > 0:
		o.LocaleFields = lf
	}
	for name, action := range t.Kinds {
		k, _ := detectors.ParseKind(name)
		o.Actions[k], _ = transforms.ParseAction(action)
	}
	return o, nil
}

// Build validates the whole configuration and builds the detector set and
// the transform engine with ring, once, at start-up, so that a bad
// configuration fails before any record is read. The engine has a profile
// for each of the event kinds given (see Profile); language detection is
// built only if one of them detects languages.
func (c *Config) Build(ring *transforms.KeyRing, kinds ...string) (*transforms.Engine, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	do, err := c.DetectorOptions()
	if err != nil {
		return nil, err
	}
	to, err := c.TransformOptions()
	if err != nil {
		return nil, err
	}
	if to.Custom, err = c.customDetectors(to.Actions); err != nil {
		return nil, err
	}
	ld, err := c.LanguageDetector(kinds)
	if err != nil {
		return nil, err
	}
	to.Profiles = make(map[string]transforms.ProfileOptions, len(kinds))
	for _, k := range kinds {
		to.Profiles[k] = c.Profile(k, ld)
	}
	set, err := detectors.New(do)
	if err != nil {
		return nil, fmt.Errorf("detectors: %w", err)
	}
	e, err := transforms.NewEngine(set, ring, to)
	if err != nil {
		return nil, fmt.Errorf("transforms: %w", err)
	}
	return e, nil
}

// InputKinds returns the event kinds of the Kafka inputs, each once.
func (c *Config) InputKinds() []string {
	var kinds []string
	for _, in := range c.Kafka.Inputs {
		if !slices.Contains(kinds, in.Kind) {
			kinds = append(kinds, in.Kind)
		}
	}
	return kinds
}

// keep converts a mask head or tail count to transforms.Options, where 0
// means the default and a negative number keeps nothing.
func keep(n int) int {
	if n == 0 {
		return -1
	}
	return n
}
