package extract

import "testing"

// TestRelativeAntecedent checks that a restrictive "who" with no name
// before it gives the claim the noun phrase it refers to as its source.
func TestRelativeAntecedent(t *testing.T) {
	tests := []struct {
		name, text, source string
	}{
		{"plural noun", "Prices fell again in May. Some farmers who say the fees are too high have sold their land.", "Some farmers"},
		{"noun with its article", "The vote was close. The neighbours who claim the bridge is unsafe have written to the mayor.", "The neighbours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, _ := extractText(t, "Report\n\n"+tt.text)
			var got []string
			for _, c := range ex.Claims {
				if c.Source.Text == tt.source {
					return
				}
				got = append(got, c.Source.Text+" | "+c.Cue.Text+" | "+c.Text)
			}
			t.Errorf("claims %q, want one with source %q", got, tt.source)
		})
	}
}
