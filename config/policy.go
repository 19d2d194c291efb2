package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/nyaruka/phonenumbers"
	"gopkg.in/yaml.v3"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/custom"
	"github.com/pixelprivacy/veil/transforms"
	"github.com/pixelprivacy/veil/transforms/lang"
)

// Policy is what may reach training: the consent gate.
type Policy struct {
	Consent Consent `yaml:"consent"`
}

// Consent configures the consent gate: who a record's user is, what the
// record and the consent topic say of their training consent, and who is a
// minor. A field set to "none" is not read.
type Consent struct {
	// Topic is the compacted topic of per-user consent: key the user ID,
	// value {"training": true|false, "ts": ...}; "none" for no table.
	Topic string `yaml:"topic"`
	// UserFields identify the user, best first.
	UserFields []string `yaml:"user_fields"`
	// EventFields are the record's own consent, booleans: one false
	// refuses it.
	EventFields []string `yaml:"event_fields"`
	// OptOutFields are the record's own opt-out of training, booleans: one
	// true refuses consent.
	OptOutFields []string `yaml:"opt_out_fields"`
	// MinorFields are booleans that flag a minor.
	MinorFields []string `yaml:"minor_fields"`
	// AgeFields are the user's age; under MinAge is a minor.
	AgeFields []string `yaml:"age_fields"`
	// BirthDateFields are the user's birth date (2014-05-01, 01/05/2014,
	// a year alone, ...); one less than MinAge years ago is a minor's.
	BirthDateFields []string `yaml:"birth_date_fields"`
	MinAge          int      `yaml:"min_age"`
	// StatedAge reads the age the writer of a kind's free text states
	// ("I'm 12 years old", "我今年12岁"), or the date of birth they give
	// as theirs ("I was born on May 5, 2014"): under MinAge is a minor.
	StatedAge *bool `yaml:"stated_age"`
	// Require drops records that carry no consent at all (no event field,
	// no entry in the table).
	Require bool `yaml:"require"`
}

// Off is the value that turns off an optional field or topic.
const Off = "none"

// Languages configures language detection of free text.
type Languages struct {
	// Kinds are the event kinds whose free text's language is detected and
	// whose text records are free text as a whole.
	Kinds []string `yaml:"kinds"`
	// Set lists the languages told apart (ISO 639-1).
	Set []string `yaml:"set"`
	// MinLength is the fewest bytes of text worth detecting.
	MinLength int `yaml:"min_length"`
	// Accuracy is low (lingua's trigram models: ~5 MiB, ~20k prompts/s) or
	// high (all its models: ~90 MiB, ~9k prompts/s).
	Accuracy string `yaml:"accuracy"`
	// TextFields are the paths of the free text in JSON records of every
	// kind.
	TextFields []string `yaml:"text_fields"`
	// Field is the key of the member added to JSON records with the
	// language; "none" adds none.
	Field string `yaml:"field"`
	// Regions override, per language, the phone regions whose national
	// formats are found in its texts.
	Regions map[string][]string `yaml:"regions"`
	// Names says whether the names that a phrase introduces in the free
	// text ("my name is Li Wei", "我叫李伟") are found, as kind NAME.
	Names *bool `yaml:"names"`
	// Addresses says whether street addresses in the free text ("42 Oak
	// Avenue", "建国路88号") are found, as kind ADDRESS.
	Addresses *bool `yaml:"addresses"`
}

// FieldRule is one rule of fields.<kind>: an action's name, or a map with
// one action and its options.
//
//	user.name: drop
//	device.model: keep
//	location.lat: {generalize: {decimals: 1}}
//	seen_at: {generalize: {truncate: hour}}
//	user.nick: {tokenize: {kind: user}}
type FieldRule struct {
	// Action is keep, drop, tokenize, mask, generalize or scan (as if no
	// rule applied: an exception to a broader one).
	Action     string          `yaml:"-"`
	Tokenize   *TokenizeRule   `yaml:"tokenize"`
	Generalize *GeneralizeRule `yaml:"generalize"`
}

// TokenizeRule are the options of a tokenize field rule.
type TokenizeRule struct {
	// Kind of the tokens: field (the default) or user.
	Kind string `yaml:"kind"`
}

// GeneralizeRule are the options of a generalize field rule.
type GeneralizeRule struct {
	// Decimals numbers keep (default 2).
	Decimals *int `yaml:"decimals"`
	// Truncate is how timestamps are truncated: day (default), hour or
	// year.
	Truncate string `yaml:"truncate"`
	// Prefix, if set, keeps a code's first letters and digits: a
	// postcode's area (3: "62704" to "627", "SW1A 2AA" to "SW1").
	Prefix *int `yaml:"prefix"`
}

