package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Byte size units.
const (
	KiB ByteSize = 1 << 10
	MiB ByteSize = 1 << 20
	GiB ByteSize = 1 << 30
)

// byteUnits lists the accepted unit suffixes, matched case-insensitively.
var byteUnits = []struct {
	name string
	size ByteSize
}{
	{"", 1}, {"b", 1},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"tb", 1e12},
	{"kib", KiB}, {"mib", MiB}, {"gib", GiB}, {"tib", 1 << 40},
}

var errByteSize = errors.New("want bytes or a whole number with a unit: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB")

// ParseByteSize parses a size such as "128MiB", "1MB", "512 KiB" or "4096".
// KB, MB, GB and TB are powers of 1000; KiB, MiB, GiB and TiB powers of 1024.
func ParseByteSize(s string) (ByteSize, error) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, errByteSize
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		return 0, errByteSize
	}
	unit := strings.TrimSpace(s[i:])
	for _, u := range byteUnits {
		if strings.EqualFold(unit, u.name) {
			if n > math.MaxInt64/int64(u.size) {
				return 0, errors.New("size too large")
			}
			return ByteSize(n) * u.size, nil
		}
	}
	return 0, errByteSize
}

// String formats b with the largest binary unit that divides it exactly:
// "64MiB", "1536KiB", "1000B".
func (b ByteSize) String() string {
	for _, u := range []struct {
		name string
		size ByteSize
	}{{"GiB", GiB}, {"MiB", MiB}, {"KiB", KiB}} {
		if b != 0 && b%u.size == 0 {
			return strconv.FormatInt(int64(b/u.size), 10) + u.name
		}
	}
	return strconv.FormatInt(int64(b), 10) + "B"
}

// UnmarshalYAML reads a YAML integer (bytes) or a string for ParseByteSize.
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	fail := func(err error) error {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: invalid size %q: %v", n.Line, n.Value, err)}}
	}
	if n.Kind != yaml.ScalarNode {
		return fail(errByteSize)
	}
	v, err := ParseByteSize(n.Value)
	if err != nil {
		return fail(err)
	}
	*b = v
	return nil
}
