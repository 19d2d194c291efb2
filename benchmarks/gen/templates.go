package gen

import (
	"strings"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
)

// slot is a placeholder in a prompt template.
type slot uint8

// The slots: personal values, then decoys.
const (
	slotNone      slot = iota
	slotPhone          // {phone}: a phone number of the language's regions
	slotEmail          // {email}
	slotCNID           // {cnid}: a Chinese resident identity number
	slotCard           // {card}: a payment card number
	slotIBAN           // {iban}: a bank account of the language's countries
	slotCPF            // {cpf}: a Brazilian taxpayer number
	slotSSN            // {ssn}: a US Social Security number
	slotRRN            // {rrn}: a Korean resident registration number
	slotAadhaar        // {aadhaar}: an Indian Aadhaar number
	slotAPIKey         // {apikey}: a service's API key, pasted
	slotDNI            // {dni}: a Spanish identity number
	slotMyNumber       // {mynumber}: a Japanese individual number
	slotSNILS          // {snils}: a Russian insurance number
	slotNIR            // {nir}: a French social security number
	slotSteuerID       // {steuerid}: a German tax identification number
	slotSaudiID        // {saudiid}: a Saudi national ID or Iqama
	slotNINO           // {nino}: a UK National Insurance number
	slotIP             // {ip}: an IPv4 or IPv6 address
	slotIMEI           // {imei}
	slotDate           // {date}: "2026-03-14"
	slotDur            // {dur}: "00:01:23"
	slotRes            // {res}: "1920x1080"
	slotPrice          // {price}: "1,299.00"
	slotOrder          // {order}: an order number
	slotVer            // {ver}: an OS version "17.4.1"
	slotColor          // {color}: "#1e90ff"
	slotName           // {name}: a person's name (see introductions)
	slotGiven          // {given}: a given name alone, before an honorific (see introductions)
	slotPlace          // {place}: a place's name, a decoy of a person's
	slotLookalike      // {lookalike}: a place named after a person ("Stanley Park"), a decoy of a person's name
	slotSpelled        // {spelled}: an e-mail address spelled out around its '@'
	slotHandle         // {handle}: a social-media handle, without its '@'
	slotMention        // {mention}: a social-media handle after its '@'
	slotAt             // {at}: an '@' that mentions no one ("icon@2x", "@60fps"), a decoy of a handle
	slotAddress        // {address}: a street address (see introductions)
	slotStreet         // {street}: a street's name without a number, a decoy of an address
	slotDOB            // {dob}: a date of birth (see introductions)
	slotWhen           // {when}: a day near a birthday's word that is no date of birth, a decoy of one
	slotPassport       // {passport}: a passport's number, a letter and eight digits
	slotPhotoSize      // {photosize}: a passport photo's size ("35x45mm"), a decoy of a document's number
	slotWallet         // {wallet}: a Bitcoin, Ethereum, Tron, Litecoin or Dogecoin address
	slotTxHash         // {txhash}: an Ethereum transaction's hash, a decoy of an address
	slotCoords         // {coords}: a place's latitude and longitude
	slotWeights        // {weights}: two blend weights ("0.35, 0.65"), a decoy of coordinates
	slotNumbers        // {numbers}: a chart's values a space apart, a decoy of phone, card and national numbers
	slotZIP            // {zip}: a US state's code and a ZIP+4 code ("MA 02111-1307"), a decoy of a phone number
	slotArtist         // {artist}: a painter's or director's name that names a style, a decoy of a person's name
)

var slotNames = map[string]slot{
	"phone": slotPhone, "email": slotEmail, "cnid": slotCNID, "card": slotCard, "iban": slotIBAN, "cpf": slotCPF, "ssn": slotSSN, "rrn": slotRRN, "aadhaar": slotAadhaar, "apikey": slotAPIKey, "dni": slotDNI, "mynumber": slotMyNumber, "snils": slotSNILS, "nir": slotNIR, "steuerid": slotSteuerID, "saudiid": slotSaudiID, "nino": slotNINO, "ip": slotIP, "imei": slotIMEI,
	"date": slotDate, "dur": slotDur, "res": slotRes, "price": slotPrice, "order": slotOrder, "ver": slotVer, "color": slotColor, "name": slotName, "given": slotGiven, "place": slotPlace, "lookalike": slotLookalike, "spelled": slotSpelled, "handle": slotHandle, "mention": slotMention, "at": slotAt, "address": slotAddress, "street": slotStreet, "dob": slotDOB, "when": slotWhen, "passport": slotPassport, "photosize": slotPhotoSize, "wallet": slotWallet, "txhash": slotTxHash, "coords": slotCoords, "weights": slotWeights, "numbers": slotNumbers, "zip": slotZIP, "artist": slotArtist,
}