// UnmarshalYAML reads the scalar or the map form.
func (r *FieldRule) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		r.Action = n.Value
		return nil
	}
	type plain FieldRule
	if err := n.Decode((*plain)(r)); err != nil {
		return err
	}
	switch {
	case r.Tokenize != nil && r.Generalize != nil:
		return fmt.Errorf("line %d: one action per field, not tokenize and generalize", n.Line)
	case r.Tokenize != nil:
		r.Action = "tokenize"
	case r.Generalize != nil:
		r.Action = "generalize"
	}
	return nil
}

// MarshalYAML writes the scalar form when the rule has no options.
func (r FieldRule) MarshalYAML() (any, error) {
	if r.Tokenize == nil && r.Generalize == nil {
		return r.Action, nil
	}
	type plain FieldRule
	return plain(r), nil
}

// CustomDetector is one detectors.custom entry: a kind found by a .NET-style
// regular expression.
type CustomDetector struct {
	// Name is the kind's name in tokens: EMPLOYEE_ID.
	Name    string `yaml:"name"`
	Pattern string `yaml:"pattern"`
	// Validator is none or luhn.
	Validator string `yaml:"validator"`
	// Context words, one of which must be in the ContextWindow bytes
	// before a match; empty means none needed.
	Context       []string      `yaml:"context"`
	ContextWindow int           `yaml:"context_window"`
	Timeout       time.Duration `yaml:"timeout"`
	// Transform is the action for its findings.
	Transform string `yaml:"transform"`
}

// Defaults of the policy, languages and custom detectors.
const (
	DefaultConsentTopic   = "veil.consent"
	DefaultMinAge         = 13
	DefaultLangMinLength  = 12
	DefaultLangAccuracy   = "low"
	DefaultLangField      = "lang"
	DefaultLocationDigits = 2
	// DefaultPostcodePrefix is what is kept of a postcode: a US ZIP code's
	// first three digits, as HIPAA's Safe Harbor keeps them, a British or
	// Canadian postcode's area ("SW1", "K1A").
	DefaultPostcodePrefix = 3
)

