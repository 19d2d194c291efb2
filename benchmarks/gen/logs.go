package gen

import (
	"github.com/pixelprivacy/veil/detectors"
)

var (
	logLevels   = []string{"INFO", "INFO", "INFO", "INFO", "WARN", "DEBUG", "ERROR"}
	logSources  = []string{"api", "render-worker-3", "upload", "billing", "auth", "push", "gateway"}
	logMessages = []string{"upload done", "render finished", "payment captured", "login ok", "push token refreshed",
		"rate limited", "export failed", "sms code sent", "style applied", "session started"}
	referers = []string{"-", "-", "https://pixel.example/app", "https://www.google.com/", "https://pixel.example/share"}
)

// log writes a log line: an nginx access line or an application log line;
// with Options.Personal, now and then a device's (see deviceLog).
func (g *Generator) log() {
	switch {
	case g.personal && g.r.chance(8):
		g.deviceLog()
	case g.r.chance(60):
		g.access()
	default:
		g.appLog()
	}
}

// deviceLog writes a line in which a client logs its device's identifiers
// by the names of the APIs that return them or in a markup of its own:
// Android's TelephonyManager getters, iOS's identifier properties, an XML
// payload, or labels in Chinese. The process IDs, a build in its XML
// element and a session's UUID are decoys.
func (g *Generator) deviceLog() {
	b, r := &g.b, &g.r
	b.putDecoy(likeNumber, appendRFC3339(b.buf, g.clock, true))
	switch r.intn(4) {
	case 0:
		g.processIDs(" ", " ", r.between(1000, 32000), r.between(1000, 32000))
		b.s(" D Telephony: getDeviceId=")
		if r.chance(50) {
			imei := r.appendIMEI(b.buf, imeiPlain)
			b.putPII(detectors.IMEI, imei[:len(imei)-1]) // without its check digit, as some ROMs return it
		} else {
			b.putPII(detectors.IMEI, r.appendIMEI(b.buf, imeiPlain))
		}
		b.s(" getSubscriberId=")
		b.putPII(detectors.IMSI, r.appendIMSI(b.buf))
		imsi := b.buf[b.at()-15:]
		if r.chance(50) {
			b.s(" getSimSerialNumber=")
			b.putPII(detectors.ICCID, appendICCID(b.buf, imsi))
		}
		b.s(" getLine1Number=")
		b.putPhone(r, r.appendPhone(b.buf, pick(r, phoneRegions), phoneIntl))
	case 1:
		g.processIDs(" Pixel[", ":", r.between(100, 9999), r.between(10000, 999999))
		b.s("] identifierForVendor: ")
		b.putPII(detectors.ADID, r.appendUUID(b.buf, true))
		b.s(" advertisingIdentifier = ")
		b.putPII(detectors.ADID, r.appendUUID(b.buf, true))
		b.s(" sessionIdentifier: ")
		b.putDecoy(likeID, r.appendUUID(b.buf, false))
	case 2:
		b.s(" INFO [sync] payload=<device><imei>")
		b.putPII(detectors.IMEI, r.appendIMEI(b.buf, imeiPlain))
		b.s("</imei><mac>")
		b.putPII(detectors.MAC, r.appendMAC(b.buf, macStyles))
		b.s("</mac><build>")
		build := b.at()
		b.s(pick(r, appVersions))
		b.s(".")
		b.int(int64(r.between(1000, 2999)))
		b.decoy(likeIPv4, build)
		b.s("</build></device>")
	default:
		b.s(" INFO [设备] MAC地址：")
		b.putPII(detectors.MAC, r.appendMAC(b.buf, macStyles))
		b.s(" 串号：")
		b.putPII(detectors.IMEI, r.appendIMEI(b.buf, imeiPlain))
		b.s(" 广告标识符: ")
		b.putPII(detectors.ADID, r.appendUUID(b.buf, true))
	}
}

