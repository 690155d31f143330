//go:build !unix

package ner

// cpuSeconds is unavailable here; benchmarks then report wall time only.
func cpuSeconds() float64 { return 0 }
