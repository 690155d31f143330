package extract

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEventNames checks that a name ending in an event's head makes no
// entity, while the names around it, and a one-word head, still do.
func TestEventNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // entities, "KIND:Name", sorted
	}{
		{"a festival", "Thousands came to the Harrowgate Lantern Festival on Saturday, Ellen Dorsey said.",
			[]string{"PERSON:Ellen Dorsey"}},
		{"a fair named after a firm", "Ana Ruiz won a prize at the Quillmark Science Fair in Denver.",
			[]string{"PERSON:Ana Ruiz", "PLACE:Denver"}},
		{"an expo", "The Vancouver Comic Expo drew 50,000 fans.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, byID := extractText(t, tt.text)
			var got []string
			for _, v := range byID {
				got = append(got, v)
			}
			slices.Sort(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}
