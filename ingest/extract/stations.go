package extract

import "github.com/newsgraph/newsgraph/graph"

// A radio station named by a network and a number ("Kestrel Radio 4",
// "Radio 5 Live") is one outlet. The tagger and the gazetteer stop at
// "Radio", so the graph got the network ("Kestrel Radio") where the
// article names the station, and a stray "Live" as an organisation: the
// commonest fragment in the judged BBC relationships (7 of 400).

// stationNumerals may follow "Radio" in a station's name.
var stationNumerals = setOf("1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
	"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")

// stationTails may follow a station's number ("Radio 5 Live", "Radio 4 Extra").
var stationTails = setOf("Live", "Extra", "Xtra")

// numberedStations extends each candidate of sentence s that ends in
// "Radio" over the number after it (and a tail such as "Live"), as an
// outlet the gazetteer's entry for the network no longer names, and drops
// the candidates the extension covers. cs is in text order, as
// mergeCandidates leaves it.
func (d *doc) numberedStations(s sentence, cs []candidate) []candidate {
	out := cs[:0]
	end := -1 // the last token of the previous extension
	for _, c := range cs {
		if c.T0 <= end {
			continue
		}
		if d.words[c.T1-1] == "Radio" && c.T1 < s.T1 && stationNumerals[d.words[c.T1]] {
			c.T1++
			if c.T1 < s.T1 && stationTails[d.words[c.T1]] {
				c.T1++
			}
			c.Kind, c.Gaz, c.Rule = graph.Outlet, nil, "numbered-station"
			end = c.T1 - 1
		}
		out = append(out, c)
	}
	return out
}
