package phonetab

import (
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// A nationalFormat is one way a region writes its numbers nationally (one of libphonenumber's number formats, its
// national-prefix formatting rule applied): the numbers it applies to, and the least and most digits of each group
// it writes, the trunk prefix included ("030 12345678": 3 and 3-13 in DE).
type nationalFormat struct {
	lead   *prefixRE // the leading digits of the numbers it applies to; nil for all
	groups [][2]int
	bare   [][2]int // the groups without the trunk prefix, as a number is written bare ("98765 43210"); nil if the same
}

// nationalFormats returns the national formats of m that are digit groups joined by separators; the others
// (none in the metadata's common regions) are left out.
func nationalFormats(m *phonenumbers.PhoneMetadata) []nationalFormat {
	var out []nationalFormat
	for _, f := range m.GetNumberFormat() {
		parts, ok := patternGroups(f.GetPattern())
		if !ok {
			continue
		}
		written := f.GetFormat()
		bare, ok := writtenGroups(written, parts)
		if !ok {
			continue
		}
		nf := nationalFormat{groups: bare}
		if rule := f.GetNationalPrefixFormattingRule(); rule != "" {
			groups, ok := writtenGroups(strings.Replace(written, "$1", rule, 1), parts)
			if !ok {
				continue
			}
			nf.groups, nf.bare = groups, bare
		}
		if lead := f.GetLeadingDigitsPattern(); len(lead) > 0 {
			re, err := compilePrefix(lead[len(lead)-1], 0)
			if err != nil {
				continue
			}
			nf.lead = re
		}
		out = append(out, nf)
	}
	return out
}

// patternGroups reads a format pattern made of digit groups only, "(\d{3})(\d{3,4})(\d)", into the least and most
// digits of each group.
func patternGroups(pattern string) ([][2]int, bool) {
	var groups [][2]int
	for pattern != "" {
		rest, ok := strings.CutPrefix(pattern, `(\d`)
		if !ok {
			return nil, false
		}
		lo, hi := 1, 1
		if body, after, ok := strings.Cut(rest, "})"); ok && strings.HasPrefix(body, "{") {
			a, b, isRange := strings.Cut(body[1:], ",")
			var err1, err2 error
			lo, err1 = strconv.Atoi(a)
			hi, err2 = lo, nil
			if isRange {
				hi, err2 = strconv.Atoi(b)
			}
			if err1 != nil || err2 != nil || lo > hi {
				return nil, false
			}
			rest = after
		} else if rest, ok = strings.CutPrefix(rest, ")"); !ok {
			return nil, false
		}
		groups = append(groups, [2]int{lo, hi})
		pattern = rest
	}
	return groups, len(groups) > 0
}

// writtenGroups returns the digit groups of a written form such as "0$1 $2-$3" or "8 ($1) $2": runs of literal
// digits and group references ($n, from parts) with nothing between them.
func writtenGroups(written string, parts [][2]int) ([][2]int, bool) {
	var groups [][2]int
	open := false // a group is being written
	for i := 0; i < len(written); i++ {
		var add [2]int
		switch c := written[i]; {
		case c >= '0' && c <= '9':
			add = [2]int{1, 1}
		case c == '$' && i+1 < len(written) && written[i+1] >= '1' && written[i+1] <= '9':
			n := int(written[i+1] - '1')
			if n >= len(parts) {
				return nil, false
			}
			add = parts[n]
			i++
		default:
			open = false
			continue
		}
		if !open {
			groups = append(groups, [2]int{})
			open = true
		}
		g := &groups[len(groups)-1]
		g[0], g[1] = g[0]+add[0], g[1]+add[1]
	}
	return groups, len(groups) > 0
}

// WrittenAs reports whether a national format of region index region writes the national significant number nsn
// (as National returns it) in groups of the given digit counts, the trunk prefix included: "06-6190-2186" is
// written as Japan writes 6-6190-2186, not as Germany would; "(11) 4311-3578" as Brazil writes it. Two groups
// also fit a format's first group and the rest run together, as people write an area code and the subscriber's
// number ("010-53670487" in Beijing, written "010 5367 0487" by the format). People write numbers other ways
// too, so a false says little; a true tells apart the regions where a number is valid.
func (t *Table) WrittenAs(region int, nsn []byte, groups []uint8) bool {
	return t.writtenAs(region, nsn, groups, false, false)
}

// WrittenBareAs is WrittenAs or WrittenLooselyAs, but groups that hold only nsn's digits are also compared with
// the formats' groups without the trunk prefix, as people write numbers bare where they do: "98765 43210" as
// India writes 098765 43210. It tells a number from two in a row ("22958 30849", a process's and a thread's IDs),
// not one region from another: "(11) 4311-3578" is Brazilian, though a Delhi number without its 0 has those
// groups too.
func (t *Table) WrittenBareAs(region int, nsn []byte, groups []uint8) bool {
	return t.writtenAs(region, nsn, groups, false, true) || len(groups) >= 2 && t.writtenAs(region, nsn, groups, true, true)
}

// WrittenLooselyAs reports whether a national format of region index region writes nsn with a first group of
// groups[0] digits and then as many digits as the other groups hold together, however they are split: "07712 375
// 582" begins as Britain writes the mobile number 07712 375582, not as China writes 0771 2375582, a number of
// Nanning. It tells apart regions where a number is valid when no region writes it as WrittenAs asks.
func (t *Table) WrittenLooselyAs(region int, nsn []byte, groups []uint8) bool {
	return len(groups) >= 2 && t.writtenAs(region, nsn, groups, true, false)
}

func (t *Table) writtenAs(region int, nsn []byte, groups []uint8, loosely, bare bool) bool {
	if region < 0 || region >= len(t.regions) {
		return false
	}
	n := 0
	for _, g := range groups {
		n += int(g)
	}
	for _, f := range t.regions[region].formats {
		fg := f.groups
		if bare && f.bare != nil && n == len(nsn) {
			fg = f.bare
		}
		if !writes(fg, groups, loosely) {
			continue
		}
		if f.lead == nil {
			return true
		}
		if _, _, _, ok := f.lead.match(nsn); ok {
			return true
		}
	}
	return false
}

// writes reports whether a format of groups fg writes a number in groups of
// the given digit counts: exactly or, if two, as its first group and the
// rest (fits); or loosely (fitsLoosely).
func writes(fg [][2]int, groups []uint8, loosely bool) bool {
	if loosely {
		return len(fg) >= 2 && fitsLoosely(fg, groups)
	}
	return (len(fg) == len(groups) || len(groups) == 2 && len(fg) >= 2) && fits(fg, groups)
}

// fits reports whether groups have the digit counts of fg, or, if two, of
// its first group and the rest together.
func fits(fg [][2]int, groups []uint8) bool {
	in := func(n uint8, r [2]int) bool { return int(n) >= r[0] && int(n) <= r[1] }
	if len(groups) == len(fg) {
		for i, g := range groups {
			if !in(g, fg[i]) {
				return false
			}
		}
		return true
	}
	return fitsLoosely(fg, groups)
}

// fitsLoosely reports whether groups[0] has the digit count of fg's first
// group, and the other groups together that of fg's other groups.
func fitsLoosely(fg [][2]int, groups []uint8) bool {
	in := func(n int, r [2]int) bool { return n >= r[0] && n <= r[1] }
	var rest [2]int
	for _, g := range fg[1:] {
		rest[0], rest[1] = rest[0]+g[0], rest[1]+g[1]
	}
	n := 0
	for _, g := range groups[1:] {
		n += int(g)
	}
	return in(int(groups[0]), fg[0]) && in(n, rest)
}
