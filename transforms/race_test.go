//go:build race

package transforms

const raceEnabled = true
