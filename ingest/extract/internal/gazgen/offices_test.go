package main

import "testing"

// TestOffices checks which dictionary names are offices or carry an
// office title, and that names of bodies and firms with an office's
// word in them are neither.
func TestOffices(t *testing.T) {
	tests := []struct {
		name          string
		office, title bool
	}{
		{"President of the United States", true, false},
		{"American Vice-President", true, false},
		{"Us Ambassador to the United Nations", true, false},
		{"U.S. Commander in Chief", true, false},
		{"Foreign Minister Abdullah", false, true},
		{"White House Press Secretary Jay Carney", false, true},
		{"Governor and Company of the Bank of Ireland", false, false},
		{"Premier Exhibitions Inc", false, false},
		{"Woodward Governor Co", false, false},
		{"Executive Office of the President of the United States", false, false},
		{"Communist Party of China", false, false},
		{"State Department Official", true, false},
		{"White House Spokesman", true, false},
	}
	for _, tt := range tests {
		if got := officeName(tt.name); got != tt.office {
			t.Errorf("officeName(%q) = %v, want %v", tt.name, got, tt.office)
		}
		if got := titled(tt.name); got != tt.title {
			t.Errorf("titled(%q) = %v, want %v", tt.name, got, tt.title)
		}
	}
}
