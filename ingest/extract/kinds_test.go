package extract

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/ingest/ner"
)

// TestEntityKinds checks how names are typed beyond what the tagger says:
// sites named as such are places, and a surname repeated after a full name
// is that person even where it is also a place, and a title inside what
// the tagger read as one name splits it, as does a body's head noun before
// a personal name.
func TestEntityKinds(t *testing.T) {
	tests := []kindCase{
		{"space centre is a site", "Engineers from the agency toured the Halvorsen Space Center in May.", "PLACE:Halvorsen Space Center", "ORGANIZATION:Halvorsen Space Center"},
		{"stadium is a site", "Fans filled the Brennick Stadium two hours before the match.", "PLACE:Brennick Stadium", "ORGANIZATION:Brennick Stadium"},
		{"a research centre is an institute", "A report by the Harwell Policy Research Centre said costs would rise.", "ORGANIZATION:Harwell Policy Research Centre", "PLACE:Harwell Policy Research Centre"},
		{"a university of islands is a university", "Students at the University of the Western Islands protested on Monday.", "ORGANIZATION:University of the Western Islands", "PLACE:University of the Western Islands"},
		{"museum of is a site", "The shuttle will be shown at the Museum of Coastal Flight next year.", "PLACE:Museum of Coastal Flight", "ORGANIZATION:Museum of Coastal Flight"},
		{"title inside a tagger name", "The boy received support ranging from US President Daniel Okoro to local teachers.", "PERSON:Daniel Okoro", "ORGANIZATION:US President Daniel Okoro"},
		{"administrator inside a tagger name", "NASA Administrator Carla Brenning announced the sites on Tuesday.", "PERSON:Carla Brenning", "ORGANIZATION:NASA Administrator Carla Brenning"},
		{"a body's name before its officer's", "After the vote, chair of the Harrowgate Tenants Council Marta Kowalczyk told reporters the rent rise was unfair.", "PERSON:Marta Kowalczyk", "ORGANIZATION:Harrowgate Tenants Council Marta Kowalczyk"},
		{"a body's name with common words after its head stays whole", "Staff at the Kestrel University Medical Campus were told on Monday.", "", "PERSON:Medical Campus"},
		{"two coordinated bodies", "A team from the Kestrel Institute of Technology and Dorval State University of the US has studied the effects.", "ORGANIZATION:Kestrel Institute of Technology", "ORGANIZATION:Kestrel Institute of Technology and Dorval State University of the US"},
		{"a follower's noun before a name", "The campaign posted a video of Methodist Harriet Okonjo praising the plan.", "PERSON:Harriet Okonjo", "ORGANIZATION:Methodist Harriet Okonjo"},
		{"a clipped organisation heads a body", "Members of the Lake Org sign a contract for life, Tom Berg said.", "ORGANIZATION:Lake Org", "PLACE:Lake Org"},
		{"an American programme", "Since 2009 the Lena Moravec Photographic Archive Program has lent prints to small museums.", "PROGRAM:Lena Moravec Photographic Archive Program", "PERSON:Lena Moravec Photographic Archive Program"},
		{"name a title begins stays whole", "Shares of General Electric Co rose on Monday.", "ORGANIZATION:General Electric", "PERSON:Electric Co"},
		{"a body with a head of a field", "Ola Berg, head of currency strategy at Tarnwick, said rates would rise.", "ORGANIZATION:Tarnwick", "PLACE:Tarnwick"},
		{"a body a person runs", "Ola Berg, who runs Tarnwick, said rates would rise.", "ORGANIZATION:Tarnwick", "PLACE:Tarnwick"},
		{"a body whose manager a person is", "Harlow manager Jose Ferreira praised the team.", "ORGANIZATION:Harlow", "PERSON:Harlow"},
		{"a legal suffix belongs to the name", "Shares in Harlowe plc fell on Monday.", "ORGANIZATION:Harlowe plc", "PLACE:Harlowe"},
		{"a club's suffix is no club", "Leeds United FC and Sunderland AFC drew on Saturday.", "ORGANIZATION:Leeds United FC", "ORGANIZATION:FC"},
		{"a country's team in a score line stays the country", "Results on Saturday: Norway 3 Finland 1.", "PLACE:Finland", "ORGANIZATION:Finland"},
		{"surname that is a country", "Rhea Jordan opened her bakery in 2019. Jordan said prices had doubled since then.", "PERSON:Rhea Jordan", "PLACE:Jordan"},
		{"country stays a place without the person", "Exports from Jordan rose sharply, officials in Amman said.", "PLACE:Jordan", "PERSON:Jordan"},
		{"a name written in is an outlet", "Last week the novelist wrote in Marrowfield Quarterly that the prize had lost its way.", "OUTLET:Marrowfield Quarterly", "ORGANIZATION:Marrowfield Quarterly"},
		{"an article in the name", "An article in the Dunmore Courier described the plan as reckless.", "OUTLET:Dunmore Courier", "ORGANIZATION:Dunmore Courier"},
		{"a name that aired a film is an outlet", "Last month Velgrave Holdings aired the documentary twice in one week.", "OUTLET:Velgrave Holdings", "ORGANIZATION:Velgrave Holdings"},
		{"a firm that published results stays a firm", "Halbrook Industries published its results on Tuesday.", "ORGANIZATION:Halbrook Industries", "OUTLET:Halbrook Industries"},
		{"a plural trade heads a firm", "\"Demand is weak,\" said Ann Lee at Harrowgate Stockbrokers in Leeds.", "ORGANIZATION:Harrowgate Stockbrokers", "PLACE:Harrowgate Stockbrokers"},
		{"place before the person stays", "Flights to Jordan resumed. Later, Rhea Jordan said she had waited a week.", "PLACE:Jordan", ""},
	}
	runKindCases(t, tests)
}

