package gen

// The national numbers of Japan, Russia, France, Germany, Saudi Arabia and
// the UK, planted in prompts with personal details (see introductions).

// appendMyNumber appends a random Japanese individual number (マイナンバー):
// 11 digits and their check digit, weighted 2-7 and 2-6 from the right,
// mod 11; bare, or two times in five in groups of four.
func (r *rng) appendMyNumber(dst []byte) []byte {
	var d [12]byte
	sum := 0
	for i := range 11 {
		d[i] = byte('0' + r.intn(10))
	}
	for n := 1; n <= 11; n++ {
		weight := n + 1
		if n > 6 {
			weight = n - 5
		}
		sum += int(d[11-n]-'0') * weight
	}
	d[11] = '0'
	if rem := sum % 11; rem > 1 {
		d[11] = byte('0' + 11 - rem)
	}
	if r.chance(40) {
		return append(append(append(append(append(dst, d[:4]...), ' '), d[4:8]...), ' '), d[8:]...)
	}
	return append(dst, d[:]...)
}

// appendSNILS appends a random Russian insurance number (СНИЛС): 9 digits
// above 001-001-998 and their checksum, the digits weighted 9 to 1, mod
// 101 (100 is 00); as printed, "112-233-445 95", or a third as often bare.
func (r *rng) appendSNILS(dst []byte) []byte {
	n := 1_001_999 + r.intn(998_998_000)
	var d [9]byte
	sum := 0
	for i := range d {
		d[8-i] = byte('0' + n%10)
		n /= 10
	}
	for i, c := range d {
		sum += int(c-'0') * (9 - i)
	}
	check := sum % 101 % 100
	if r.chance(33) {
		return appendPad(append(dst, d[:]...), check, 2)
	}
	dst = append(append(append(append(append(append(dst, d[:3]...), '-'), d[3:6]...), '-'), d[6:]...), ' ')
	return appendPad(dst, check, 2)
}

// appendNIR appends a random French social security number (NIR): sex,
// year and month of birth, a department of the mainland, commune and
// order, and the key, 97 less the rest mod 97; as the carte Vitale prints
// it, "1 85 05 78 006 084 91", or a third as often bare.
func (r *rng) appendNIR(dst []byte) []byte {
	fields := [...]struct{ value, width int }{
		{1 + r.intn(2), 1}, {r.intn(100), 2}, {1 + r.intn(12), 2}, {1 + r.intn(19), 2}, {1 + r.intn(999), 3}, {1 + r.intn(999), 3},
	}
	n := 0
	for _, f := range fields {
		for range f.width {
			n *= 10
		}
		n += f.value
	}
	bare := r.chance(33)
	for i, f := range fields {
		if i > 0 && !bare {
			dst = append(dst, ' ')
		}
		dst = appendPad(dst, f.value, f.width)
	}
	if !bare {
		dst = append(dst, ' ')
	}
	return appendPad(dst, 97-n%97, 2)
}

// appendSteuerID appends a random German tax identification number
// (Steuer-ID): ten digits, the first not 0, one of them twice and the
// others at most once, and the ISO 7064 MOD 11,10 check digit; bare, or
// half as often in groups, "86 095 742 719".
func (r *rng) appendSteuerID(dst []byte) []byte {
	var d [11]byte
	copy(d[:], "0123456789")
	r.shuffle(d[:10])
	d[9] = d[r.intn(9)] // nine distinct digits, and one of them again
	r.shuffle(d[:10])
	for i := 1; d[0] == '0'; i++ {
		d[0], d[i] = d[i], d[0]
	}
	for d[10] = '0'; !mod1110Valid(d[:]); d[10]++ {
	}
	if r.chance(33) {
		return append(append(append(append(append(append(append(dst, d[:2]...), ' '), d[2:5]...), ' '), d[5:8]...), ' '), d[8:]...)
	}
	return append(dst, d[:]...)
}

// appendSaudiID appends a random Saudi national ID (1, a citizen's) or
// Iqama (2, a resident's): 9 digits and the Luhn check digit.
func (r *rng) appendSaudiID(dst []byte) []byte {
	var d [10]byte
	d[0] = byte('1' + r.intn(2))
	for i := 1; i < 9; i++ {
		d[i] = byte('0' + r.intn(10))
	}
	d[9] = luhnDigit(d[:9])
	return append(dst, d[:]...)
}

// mod1110Valid reports whether the digits d pass ISO 7064 MOD 11,10's
// check: run over every digit, the check digit too, the recurrence ends on
// a sum of 1.
func mod1110Valid(d []byte) bool {
	sum, product := 0, 10
	for _, c := range d {
		sum = (int(c-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = sum * 2 % 11
	}
	return sum == 1
}

// appendNINO appends a random UK National Insurance number: a prefix HMRC
// issues, six digits and a suffix A-D; as printed, "AB 12 34 56 C", or a
// third as often compact.
func (r *rng) appendNINO(dst []byte) []byte {
	const firsts, seconds = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
	a, b := firsts[r.intn(len(firsts))], seconds[r.intn(len(seconds))]
	for p := string([]byte{a, b}); p == "BG" || p == "GB" || p == "KN" || p == "NK" || p == "NT" || p == "TN" || p == "ZZ"; p = string([]byte{a, b}) {
		b = seconds[r.intn(len(seconds))]
	}
	dst = append(dst, a, b)
	compact := r.chance(33)
	for range 3 {
		if !compact {
			dst = append(dst, ' ')
		}
		dst = appendPad(dst, r.intn(100), 2)
	}
	if !compact {
		dst = append(dst, ' ')
	}
	return append(dst, "ABCD"[r.intn(4)])
}

// shuffle puts b in a random order.
func (r *rng) shuffle(b []byte) {
	for i := len(b) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		b[i], b[j] = b[j], b[i]
	}
}
