package extract

import "github.com/newsgraph/newsgraph/graph"

// The tagger reads many company names it has not seen as places
// ("France's Peugeot", "chief executive of Wippit"): CoNLL's places are
// often single capitalised words in the same positions. Some contexts say
// otherwise, and vote the name an organisation before its kind is fixed.

// businessRoles head the role of a person who runs a company, not a
// country or a city.
var businessRoles = setOf("executive", "director", "chairman", "chairwoman", "founder", "co-founder", "boss",
	"owner", "ceo", "chief", "manager", "md", "economist", "analyst", "strategist", "trader", "dealer", "officer")

// firmNouns in apposition before a name say what kind of body it is:
// "broker Kestrel", "the investment bank Vexa", "airline Kestrel".
var firmNouns = setOf("bank", "broker", "brokerage", "firm", "company", "carrier", "airline", "retailer",
	"insurer", "lender", "bookmaker", "publisher", "manufacturer", "maker", "supermarket", "chain", "group",
	"conglomerate", "operator", "giant")

// sitesAfter, besides the site heads, are lower-case nouns that after a
// name make it a site's or an area's: "Colombia's Cartagena port",
// "Alberta's Morinville area".
var sitesAfter = setOf("port", "harbour", "harbor", "area", "airfield", "oilfield", "field", "reef", "mine")

