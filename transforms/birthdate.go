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
	if age, ok := epochAge(v, now); ok {
		return age, true
	}
	var groups [3][]byte
	n, fours := 0, 0
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
		if n < len(groups) {
			groups[n] = v[i:j]
		}
		if j-i == 4 {
			fours, year = fours+1, v[i:j]
		}
		n, i = n+1, j
	}
	g0, g1, g2 := groups[0], groups[1], groups[2]
	switch {
	case n == 1 && len(g0) == 8:
		return dateAge(atoiDigits(g0[:4]), atoiDigits(g0[4:6]), atoiDigits(g0[6:]), now)
	case n >= 3 && len(g0) == 4 && len(g1) <= 2 && len(g2) <= 2:
		return dateAge(atoiDigits(g0), atoiDigits(g1), atoiDigits(g2), now)
	case n == 3 && len(g0) <= 2 && len(g1) <= 2 && (len(g2) == 4 || len(g2) == 2):
		y, a, b := atoiDigits(g2), atoiDigits(g0), atoiDigits(g1)
		if len(g2) == 2 {
			y += now.Year()/100*100 - 100
			if y+100 <= now.Year() {
				y += 100 // "14" in 2026 is 2014; "90" is 1990
			}
		}
		dayFirst, ok1 := dateAge(y, b, a, now)
		monthFirst, ok2 := dateAge(y, a, b, now)
		switch {
		case ok1 && ok2:
			return min(dayFirst, monthFirst), true
		case ok1:
			return dayFirst, true
		}
		return monthFirst, ok2
	case fours == 1 && n <= 3:
		y := atoiDigits(year)
		if y < 1900 || y > now.Year() {
			return 0, false
		}
		return max(now.Year()-y-1, 0), true // no birthday yet this year
	}
	return 0, false
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

// epochAge returns the age on the day of now of a person born at v, a
// signed count of seconds (9 or 10 digits) or milliseconds (11 to 13
// digits) since 1970.
func epochAge(v []byte, now time.Time) (int, bool) {
	digits := v
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) < 9 || len(digits) > 13 || !digitsIn(digits) {
		return 0, false
	}
	n := int64(atoiDigits(digits))
	if len(digits) > 10 {
		n /= 1000
	}
	if len(digits) < len(v) {
		n = -n
	}
	y, m, d := time.Unix(n, 0).In(now.Location()).Date()
	return dateAge(y, int(m), d, now)
}