// Default lists of the policy and languages.
var (
	// DefaultUserFields identify the user, best first: as SDKs name a user
	// ID, then an account's, a customer's or a member's, which identify
	// them as lastingly, then as analytics and engagement SDKs name the ID
	// an app gives them (Mixpanel's distinct_id and $user_id, AppsFlyer's
	// customer_user_id, Braze's and OneSignal's external_id), then as a
	// log line's URL names it: the path segment after /users/ (see
	// transforms.ProfileOptions).
	DefaultUserFields = []string{"user.uid", "user_id", "uid", "userId", "userID", "user.id",
		"account_id", "accountId", "customer_id", "customerId", "member_id", "memberId",
		"distinct_id", "$user_id", "customer_user_id", "customerUserId", "external_id", "externalId",
		"/users", "/user", "/accounts", "/customers", "/members"}
	// DefaultEventFields hold a record's own training consent, as apps
	// name it.
	DefaultEventFields = []string{"consent.training", "training_consent", "trainingConsent", "allow_training", "allowTraining"}
	// DefaultOptOutFields hold a record's own opt-out of training, as apps
	// with an "opt out of AI training" setting name it.
	DefaultOptOutFields = []string{"training_opt_out", "trainingOptOut", "ai_training_opt_out", "aiTrainingOptOut",
		"opt_out_training", "optOutTraining", "opt_out_of_training", "optOutOfTraining"}
	// DefaultMinorFields flag a minor, as apps name the flag, and as ad
	// SDKs flag a request to be treated as a child's (OpenRTB's
	// regs.coppa, AdMob's child-directed and under-age-of-consent tags).
	DefaultMinorFields = []string{"is_minor", "isMinor", "is_child", "isChild", "underage", "is_underage", "isUnderage",
		"coppa", "child_directed", "childDirected", "tag_for_child_directed_treatment", "tagForChildDirectedTreatment",
		"tag_for_under_age_of_consent", "tagForUnderAgeOfConsent"}
	// DefaultAgeFields hold the user's age: a key named age anywhere in the
	// record, as most schemas put it under their user or profile object,
	// or its range or group ("8-12", "under_13"), whose youngest counts.
	DefaultAgeFields = []string{"age", "user_age", "userAge", "age_years", "ageYears", "age_range", "ageRange", "age_group", "ageGroup",
		"edad", "âge", "alter", "idade", "年龄", "年齢", "나이", "возраст", "العمر", "उम्र"}
	DefaultLangKinds = []string{"prompt"}
	// DefaultTextFields are where prompt events hold what users typed: a
	// prompt, its negative, a chat message's content (the messages of the
	// chat APIs), a caption, a title or a comment.
	DefaultTextFields = []string{"text", "prompt", "negative_prompt", "content", "input", "query", "message", "caption",
		"title", "description", "instruction", "instructions", "comment"}
	// DefaultDropFields hold a person's name outright, also in the name a
	// phone or its earbuds are given ("Li Wei's iPhone", "Wei's AirPods",
	// also the network name of its hotspot) and in the photographer and
	// owner a photo's metadata names (EXIF's Artist, Copyright and
	// CameraOwnerName, IPTC's By-line, XMP's Creator, Windows' XPAuthor, as
	// written: a style's "artist" is not one), their ID card number, or
	// where they live: a postal address, whose city and country a schema
	// that wants them kept writes beside it.
	DefaultDropFields = []string{"name", "real_name", "realName", "full_name", "fullName",
		"first_name", "firstName", "last_name", "lastName", "given_name", "givenName",
		"family_name", "familyName", "middle_name", "middleName", "surname",
		// in the app's other languages, as localized back ends name them
		"nombre", "apellido", "apellidos", "nombre_completo", "nom", "prenom", "prénom", "nom_complet", "vorname",
		"nachname", "nome", "sobrenome", "nome_completo", "姓名", "名字", "名前", "氏名", "이름", "성명", "имя", "фамилия",
		"الاسم", "اسم", "नाम",
		"display_name", "displayName", "owner_name", "ownerName", "device_name", "deviceName",
		// a person the user names: a contact, a parent, a child, a card's holder
		"contact_name", "contactName", "guardian_name", "guardianName", "parent_name", "parentName",
		"mother_name", "motherName", "father_name", "fatherName", "maiden_name", "maidenName",
		"child_name", "childName", "kid_name", "kidName", "spouse_name", "spouseName", "partner_name", "partnerName",
		"emergency_contact", "emergencyContact", "emergency_contact_name", "emergencyContactName",
		"recipient_name", "recipientName", "sender_name", "senderName", "customer_name", "customerName",
		"cardholder_name", "cardholderName", "card_holder", "cardHolder", "billing_name", "billingName",
		"shipping_name", "shippingName", "account_holder", "accountHolder", "student_name", "studentName",
		"patient_name", "patientName", "legal_name", "legalName", "nick_name",
		"bluetooth_name", "bluetoothName", "hotspot_name", "hotspotName", "id_card", "ssid", "wifi_ssid", "wifiSsid", "wifi_name", "wifiName",
		"Artist", "Copyright", "CameraOwnerName", "By-line", "Creator", "XPAuthor",
		"address", "street", "street_address", "streetAddress", "address_line", "addressLine", "address_line1", "addressLine1", "address_line2", "addressLine2",
		"address1", "address2", "home_address", "homeAddress", "shipping_address", "shippingAddress",
		"billing_address", "billingAddress", "postal_address", "postalAddress", "mailing_address", "mailingAddress",
		"direccion", "dirección", "adresse", "endereco", "endereço", "anschrift", "住所", "地址", "주소", "адрес", "العنوان", "पता"}
	// DefaultPostcodeFields hold a postcode, of which the area is kept
	// (DefaultPostcodePrefix): a full one narrows an address down to a
	// street, in Britain to a few houses.
	DefaultPostcodeFields = []string{"zip", "zipcode", "zip_code", "zipCode", "postal_code", "postalCode", "postcode",
		"post_code", "postCode", "postalcode", "plz", "cep", "codigo_postal", "código_postal", "code_postal",
		"codice_postale", "邮编", "邮政编码", "郵便番号", "우편번호", "почтовый_индекс", "индекс",
		"geo_postal_code", "ip_postal_code"}
	// DefaultNamedThings are the objects whose "name" names a thing, not a
	// person, as analytics SDKs (Segment's context.app.name, os.name,
	// library.name, campaign.name) and apps write them: their name is
	// scanned, not dropped with a person's. A device's is not among them:
	// "Li Wei's iPhone".
	DefaultNamedThings = []string{"app", "apps", "os", "library", "sdk", "browser", "platform", "screen", "screens",
		"page", "pages", "event", "events", "campaign", "campaigns", "product", "products", "plan", "category", "categories",
		"experiment", "experiments", "feature", "features", "variant", "model", "models", "style", "styles",
		"filter", "filters", "effect", "effects", "template", "templates", "preset", "presets", "font", "fonts",
		"carrier", "network", "country", "region", "city", "language", "timezone"}
	// DefaultBirthDateFields hold a birth date, of which the year is kept.
	DefaultBirthDateFields = []string{"birthday", "birth_date", "birthDate", "birthdate", "date_of_birth", "dateOfBirth", "dob",
		"birth_year", "birthYear", "year_of_birth", "yearOfBirth", "yob",
		// in the app's other languages
		"fecha_nacimiento", "fecha_de_nacimiento", "fechaNacimiento", "date_naissance", "date_de_naissance", "geburtsdatum",
		"data_nascimento", "data_de_nascimento", "dataNascimento", "生日", "出生日期", "生年月日", "생년월일", "дата_рождения"}
	// DefaultLocationFields hold precise locations: a coordinate, a pair of
	// them ("31.2304,121.4737", [121.4737, 31.2304]), a geohash or an object of them,
	// also as a photo's or a video's metadata names them (EXIF's GPS tags,
	// whose degrees, minutes and seconds are rounded as one coordinate).
	DefaultLocationFields = []string{"lat", "lon", "lng", "latitude", "longitude",
		"location", "coordinates", "latlng", "lat_lng", "latLng",
		"gps", "coords", "latlong", "lat_long", "latLong",
		"GPSLatitude", "GPSLongitude", "GPSPosition", "GPSCoordinates", "GPSDestLatitude", "GPSDestLongitude",
		"gps_latitude", "gps_longitude", "geohash", "geo_hash", "geoHash"} // not "geo": its object holds the country and city too
	// DefaultCredentialFields hold a password, an API key or a session's
	// token or cookie: a secret, never training data, and of no use joined.
	DefaultCredentialFields = []string{"password", "passwd", "pwd", "passcode", "secret", "client_secret", "clientSecret",
		"api_key", "apiKey", "apikey", "access_token", "accessToken", "refresh_token", "refreshToken",
		"id_token", "idToken", "auth_token", "authToken", "session_token", "sessionToken",
		"authorization", "Authorization", "cookie", "Cookie", "set_cookie", "Set-Cookie",
		// one-time codes, a card's security code and a security question's answer
		"otp", "otp_code", "otpCode", "totp", "mfa_code", "mfaCode", "sms_code", "smsCode", "verification_code", "verificationCode",
		"cvv", "cvc", "cvv2", "security_code", "securityCode", "security_answer", "securityAnswer", "passphrase"}
	// DefaultDocumentFields hold the number of an identity document, a
	// school's or an employer's ID card, a car's plate or a bank account:
	// tokenized as DOCUMENT, as the same number in a prompt is.
	DefaultDocumentFields = []string{"passport", "passport_number", "passportNumber", "passport_no", "passportNo",
		"driver_license", "driverLicense", "drivers_license", "driversLicense", "driving_licence", "drivingLicence",
		"national_id", "nationalId", "tax_id", "taxId", "student_id", "studentId", "employee_id", "employeeId",
		"license_plate", "licensePlate", "plate_number", "plateNumber",
		"bank_account", "bankAccount", "account_number", "accountNumber", "routing_number", "routingNumber", "sort_code", "sortCode"}
	// DefaultSerialFields hold a device's hardware serial number, as
	// persistent an identifier as its IMEI, also a camera's and a lens's in
	// a photo's metadata (EXIF).
	DefaultSerialFields = []string{"serial", "serial_number", "serialNumber", "serialno", "device_serial", "deviceSerial",
		"BodySerialNumber", "CameraSerialNumber", "LensSerialNumber", "InternalSerialNumber"}
	// DefaultPushTokenFields hold the token a push service (APNs, FCM)
	// addresses one app on one device by: as lasting an identifier.
	DefaultPushTokenFields = []string{"push_token", "pushToken", "device_token", "deviceToken",
		"fcm_token", "fcmToken", "apns_token", "apnsToken"}
	// DefaultClickIDFields hold the ID an ad platform gave a click on an
	// ad (Google's, Meta's, Microsoft's, TikTok's), as attribution SDKs
	// report an install's referrer: it links the record to that
	// platform's profile of the person.
	DefaultClickIDFields = []string{"gclid", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "ttclid", "fbc", "_fbc"}
	// DefaultInstallIDFields hold the ID an analytics, attribution or
	// engagement SDK gives an install, a device or a browser (Segment's
	// anonymousId, Mixpanel's $device_id, Firebase's user_pseudo_id,
	// AppsFlyer's, Amplitude's and OneSignal's IDs, Apple's vendor ID by
	// that name): as lasting an identifier as a user ID, and often the
	// only one a record carries before the user signs in.
	DefaultInstallIDFields = []string{"anonymousId", "anonymous_id", "$device_id", "user_pseudo_id", "userPseudoId",
		"appsflyer_id", "appsflyerId", "amplitude_id", "amplitudeId", "installation_id", "installationId",
		"install_id", "installId", "vendor_id", "vendorId", "player_id", "playerId", "onesignal_id", "onesignalId",
		"visitor_id", "visitorId", "fingerprint", "device_fingerprint", "deviceFingerprint", "fbp", "_fbp"}
	// DefaultDeviceIDFields hold a device's ID, or an ad platform's ID for
	// it, in whatever form an app writes it ("dev_8f3a9c" as well as a
	// UUID), also as the ID of a device's object (Segment's
	// context.device.id): a UUID, ANDROID_ID or UDID there gets the ADID
	// token it gets under any key, anything else a FIELD token.
	DefaultDeviceIDFields = []string{"device_id", "deviceId", "deviceid", "udid", "android_id", "androidId",
		"idfa", "idfv", "gaid", "oaid", "advertising_id", "advertisingId", "**.device.id", "**.devices.id"}
	// DefaultSessionFields hold a session's ID, as analytics SDKs and web
	// servers' session cookies name it: a secret while the session lives,
	// so never training data as written, but tokenized, not dropped, so
	// that a session's events still join.
	DefaultSessionFields = []string{"session_id", "sessionId", "sessionid", "sid", "jsessionid", "phpsessid"}
	// DefaultHashedIDFields hold an e-mail address, a phone number or a
	// name hashed as ad platforms' conversion APIs take them (Google's
	// enhanced conversions, Meta's user_data): a hash of a lower-cased
	// address is no de-identification, since anyone who has the address
	// computes it and joins on it.
	DefaultHashedIDFields = []string{"email_hash", "emailHash", "hashed_email", "hashedEmail", "hashed_email_address",
		"email_sha256", "emailSha256", "sha256_email", "sha256_email_address", "email_md5", "md5_email",
		"phone_hash", "phoneHash", "hashed_phone", "hashedPhone", "hashed_phone_number", "phone_sha256",
		"sha256_phone_number", "sha256_first_name", "sha256_last_name",
		"**.user_data.em", "**.user_data.ph", "**.user_data.fn", "**.user_data.ln", "**.user_data.db", "**.user_data.external_id"}
	// DefaultHandleFields hold the handle a person goes by, also in a
	// messenger (WeChat, QQ, Telegram, KakaoTalk, LINE), which links their
	// records here to their accounts elsewhere, their login name as a
	// path to their home directory holds it in a log line
	// (/home/liwei/app/main.py, /Users/liwei/Library/...), and the user an
	// access log names (nginx's remote_user, also in its Common and
	// Combined Log Format lines).
	DefaultHandleFields = []string{"username", "user_name", "userName", "screen_name", "screenName",
		"nickname", "nick_name", "nickName",
		"wechat", "wechat_id", "wechatId", "weixin", "qq", "qq_number", "telegram", "telegram_id", "kakao", "kakao_id", "line_id", "lineId",
		"/home", "/Users", "remote_user", "remoteUser"}
)

