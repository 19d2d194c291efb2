package gen

import (
	"slices"
	"strconv"

	"github.com/pixelprivacy/veil/detectors"
)

// device is a handset model the app runs on.
type device struct {
	model string
	ios   bool
}

// osVersion returns a version of the device's OS.
func (d device) osVersion(r *rng) string {
	if d.ios {
		return pick(r, iosVersions)
	}
	return pick(r, androidVersions)
}

// OS versions as the app reports them.
var (
	iosVersions     = []string{"17.4.1", "17.5", "16.7.8", "18.0.1", "17.2.1", "18.1", "17.6.1", "18.3.2"}
	androidVersions = []string{"14", "13", "12", "15"}
)

var (
	iosDevices = []device{
		{"iPhone15,2", true}, {"iPhone15,3", true}, {"iPhone16,1", true},
		{"iPhone16,2", true}, {"iPhone14,5", true}, {"iPhone17,1", true},
		{"iPad13,4", true},
	}
	androidDevices = []device{
		{"SM-S918B", false}, {"SM-A546E", false}, {"Pixel 8 Pro", false},
		{"Pixel 7a", false}, {"M2102J20SG", false}, {"V2227A", false},
		{"PGT-AN10", false}, {"CPH2451", false},
	}
	devices = slices.Concat(iosDevices, androidDevices)
)

var (
	usageEvents   = []string{"app_open", "photo_upload", "style_apply", "video_render", "export", "purchase", "share", "push_open", "login", "ad_impression"}
	appVersions   = []string{"4.12.0", "4.11.3", "4.13.1", "5.0.2", "4.12.1"}
	carriers      = []string{"China Mobile", "Verizon", "NTT DOCOMO", "Vodafone.de", "SK Telecom", "Orange F", "Vivo", "MTS", "Jio", "Movistar", "Etisalat"}
	currencies    = []string{"USD", "CNY", "EUR", "JPY", "KRW", "BRL", "INR"}
	styles        = []string{"ghibli", "anime", "watercolor", "oil", "pixar", "cyberpunk", "sketch"}
	iosAdKeys     = []string{"idfa", "idfv"}
	androidAdKeys = []string{"gaid", "adid", "advertising_id"}
	emailKeys     = []string{"email", "contact_email"}
	phoneKeys     = []string{"phone", "mobile", "phone_number"}
	macKeys       = []string{"mac", "bt_mac"}
	endpoints     = []string{"https://api.pixel.example", "https://upload.pixel.example", "http://render.internal"}
	statuses      = []int64{200, 200, 200, 201, 204, 304, 400, 401, 404, 429, 500, 502, 503}
	ports         = []int64{443, 8443, 8080, 9000, 3000, 5000}
)

// The names and mail domains of all languages, for usage and log records.
var (
	allPersons = flatten(func(l *language) []person { return l.names })
	allDomains = flatten(func(l *language) []string { return l.domains })
)

// flatten concatenates what f returns for every language.
func flatten[T any](f func(*language) []T) []T {
	var out []T
	for _, l := range languages {
		out = append(out, f(l)...)
	}
	return out
}

