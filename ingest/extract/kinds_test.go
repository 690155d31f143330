package extract

import (
	"slices"
	"testing"
)

// TestEntityKinds checks how names are typed beyond what the tagger says:
// sites named as such are places, and a surname repeated after a full name
// is that person even where it is also a place, and a title inside what
// the tagger read as one name splits it.
func TestEntityKinds(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  string
	}{
		{"space centre is a site", "Engineers from the agency toured the Halvorsen Space Center in May.", "PLACE:Halvorsen Space Center", "ORGANIZATION:Halvorsen Space Center"},
		{"stadium is a site", "Fans filled the Brennick Stadium two hours before the match.", "PLACE:Brennick Stadium", "ORGANIZATION:Brennick Stadium"},
		{"museum of is a site", "The shuttle will be shown at the Museum of Coastal Flight next year.", "PLACE:Museum of Coastal Flight", "ORGANIZATION:Museum of Coastal Flight"},
		{"title inside a tagger name", "The boy received support ranging from US President Daniel Okoro to local teachers.", "PERSON:Daniel Okoro", "ORGANIZATION:US President Daniel Okoro"},
		{"administrator inside a tagger name", "NASA Administrator Carla Brenning announced the sites on Tuesday.", "PERSON:Carla Brenning", "ORGANIZATION:NASA Administrator Carla Brenning"},
		{"name a title begins stays whole", "Shares of General Electric Co rose on Monday.", "ORGANIZATION:General Electric", "PERSON:Electric Co"},
		{"surname that is a country", "Rhea Jordan opened her bakery in 2019. Jordan said prices had doubled since then.", "PERSON:Rhea Jordan", "PLACE:Jordan"},
		{"country stays a place without the person", "Exports from Jordan rose sharply, officials in Amman said.", "PLACE:Jordan", "PERSON:Jordan"},
		{"place before the person stays", "Flights to Jordan resumed. Later, Rhea Jordan said she had waited a week.", "PLACE:Jordan", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, byID := extractText(t, tt.text)
			var names []string
			for _, n := range byID {
				names = append(names, n)
			}
			if !slices.Contains(names, tt.want) {
				t.Errorf("entities %q lack %q", names, tt.want)
			}
			if tt.not != "" && slices.Contains(names, tt.not) {
				t.Errorf("entities %q hold %q", names, tt.not)
			}
		})
	}
}
