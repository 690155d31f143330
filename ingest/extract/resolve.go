package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// entity is an entity as this article knows it.
type entity struct {
	ID      string
	Kind    graph.EntityKind
	Name    string
	Gaz     *gazEntry
	key     string
	forms   []string // surface forms, in order of appearance
	roles   []string
	first   int // code-point offset of the first mention
	conf    float64
	kindVot map[graph.EntityKind]float64
	gender  byte // 'm' or 'f' when a title or role says so, for "he" and "she"
	work    bool // a title of a film, an album or a book (markWorks): no actor
}

// mention is a resolved mention. Anaphors ("the group", "the two groups")
// point at one or two earlier entities.
type mention struct {
	candidate
	Sent    int
	Ent     *entity
	Other   *entity // the second entity of "the two groups"
	Anaphor bool
	InCtx   graph.EntityKind // the kind the article uses the name as, if not its entity's (metonymy.go)
}

func (e *entity) addForm(f string) {
	for _, x := range e.forms {
		if x == f {
			return
		}
	}
	e.forms = append(e.forms, f)
}

func (e *entity) addRole(r string) {
	if r == "" {
		return
	}
	for _, x := range e.roles {
		if x == r {
			return
		}
	}
	e.roles = append(e.roles, r)
}

// resolve links the candidates of the whole article to entities: acronym
// definitions, gazetteer aliases, and short references to full names.
func (d *doc) resolve() {
	defs := d.acronymDefinitions()
	// Parts of multi-word person names, for surname and first-name
	// references: each distinct full name once, at its first occurrence.
	parts := map[string][]*candidate{}
	for si := range d.cands {
		for k := range d.cands[si] {
			c := &d.cands[si][k]
			if c.Kind == graph.Person && c.T1-c.T0 >= 2 {
				for t := c.T0; t < c.T1; t++ {
					// Surnames always; first names only of names whose
					// person-ness a cue confirmed.
					if !connectors[d.lower[t]] && (t == c.T1-1 || c.Conf >= 0.65) {
						parts[d.lower[t]] = append(parts[d.lower[t]], c)
					}
				}
			}
		}
	}
	// A name the gazetteer matched somewhere in the article is that entry
	// wherever else it occurs untyped or typed as a person by the tagger
	// ("Myanmar" read as a name): one name, one entity within an article.
	gazByForm := map[string]*gazEntry{}
	for si := range d.cands {
		for _, c := range d.cands[si] {
			if c.Gaz != nil {
				gazByForm[graph.CanonicalKey(d.span(c.T0, c.T1).Text)] = c.Gaz
			}
		}
	}
	names := d.fragmentNames()
	d.bySent = make([][]*mention, len(d.sents))
	for si := range d.cands {
		for k := range d.cands[si] {
			c := d.cands[si][k]
			surname := d.surnameAfterFullName(&c, parts)
			if surname {
				// "Valeska Paris ... Paris claims": news names a person in
				// full once, then by surname, even where the surname is
				// also a place the gazetteer or the tagger knows.
				c.Gaz, c.Kind = nil, graph.Person
			}
			if c.Gaz == nil && (c.Kind == graph.Person || c.Kind == "") && !surname {
				// Only a person reading yields; "Houston" the team and
				// "Houston" the city may both be meant in one article.
				if g := gazByForm[graph.CanonicalKey(d.span(c.T0, c.T1).Text)]; g != nil {
					c.Gaz, c.Kind = g, g.Kind
				}
			}
			key, kind := d.keyOf(&c, defs, parts)
			if fk, g, fkind, ok := d.fragmentOf(&c, names); ok && key != "" {
				key, kind, c.Gaz, c.Kind = fk, fkind, g, fkind
			}
			if key == "" {
				continue
			}
			e := d.entByKey[key]
			if e == nil {
				e = &entity{key: key, Gaz: c.Gaz, first: d.toks[c.T0].R0, kindVot: map[graph.EntityKind]float64{}}
				d.entByKey[key] = e
				d.ents = append(d.ents, e)
			}
			if c.Gaz != nil && e.Gaz == nil {
				e.Gaz = c.Gaz
			}
			if kind != "" {
				e.kindVot[kind] += c.Conf
			}
			e.addForm(d.span(c.T0, c.T1).Text)
			e.addRole(c.Role)
			if e.gender == 0 {
				e.gender = d.genderCue(&c)
			}
			if c.Conf > e.conf {
				e.conf = c.Conf
			}
			m := &mention{candidate: c, Sent: si, Ent: e}
			d.mentions = append(d.mentions, m)
			d.bySent[si] = append(d.bySent[si], m)
		}
	}
	d.contextKinds()
	d.firmKinds()
	d.partyKinds()
	d.personFirms()
	d.appositionPersons()
	d.outletKinds()
	d.markWorks()
	for _, e := range d.ents {
		d.finishEntity(e)
		if e.gender == 0 && e.Kind == graph.Person {
			e.gender = givenNameGender(e.Name)
		}
	}
	d.inContextKinds()
	d.classListKinds()
	d.officeKinds()
	d.peopleKinds()
	d.resolveAnaphors()
}

