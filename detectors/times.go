package detectors

// Dates and times are the most common digit runs in logs and telemetry and
// never personal data. timestampAt recognizes their usual forms in one
// step, where the general number reader would take several, and only where
// what it skips could not hold a finding either way.

// timestampAt reports whether an ISO 8601 date or date-time, an nginx
// access-log time or a clock time starts at b[ws], whose first run of
// digits is run bytes long, and returns its end.
//
//	2026-06-02  2026-06-02T08:00:00.549Z  2026-06-02 10:11:12+08:00
//	02/Jun/2026:08:00:00 +0000  10:11:12  01:17
func timestampAt(b []byte, ws, run int) (end int, ok bool) {
	if ws+run >= len(b) {
		return 0, false
	}
	switch sep := b[ws+run]; {
	case run == 4 && sep == '-':
		end, ok = isoDateTimeAt(b, ws)
	case run == 2 && sep == '/':
		end, ok = accessLogTimeAt(b, ws)
	case run == 2 && sep == ':':
		end, ok = clockAt(b, ws)
	}
	// Punctuation after it ("2026-06-02-1234567", "10:11.-06") may join
	// it to more digits: the number reader decides.
	if !ok || end < len(b) && (b[end] == ',' || b[end] == '.' || b[end] == ':' || b[end] == '/' || b[end] == '-') {
		return 0, false
	}
	return end, true
}

// isoDateTimeAt parses YYYY-MM-DD, then optionally 'T' or ' ', a clock time
// and a zone.
func isoDateTimeAt(b []byte, i int) (int, bool) {
	if i+10 > len(b) || !digitsAt(b, i, 4) || b[i+4] != '-' || !digitsAt(b, i+5, 2) || b[i+7] != '-' || !digitsAt(b, i+8, 2) {
		return 0, false
	}
	year, month, day := atoi(b[i:i+4]), atoi(b[i+5:i+7]), atoi(b[i+8:i+10])
	end := i + 10
	if year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31 || end < len(b) && isDigit(b[end]) {
		return 0, false
	}
	if end+1 < len(b) && (b[end] == 'T' || b[end] == ' ') {
		if t, ok := clockAt(b, end+1); ok {
			end = zoneAt(b, t)
		}
	}
	return end, true
}

// accessLogTimeAt parses DD/Mon/YYYY:hh:mm:ss and an optional " +hhmm".
func accessLogTimeAt(b []byte, i int) (int, bool) {
	if i+20 > len(b) || !digitsAt(b, i, 2) || b[i+2] != '/' || !isLetter(b[i+3]) || !isLetter(b[i+4]) || !isLetter(b[i+5]) ||
		b[i+6] != '/' || !digitsAt(b, i+7, 4) || b[i+11] != ':' {
		return 0, false
	}
	end, ok := clockAt(b, i+12)
	if !ok {
		return 0, false
	}
	if end < len(b) && b[end] == ' ' {
		if z := zoneAt(b, end+1); z > end+1 {
			end = z
		}
	}
	return end, true
}

// clockAt parses hh:mm, then optionally :ss and a fraction, and returns the
// end.
func clockAt(b []byte, i int) (int, bool) {
	if i+5 > len(b) || !digitsAt(b, i, 2) || b[i+2] != ':' || !digitsAt(b, i+3, 2) || atoi(b[i+3:i+5]) > 59 {
		return 0, false
	}
	end := i + 5
	if end+2 < len(b) && b[end] == ':' && digitsAt(b, end+1, 2) {
		end += 3
		// A fraction has at most nine digits (nanoseconds): longer
		// runs are numbers of their own ("10:11:12,13800138000").
		if end+1 < len(b) && (b[end] == '.' || b[end] == ',') && isDigit(b[end+1]) {
			if f := skipDigits(b, end+1); f-end-1 <= 9 {
				end = f
			}
		}
	}
	// "10:11:12:13:14:15" is a MAC, "10:11::1" an IPv6 address.
	if end < len(b) && (b[end] == ':' || isHex(b[end])) {
		return 0, false
	}
	return end, true
}

// zoneAt returns the end of a time zone at b[i] ("Z", "+08:00", "-0500"),
// or i if there is none. A zone followed by more digits or a colon is not
// one: "+86 138..." after a time is a phone number, "+07::1" holds an IPv6
// address.
func zoneAt(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	if b[i] == 'Z' {
		if i+1 < len(b) && isAlnum(b[i+1]) {
			return i
		}
		return i + 1
	}
	if (b[i] != '+' && b[i] != '-') || !digitsAt(b, i+1, 2) {
		return i
	}
	end := i + 3
	switch {
	case end+2 < len(b) && b[end] == ':' && digitsAt(b, end+1, 2):
		end += 3
	case digitsAt(b, end, 2):
		end += 2
	}
	if end < len(b) && (isDigit(b[end]) || b[end] == ':') {
		return i
	}
	return end
}

// digitsAt reports whether b[i:i+n] are n ASCII digits.
func digitsAt(b []byte, i, n int) bool {
	if i < 0 || i+n > len(b) {
		return false
	}
	for _, c := range b[i : i+n] {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	return i
}
