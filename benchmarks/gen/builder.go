package gen

import (
	"strconv"
	"time"

	"github.com/pixelprivacy/veil/detectors"
)

// label marks the bytes [start, end) of the record being built.
type label struct {
	start, end int32
	kind       detectors.Kind
	decoy      bool
	// e164 is where a phone number's E.164 form lies in builder.e164s.
	e164 [2]int32
}

// builder accumulates one record and its labels; its storage is reused.
type builder struct {
	buf    []byte
	labels []label
	e164s  []byte
}

// reset empties the builder for the next record.
func (b *builder) reset() {
	b.buf = b.buf[:0]
	b.labels = b.labels[:0]
	b.e164s = b.e164s[:0]
}

// s appends literal text.
func (b *builder) s(text string) { b.buf = append(b.buf, text...) }

// key appends `,"key":"`: the next member of a JSON object, opening its
// string value.
func (b *builder) key(key string) {
	b.s(`,"`)
	b.s(key)
	b.s(`":"`)
}

// int appends a decimal number.
func (b *builder) int(n int64) { b.buf = strconv.AppendInt(b.buf, n, 10) }

// at returns the current length, where the next value starts.
func (b *builder) at() int { return len(b.buf) }

// pii labels everything appended since start as personal data of kind k.
func (b *builder) pii(k detectors.Kind, start int) {
	b.labels = append(b.labels, label{start: int32(start), end: int32(len(b.buf)), kind: k})
}

// decoy labels everything appended since start as a look-alike of kind k.
func (b *builder) decoy(k detectors.Kind, start int) {
	b.labels = append(b.labels, label{start: int32(start), end: int32(len(b.buf)), kind: k, decoy: true})
}

// putPII adopts buf, which is b.buf with a value appended, and labels the
// value as personal data of kind k: b.putPII(k, r.appendIMEI(b.buf, style)).
func (b *builder) putPII(k detectors.Kind, buf []byte) {
	start := len(b.buf)
	b.buf = buf
	b.pii(k, start)
}

// putPhone is putPII for the phone number r appended last.
func (b *builder) putPhone(r *rng, buf []byte) {
	b.putPII(detectors.Phone, buf)
	l := &b.labels[len(b.labels)-1]
	l.e164 = [2]int32{int32(len(b.e164s)), int32(len(b.e164s) + len(r.e164))}
	b.e164s = append(b.e164s, r.e164...)
}

// putDecoy adopts buf, which is b.buf with a value appended, and labels the
// value as a look-alike of kind k.
func (b *builder) putDecoy(k detectors.Kind, buf []byte) {
	start := len(b.buf)
	b.buf = buf
	b.decoy(k, start)
}

// decoyText appends text and labels it as a look-alike of kind k.
func (b *builder) decoyText(k detectors.Kind, text string) {
	start := b.at()
	b.s(text)
	b.decoy(k, start)
}

// decoyInt appends a decimal number and labels it as a look-alike of kind k.
func (b *builder) decoyInt(k detectors.Kind, n int64) {
	start := b.at()
	b.int(n)
	b.decoy(k, start)
}

// appendPad appends n in decimal, zero-padded to width digits.
func appendPad(dst []byte, n, width int) []byte {
	var d [20]byte
	i := len(d)
	for ; n > 0 || i > len(d)-width; n /= 10 {
		i--
		d[i] = byte('0' + n%10)
	}
	return append(dst, d[i:]...)
}

// startMillis is when generated time begins: 2026-06-02 08:00:00 UTC.
var startMillis = time.Date(2026, time.June, 2, 8, 0, 0, 0, time.UTC).UnixMilli()

// unixMilli returns the UTC time of ms milliseconds since the Unix epoch.
func unixMilli(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// monthAbbr are the month names of nginx's time format.
var monthAbbr = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// appendDate appends "2026-06-02".
func appendDate(dst []byte, t time.Time) []byte {
	y, m, d := t.Date()
	dst = appendPad(dst, y, 4)
	dst = append(dst, '-')
	dst = appendPad(dst, int(m), 2)
	dst = append(dst, '-')
	return appendPad(dst, d, 2)
}

// appendClock appends "10:11:12".
func appendClock(dst []byte, t time.Time) []byte {
	h, m, s := t.Clock()
	dst = appendPad(dst, h, 2)
	dst = append(dst, ':')
	dst = appendPad(dst, m, 2)
	dst = append(dst, ':')
	return appendPad(dst, s, 2)
}

// appendRFC3339 appends "2026-06-02T10:11:12Z", with milliseconds
// ("10:11:12.345Z") when millis is set, in UTC.
func appendRFC3339(dst []byte, ms int64, millis bool) []byte {
	t := unixMilli(ms)
	dst = appendDate(dst, t)
	dst = append(dst, 'T')
	dst = appendClock(dst, t)
	if millis {
		dst = append(dst, '.')
		dst = appendPad(dst, int(ms%1000), 3)
	}
	return append(dst, 'Z')
}

// appendRFC3339Zone appends the local time at a whole-hour UTC offset:
// "2026-06-02T18:11:12+08:00".
func appendRFC3339Zone(dst []byte, ms int64, offsetHours int) []byte {
	t := unixMilli(ms + int64(offsetHours)*3600_000)
	dst = appendDate(dst, t)
	dst = append(dst, 'T')
	dst = appendClock(dst, t)
	sign := byte('+')
	if offsetHours < 0 {
		sign, offsetHours = '-', -offsetHours
	}
	dst = append(dst, sign)
	dst = appendPad(dst, offsetHours, 2)
	return append(dst, ":00"...)
}

// appendCLF appends nginx's $time_local in UTC: "02/Jun/2026:10:11:12 +0000".
func appendCLF(dst []byte, ms int64) []byte {
	t := unixMilli(ms)
	y, m, d := t.Date()
	dst = appendPad(dst, d, 2)
	dst = append(dst, '/')
	dst = append(dst, monthAbbr[m-1]...)
	dst = append(dst, '/')
	dst = appendPad(dst, y, 4)
	dst = append(dst, ':')
	dst = appendClock(dst, t)
	return append(dst, " +0000"...)
}