// kindCase is an article and the entity (KIND:name) it must hold, and
// one it must not; either may be empty.
type kindCase struct {
	name, text string
	want, not  string
}

// runKindCases extracts each case's text and checks its entities.
func runKindCases(t *testing.T, tests []kindCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, byID := extractText(t, tt.text)
			names := slices.Collect(maps.Values(byID))
			if tt.want != "" && !slices.Contains(names, tt.want) {
				t.Errorf("entities %q lack %q", names, tt.want)
			}
			if tt.not != "" && slices.Contains(names, tt.not) {
				t.Errorf("entities %q hold %q", names, tt.not)
			}
		})
	}
}

// TestContractionAt checks where the tagger's tokens split a contraction,
// as CoNLL's do.
func TestContractionAt(t *testing.T) {
	tests := []struct {
		w    string
		want int
	}{
		{"isn't", 2}, {"I'm", 1}, {"they’ll", 4}, {"can't", 2}, {"we've", 2}, {"she'd", 3},
		{"O'Neill", 0}, {"Smith", 0}, {"'m", 0}, {"rock'n'roll", 0},
	}
	for _, tt := range tests {
		if got := contractionAt(tt.w); got != tt.want {
			t.Errorf("contractionAt(%q) = %d, want %d", tt.w, got, tt.want)
		}
	}
}

// TestTaggerSpansOverContractions checks that a name before a contraction
// ends before it: the tagger reads "is n't", not an unknown word "isn't".
func TestTaggerSpansOverContractions(t *testing.T) {
	src, err := defaultTagger.get()
	if err != nil {
		t.Fatal(err)
	}
	tokens := []string{"Critics", "say", "the", "Home", "Office", "isn't", "listening", "."}
	const isnt = 5
	for _, sp := range src.spans(tokens, nil) {
		if sp.End > isnt && sp.Start <= isnt {
			t.Errorf("span %+v covers %q", sp, tokens[isnt])
		}
	}
}

// TestAndSpans checks where a tagger organisation is split at "and": only
// where both sides have a body's head noun.
func TestAndSpans(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"two bodies", "Kestrel Institute of Technology and Dorval State University", []string{"Kestrel Institute of Technology", "Dorval State University"}},
		{"no head after and", "Harrowgate School of Law and Economics", []string{"Harrowgate School of Law and Economics"}},
		{"no head before and", "Procter and Gamble Company", []string{"Procter and Gamble Company"}},
		{"a person's name is not split", "Ann and Berg University", []string{"Ann and Berg University"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.text)
			var got []string
			for _, sp := range andSpans(words, ner.Span{Start: 0, End: len(words), Label: "ORG"}) {
				got = append(got, strings.Join(words[sp.Start:sp.End], " "))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("spans (-want +got):\n%s", diff)
			}
		})
	}
}
