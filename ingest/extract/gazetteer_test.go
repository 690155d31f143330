package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestGazetteerPlaceTypes checks the place-type column of both lists and
// that a bad type is refused.
func TestGazetteerPlaceTypes(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, place, want string
	}{
		{"a curated country", "France", placeCountry},
		{"a curated city", "London", placeSubnational},
		{"a curated region", "Europe", placeRegion},
		{"a derived country", "Norway", placeCountry},
		{"a derived city", "Lyon", placeSubnational},
		{"a curated territory left untyped", "Gaza", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := g.entry(graph.Place, tt.place)
			if e == nil {
				t.Fatalf("no place %q", tt.place)
			}
			if e.PlaceType != tt.want {
				t.Errorf("%s: place type %q, want %q", tt.place, e.PlaceType, tt.want)
			}
		})
	}
	bad := &gazetteer{forms: map[string]gazAlias{}, maxLen: map[string]int{}, byName: map[string]*gazEntry{}}
	for _, line := range []string{"PLACE\tKestrel\t\t\t\tcapital", "GROUP\tKestrel\t\t\t\tcountry"} {
		if err := bad.parse(line, false); err == nil || !strings.Contains(err.Error(), "place type") {
			t.Errorf("parse(%q) error = %v, want a bad place type", line, err)
		}
	}
}