// applyPolicyDefaults fills the unset policy, language and custom detector
// settings.
func (c *Config) applyPolicyDefaults() {
	pc := &c.Policy.Consent
	setString(&pc.Topic, DefaultConsentTopic)
	setStrings(&pc.UserFields, DefaultUserFields)
	setStrings(&pc.EventFields, DefaultEventFields)
	setStrings(&pc.OptOutFields, DefaultOptOutFields)
	setStrings(&pc.MinorFields, DefaultMinorFields)
	setStrings(&pc.AgeFields, DefaultAgeFields)
	setStrings(&pc.BirthDateFields, DefaultBirthDateFields)
	setInt(&pc.MinAge, DefaultMinAge)
	if pc.StatedAge == nil {
		pc.StatedAge = new(true)
	}

	l := &c.Languages
	setStrings(&l.Kinds, DefaultLangKinds)
	setStrings(&l.Set, lang.DefaultLanguages)
	setInt(&l.MinLength, DefaultLangMinLength)
	setString(&l.Accuracy, DefaultLangAccuracy)
	setStrings(&l.TextFields, DefaultTextFields)
	setString(&l.Field, DefaultLangField)
	if l.Names == nil {
		l.Names = new(true)
	}
	if l.Addresses == nil {
		l.Addresses = new(true)
	}

	for i := range c.Detectors.Custom {
		d := &c.Detectors.Custom[i]
		setString(&d.Validator, custom.ValidatorNone)
		setInt(&d.ContextWindow, custom.DefaultContextWindow)
		setInt(&d.Timeout, custom.DefaultTimeout)
		setString(&d.Transform, DefaultAction)
	}
}

