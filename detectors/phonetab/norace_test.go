//go:build !race

package phonetab

const raceEnabled = false
