package extract

import "github.com/newsgraph/newsgraph/graph"

// The tagger reads many company names it has not seen as places
// ("France's Peugeot", "chief executive of Wippit"): CoNLL's places are
// often single capitalised words in the same positions. Some contexts say
// otherwise, and vote the name an organisation before its kind is fixed.

// businessRoles head the role of a person who runs a company, not a
// country or a city.
var businessRoles = setOf("executive", "director", "chairman", "chairwoman", "founder", "co-founder", "boss",
	"owner", "ceo", "chief", "manager", "md")

// contextKinds adds organisation votes to tagger names typed as places
// that stand after a known place's possessive ("Ireland's Ryanair") or
// after or before a business role ("chief executive of Wippit", "Wada
// chairman Dick Pound"), unless a place head word ends them ("London's
// Regent Street").
func (d *doc) contextKinds() {
	for i, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || m.Gaz != nil || e.Gaz != nil || m.Kind != graph.Place || m.Rule != d.x.tagger.Name() {
			continue
		}
		if k, ok := headWords[d.lower[m.T1-1]]; ok && k == graph.Place {
			continue
		}
		org := false
		switch {
		case m.T0 >= 2 && (d.lower[m.T0-1] == "'s" || d.lower[m.T0-1] == "’s"):
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if p := d.mentions[j]; p.T1 == m.T0-1 {
					org = !p.Anaphor && p.Ent.Gaz != nil && p.Ent.Gaz.Kind == graph.Place
				}
			}
		case m.T0 >= 2 && d.lower[m.T0-1] == "of":
			org = businessRoles[d.lower[m.T0-2]]
		}
		if !org && m.T1+1 < len(d.lower) && businessRoles[d.lower[m.T1]] && i+1 < len(d.mentions) {
			n := d.mentions[i+1]
			org = n.Kind == graph.Person && n.T0 <= m.T1+2 && n.T0 > m.T1
		}
		if org {
			e.kindVot[graph.Organization] += 2 * m.Conf
		}
	}
}

// outletNouns after a name say it is a publication or a channel: "the
// Kestrel magazine", "Vexa newspaper" (not "the Kestrel website": a firm has one).
var outletNouns = setOf("magazine", "newspaper", "tabloid", "broadsheet", "daily", "weekly",
	"monthly")

// outletKinds votes a tagger organisation an outlet where a publication
// noun follows it ("he told Kestrel magazine"): CoNLL, which the tagger
// learnt from, types magazines ORG.
func (d *doc) outletKinds() {
	for _, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || m.Gaz != nil || e.Gaz != nil || m.Kind != graph.Organization || m.T1 >= len(d.lower) {
			continue
		}
		if outletNouns[d.lower[m.T1]] {
			e.kindVot[graph.Outlet] += 2 * m.Conf
		}
	}
}