// turnedOn returns fields without Off: a list of fields is turned off as
// [none], since an empty one means the defaults.
func turnedOn(fields []string) []string {
	return slices.DeleteFunc(slices.Clone(fields), func(f string) bool { return f == Off })
}

func setStrings(p *[]string, v []string) {
	if len(*p) == 0 {
		*p = slices.Clone(v)
	}
}

// Validate checks the consent settings.
func (pc *Consent) Validate() error {
	var p problems
	if pc.Topic != Off {
		validateTopic("topic", pc.Topic, &p)
	}
	for i, f := range pc.UserFields {
		validatePath("user_fields"+index(i), f, &p)
	}
	for _, l := range []struct {
		name   string
		fields []string
	}{{"event_fields", pc.EventFields}, {"opt_out_fields", pc.OptOutFields}, {"minor_fields", pc.MinorFields}, {"age_fields", pc.AgeFields}, {"birth_date_fields", pc.BirthDateFields}} {
		for i, f := range l.fields {
			validatePath(l.name+index(i), f, &p)
		}
	}
	if pc.MinAge < 0 || pc.MinAge > 150 {
		p.add("min_age", "%d out of range [0, 150]", pc.MinAge)
	}
	return p.err()
}

// validatePath checks a field path (see transforms.FieldRule).
func validatePath(path, v string, p *problems) {
	for _, key := range strings.Split(v, ".") {
		if key == "" || strings.Contains(key, "*") && key != "*" && key != "**" {
			p.add(path, "invalid field path %q (want keys joined by dots, * for any key, ** for any keys)", v)
			return
		}
	}
}