// keyOf returns the resolution key of a candidate and the kind it votes
// for; an empty key drops the candidate.
func (d *doc) keyOf(c *candidate, defs map[string]string, parts map[string][]*candidate) (string, graph.EntityKind) {
	surface := d.span(c.T0, c.T1).Text
	if c.Gaz != nil {
		return gazKey(c.Gaz), c.Gaz.Kind
	}
	if k, ok := defs[surface]; ok {
		if isAcronym(surface) {
			return k, "" // the long form types the entity; a bare acronym says little
		}
		return k, c.Kind
	}
	if c.Kind == "" || c.T1-c.T0 == 1 && c.Rule != "head-word" {
		// A short reference to a person named in full: "Liwal", "Ms Hewitt".
		if full := nearestFull(parts[d.lower[c.T0]], c.T0); c.T1-c.T0 == 1 && full != nil {
			if full.Gaz != nil {
				return gazKey(full.Gaz), graph.Person
			}
			return "name:" + graph.CanonicalKey(d.span(full.T0, full.T1).Text), graph.Person
		}
		switch c.Rule {
		case "acronym":
			return "name:" + graph.CanonicalKey(surface), graph.Organization
		case "title":
			return "name:" + graph.CanonicalKey(surface), graph.Person
		case "speaker":
			// "Kestrel says ...": a single name that speaks and shares no
			// word with a person named in full. News names a person in
			// full before it uses the surname alone, so such a speaker is
			// a body far more often than a person.
			return "name:" + graph.CanonicalKey(surface), graph.Organization
		}
		if c.Kind == "" {
			return "", ""
		}
	}
	return "name:" + graph.CanonicalKey(surface), c.Kind
}

// surnameAfterFullName reports whether a one-word mention typed as
// something other than a person repeats the last word of a person's full
// name mentioned before it in the article. Curated groups and
// organisations keep their kind.
func (d *doc) surnameAfterFullName(c *candidate, parts map[string][]*candidate) bool {
	if c.T1-c.T0 != 1 || c.Kind == graph.Person || c.Gaz != nil && c.Gaz.Curated && c.Gaz.Kind != graph.Place {
		return false
	}
	for _, full := range parts[d.lower[c.T0]] {
		if full.T1 <= c.T0 && d.lower[full.T1-1] == d.lower[c.T0] {
			return true
		}
	}
	return false
}

func gazKey(g *gazEntry) string { return "gaz:" + string(g.Kind) + ":" + g.Name }

// nearestFull picks the full name a short reference stands for: the full
// name containing the word that was mentioned last before it (when two
// people share a surname, "Clinton" after "Hillary Clinton" is Hillary),
// or else the first one after it. cs holds every occurrence of full names
// containing the word, in text order.
func nearestFull(cs []*candidate, t int) *candidate {
	var before, after *candidate
	for _, c := range cs {
		if c.T0 <= t && t < c.T1 {
			return nil // the word is part of the full name itself
		}
		if c.T1 <= t {
			before = c
		} else if after == nil {
			after = c
		}
	}
	if before != nil {
		return before
	}
	return after
}