// usage writes a telemetry record of the mobile app.
func (g *Generator) usage() {
	b, r := &g.b, &g.r
	id := g.identity() // the user's and device's identifiers
	dev := pick(id, devices)
	home := pick(id, phoneRegions) // where the user lives: their phone's region and, mostly, the device's locale
	event := pick(r, usageEvents)

	b.s(`{"event":"`)
	b.s(event)
	b.s(`","ts":"`)
	b.putDecoy(likeNumber, appendRFC3339(b.buf, g.clock, r.chance(80)))
	b.s(`","epoch_ms":`)
	b.decoyInt(likeNumber, g.clock)
	if r.chance(20) {
		b.s(`,"sent_at":`)
		b.decoyInt(likeNumber, g.clock/1000+int64(r.intn(5)))
	}

	b.s(`,"user":{"uid":"`)
	b.buf = id.appendUID(b.buf)
	b.s(`","age":`)
	age := id.between(13, 68)
	if g.minors > 0 && id.chance(g.minors) { // no draw at all by default, so seeds keep their events
		age, g.minor = id.between(8, 12), true
	}
	b.int(int64(age))
	if id.chance(30) {
		b.key(pick(id, emailKeys))
		b.putPII(detectors.Email, id.appendEmail(b.buf, allPersons, allDomains, id.jsonEmailEncoding(), true))
		b.s(`"`)
	}
	if id.chance(25) {
		b.s(`,"`)
		b.s(pick(id, phoneKeys))
		b.s(`":`)
		if id.chance(30) {
			b.putPhone(id, id.appendPhoneNumber(b.buf, home))
		} else {
			b.s(`"`)
			b.putPhone(id, id.appendPhone(b.buf, home, id.intn(2)))
			b.s(`"`)
		}
	}

	b.s(`},"device":{"model":"`)
	b.s(dev.model)
	if dev.ios {
		b.s(`","os":"iOS","os_version":"`)
		b.decoyText(likeIPv4, dev.osVersion(id))
	} else {
		b.s(`","os":"Android","os_version":"`)
		b.s(dev.osVersion(id))
	}
	switch n := id.intn(100); {
	case n < 80:
		b.s(`","locale":"`)
		b.buf = appendLocale(b.buf, home, dev.ios)
	case n < 90: // a device set to another region's language, often English
		b.s(`","locale":"`)
		b.buf = appendLocale(b.buf, pick(id, []*phoneRegion{phoneUS, phoneGB, pick(id, phoneRegions)}), dev.ios)
	}
	app := pick(id, appVersions)
	b.s(`","app_version":"`)
	b.decoyText(likeIPv4, app)
	b.s(`","build":"`)
	b.putDecoy(likeIPv4, strconv.AppendInt(append(append(b.buf, app...), '.'), int64(id.between(1000, 2999)), 10))
	b.s(`"`)
	if !dev.ios && id.chance(20) {
		b.s(`,"webview_version":"`)
		b.putDecoy(likeIPv4, id.appendChromeVersion(b.buf))
		b.s(`"`)
	}
	g.deviceIDs(id, dev)
	if r.chance(10) {
		b.s(`,"screen":"`)
		b.decoyText(likeNumber, pick(r, resolutions))
		b.s(`"`)
	}

	b.s(`},"net":{`)
	switch n := id.intn(100); {
	case n < 55:
		b.s(`"ip":"`)
		b.putPII(detectors.IPv4, id.appendIPv4(b.buf))
		b.s(`",`)
	case n < 75:
		b.s(`"ip":"`)
		b.putPII(detectors.IPv6, id.appendIPv6(b.buf, id.intn(ipv6Styles)))
		b.s(`",`)
	}
	if id.chance(10) {
		b.s(`"ipv6":"`)
		b.putPII(detectors.IPv6, id.appendIPv6(b.buf, id.intn(ipv6Styles)))
		b.s(`",`)
	}
	b.s(`"port":`)
	b.decoyInt(likeNumber, pick(r, ports))
	b.s(`,"carrier":"`)
	b.s(pick(r, carriers))
	b.s(`"}`)

	switch event {
	case "photo_upload", "style_apply", "video_render", "export":
		b.s(`,"media":{"resolution":"`)
		b.decoyText(likeNumber, pick(r, resolutions))
		b.s(`","duration_ms":`)
		b.int(int64(r.between(80, 95000)))
		if event == "video_render" || r.chance(20) {
			b.s(`,"length":"`)
			b.putDecoy(likeIPv6, r.appendDuration(b.buf))
			b.s(`"`)
		}
		b.s(`,"style":"`)
		b.s(pick(r, styles))
		if r.chance(30) {
			b.s(`","accent":"`)
			b.putDecoy(likeMAC, r.appendColor(b.buf))
		}
		b.s(`"}`)
	case "purchase":
		b.s(`,"order":{"order_id":"`)
		b.putDecoy(likeCard, r.appendOrderID(b.buf, g.clock, r.chance(60)))
		b.s(`","price":`)
		b.putDecoy(likeNumber, r.appendPrice(b.buf, false))
		b.s(`,"price_display":"`)
		b.putDecoy(likeNumber, r.appendPrice(b.buf, true))
		b.s(`","currency":"`)
		b.s(pick(r, currencies))
		b.s(`"}`)
	}

	b.s(`,"http":{"status":`)
	b.decoyInt(likeNumber, pick(r, statuses))
	if r.chance(25) {
		b.s(`,"endpoint":"`)
		b.s(pick(r, endpoints))
		port := b.at()
		b.s(":")
		b.int(pick(r, ports))
		b.decoy(likeIPv6, port)
		b.s(`/v1/`)
		b.s(event)
		b.s(`"`)
	}
	b.s(`},"request_id":"`)
	b.putDecoy(likeID, r.appendUUID(b.buf, false))
	if r.chance(25) {
		b.s(`","trace_id":"`)
		b.putDecoy(likeID, r.appendUUID(b.buf, false))
	}
	if r.chance(10) {
		b.s(`","job_id":"`)
		b.putDecoy(likeIMEI, r.appendNonLuhn(b.buf, 15))
	}
	if r.chance(10) {
		b.s(`","app_commit":"`)
		b.putDecoy(likeID, r.appendSHA(b.buf, r.chance(50)))
	}
	if r.chance(10) {
		b.s(`","install_date":"`)
		b.putDecoy(likeNumber, r.appendDay(b.buf, g.clock))
	}
	if r.chance(10) {
		b.s(`","client_ts":"`)
		b.putDecoy(likeNumber, appendRFC3339Zone(b.buf, g.clock, r.between(-8, 9)))
	}
	b.s(`"`)
	if r.chance(12) {
		b.s(`,"geo":{"lat":`)
		b.int(int64(r.between(-60, 60)))
		b.s(".")
		b.buf = r.appendDigits(b.buf, 4)
		b.s(`,"lon":`)
		b.int(int64(r.between(-170, 170)))
		b.s(".")
		b.buf = r.appendDigits(b.buf, 4)
		b.s(`}`)
	}
	b.s(`}`)
}

