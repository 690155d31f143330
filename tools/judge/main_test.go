package main

import (
	"math"
	"testing"
)

func TestWilson(t *testing.T) {
	tests := []struct {
		name   string
		k, n   int
		lo, hi float64
	}{
		// Reference values of the Wilson score interval at z = 1.96.
		{"90 of 100", 90, 100, 0.8256, 0.9448},
		{"50 of 100", 50, 100, 0.4038, 0.5962},
		{"all of 10", 10, 10, 0.7225, 1.0},
		{"none", 0, 20, 0.0, 0.1611},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := wilson(tt.k, tt.n, 1.96)
			if math.Abs(lo-tt.lo) > 5e-4 || math.Abs(hi-tt.hi) > 5e-4 {
				t.Errorf("wilson(%d, %d) = [%.4f, %.4f], want [%.4f, %.4f]", tt.k, tt.n, lo, hi, tt.lo, tt.hi)
			}
		})
	}
}

func TestDrawReproducible(t *testing.T) {
	mk := func() []item {
		var items []item
		for _, k := range []string{"c", "a", "e", "b", "d", "f", "g"} {
			items = append(items, item{key: k})
		}
		return items
	}
	a, b := draw(mk(), 12, 3), draw(mk(), 12, 3)
	for i := range a {
		if a[i].key != b[i].key {
			t.Fatalf("draws differ: %v vs %v", a, b)
		}
	}
	if c := draw(mk(), 13, 7); len(c) != 7 {
		t.Errorf("draw of all 7 gave %d", len(c))
	}
}
