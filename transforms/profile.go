package transforms

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pixelprivacy/veil/detectors"
)

// FieldAction is what a field rule does to the values at its path. A rule
// on an object or array applies to every value inside it, unless a rule
// for a deeper path says otherwise.
type FieldAction uint8

const (
	// FieldKeep copies the values as they are, without scanning them: an
	// allow-list for fields known to be safe, which also saves time.
	FieldKeep FieldAction = iota + 1
	// FieldDrop removes the member.
	FieldDrop
	// FieldTokenize replaces each string or number with the token of its
	// whole value, of FieldRule.Kind.
	FieldTokenize
	// FieldMask masks each string or number whole (see Mask).
	FieldMask
	// FieldGeneralize coarsens each value: a number, or a string holding
	// one, is rounded to FieldRule.Decimals decimals; an RFC 3339 timestamp
	// is truncated to the hour or the day; an IP address becomes its
	// network (/24, /48). Other strings are tokenized.
	FieldGeneralize
	// FieldScan scans the values as if no rule applied: an exception to a
	// broader rule, as "os.name" is to the one that drops a person's
	// "name".
	FieldScan
)

var fieldActionNames = [...]string{FieldKeep: "keep", FieldDrop: "drop", FieldTokenize: "tokenize", FieldMask: "mask", FieldGeneralize: "generalize", FieldScan: "scan"}

// String returns the action's name, as in the configuration.
func (a FieldAction) String() string {
	if int(a) < len(fieldActionNames) && a != 0 {
		return fieldActionNames[a]
	}
	return fmt.Sprintf("FieldAction(%d)", a)
}

// Truncation is how FieldGeneralize truncates timestamps.
type Truncation uint8

const (
	TruncateDay  Truncation = iota // 2026-06-02T00:00:00Z (the default)
	TruncateHour                   // 2026-06-02T10:00:00Z
	TruncateYear                   // 2026-01-01T00:00:00Z, a date 2026-01-01: what is kept of a birth date
)

// FieldRule applies an action to the JSON values at a path (see the path
// syntax at pathPattern: "user.name", "location.*", "lat").
type FieldRule struct {
	Path   string
	Action FieldAction
	// Kind is the kind of FieldTokenize's tokens; None means
	// detectors.Field.
	Kind detectors.Kind
	// Decimals, for FieldGeneralize, is how many decimals numbers keep.
	Decimals int
	// Truncate, for FieldGeneralize, is how timestamps are truncated.
	Truncate Truncation
	// Prefix, for FieldGeneralize, if over 0, keeps a code's first Prefix
	// ASCII letters and digits: a postcode's area, not its street
	// ("62704" to "627", "SW1A 2AA" to "SW1", "100-0001" to "100").
	Prefix int
}

// roundsCoordinates reports whether r generalizes coordinates: to
// decimals, neither truncating a time nor cutting a postcode.
func (r *FieldRule) roundsCoordinates() bool {
	return r.Action == FieldGeneralize && r.Truncate == 0 && r.Prefix == 0
}

// PolicyFields are the paths of the fields the policy gate reads. Redacting
// a record finds their values as Facts.
type PolicyFields struct {
	// User lists the fields that identify the user, best first; the best
	// one present is the record's user.
	User []string
	// Consent lists the per-event training consent fields, booleans: one
	// false refuses consent.
	Consent []string
	// OptOut lists per-event training opt-out fields, booleans: one true
	// refuses consent.
	OptOut []string
	// Minor lists booleans that flag a minor when true.
	Minor []string
	// Age lists the user's age fields; one under MinAge flags a minor.
	Age    []string
	MinAge int
	// BirthDate lists the user's birth date fields, read in the forms
	// apps write ("2014-05-01", "01/05/2014", 20140501, epoch seconds or
	// milliseconds, a year alone): one less than MinAge years before today
	// flags a minor.
	BirthDate []string
	// StatedAge reads the age that the writer of the free text (see
	// LanguageOptions.TextFields) states ("I'm 12 years old", "我今年12岁";
	// package detectors/ages), or gives by their date of birth ("I was
	// born on May 5, 2014"; birthdates.AppendOwn): one under MinAge flags
	// a minor.
	StatedAge bool
	// Now is the clock birth dates are read against; nil means time.Now.
	Now func() time.Time
}

// Consent is a record's own training-consent field.
type Consent int8

const (
	ConsentUnknown Consent = iota // the record has no consent field
	ConsentGranted
	ConsentRefused
)

// Facts are what redacting a record with a Profile found for the policy
// gate. They hold no raw value: the user is the MAC of the user ID's token.
type Facts struct {
	// User is the MAC of the user ID's token (kind detectors.User), valid
	// if HasUser: the key of the consent table.
	User    [macLen]byte
	HasUser bool
	// Consent is the record's training-consent field.
	Consent Consent
	// Minor reports a minor flag, or an age or birth date under the minimum.
	Minor bool
	// Lang is the ISO 639-1 code of the free text's language, or "".
	Lang string
}