var accuracies = []string{"low", "high"}

// Validate checks the language settings.
func (l *Languages) Validate() error {
	var p problems
	for i, k := range l.Kinds {
		if !slices.Contains(InputKinds, k) {
			p.add("kinds"+index(i), "unknown kind %q (want %s)", k, strings.Join(InputKinds, ", "))
		}
	}
	for i, code := range l.Set {
		if !lang.Known(code) {
			p.add("set"+index(i), "unknown language %q (want an ISO 639-1 code such as en, zh, pt)", code)
		}
	}
	if l.MinLength < 0 {
		p.add("min_length", "%d: must not be negative", l.MinLength)
	}
	if !slices.Contains(accuracies, l.Accuracy) {
		p.add("accuracy", "unknown accuracy %q (want low, high)", l.Accuracy)
	}
	for i, f := range l.TextFields {
		validatePath("text_fields"+index(i), f, &p)
	}
	if l.Field != Off && (l.Field == "" || strings.ContainsAny(l.Field, `"\`)) {
		p.add("field", "invalid member name %q", l.Field)
	}
	regions := phonenumbers.GetSupportedRegions()
	for _, code := range slices.Sorted(maps.Keys(l.Regions)) {
		for i, r := range l.Regions[code] {
			if !regions[strings.ToUpper(r)] {
				p.add("regions."+code+index(i), "unknown region %q (want an ISO 3166-1 alpha-2 code such as US or CN)", r)
			}
		}
	}
	return p.err()
}

var fieldActions = []string{"keep", "drop", "tokenize", "mask", "generalize", "scan"}

// Validate checks one field rule.
func (r *FieldRule) Validate() error {
	var p problems
	if !slices.Contains(fieldActions, r.Action) {
		p.add("", "unknown action %q (want %s, or {tokenize: {kind: user}}, {generalize: {decimals: 1}})", r.Action, strings.Join(fieldActions, ", "))
	}
	if t := r.Tokenize; t != nil && t.Kind != "" && t.Kind != "user" && t.Kind != "field" {
		p.add("tokenize.kind", "unknown kind %q (want user, field)", t.Kind)
	}
	if g := r.Generalize; g != nil {
		if g.Decimals != nil && (*g.Decimals < 0 || *g.Decimals > 15) {
			p.add("generalize.decimals", "%d out of range [0, 15]", *g.Decimals)
		}
		if g.Truncate != "" && g.Truncate != "day" && g.Truncate != "hour" && g.Truncate != "year" {
			p.add("generalize.truncate", "unknown truncation %q (want day, hour, year)", g.Truncate)
		}
		if g.Prefix != nil && (*g.Prefix < 1 || *g.Prefix > 16) {
			p.add("generalize.prefix", "%d out of range [1, 16]", *g.Prefix)
		}
	}
	return p.err()
}

// validateFields checks fields.<kind>.<path>.
func validateFields(fields map[string]map[string]FieldRule) error {
	var p problems
	for _, kind := range slices.Sorted(maps.Keys(fields)) {
		if !slices.Contains(InputKinds, kind) {
			p.add(kind, "unknown kind %q (want %s)", kind, strings.Join(InputKinds, ", "))
			continue
		}
		rules := fields[kind]
		for _, path := range slices.Sorted(maps.Keys(rules)) {
			r := rules[path]
			validatePath(kind+"."+path, path, &p)
			p.sub(kind+"."+path, r.Validate())
		}
	}
	return p.err()
}

// Validate checks a custom detector by compiling it; pattern errors name
// the byte where the pattern goes wrong.
func (d *CustomDetector) Validate() error {
	var p problems
	if _, err := d.compile(detectors.FirstCustom); err != nil {
		msg := strings.TrimPrefix(err.Error(), "custom: ")
		switch {
		case strings.HasPrefix(msg, "name"):
			p.add("name", "%s", strings.TrimPrefix(msg, "name "))
		case strings.HasPrefix(msg, "pattern"):
			p.add("pattern", "%s", strings.TrimPrefix(msg, "pattern "))
		case strings.HasPrefix(msg, "validator"):
			p.add("validator", "%s", strings.TrimPrefix(msg, "validator "))
		case strings.HasPrefix(msg, "context window"):
			p.add("context_window", "%s", strings.TrimPrefix(msg, "context window "))
		case strings.HasPrefix(msg, "timeout"):
			p.add("timeout", "%s", strings.TrimPrefix(msg, "timeout "))
		case strings.HasPrefix(msg, "empty context"):
			p.add("context", "%s", msg)
		default:
			p.add("", "%s", msg)
		}
	}
	parseAction("transform", d.Transform, &p)
	return p.err()
}

func (d *CustomDetector) compile(k detectors.Kind) (*custom.Detector, error) {
	return custom.New(k, custom.Options{
		Name: d.Name, Pattern: d.Pattern, Validator: d.Validator,
		Context: d.Context, ContextWindow: d.ContextWindow, Timeout: d.Timeout,
	})
}

// maxCustom is how many custom detectors fit in the kinds' numbering.
const maxCustom = detectors.MaxKinds - int(detectors.FirstCustom)

func validateCustom(ds []CustomDetector) error {
	var p problems
	if len(ds) > maxCustom {
		p.add("", "%d detectors, at most %d", len(ds), maxCustom)
	}
	names := map[string]int{}
	for i := range ds {
		p.sub(index(i), ds[i].Validate())
		if j, dup := names[ds[i].Name]; dup {
			p.add(index(i)+".name", "%q is already custom[%d].name", ds[i].Name, j)
		}
		names[ds[i].Name] = i
	}
	return p.err()
}

// customDetectors compiles the custom detectors, numbered from
// detectors.FirstCustom, and adds their actions to actions.
func (c *Config) customDetectors(actions map[detectors.Kind]transforms.Action) ([]*custom.Detector, error) {
	var ds []*custom.Detector
	for i := range c.Detectors.Custom {
		cd := &c.Detectors.Custom[i]
		d, err := cd.compile(detectors.FirstCustom + detectors.Kind(i))
		if err != nil {
			return nil, &FieldError{Path: "detectors.custom" + index(i), Err: err}
		}
		actions[d.Kind()], _ = transforms.ParseAction(cd.Transform)
		ds = append(ds, d)
	}
	return ds, nil
}

// Profile returns the transforms.ProfileOptions of the event kind: the
// default field rules (user fields tokenized, precise locations
// generalized, birth dates to the year, names and credentials dropped, device serial
// numbers, push tokens, ad click IDs, SDKs' install IDs, device IDs, session IDs, handles and documents' numbers tokenized), then those of fields.<kind>, the policy's
// fields and the free text of languages.text_fields, whose language, for
// the kinds of languages.kinds, detector d (built by LanguageDetector)
// detects.
func (c *Config) Profile(kind string, d transforms.LanguageDetector) transforms.ProfileOptions {
	pc := &c.Policy.Consent
	var rules []transforms.FieldRule
	for _, f := range pc.UserFields {
		rules = append(rules, transforms.FieldRule{Path: f, Action: transforms.FieldTokenize, Kind: detectors.User})
	}
	for _, f := range DefaultLocationFields {
		rules = append(rules, transforms.FieldRule{Path: f, Action: transforms.FieldGeneralize, Decimals: DefaultLocationDigits})
	}
	for _, f := range DefaultPostcodeFields {
		rules = append(rules, transforms.FieldRule{Path: f, Action: transforms.FieldGeneralize, Prefix: DefaultPostcodePrefix})
	}
	for _, f := range DefaultBirthDateFields {
		rules = append(rules, transforms.FieldRule{Path: f, Action: transforms.FieldGeneralize, Truncate: transforms.TruncateYear})
	}
	for _, f := range slices.Concat(DefaultDropFields, DefaultCredentialFields) {
		rules = append(rules, transforms.FieldRule{Path: f, Action: transforms.FieldDrop})
	}
	for _, thing := range DefaultNamedThings {
		rules = append(rules, transforms.FieldRule{Path: "**." + thing + ".name", Action: transforms.FieldScan})
	}
	for _, f := range slices.Concat(DefaultSerialFields, DefaultPushTokenFields, DefaultClickIDFields, DefaultInstallIDFields, DefaultSessionFields, DefaultHashedIDFields, DefaultHandleFields) {
		rules = append(rules, transforms.FieldRule{Path: f, Action: transforms.FieldTokenize})
	}
	for _, f := range DefaultDeviceIDFields {
		rules = append(rules, transforms.FieldRule{Path: f, Action: transforms.FieldTokenize, Kind: detectors.ADID})
	}
	for _, f := range DefaultDocumentFields {
		rules = append(rules, transforms.FieldRule{Path: f, Action: transforms.FieldTokenize, Kind: detectors.Document})
	}
	mine := c.Fields[kind]
	for _, path := range slices.Sorted(maps.Keys(mine)) {
		rules = append(rules, mine[path].compile(path))
	}
	o := transforms.ProfileOptions{Fields: rules, Policy: transforms.PolicyFields{
		User: turnedOn(pc.UserFields), Consent: turnedOn(pc.EventFields), OptOut: turnedOn(pc.OptOutFields), Minor: turnedOn(pc.MinorFields),
		Age: turnedOn(pc.AgeFields), MinAge: pc.MinAge, BirthDate: turnedOn(pc.BirthDateFields),
		StatedAge: pc.StatedAge == nil || *pc.StatedAge,
	}}
	l := &c.Languages
	lo := &transforms.LanguageOptions{TextFields: l.TextFields, Names: l.Names == nil || *l.Names, Addresses: l.Addresses == nil || *l.Addresses}
	if d != nil && slices.Contains(l.Kinds, kind) {
		regions := maps.Clone(lang.DefaultRegions)
		for code, rs := range l.Regions {
			regions[code] = rs
		}
		lo.Detector, lo.MinLength, lo.Regions = d, l.MinLength, regions
		if l.Field != Off {
			lo.Field = l.Field
		}
	}
	o.Language = lo // the other kinds' text fields are free text too: a caption in a usage event
	return o
}

func (r FieldRule) compile(path string) transforms.FieldRule {
	out := transforms.FieldRule{Path: path, Decimals: DefaultLocationDigits}
	switch r.Action {
	case "keep":
		out.Action = transforms.FieldKeep
	case "drop":
		out.Action = transforms.FieldDrop
	case "tokenize":
		out.Action = transforms.FieldTokenize
		if r.Tokenize != nil && r.Tokenize.Kind == "user" {
			out.Kind = detectors.User
		}
	case "mask":
		out.Action = transforms.FieldMask
	case "scan":
		out.Action = transforms.FieldScan
	case "generalize":
		out.Action = transforms.FieldGeneralize
		if g := r.Generalize; g != nil {
			if g.Decimals != nil {
				out.Decimals = *g.Decimals
			}
			if g.Prefix != nil {
				out.Prefix = *g.Prefix
			}
			switch g.Truncate {
			case "hour":
				out.Truncate = transforms.TruncateHour
			case "year":
				out.Truncate = transforms.TruncateYear
			}
		}
	}
	return out
}

// LanguageDetector builds the language detector of the languages section,
// or returns nil if none of kinds detects languages: lingua is then not
// touched at all.
func (c *Config) LanguageDetector(kinds []string) (transforms.LanguageDetector, error) {
	l := &c.Languages
	if !slices.ContainsFunc(kinds, func(k string) bool { return slices.Contains(l.Kinds, k) }) {
		return nil, nil
	}
	d, err := lang.New(l.Set, lang.Options{LowAccuracy: l.Accuracy == "low"})
	if err != nil {
		return nil, &FieldError{Path: "languages.set", Err: err}
	}
	return d, nil
}
