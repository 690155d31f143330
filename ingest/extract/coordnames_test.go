package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestTwoNamesJoined(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"a venue and a person", "Harbour Theatre and Jane Doe", true},
		{"two stations of one owner", "Kestrel Radio Jazz and Kestrel Radio Folk", true},
		{"a ministry's two fields", "Department of Trade and Industry", false},
		{"a museum and its gallery", "Harbour Museum and Art Gallery", false},
		{"two fields before the head", "Public and Commercial Services Union", false},
		{"a bank and its trust", "Kestrel Bank and Trust", false},
		{"a venue and a body", "Harbour Theatre and Dance Company", false},
		{"no and", "Harbour Theatre", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := twoNamesJoined(tt.in); got != tt.want {
				t.Errorf("twoNamesJoined(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestFinishEntityJoinedName checks that an entity is named by its longest
// form unless that form is two names joined.
func TestFinishEntityJoinedName(t *testing.T) {
	tests := []struct {
		name  string
		forms []string
		want  string
	}{
		{"a venue tied to a run-on form", []string{"Harbour Theatre", "Harbour Theatre and Jane Doe"}, "Harbour Theatre"},
		{"only the run-on form", []string{"Harbour Theatre and Jane Doe"}, "Harbour Theatre and Jane Doe"},
		{"the longest whole form", []string{"Harbour Museum", "Harbour Museum and Art Gallery"}, "Harbour Museum and Art Gallery"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &entity{forms: tt.forms, kindVot: map[graph.EntityKind]float64{graph.Organization: 1}}
			(&doc{}).finishEntity(e)
			if e.Name != tt.want {
				t.Errorf("name = %q, want %q", e.Name, tt.want)
			}
		})
	}
}

// TestTrailingMarksTrimmed checks that a name never ends in a plural
// possessive's apostrophe or a comma.
func TestTrailingMarksTrimmed(t *testing.T) {
	ex, _ := extractText(t, "Meanwhile, the Kestrel Democrats' President Tom Hale said no.")
	for _, e := range ex.Entities {
		if e.Name == "Kestrel Democrats'" {
			t.Errorf("entity %s:%q keeps the possessive mark", e.Kind, e.Name)
		}
	}
}
