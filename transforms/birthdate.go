package transforms

import (
	"time"
)

// ageOn returns the age on the day of now, in now's time zone, of a person
// born on the date v holds, read as apps and their users write one:
//   - ISO, with '-', '/' or '.', and a time after it or not ("2014-05-01",
//     "2014-05-01T08:00:00Z"), or with units ("2014年5月1日", "2014년 5월 1일");
//   - compact ("20140501", a string or a number);
//   - day or month first ("01/05/2014", "1.5.2014"): the younger reading
//     counts; a two-digit year ("01/05/14") is this century's if that is
//     not in the future, else the last one's;
//   - epoch seconds (9 or 10 digits) or milliseconds (11 to 13), signed;
//   - a year alone ("2014"), or with a month written as a word ("May 1,
//     2014"): the youngest its person may be counts.
//
// So a date that may be a minor's is one: reading a birth date wrong only
// ever errs towards dropping a record.
func ageOn(v []byte, now time.Time) (int, bool) {
	readings, n := birthReadings(v, now)
	age, ok := 0, false
	for _, r := range readings[:n] {
		if a, valid := dateAge(r.year, r.month, r.day, now); valid && (!ok || a < age) {
			age, ok = a, true
		}
	}
	return age, ok
}

// birthYear returns the year of the birth date v holds, read as ageOn
// reads it, if it is one from 1900 to now.
func birthYear(v []byte, now time.Time) (int, bool) {
	readings, n := birthReadings(v, now)
	for _, r := range readings[:n] {
		if _, ok := dateAge(r.year, r.month, r.day, now); ok {
			return r.year, true
		}
	}
	return 0, false
}

// civilDate is a day of the calendar, as written: not checked.
type civilDate struct{ year, month, day int }

// birthReadings returns the dates the birth date v may be read as (see
// ageOn): one, or two where day and month may be either; a year alone is
// read as its last day, or today in this year.
func birthReadings(v []byte, now time.Time) (r [2]civilDate, n int) {
	if d, ok := epochDate(v, now); ok {
		r[0] = d
		return r, 1
	}
	var groups [3][]byte
	count, fours := 0, 0
	var year []byte
	for i := 0; i < len(v); {
		if !isDigit(v[i]) {
			i++
			continue
		}
		j := i
		for j < len(v) && isDigit(v[j]) {
			j++
		}
		if count < len(groups) {
			groups[count] = v[i:j]
		}
		if j-i == 4 {
			fours, year = fours+1, v[i:j]
		}
		count, i = count+1, j
	}
	g0, g1, g2 := groups[0], groups[1], groups[2]
	switch {
	case count == 1 && len(g0) == 8:
		r[0] = civilDate{atoiDigits(g0[:4]), atoiDigits(g0[4:6]), atoiDigits(g0[6:])}
		return r, 1
	case count >= 3 && len(g0) == 4 && len(g1) <= 2 && len(g2) <= 2:
		r[0] = civilDate{atoiDigits(g0), atoiDigits(g1), atoiDigits(g2)}
		return r, 1
	case count == 3 && len(g0) <= 2 && len(g1) <= 2 && (len(g2) == 4 || len(g2) == 2):
		y, a, b := atoiDigits(g2), atoiDigits(g0), atoiDigits(g1)
		if len(g2) == 2 {
			y += now.Year()/100*100 - 100
			if y+100 <= now.Year() {
				y += 100 // "14" in 2026 is 2014; "90" is 1990
			}
		}
		r[0], r[1] = civilDate{y, b, a}, civilDate{y, a, b} // day first, month first
		return r, 2
	case fours == 1 && count <= 3:
		r[0] = civilDate{atoiDigits(year), 12, 31} // the youngest its person may be
		if y, m, d := now.Date(); r[0].year == y {
			r[0] = civilDate{y, int(m), d} // born this year: at most today
		}
		return r, 1
	}
	return r, 0
}

// dateAge returns the age on the day of now of a person born on the given
// day, if it is a date from 1900 to now.
func dateAge(year, month, day int, now time.Time) (int, bool) {
	if year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 {
		return 0, false
	}
	y, m, d := now.Date()
	age := y - year
	if int(m) < month || int(m) == month && d < day {
		age-- // no birthday yet this year
	}
	return age, age >= 0
}

// epochDate returns the day, in now's time zone, of v, a signed count of
// seconds (9 or 10 digits) or milliseconds (11 to 13 digits) since 1970.
func epochDate(v []byte, now time.Time) (civilDate, bool) {
	digits := v
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) < 9 || len(digits) > 13 || !digitsIn(digits) {
		return civilDate{}, false
	}
	n := int64(atoiDigits(digits))
	if len(digits) > 10 {
		n /= 1000
	}
	if len(digits) < len(v) {
		n = -n
	}
	y, m, d := time.Unix(n, 0).In(now.Location()).Date()
	return civilDate{y, int(m), d}, true
}
