package extract

import (
	"slices"
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

// TestOfficesAreNoBodies: the derived gazetteer lists no office as a
// body, so an office title before its holder's name stays a title.
func TestOfficesAreNoBodies(t *testing.T) {
	tests := []kindCase{
		{"a chancellor", "German Chancellor Helmut Harrow met the envoy on Monday.", "PERSON:Helmut Harrow", "ORGANIZATION:Reichstag"},
		{"a president", "American President Bill Harrow spoke in Ohio on Friday.", "PERSON:Bill Harrow", "ORGANIZATION:President of the United States"},
		{"a secretary of state", "Deputy Secretary of State Strobe Harrow flew to Kiev on Monday.", "PERSON:Strobe Harrow", "ORGANIZATION:The Us Secretary of State"},
	}
	runKindCases(t, tests)
}

// TestGazetteerFormsEndCapitalised: a gazetteer form whose last word is
// capitalised matches only where the text capitalises it too, so a
// common noun after a name stays out of the mention.
func TestGazetteerFormsEndCapitalised(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a body's official", "A State Department official said the talks would resume.", "State Department"},
		{"a firm's product", "Traders sold Noranda aluminum on Monday, the exchange said.", "Noranda"},
		{"the firm", "Noranda Aluminum said on Monday that profits rose.", "Noranda Aluminum"},
		{"a form ending in a common noun", "The Barriga gang robbed two shops in the port last week.", "Barriga gang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, _ := extractText(t, tt.text)
			var got []string
			for _, m := range ex.Mentions {
				got = append(got, tt.text[m.Citation.Start:m.Citation.End])
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("mentions %q lack %q", got, tt.want)
			}
		})
	}
}
