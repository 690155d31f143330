package extract

import (
	"slices"
	"testing"
)

// TestNumberedStations checks that a station named by a network and a
// number is one outlet, not the network and a stray word.
func TestNumberedStations(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // entities that must be found
		not        []string // entities that must not
	}{
		{"a network's station", "The minister told Kestrel Radio 4's morning programme that taxes would fall.",
			[]string{"OUTLET:Kestrel Radio 4"}, []string{"OUTLET:Kestrel Radio"}},
		{"a station and its tail", "Speaking on Kestrel Radio 5 Live, Anne Berg said the plan would fail.",
			[]string{"OUTLET:Kestrel Radio 5 Live", "PERSON:Anne Berg"}, []string{"ORGANIZATION:Live"}},
		{"a station without its network", "Tom Hale told Radio 4 that he would stay.",
			[]string{"OUTLET:Radio 4"}, []string{"ORGANIZATION:Radio"}},
		{"a number that is not the station's", "Kestrel Radio reached 4 million listeners in May.",
			nil, []string{"OUTLET:Kestrel Radio 4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, names := extractText(t, tt.text)
			var got []string
			for _, n := range names {
				got = append(got, n)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("entities %q lack %q", got, w)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("entities %q hold %q", got, n)
				}
			}
		})
	}
}