// appendLocale appends the locale a device of the region is set to, as iOS
// (ko-KR) or Android (ko_KR) writes it.
func appendLocale(dst []byte, reg *phoneRegion, ios bool) []byte {
	sep := byte('_')
	if ios {
		sep = '-'
	}
	return append(append(append(dst, reg.lang...), sep), reg.code...)
}

// deviceIDs writes the device identifiers one of the app's SDKs reports: the
// advertising ID, hardware and subscriber IDs, MAC addresses, or none,
// drawn from r.
func (g *Generator) deviceIDs(r *rng, dev device) {
	b := &g.b
	adID := func() {
		if dev.ios {
			b.key(pick(r, iosAdKeys))
			b.putPII(detectors.ADID, r.appendUUID(b.buf, true))
		} else {
			b.key(pick(r, androidAdKeys))
			b.putPII(detectors.ADID, r.appendUUID(b.buf, false))
		}
		b.s(`"`)
	}
	mac := func() {
		b.key(pick(r, macKeys))
		b.putPII(detectors.MAC, r.appendMAC(b.buf, r.intn(macStyles)))
		b.s(`"`)
	}
	switch r.intn(4) {
	case 0: // the ad SDK
		adID()
		if r.chance(25) {
			mac()
		}
	case 1: // the crash reporter: IMEI and IMSI on Android, the IDFV on iOS
		if dev.ios {
			adID()
			break
		}
		b.key("imei")
		b.putPII(detectors.IMEI, r.appendIMEI(b.buf, r.intn(imeiStyles)))
		b.s(`"`)
		if r.chance(20) {
			b.key("imeisv")
			b.putPII(detectors.IMEI, r.appendIMEISV(b.buf))
			b.s(`"`)
		}
		if r.chance(60) {
			b.key("imsi")
			b.putPII(detectors.IMSI, r.appendIMSI(b.buf))
			b.s(`"`)
			if imsi := b.buf[len(b.buf)-16 : len(b.buf)-1]; imsi[14]%2 == 0 {
				// Half of them also send the SIM's serial, made from
				// the IMSI so that no other event changes.
				b.key("iccid")
				b.putPII(detectors.ICCID, appendICCID(b.buf, imsi))
				b.s(`"`)
			}
		}
	case 2: // the network SDK
		mac()
		if r.chance(40) {
			b.key("wifi_mac")
			b.putPII(detectors.MAC, r.appendMAC(b.buf, macStyles))
			b.s(`"`)
		}
	}
}