// access writes an nginx access line in the combined format, sometimes
// followed by $http_x_forwarded_for.
func (g *Generator) access() {
	b, r := &g.b, &g.r
	if r.chance(80) {
		b.putPII(detectors.IPv4, r.appendIPv4(b.buf))
	} else {
		b.putPII(detectors.IPv6, r.appendIPv6(b.buf, r.intn(2)))
	}
	b.s(" - - [")
	b.putDecoy(likeNumber, appendCLF(b.buf, g.clock))
	b.s(`] "`)
	switch r.intn(9) {
	case 0:
		b.s("GET /v1/styles?lang=")
		b.s(pick(r, Langs))
		b.s("&page=")
		b.int(int64(r.between(1, 9)))
		if r.chance(15) {
			b.s("&api_key=") // a partner's key, in the query string where it should never be
			b.putPII(detectors.Secret, r.appendAlnum(b.buf, 32))
		}
	case 1:
		b.s("POST /v1/media/upload")
	case 2:
		b.s("GET /v1/render/")
		b.putDecoy(likeID, r.appendUUID(b.buf, false))
	case 3:
		b.s("GET /api/v2/account?email=")
		b.putPII(detectors.Email, r.appendEmail(b.buf, allPersons, allDomains, emailURL, false))
		b.s("&lang=")
		b.s(pick(r, Langs))
	case 4:
		b.s("POST /v1/login?phone=")
		b.putPhone(r, r.appendPhoneNumber(b.buf, pick(r, phoneRegions)))
	case 5:
		b.s("GET /static/js/app.")
		b.putDecoy(likeID, r.appendSHA(b.buf, false))
		b.s(".js")
	case 6:
		b.s("GET /v1/orders/")
		b.putDecoy(likeCard, r.appendOrderID(b.buf, g.clock, r.chance(50)))
	case 7:
		b.s("GET /v1/export?res=")
		b.decoyText(likeNumber, pick(r, resolutions))
	default:
		b.s("GET /healthz")
	}
	b.s(` HTTP/1.1" `)
	b.decoyInt(likeNumber, pick(r, statuses))
	b.s(" ")
	b.int(int64(r.between(0, 250000)))
	b.s(` "`)
	b.s(pick(r, referers))
	b.s(`" "`)
	g.userAgent()
	b.s(`"`)
	if r.chance(20) {
		b.s(` "`)
		b.putPII(detectors.IPv4, r.appendIPv4(b.buf))
		b.s(", ")
		b.putPII(detectors.IPv4, r.appendIPv4(b.buf))
		b.s(`"`)
	}
}

// processIDs writes a process's and a thread's IDs after before, joined by
// sep, as decoys: Android's log writes "22958 30849", Apple's "[1234:56789]".
func (g *Generator) processIDs(before, sep string, pid, tid int) {
	g.b.s(before)
	g.b.decoyInt(likeNumber, int64(pid))
	g.b.s(sep)
	g.b.decoyInt(likeNumber, int64(tid))
}

// userAgent writes a browser's or the app's User-Agent; its version numbers
// are decoys.
func (g *Generator) userAgent() {
	b, r := &g.b, &g.r
	switch r.intn(5) {
	case 0, 1:
		b.s("Mozilla/5.0 (Linux; Android ")
		b.s(pick(r, androidVersions))
		b.s("; ")
		b.s(pick(r, androidDevices).model)
		b.s(") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/")
		b.putDecoy(likeIPv4, r.appendChromeVersion(b.buf))
		b.s(" Mobile Safari/537.36")
	case 2:
		b.s("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/")
		b.putDecoy(likeIPv4, r.appendChromeVersion(b.buf))
		b.s(" Safari/537.36")
	case 3:
		v := pick(r, iosVersions)
		b.s("Mozilla/5.0 (iPhone; CPU iPhone OS ")
		for i := 0; i < len(v); i++ {
			if v[i] == '.' {
				b.buf = append(b.buf, '_')
			} else {
				b.buf = append(b.buf, v[i])
			}
		}
		b.s(" like Mac OS X) AppleWebKit/")
		b.decoyText(likeIPv4, "605.1.15")
		b.s(" (KHTML, like Gecko) Version/")
		b.decoyText(likeIPv4, v)
		b.s(" Mobile/15E148 Safari/604.1")
	default:
		dev := pick(r, devices)
		b.s("PixelApp/")
		b.decoyText(likeIPv4, pick(r, appVersions))
		b.s(" (")
		b.s(dev.model)
		if dev.ios {
			b.s("; iOS ")
			b.decoyText(likeIPv4, dev.osVersion(r))
			b.s("; Scale/3.00) CFNetwork/1494.0.7 Darwin/23.4.0")
		} else {
			b.s("; Android ")
			b.s(dev.osVersion(r))
			b.s(") okhttp/")
			b.decoyText(likeIPv4, "4.12.0")
		}
	}
}