// genderCue reads a person's gender off the title or role before a name:
// "Mr", "Ms", "spokeswoman".
func (d *doc) genderCue(c *candidate) byte {
	j := c.RoleT0 - 1
	if j >= 0 && d.words[j] == "." {
		j--
	}
	for _, k := range []int{j, c.T0} { // "Mr Hale"; "Baroness Morgan", the title inside the name
		if k < 0 {
			continue
		}
		switch d.lower[k] {
		case "mr", "sir", "lord", "king", "prince", "baron", "duke", "earl":
			return 'm'
		case "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "baroness", "duchess", "countess":
			return 'f'
		}
	}
	switch {
	case strings.Contains(c.Role, "woman") || strings.HasSuffix(c.Role, "ess"):
		return 'f'
	case strings.HasSuffix(c.Role, "man"):
		return 'm'
	}
	return 0
}

// finishEntity fixes an entity's kind, canonical name and id.
func (d *doc) finishEntity(e *entity) {
	if e.Gaz != nil {
		e.Kind, e.Name = e.Gaz.Kind, e.Gaz.Name
	} else {
		best := -1.0
		for _, k := range graph.EntityKinds {
			if v, ok := e.kindVot[k]; ok && v > best {
				e.Kind, best = k, v
			}
		}
		if e.Kind == "" {
			e.Kind = graph.Organization
		}
		// The longest form names the entity, unless it is two names
		// joined (twoNamesJoined) and a form of one name alone exists.
		joined := ""
		for _, f := range e.forms {
			if twoNamesJoined(f) {
				if utf8.RuneCountInString(f) > utf8.RuneCountInString(joined) {
					joined = f
				}
				continue
			}
			if utf8.RuneCountInString(f) > utf8.RuneCountInString(e.Name) {
				e.Name = f
			}
		}
		if e.Name == "" {
			e.Name = joined
		}
	}
	e.ID = graph.EntityID(e.Kind, graph.CanonicalKey(e.Name))
}

// acronymDefinitions finds "Long Name (ACR)" and "Long Name, or ACR," and
// returns, for each acronym and long name that the gazetteer does not
// know, the key of the entity both name.
func (d *doc) acronymDefinitions() map[string]string {
	defs := map[string]string{}
	for si := range d.cands {
		cs := d.cands[si]
		for k := 0; k+1 < len(cs); k++ {
			long, short := cs[k], cs[k+1]
			between := strings.Join(d.lower[long.T1:short.T0], " ")
			if between != "(" && between != ", or" && between != ", also known as" && between != "or" {
				continue
			}
			if short.T1-short.T0 != 1 || !isAcronym(d.words[short.T0]) || !initialsMatch(d.span(long.T0, long.T1).Text, d.words[short.T0]) {
				continue
			}
			longText, shortText := d.span(long.T0, long.T1).Text, d.words[short.T0]
			switch {
			case long.Gaz != nil && short.Gaz != nil:
				// Both known: the gazetteer decides.
			case long.Gaz != nil:
				defs[shortText] = gazKey(long.Gaz)
			case short.Gaz != nil:
				defs[longText] = gazKey(short.Gaz)
			default:
				key := "name:" + graph.CanonicalKey(longText)
				defs[shortText] = key
				defs[longText] = key
			}
		}
	}
	return defs
}

// initialsMatch reports whether an acronym could abbreviate a name: its
// first letter is the name's, and its letters appear in order among the
// name's letters.
func initialsMatch(name, acr string) bool {
	var letters []rune
	for _, r := range acr {
		if unicode.IsLetter(r) {
			letters = append(letters, unicode.ToLower(r))
		}
	}
	if len(letters) == 0 {
		return false
	}
	name = strings.ToLower(name)
	first, _ := utf8.DecodeRuneInString(name)
	if first != letters[0] {
		return false
	}
	i := 0
	for _, r := range name {
		if i < len(letters) && r == letters[i] {
			i++
		}
	}
	return i == len(letters)
}
