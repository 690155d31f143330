package extract

import "testing"

// TestUnnamedFactor: a source that names no entity keeps most of its
// confidence when it still identifies the speaker, and little when it
// identifies no one.
func TestUnnamedFactor(t *testing.T) {
	tests := []struct {
		source string
		want   float64
	}{
		{"the company", 0.75},
		{"a party spokesman", 0.75},
		{"Critics", 0.75},
		{"", 0.3},
		{"He", 0.3},
		{"which", 0.3},
		{"One", 0.3},
		{"Others", 0.3},
		{"some", 0.3},
		{"One analyst", 0.75},
		{"I'd", 0.3},
		{"Whilst I", 0.3},
		{"and we", 0.3},
		{"not everyone in the town", 0.3},
		{"No one at the club", 0.3},
		{"Not all analysts", 0.3},
		{"Norland officials", 0.75},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			if got := unnamedFactor(tt.source); got != tt.want {
				t.Errorf("unnamedFactor(%q) = %v, want %v", tt.source, got, tt.want)
			}
		})
	}
}
