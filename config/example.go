package config

import _ "embed"

//go:embed veil.example.yaml
var example string

// Example returns veil.example.yaml: every setting with its default value
// and what it does. Parse(Example()) gives Default().
func Example() string { return example }