// segment is literal text, already escaped for a JSON string, followed by a
// slot (slotNone for the last segment).
type segment struct {
	lit  string
	slot slot
	// idn reports whether an internationalized e-mail domain may fill the
	// slot: the slot is followed by ASCII or nothing, so the domain's end is
	// unambiguous.
	idn bool
}

// template is a prompt text with slots.
type template []segment

// parseTemplates parses texts in which "{name}" marks a slot (see slotNames).
// Braces that do not name a slot stay literal text.
func parseTemplates(texts ...string) []template {
	ts := make([]template, len(texts))
	for i, text := range texts {
		var lit []byte
		for len(text) > 0 {
			open := strings.IndexByte(text, '{')
			if open < 0 {
				lit = appendJSONText(lit, text)
				break
			}
			end := strings.IndexByte(text[open:], '}')
			s, ok := slot(0), false
			if end > 0 {
				s, ok = slotNames[text[open+1:open+end]]
			}
			if !ok {
				lit = appendJSONText(lit, text[:open+1])
				text = text[open+1:]
				continue
			}
			lit = appendJSONText(lit, text[:open])
			text = text[open+end+1:]
			ts[i] = append(ts[i], segment{lit: string(lit), slot: s, idn: text == "" || text[0] < 0x80})
			lit = lit[:0]
		}
		ts[i] = append(ts[i], segment{lit: string(lit)})
	}
	return ts
}

// appendJSONText appends text escaped for the inside of a JSON string.
func appendJSONText(dst []byte, text string) []byte {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, `\n`...) // as JSON encoders write a line break
		case c < 0x20:
			dst = append(dst, `\u00`...)
			dst = append(dst, hexLower[c>>4], hexLower[c&15])
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// The kinds that decoys imitate.
const (
	likeNumber = detectors.Phone  // timestamps, dates, epochs, prices, resolutions, HTTP statuses, ports
	likeCard   = detectors.Card   // order numbers
	likeIMEI   = detectors.IMEI   // 15-digit numbers failing Luhn
	likeIPv4   = detectors.IPv4   // dotted version numbers
	likeIPv6   = detectors.IPv6   // clock durations, ":8080" port suffixes
	likeMAC    = detectors.MAC    // CSS hex colors
	likeID     = detectors.ADID   // request, trace and job UUIDs, git hashes
	likeSecret = detectors.Secret // base64url JSON that is no JSON Web Token
)

// plainSlots are the slots whose value depends on nothing but the random
// source: the kind planted and what writes it.
var plainSlots = map[slot]struct {
	kind  detectors.Kind
	write func(*rng, []byte) []byte
}{
	slotCNID:     {detectors.CNID, (*rng).appendCNID},
	slotCPF:      {detectors.CPF, (*rng).appendCPF},
	slotSSN:      {detectors.SSN, (*rng).appendSSN},
	slotRRN:      {detectors.RRN, (*rng).appendRRN},
	slotAadhaar:  {detectors.Aadhaar, (*rng).appendAadhaar},
	slotAPIKey:   {detectors.Secret, (*rng).appendAPIKey},
	slotDNI:      {detectors.DNI, (*rng).appendDNI},
	slotMyNumber: {detectors.MyNumber, (*rng).appendMyNumber},
	slotSNILS:    {detectors.SNILS, (*rng).appendSNILS},
	slotNIR:      {detectors.NIR, (*rng).appendNIR},
	slotSteuerID: {detectors.SteuerID, (*rng).appendSteuerID},
	slotSaudiID:  {detectors.SaudiID, (*rng).appendSaudiID},
	slotNINO:     {detectors.NINO, (*rng).appendNINO},
	slotWallet:   {detectors.Wallet, (*rng).appendWallet},
	slotCoords:   {detectors.Coordinates, (*rng).appendCoordinates},
}