// Add adds to f what g found of the same record elsewhere (its key, its
// headers): g's user if f has none, a refusal of consent over a grant, a
// minor if either found one.
func (f *Facts) Add(g Facts) {
	if !f.HasUser && g.HasUser {
		f.User, f.HasUser = g.User, true
	}
	if g.Consent == ConsentRefused || f.Consent == ConsentUnknown {
		f.Consent = max(f.Consent, g.Consent)
	}
	f.Minor = f.Minor || g.Minor
	if f.Lang == "" {
		f.Lang = g.Lang
	}
}

// UserMAC is the type of Facts.User.
type UserMAC = [macLen]byte

// LanguageDetector tells the language of a text: an ISO 639-1 code, or ""
// when it cannot tell.
type LanguageDetector interface {
	Detect(text []byte) string
}

// LanguageOptions turn on the free-text finders (see appendFreeText) and
// stated ages in a kind's free text and, with a Detector, the detection of
// its language.
type LanguageOptions struct {
	// Detector tells the free text's language. Without one, as for usage
	// events and log lines, only the values of text fields are free text
	// (a JSON record's members, a text record's key=value pairs), read
	// with every phone region and no language member added; a text record
	// is free text as a whole only in a kind whose language is detected
	// (prompts).
	Detector LanguageDetector
	// TextFields are the paths of the free text in JSON records, and its
	// keys in text records.
	TextFields []string
	// MinLength is the fewest bytes of text worth detecting.
	MinLength int
	// Regions maps a language to the phone regions whose national formats
	// are found in its texts; a language not in it, or no language, uses
	// every region of the detector set.
	Regions map[string][]string
	// Field, if set, is the key of a member added to JSON records with the
	// language code.
	Field string
	// Names turns on finding the names that a phrase introduces in the
	// free text ("my name is Li Wei", "我叫李伟"; package detectors/names),
	// as kind detectors.Name.
	Names bool
	// Addresses turns on finding street addresses in the free text ("42
	// Oak Avenue", "建国路88号"; package detectors/addresses), as kind
	// detectors.Address.
	Addresses bool
}

// ProfileOptions configure a Profile: the policy of one kind of event. A
// path of one key that starts with '/' ("/users") names a URL's path
// segment in text records: the segment after it ("/users/42/avatar"), if
// it has a digit, is that field's value.
type ProfileOptions struct {
	Fields   []FieldRule
	Policy   PolicyFields
	Language *LanguageOptions
}

// A Profile is the compiled policy of one kind of event (usage, log,
// prompt): its field rules, the fields the policy gate reads and the
// language detection of its free text. It is immutable and shared by all
// Workers of its Engine.
type Profile struct {
	name  string
	paths *paths
	// targets[i] is what pattern i of paths is for.
	targets []pathTarget
	// lang is nil when the profile reads no free text (see detects).
	lang    *LanguageOptions
	regions map[string]uint64
	langKey []byte // `"lang":"`, the start of the member added to JSON records
	minAge  int
	// statedAge: the age the free text's writer states counts (see
	// PolicyFields.StatedAge).
	statedAge bool
	now       func() time.Time // the clock of birth dates
	// urls are the paths of one key that name a URL's path segment
	// ("/users"): the segment after it in a text record is that field's
	// value (see appendURLSegments).
	urls urlSegments
	// remoteUser is whether a path matches remoteUserKey: an access log
	// line's user is then read (see appendAccessLogUser).
	remoteUser bool
	// windowsHomes is whether a path matches windowsHomeKey: a Windows
	// home directory's login name is then read (see appendWindowsHomes).
	windowsHomes bool
	// userAlias is a copy of the rule of the key usernameKey, nil if none,
	// that a member userKey no pattern matches takes when its value is a
	// string or a number ("user":"liwei", user=liwei, as loggers write a
	// user's name); an object under "user", as most records hold one, is
	// left to its members' rules.
	userAlias *FieldRule
	// coordinate is a copy of the rule of the key coordinateKey, nil if
	// none, that a member whose key no pattern matches and ends in a
	// coordinate's word takes ("location_lat", "gpsLongitude"; see
	// shapeCoordinate): schemas name their coordinates in more ways than a
	// list of keys holds.
	coordinate *FieldRule
}

// coordinateKey: see Profile.coordinate.
const coordinateKey = "lat"

// userKey and usernameKey: see Profile.userAlias.
var userKey, usernameKey = []byte("user"), []byte("username")

// aliasesUser reports whether key is userKey and p has a userAlias for it.
func (p *Profile) aliasesUser(key []byte) bool {
	return p.userAlias != nil && len(key) == len(userKey) && bytes.EqualFold(key, userKey)
}

// pathTarget is what a path pattern is for: a field rule, or a field the
// policy or the language detection reads.
type pathTarget struct {
	use  pathUse
	rule FieldRule
	rank int // field rules: higher wins; user fields: lower is better
}

type pathUse uint8

const (
	useRule pathUse = iota
	useUser
	useConsent
	useOptOut
	useMinor
	useAge
	useBirthDate
	useText
)

// Name returns the profile's name.
func (p *Profile) Name() string { return p.name }

