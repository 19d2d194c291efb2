package transforms_test

import (
	"fmt"
	"log"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// newEngine builds an engine with the example key, whose secret is in
// testdata: a real deployment keeps its key file out of the repository.
func newEngine(o transforms.Options) *transforms.Engine {
	set, err := detectors.New(detectors.Options{})
	if err != nil {
		log.Fatal(err)
	}
	ring, err := transforms.LoadKeyFile("testdata/example.key")
	if err != nil {
		log.Fatal(err)
	}
	e, err := transforms.NewEngine(set, ring, o)
	if err != nil {
		log.Fatal(err)
	}
	return e
}

func ExampleWorker_Redact() {
	w := newEngine(transforms.Options{}).NewWorker()
	var out []byte
	for _, rec := range []string{
		`{"event":"login","user":{"email":"Li.Lei@163.com","phone":13800138000},"ok":true}`,
		"2024-06-01T10:00:00Z INFO login user=li.lei@163.com\n",
		`{"event":"login",`,
	} {
		var err error
		out, err = w.Redact(out[:0], []byte(rec), transforms.FormatAuto)
		if err != nil {
			fmt.Println("rejected:", err)
			continue
		}
		fmt.Printf("%s\n", out)
	}
	fmt.Println("e-mail findings:", w.Findings()[detectors.Email])
	// Output:
	// {"event":"login","user":{"email":"<EMAIL:k1:mvknvggjywjhqngrrhmppvqk>","phone":"<PHONE:k1:qknxvnpxpjsthjtkvvzsksxp>"},"ok":true}
	// 2024-06-01T10:00:00Z INFO login user=<EMAIL:k1:mvknvggjywjhqngrrhmppvqk>
	// rejected: transforms: malformed_json at byte 17
	// e-mail findings: 2
}

func ExampleAction() {
	w := newEngine(transforms.Options{Actions: map[detectors.Kind]transforms.Action{
		detectors.Phone: transforms.Mask,
		detectors.IPv4:  transforms.Generalize,
		detectors.MAC:   transforms.Generalize,
		detectors.Email: transforms.Label,
		detectors.IMEI:  transforms.Drop,
	}}).NewWorker()
	rec := `{"phone":"13800138000","ip":"203.0.113.45","mac":"AA:BB:CC:DD:EE:FF","email":"li.lei@163.com","imei":"490154203237518","n":1}`
	out, err := w.Redact(nil, []byte(rec), transforms.FormatJSON)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n", out)
	// Output:
	// {"phone":"138****8000","ip":"203.0.113.0/24","mac":"aa:bb:cc","email":"[EMAIL]","n":1}
}

func ExampleWorker_AppendToken() {
	w := newEngine(transforms.Options{Template: "{kind}_{mac}"}).NewWorker()
	fmt.Printf("%s\n", w.AppendToken(nil, detectors.Email, []byte("LI.LEI@163.COM")))
	// Output:
	// EMAIL_mvknvggjywjhqngrrhmppvqk
}

func ExampleKey() {
	k, err := transforms.GenerateKey("k2")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(k)
	fmt.Printf("%x\n", k)
	// Output:
	// Key(k2, [REDACTED])
	// Key(k2, [REDACTED])
}

func ExampleTokenRegexp() {
	re, _ := transforms.TokenRegexp("")
	m := re.FindStringSubmatch("mail <EMAIL:k1:ghjkmnpqrstvwxyzghjkmnpq> sent")
	fmt.Println(m[re.SubexpIndex("kind")], m[re.SubexpIndex("key")])
	// Output: EMAIL k1
}
