package phonetab_test

import (
	"fmt"

	"github.com/pixelprivacy/veil/detectors/phonetab"
)

func Example() {
	tab, err := phonetab.New([]string{"CN", "US", "DE"})
	if err != nil {
		panic(err)
	}
	all := uint64(1)<<len(tab.Regions()) - 1

	// "030 12345678", digits only, is a Berlin number: the trunk prefix "0" is not part of it.
	digits := []byte("03012345678")
	region, cc, nsn, ok := tab.National(digits, all)
	fmt.Println(tab.Regions()[region], cc, string(digits[nsn:]), ok)

	// A number after "+" or "00".
	cc, ok = tab.International([]byte("8613800138000"))
	fmt.Println(cc, ok)

	// Canonical forms, for tokens.
	e164, _ := tab.AppendE164(nil, digits, region)
	fmt.Println(string(e164))
	e164, _ = tab.AppendE164(nil, []byte("4402079460958"), -1)
	fmt.Println(string(e164))
	// Output:
	// DE 49 3012345678 true
	// 86 true
	// +493012345678
	// +442079460958
}