// detects reports whether the profile detects its free text's language; a
// nil profile detects none.
func (p *Profile) detects() bool { return p != nil && p.lang != nil && p.lang.Detector != nil }

// newProfile compiles o. set is the detector set the engine scans with.
func newProfile(name string, o ProfileOptions, set *detectors.Set) (*Profile, error) {
	p := &Profile{name: name, minAge: o.Policy.MinAge, statedAge: o.Policy.StatedAge}
	var pats []pathPattern
	add := func(path string, t pathTarget) error {
		pat, err := compilePath(path)
		if err != nil {
			return err
		}
		pats = append(pats, pat)
		p.targets = append(p.targets, t)
		return nil
	}
	for i, r := range o.Fields {
		if r.Action < FieldKeep || r.Action > FieldScan {
			return nil, fmt.Errorf("field %q: unknown action %d", r.Path, r.Action)
		}
		if r.Decimals < 0 || r.Decimals > 15 {
			return nil, fmt.Errorf("field %q: decimals %d: want 0 to 15", r.Path, r.Decimals)
		}
		if r.Kind == detectors.None {
			r.Kind = detectors.Field
		}
		if err := add(r.Path, pathTarget{use: useRule, rule: r}); err != nil {
			return nil, fmt.Errorf("field %q: %w", r.Path, err)
		}
		// Later rules of equal specificity win: a user's rule, listed
		// after the defaults, overrides them.
		p.targets[len(p.targets)-1].rank = pats[len(pats)-1].specificity()*1000 + i
	}
	for i, u := range o.Policy.User {
		if err := add(u, pathTarget{use: useUser, rank: i}); err != nil {
			return nil, fmt.Errorf("user field %q: %w", u, err)
		}
	}
	for _, c := range o.Policy.Consent {
		if err := add(c, pathTarget{use: useConsent}); err != nil {
			return nil, fmt.Errorf("consent field %q: %w", c, err)
		}
	}
	for _, c := range o.Policy.OptOut {
		if err := add(c, pathTarget{use: useOptOut}); err != nil {
			return nil, fmt.Errorf("opt-out field %q: %w", c, err)
		}
	}
	for _, m := range o.Policy.Minor {
		if err := add(m, pathTarget{use: useMinor}); err != nil {
			return nil, fmt.Errorf("minor field %q: %w", m, err)
		}
	}
	for _, a := range o.Policy.Age {
		if err := add(a, pathTarget{use: useAge}); err != nil {
			return nil, fmt.Errorf("age field %q: %w", a, err)
		}
	}
	for _, b := range o.Policy.BirthDate {
		if err := add(b, pathTarget{use: useBirthDate}); err != nil {
			return nil, fmt.Errorf("birth date field %q: %w", b, err)
		}
	}
	p.now = o.Policy.Now
	if p.now == nil {
		p.now = time.Now
	}
	if l := o.Language; l != nil {
		if l.Detector == nil && (l.Field != "" || len(l.Regions) > 0) {
			return nil, fmt.Errorf("a language field or regions without a detector")
		}
		p.lang = l
		p.regions = make(map[string]uint64, len(l.Regions))
		for lang, rs := range l.Regions {
			p.regions[lang] = set.RegionMask(rs...)
		}
		if l.Field != "" {
			p.langKey = append(appendJSONEscaped([]byte{'"'}, []byte(l.Field)), '"', ':', '"')
		}
		for _, f := range l.TextFields {
			if err := add(f, pathTarget{use: useText}); err != nil {
				return nil, fmt.Errorf("text field %q: %w", f, err)
			}
		}
	}
	if len(pats) > 1<<16 {
		return nil, fmt.Errorf("%d paths, at most %d", len(pats), 1<<16)
	}
	p.paths = newPaths(pats)
	var segs [][]byte
	for key := range p.paths.floating.pats {
		if len(key) > 1 && key[0] == '/' && !strings.Contains(key[1:], "/") {
			segs = append(segs, []byte(key+"/"))
		}
	}
	slices.SortFunc(segs, bytes.Compare)
	p.urls = newURLSegments(segs)
	_, p.remoteUser = p.paths.floating.pats[string(remoteUserKey)]
	_, p.windowsHomes = p.paths.floating.pats[string(windowsHomeKey)]
	for _, t := range p.targets { // the last rule of a key wins, as in rule
		if t.use == useRule && t.rule.Path == string(usernameKey) && t.rule.Action != FieldScan {
			alias := t.rule
			p.userAlias = &alias
		}
		if t.use == useRule && t.rule.Path == coordinateKey && t.rule.Action != FieldScan {
			rule := t.rule
			p.coordinate = &rule
		}
	}
	return p, nil
}

// rule returns the field rule to apply among the patterns matched at a
// member, or nil.
func (p *Profile) rule(matched []int) *FieldRule {
	best := -1
	for _, m := range matched {
		if t := &p.targets[m]; t.use == useRule && (best < 0 || cmp.Compare(t.rank, p.targets[best].rank) > 0) {
			best = m
		}
	}
	if best < 0 {
		return nil
	}
	return &p.targets[best].rule
}
