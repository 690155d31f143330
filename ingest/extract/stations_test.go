package extract

import "testing"

// TestNumberedStations checks that a station named by a network and a
// number is one outlet, not the network and a stray word.
func TestNumberedStations(t *testing.T) {
	runKindCases(t, []kindCase{
		{"a network's station", "The minister told Kestrel Radio 4's morning programme that taxes would fall.",
			"OUTLET:Kestrel Radio 4", "OUTLET:Kestrel Radio"},
		{"a station and its tail", "Speaking on Kestrel Radio 5 Live, Anne Berg said the plan would fail.",
			"OUTLET:Kestrel Radio 5 Live", "ORGANIZATION:Live"},
		{"a station and its tail keeps the speaker", "Speaking on Kestrel Radio 5 Live, Anne Berg said the plan would fail.",
			"PERSON:Anne Berg", ""},
		{"a station without its network", "Tom Hale told Radio 4 that he would stay.",
			"OUTLET:Radio 4", "ORGANIZATION:Radio"},
		{"a number that is not the station's", "Kestrel Radio reached 4 million listeners in May.",
			"", "OUTLET:Kestrel Radio 4"},
	})
}