// fill writes a value for seg's slot in a prompt in language l.
func (g *Generator) fill(l *language, seg *segment) {
	b, r := &g.b, &g.r
	if v, ok := plainSlots[seg.slot]; ok {
		b.putPII(v.kind, v.write(r, b.buf))
		return
	}
	switch seg.slot {
	case slotPhone:
		form := phoneIntl
		if r.chance(l.natPct) {
			form = phoneNational
			if r.chance(l.widePct) {
				form = phoneWide
			}
		}
		b.putPhone(r, l.native(len(b.buf), r.appendPhone(b.buf, pick(r, l.phones), form)))
	case slotEmail:
		enc := r.jsonEmailEncoding()
		if enc == emailJSON && l.wideAt {
			enc = emailWide
		}
		b.putPII(detectors.Email, r.appendEmail(b.buf, l.names, l.domains, enc, seg.idn))
	case slotCard:
		b.putPII(detectors.Card, r.appendCard(b.buf, r.intn(cardStyles)))
	case slotIBAN:
		b.putPII(detectors.IBAN, r.appendIBAN(b.buf, pick(r, l.ibans), r.intn(ibanStyles)))
	case slotIP:
		if r.chance(70) {
			b.putPII(detectors.IPv4, r.appendIPv4(b.buf))
		} else {
			b.putPII(detectors.IPv6, r.appendIPv6(b.buf, r.intn(ipv6Styles)))
		}
	case slotIMEI:
		b.putPII(detectors.IMEI, r.appendIMEI(b.buf, r.intn(imeiStyles)))
	case slotDate:
		b.putDecoy(likeNumber, r.appendDay(b.buf, g.clock))
	case slotDur:
		b.putDecoy(likeIPv6, r.appendDuration(b.buf))
	case slotRes:
		b.decoyText(likeNumber, pick(r, resolutions))
	case slotPrice:
		b.putDecoy(likeNumber, r.appendPrice(b.buf, r.chance(50)))
	case slotOrder:
		b.putDecoy(likeCard, r.appendOrderID(b.buf, g.clock, r.chance(60)))
	case slotVer:
		b.decoyText(likeIPv4, pick(r, iosVersions))
	case slotColor:
		b.putDecoy(likeMAC, r.appendColor(b.buf))
	case slotName:
		b.putPII(detectors.Name, appendJSONText(b.buf, pick(r, introductions[l.code].people)))
	case slotGiven:
		b.putPII(detectors.Name, appendJSONText(b.buf, pick(r, introductions[l.code].given)))
	case slotPlace:
		b.decoyText(likeName, pick(r, introductions[l.code].places))
	case slotLookalike:
		b.decoyText(likeName, pick(r, introductions[l.code].lookalikes))
	case slotSpelled:
		b.putPII(detectors.Email, r.appendSpelledEmail(b.buf, l.names, l.domains))
	case slotHandle, slotMention:
		b.putPII(detectors.Handle, r.appendHandle(b.buf, l.names, seg.slot == slotMention))
	case slotAt:
		b.decoyText(likeHandle, pick(r, noMentions))
	case slotAddress:
		b.putPII(detectors.Address, appendJSONText(b.buf, pick(r, introductions[l.code].addresses)))
	case slotStreet:
		b.decoyText(likeAddress, pick(r, introductions[l.code].streets))
	case slotDOB:
		b.putPII(detectors.Birthdate, appendJSONText(b.buf, pick(r, introductions[l.code].dobs)))
	case slotWhen:
		b.putDecoy(likeBirthdate, r.appendDay(b.buf, g.clock))
	case slotPhotoSize:
		b.decoyText(likeDocument, pick(r, photoSizes))
	case slotNumbers:
		b.decoyText(detectors.Phone, pick(r, numberLists))
	case slotZIP:
		b.decoyText(detectors.Phone, pick(r, zipCodes))
	case slotArtist:
		b.decoyText(detectors.Name, pick(r, artists))
	case slotTxHash:
		b.putDecoy(likeWallet, r.appendTxHash(b.buf))
	case slotWeights:
		b.putDecoy(likeCoordinates, r.appendWeights(b.buf))
	case slotPassport:
		b.putPII(detectors.Document, appendPad(append(b.buf, byte('A'+r.intn(26))), r.intn(100000000), 8))
	}
}

// native rewrites the number at buf[from:] in the language's own digits if
// it has them and the number ends in 0-2, drawing nothing from the
// generator's sequence, so that the other events stay as they were.
func (l *language) native(from int, buf []byte) []byte {
	if l.zero == 0 || buf[len(buf)-1] > '2' {
		return buf
	}
	var num [64]byte
	n := copy(num[:], buf[from:])
	buf = buf[:from]
	for _, c := range num[:n] {
		if '0' <= c && c <= '9' {
			buf = utf8.AppendRune(buf, l.zero+rune(c-'0'))
		} else {
			buf = append(buf, c)
		}
	}
	return buf
}

// prompt writes a prompt record in language l:
// {"prompt_id":"…","user":{"uid":"…"},"text":"…","ts":"…"}.
func (g *Generator) prompt(l *language) {
	b, r := &g.b, &g.r
	b.s(`{"prompt_id":"`)
	b.putDecoy(likeID, r.appendUUID(b.buf, false))
	b.s(`","user":{"uid":"`)
	b.buf = r.appendUID(b.buf)
	b.s(`"},"text":"`)
	t := g.template(l)
	for i := range t {
		b.s(t[i].lit)
		g.fill(l, &t[i])
	}
	b.s(`","ts":"`)
	b.putDecoy(likeNumber, appendRFC3339(b.buf, g.clock, r.chance(70)))
	b.s(`"}`)
}