// appLog writes an application log line: a timestamp, a level, a source, a
// message and key=value fields.
func (g *Generator) appLog() {
	b, r := &g.b, &g.r
	b.putDecoy(likeNumber, appendRFC3339(b.buf, g.clock, true))
	b.s(" ")
	b.s(pick(r, logLevels))
	b.s(" [")
	b.s(pick(r, logSources))
	b.s("] ")
	b.s(pick(r, logMessages))
	if r.chance(45) {
		b.s(" user=")
		b.putPII(detectors.Email, r.appendEmail(b.buf, allPersons, allDomains, emailRaw, true))
	} else {
		b.s(" uid=")
		b.buf = r.appendUID(b.buf)
	}
	switch n := r.intn(100); {
	case n < 50:
		b.s(" ip=")
		b.putPII(detectors.IPv4, r.appendIPv4(b.buf))
	case n < 70:
		b.s(" ip=")
		b.putPII(detectors.IPv6, r.appendIPv6(b.buf, r.intn(ipv6Styles)))
	case n < 92:
		b.s(" peer=")
		b.putPII(detectors.IPv4, r.appendIPv4(b.buf))
		port := b.at()
		b.s(":")
		b.int(pick(r, ports))
		b.decoy(likeIPv6, port)
	}
	if r.chance(50) {
		dev := pick(r, devices)
		b.s(` device="`)
		b.s(dev.model)
		b.s(`" app=`)
		b.decoyText(likeIPv4, pick(r, appVersions))
	}
	if r.chance(20) {
		b.s(" mac=")
		b.putPII(detectors.MAC, r.appendMAC(b.buf, r.intn(macStyles)))
	}
	if r.chance(20) {
		b.s(" imei=")
		b.putPII(detectors.IMEI, r.appendIMEI(b.buf, imeiPlain))
	}
	if r.chance(10) {
		b.s(" imsi=")
		b.putPII(detectors.IMSI, r.appendIMSI(b.buf))
	}
	if r.chance(15) {
		if r.chance(50) {
			b.s(" idfa=")
			b.putPII(detectors.ADID, r.appendUUID(b.buf, true))
		} else {
			b.s(" gaid=")
			b.putPII(detectors.ADID, r.appendUUID(b.buf, false))
		}
	}
	if r.chance(15) {
		b.s(` phone="`)
		b.putPhone(r, r.appendPhone(b.buf, pick(r, phoneRegions), r.intn(2)))
		b.s(`"`)
	}
	if r.chance(5) {
		b.s(" card=")
		b.putPII(detectors.Card, r.appendCard(b.buf, cardPlain))
	}
	if r.chance(3) {
		b.s(" payout_iban=")
		b.putPII(detectors.IBAN, r.appendIBAN(b.buf, pick(r, ibanCountries), ibanCompact))
	}
	if r.chance(30) {
		b.s(" order=")
		b.putDecoy(likeCard, r.appendOrderID(b.buf, g.clock, r.chance(50)))
	}
	if r.chance(65) {
		b.s(" req=")
		b.putDecoy(likeID, r.appendUUID(b.buf, false))
	}
	if r.chance(25) {
		b.s(" status=")
		b.decoyInt(likeNumber, pick(r, statuses))
	}
	if r.chance(10) {
		b.s(" dur=")
		b.putDecoy(likeIPv6, r.appendDuration(b.buf))
	}
	if r.chance(10) {
		b.s(" size=")
		b.decoyText(likeNumber, pick(r, resolutions))
	}
	if r.chance(10) {
		b.s(" job=")
		b.putDecoy(likeIMEI, r.appendNonLuhn(b.buf, 15))
	}
	if r.chance(8) {
		b.s(" rev=")
		b.putDecoy(likeID, r.appendSHA(b.buf, false))
	}
	if r.chance(8) {
		b.s(" bg=")
		b.putDecoy(likeMAC, r.appendColor(b.buf))
	}
	if r.chance(8) {
		b.s(" ts_ms=")
		b.decoyInt(likeNumber, g.clock-int64(r.intn(60_000)))
	}
	if r.chance(5) {
		b.s(" since=")
		b.putDecoy(likeNumber, r.appendDay(b.buf, g.clock))
	}
	g.credentials()
	b.s(" took=")
	b.int(int64(r.between(1, 4000)))
	b.s("ms")
}

// credentials writes, now and then, what an app log should not hold but
// does: a bearer token (a JSON Web Token, or an opaque one), a database URL
// with its password, a password logged with a failed login; and as decoys
// an OAuth state, base64url JSON that is no token, and a token's type.
func (g *Generator) credentials() {
	b, r := &g.b, &g.r
	if r.chance(6) {
		b.s(` auth="Bearer `)
		if r.chance(70) {
			b.putPII(detectors.Secret, r.appendJWT(b.buf, g.clock))
		} else {
			b.putPII(detectors.Secret, r.appendAlnum(append(b.buf, "ya29."...), 40))
		}
		b.s(`"`)
	}
	if r.chance(2) {
		b.s(" login_failed=1 password=")
		b.putPII(detectors.Secret, r.appendPassword(b.buf))
	}
	if r.chance(3) {
		b.s(" token_type=")
		b.decoyText(likeSecret, "bearer")
	}
	if r.chance(4) {
		b.s(" db=postgres://")
		b.putPII(detectors.Secret, r.appendPassword(append(b.buf, "app:"...)))
		b.s("@")
		b.putPII(detectors.IPv4, r.appendIPv4(b.buf))
		b.s(":5432/pixel")
	}
	if r.chance(5) {
		b.s(" state=")
		b.putDecoy(likeSecret, r.appendState(b.buf))
	}
}