// contextKinds adds organisation votes to tagger names typed as places
// that stand after a known place's possessive ("Ireland's Ryanair"),
// after or before a business role ("chief executive of Wippit", "an
// analyst at Kestrel", "head of research at Vexa", "Wada chairman Dick
// Pound"), after a verb of running or founding ("who runs Kestrel") or
// after a firm's noun in apposition ("broker Kestrel"), unless a place
// head word ends them ("London's Regent Street") or a site's noun follows
// them ("London's Heathrow airport").
func (d *doc) contextKinds() {
	for i, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || m.Gaz != nil || e.Gaz != nil || m.Kind != graph.Place || m.Rule != d.x.tagger.Name() {
			continue
		}
		if k, ok := headWords[d.lower[m.T1-1]]; ok && k == graph.Place {
			continue
		}
		if m.T1 < len(d.lower) && (siteHeads[d.lower[m.T1]] || sitesAfter[d.lower[m.T1]]) {
			continue // "London's Heathrow airport": the name of a site
		}
		org := false
		switch {
		case m.T0 >= 2 && (d.lower[m.T0-1] == "'s" || d.lower[m.T0-1] == "’s"):
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if p := d.mentions[j]; p.T1 == m.T0-1 {
					org = !p.Anaphor && p.Ent.Gaz != nil && p.Ent.Gaz.Kind == graph.Place
				}
			}
		case m.T0 >= 2 && d.lower[m.T0-2] == "who" && bodyVerbs[d.lower[m.T0-1]]:
			org = true
		case m.T0 >= 2 && (d.lower[m.T0-1] == "of" || d.lower[m.T0-1] == "at"):
			org = businessRoles[d.lower[m.T0-2]] || d.lower[m.T0-1] == "at" && d.roleFieldBefore(m.T0-1)
		case m.T0 >= 1:
			org = firmNouns[d.lower[m.T0-1]]
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

// bodyVerbs after "who" take a body a person runs or founded, not a place:
// "Tom Hale, who runs Kestrel". "Leads" and "heads" take countries too.
var bodyVerbs = setOf("runs", "ran", "founded", "co-founded", "chairs", "chaired", "owns", "owned")

// fieldRoles, besides the business roles, take a field before the body
// they serve: "head of research at Kestrel", "vice president of sales at
// Vexa".
var fieldRoles = setOf("head", "president", "vice-president", "partner")

// roleFieldBefore reports whether a role and its field, one to three
// lower-case words after "of" or "for", end at token t ("at"): "head of
// currency strategy at". A place has no head of strategy; a body does.
func (d *doc) roleFieldBefore(t int) bool {
	for k := 1; k <= 3 && t-k-2 >= 0; k++ {
		w := d.words[t-k]
		if w == "" || w[0] < 'a' || w[0] > 'z' {
			return false
		}
		if p := d.lower[t-k-1]; p == "of" || p == "for" {
			r := d.lower[t-k-2]
			return businessRoles[r] || fieldRoles[r]
		}
	}
	return false
}

// outletNouns after a name say it is a publication or a channel: "the
// Kestrel magazine", "Vexa newspaper" (not "the Kestrel website": a firm has one).
var outletNouns = setOf("magazine", "newspaper", "tabloid", "broadsheet", "daily", "weekly",
	"monthly", "channel", "broadcaster", "paper")

// outletHeads in apposition before a name say the same: "the newspaper
// Kestrel", "broadcaster Vexa", "music channel Kestrel".
var outletHeads = setOf("magazine", "newspaper", "tabloid", "broadsheet", "channel", "broadcaster", "daily",
	"weekly", "monthly", "paper", "network")

// pressRoles are the jobs of people who write for a publication: "the
// editor of Kestrel", "Kestrel columnist X".
var pressRoles = setOf("editor", "editors", "editor-in-chief", "columnist", "columnists", "correspondent",
	"correspondents", "reporter", "reporters", "critic", "sub-editor", "publisher")

// outletKinds votes a tagger organisation an outlet where a publication
// noun follows it ("he told Kestrel magazine"), or a press role follows or
// governs it ("Kestrel editor X", "film editor of Kestrel", "a columnist
// for Kestrel"), or a publication's or channel's noun stands before it in
// apposition ("the newspaper Kestrel", "broadcaster Vexa"): CoNLL, which
// the tagger learnt from, types magazines ORG. A tagger place gets the
// vote only from a noun after it.
func (d *doc) outletKinds() {
	for _, m := range d.mentions {
		e := m.Ent
		if !m.Anaphor && e.Gaz == nil && m.Kind == graph.Organization && d.numberedChannel(d.span(m.T0, m.T1).Text) {
			e.kindVot[graph.Outlet] += 2 * m.Conf // "Kestrel Two": a broadcaster's channel
			continue
		}
		if m.Anaphor || m.Gaz != nil || e.Gaz != nil || m.T1 >= len(d.lower) {
			continue
		}
		if m.Kind != graph.Organization && m.Rule == d.x.tagger.Name() && d.writtenIn(m.T0) && (m.T1-m.T0 > 1 || d.lower[m.T0-1] == "the") {
			// "wrote in the Kestrel", "an article in Vexa Weekly": the
			// tagger reads an unknown title as a place or a person as
			// often as a body; one bare word may still be a town.
			e.kindVot[graph.Outlet] += 2 * m.Conf
			continue
		}
		if m.Kind != graph.Organization && m.Rule == d.x.tagger.Name() && d.pressRoleBefore(m.T0) {
			// "film editor of Kestrel": a place or a person has no
			// editor or critic; the tagger reads an unknown title after
			// "of" as a place.
			e.kindVot[graph.Outlet] += 2 * m.Conf
			continue
		}
		if m.Kind == graph.Place && m.Rule == d.x.tagger.Name() && outletNouns[d.lower[m.T1]] {
			// "the Kestrel channel": the tagger reads an unknown
			// one-word name before a noun as a place as often as a body.
			e.kindVot[graph.Outlet] += 2 * m.Conf
			continue
		}
		if m.Kind != graph.Organization {
			continue
		}
		next := d.lower[m.T1]
		if (next == "'s" || next == "’s") && m.T1+1 < len(d.lower) {
			next = d.lower[m.T1+1]
		}
		before := m.T0 >= 1 && outletHeads[d.lower[m.T0-1]]
		if outletNouns[d.lower[m.T1]] || pressRoles[next] || d.pressRoleBefore(m.T0) || before || d.programmeAfter(m.T1) ||
			d.writtenIn(m.T0) || broadcastVerbs[d.lower[m.T1]] {
			e.kindVot[graph.Outlet] += 2 * m.Conf
		}
	}
}

// pressRoleBefore reports whether a press role and "of", "for" or "at"
// end right before token t, with an optional article: "editor of the".
func (d *doc) pressRoleBefore(t int) bool {
	if t >= 1 && (d.lower[t-1] == "the" || d.lower[t-1] == "a") {
		t--
	}
	if t < 2 {
		return false
	}
	switch d.lower[t-1] {
	case "of", "for", "at":
		return pressRoles[d.lower[t-2]]
	}
	return false
}

// programmeNouns head the name of a broadcast programme.
var programmeNouns = setOf("programme", "program", "show", "bulletin")

// programmeAfter reports whether a possessive at token t owns a named
// programme: "Kestrel Two's Night Desk programme" (a channel's, so the
// owner is an outlet).
func (d *doc) programmeAfter(t int) bool {
	if t >= len(d.lower) || d.lower[t] != "'s" && d.lower[t] != "’s" {
		return false
	}
	for i := t + 1; i < len(d.lower) && i <= t+5; i++ {
		if programmeNouns[d.lower[i]] {
			return i > t+1
		}
		if !d.nameWord(i) {
			return false
		}
	}
	return false
}

// writingWords are what is written in a publication: "she wrote in
// Kestrel", "an article in the Vexa", "writing in Kestrel".
var writingWords = setOf("wrote", "writes", "write", "writing", "written", "article", "articles", "column",
	"columns", "editorial", "editorials", "op-ed", "piece", "essay", "interview", "letter", "obituary")

// writtenIn reports whether "in", after a word of writing and with an
// optional "the", ends right before token t: "wrote in the". A body of
// people is never "written in", so the name there is a publication.
func (d *doc) writtenIn(t int) bool {
	if t >= 1 && d.lower[t-1] == "the" {
		t--
	}
	return t >= 2 && d.lower[t-1] == "in" && writingWords[d.lower[t-2]]
}

// broadcastVerbs right after a name, its subject, make it a channel or
// station: "Kestrel aired the film". Only past forms: "broadcasts",
// "screens" and "airs" are as often plural nouns ("the station's
// broadcasts"), and verbs firms use of results ("reported", "published")
// are left out.
var broadcastVerbs = setOf("aired", "televised", "screened")
