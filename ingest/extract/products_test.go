package extract

import (
	"maps"
	"slices"
	"testing"
)

// TestProductNames checks that a name written with two versions in a
// product's context makes no entity, with or without a version, while
// its maker does, and that a results table's numbers make no product.
func TestProductNames(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string // entities, "KIND:Name", found and not found
	}{
		{"a browser in two versions",
			"Quillsoft said on Monday that users of its Velora Navigator 4 browser should move to Velora Navigator 7. " +
				"Velora Navigator lost ground to rivals last year, Quillsoft said.",
			[]string{"ORGANIZATION:Quillsoft"}, []string{"ORGANIZATION:Velora Navigator", "PERSON:Velora Navigator"}},
		{"an acronym fused with its versions",
			"Quillsoft told users of VN4 to update to VN7, its newest browser. VN lost users to rivals, Quillsoft said.",
			[]string{"ORGANIZATION:Quillsoft"}, []string{"ORGANIZATION:VN", "PERSON:VN", "PLACE:VN"}},
		{"one version is no product line",
			"Quillsoft said on Monday that its Velora Navigator 4 browser sold well. Velora Navigator lost ground to rivals last year.",
			[]string{"ORGANIZATION:Velora Navigator"}, nil},
		{"a results table holds no versions",
			"Harrowgate Rovers 2 Dorval Athletic 1. Dorval Athletic 3 Harrowgate Rovers 0. " +
				"Harrowgate Rovers lost ground to rivals last year.",
			[]string{"ORGANIZATION:Dorval Athletic", "ORGANIZATION:Harrowgate Rovers"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, byID := extractText(t, tt.text)
			names := slices.Collect(maps.Values(byID))
			for _, w := range tt.want {
				if !slices.Contains(names, w) {
					t.Errorf("no %s in %v", w, names)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(names, n) {
					t.Errorf("%s in %v", n, names)
				}
			}
		})
	}
}
