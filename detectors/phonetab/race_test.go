//go:build race

package phonetab

// raceEnabled trims the reference agreement tests, which gain nothing from the race detector and slow down under it.
const raceEnabled = true
