package gen_test

import (
	"fmt"

	"github.com/pixelprivacy/veil/benchmarks/gen"
)

func ExampleGenerator_Next() {
	g := gen.New(gen.Options{Seed: 5, Mix: [3]int{0, 0, 1}, Langs: []string{"de"}})
	ev := g.Next()
	fmt.Println(ev.Kind, ev.Lang)
	fmt.Printf("%s\n", ev.Line)
	for _, p := range ev.PII {
		fmt.Println("PII", p.Kind, p.Value, p.Off)
	}
	for _, p := range ev.Decoys {
		fmt.Println("decoy", p.Kind, p.Value)
	}
	// Output:
	// prompt de
	// {"prompt_id":"78140b97-371a-4884-beb8-ebe6315127b0","user":{"uid":"u_ed8ksegytzsc"},"text":"Seit iOS 17.4.1 stürzt die App beim Export ab. Bitte melden unter lea_fischer@t-online.de oder +49 174 42622603.","ts":"2026-06-02T08:00:00.036Z"}
	// PII EMAIL lea_fischer@t-online.de 159
	// PII PHONE +49 174 42622603 188
	// decoy ADID 78140b97-371a-4884-beb8-ebe6315127b0
	// decoy IPV4 17.4.1
	// decoy PHONE 2026-06-02T08:00:00.036Z
}

func ExampleGenerator_AppendNext() {
	g := gen.New(gen.Options{Seed: 1})
	buf := make([]byte, 0, 1024)
	kinds := map[string]int{}
	for range 1000 {
		ev := g.AppendNext(buf[:0]) // reuses buf's storage: no allocation
		buf = ev.Line
		kinds[ev.Kind]++
	}
	fmt.Println(kinds[gen.Usage], kinds[gen.Log], kinds[gen.Prompt])
	// Output: 498 297 205
}
