package coordinates

import (
	"testing"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Coordinates, []spantest.Case{
		{"decimal", "make a poster of my house at 31.230416, 121.473701 with fireworks", []string{"31.230416, 121.473701"}},
		{"decimal no space", "pin: -33.8688,151.2093.", []string{"-33.8688,151.2093"}},
		{"decimal in a map link", "maps.google.com/?q=48.858370,2.294481", []string{"48.858370,2.294481"}},
		{"decimal before a map's zoom", "google.com/maps/@31.230416,121.473701,15z/data", []string{"31.230416,121.473701"}},
		{"hemispheres after", "my home is at 37.7749° N, 122.4194° W, paint it", []string{"37.7749° N, 122.4194° W"}},
		{"hemispheres before", "camp at N 46.5197 E 6.6323 tonight", []string{"N 46.5197 E 6.6323"}},
		{"degrees minutes seconds", `我家在 31°13'49.5"N 121°28'25.3"E 附近`, []string{`31°13'49.5"N 121°28'25.3"E`}},
		{"degrees minutes seconds, typographic", "40°26′46″N 79°58′56″W", []string{"40°26′46″N 79°58′56″W"}},
		{"degrees minutes seconds, JSON-escaped", `at 31°13'49.5\"N 121°28'25.3\"E`, []string{`31°13'49.5\"N 121°28'25.3\"E`}},
		{"degree signs", "55.7558°, 37.6173°", []string{"55.7558°, 37.6173°"}},
		// What stays.
		{"few decimals", "scale 1.5, 2.25 and 12.34, 56.78", nil},
		{"weights", "blend 0.333, 0.667", nil},
		{"a longer list", "scores 12.345, 67.890, 1.234 and 0.5, 31.2304, 121.4737", nil},
		{"versions", "v1.234, 5.678 and 1.2.345, 6.789", nil},
		{"out of range", "91.1234, 10.1234 and 45.1234, 181.1234", nil},
		{"wrong hemispheres", "37.7749° E, 122.4194° N", nil},
		{"no comma", "12.345 67.890", nil},
		{"units", "31.2304km, 121.4737km", nil},
		{"a word", "North 12.345, 67.890", []string{"12.345, 67.890"}},
		{"one marked", "N62;9 and 12.5° N, 67.890", nil},
		{"empty", "", nil},
	})
}

func TestAppendSpansAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, `at 31.230416, 121.473701 and 37.7749° N, 122.4194° W, 31°13'49.5"N 121°28'25.3"E`, 3)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"31.230416, 121.473701", "37.7749° N, 122.4194° W", `31°13'49.5"N 121°28'25.3"E`,
		"N 46.5197 E 6.6323", "0.333, 0.667", "12.345, 67.890, 1.234", "40°26′46″N 79°58′56″W"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		spantest.Valid(t, AppendSpans, detectors.Coordinates, text)
	})
}
