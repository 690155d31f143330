package extract

import "github.com/newsgraph/newsgraph/graph"

// A common noun that introduces a list of names says what the names are
// (Hearst's lexico-syntactic patterns of hyponymy): "deities such as
// Kestra and Vexor", "parties including Kestrel Voice", "the schools
// Kestra and Vexa", "Kestra, Vexor and other gods". The tagger reads each
// name alone and types unknown ones by their shape; the class noun, where
// there is one, is the better witness. The entity keeps its kind; its
// mentions record the class's kind in context, across the article (one
// sense per discourse), as GUM annotates mentions.

// classNouns are the plural (and a few singular) class nouns whose kind
// is clear in news prose. Nouns for kinds of people that also name bodies
// ("staff", "members", "players": "technology players such as Kestrel";
// "artists": bands)
// or places ("sides"), and "people" ("people like Kestrel": its staff), are
// left out.
var classNouns = map[string]graph.EntityKind{}

func init() {
	for _, w := range []string{"gods", "goddesses", "deities", "saints", "prophets", "athletes",
		"singers", "musicians", "actors", "actresses", "writers", "authors", "poets", "painters",
		"politicians", "characters", "heroes", "superheroes", "villains", "celebrities"} {
		classNouns[w] = graph.Person
	}
	for _, w := range []string{"companies", "firms", "groups", "organisations", "organizations", "parties",
		"clubs", "teams", "bands", "charities", "schools", "universities", "colleges", "churches", "agencies",
		"banks", "airlines", "retailers", "brands", "sects", "movements", "unions", "religions", "faiths",
		"denominations"} {
		classNouns[w] = graph.Organization
	}
	for w := range singularClasses {
		classNouns[w] = graph.Organization
	}
	for _, w := range []string{"countries", "cities", "towns", "villages", "states", "provinces", "regions",
		"islands", "capitals"} {
		classNouns[w] = graph.Place
	}
}

// singularClasses name one body. One body "including" or "like" names
// its people ("the team, including Kestra"), so these introduce names
// only in apposition: "US team Kestrel and Vexa".
var singularClasses = setOf("team", "group", "party", "company", "firm", "band", "club", "school", "church")

// victimNouns name deeds done to a person: "the murder of X" makes X a
// person in context, whatever the tagger read the name as.
var victimNouns = setOf("murder", "assassination", "kidnapping", "abduction", "funeral")

// personClassifiers are occupations only people have; one right before a
// name is its apposition ("fashion designer Kestra").
var personClassifiers = setOf("designer", "singer", "actor", "actress", "musician", "artist", "painter", "poet",
	"author", "novelist", "writer", "rapper", "photographer", "comedian", "sculptor", "composer", "dancer",
	"journalist", "lawyer", "activist", "historian", "economist", "professor", "lecturer", "cleric")

// appositiveClasses head an apposition after a name that says what it
// is: "Kestra, a catholic school in Vexa", "Vexa, a small town near X".
var appositiveClasses = map[string]graph.EntityKind{
	"company": graph.Organization, "firm": graph.Organization, "school": graph.Organization,
	"charity": graph.Organization, "party": graph.Organization, "band": graph.Organization,
	"club": graph.Organization, "university": graph.Organization, "college": graph.Organization,
	"church": graph.Organization, "agency": graph.Organization, "group": graph.Organization,
	"organisation": graph.Organization, "organization": graph.Organization, "startup": graph.Organization,
	"town": graph.Place, "city": graph.Place, "village": graph.Place, "region": graph.Place,
	"province": graph.Place, "island": graph.Place, "country": graph.Place, "suburb": graph.Place,
	"neighbourhood": graph.Place, "neighborhood": graph.Place,
	"singer": graph.Person, "actor": graph.Person, "actress": graph.Person, "musician": graph.Person,
	"designer": graph.Person, "artist": graph.Person, "writer": graph.Person, "novelist": graph.Person,
	"rapper": graph.Person, "photographer": graph.Person, "comedian": graph.Person,
}

// placeClasses after a name, and before no other noun, make it a place's:
// "the Kestra region", "in Vexa province".
var placeClasses = setOf("region", "province", "county", "district", "valley", "prefecture", "oblast")

// appositionEnds may follow the class noun of an apposition; anything
// else (a noun) makes the class noun a modifier: "Kestra, a company
// spokesman".
var appositionEnds = setOf(",", ".", ";", ")", "in", "of", "that", "which", "who", "based", "with", "from",
	"near", "founded", "run", "owned", "known", "on", "for", "whose")

// listTriggers stand between a class noun and the names it introduces:
// "such as", "including", "like", "include(s/d)".
var listTriggers = setOf("including", "like", "include", "includes", "included")

// listJoints may stand between two names of one list.
var listJoints = setOf(",", "and", "or", "the", "The", "&")

// classListKinds sets InCtx on the mentions of entities named in a list
// a class noun introduces or closes, where the class's kind is not the
// entity's. It runs after inContextKinds and keeps what that set.
func (d *doc) classListKinds() {
	marked := map[*entity]graph.EntityKind{}
	conflict := map[*entity]bool{}
	for si, ms := range d.bySent {
		s := d.sents[si]
		for i := 0; i < len(ms); {
			j := i + 1
			for j < len(ms) && d.joined(ms[j-1].T1, ms[j].T0) {
				j++
				if d.closesList(ms[j-2].T1, ms[j-1].T0) {
					break // "A, B and C" ends at C: "…, B and C, Vexa lost"
				}
			}
			run := ms[i:j]
			i = j
			k, ok := d.listClass(run, s.T0, s.T1)
			if !ok {
				continue
			}
			for _, m := range run {
				if m.Anaphor || m.Other != nil || m.Ent == nil || sameKindFamily(m.Ent.Kind, k) || d.possessor(m) {
					// "artists such as Kestrel's Ann Vale": the place owns the listed name.
					continue
				}
				if o, seen := marked[m.Ent]; seen && o != k {
					conflict[m.Ent] = true
				}
				marked[m.Ent] = k
			}
		}
	}
	for _, m := range d.mentions {
		if k, ok := marked[m.Ent]; ok && !conflict[m.Ent] && !m.Anaphor && m.Other == nil && m.InCtx == "" {
			m.InCtx = k
		}
	}
}

// joined reports whether only list joints stand between tokens a and b
// (at most three of them, and at least one).
func (d *doc) joined(a, b int) bool {
	if b <= a || b-a > 3 {
		return false
	}
	for t := a; t < b; t++ {
		if !listJoints[d.words[t]] {
			return false
		}
	}
	return true
}

// classNounAt returns the kind of the class noun at t, in the sentence
// that begins at s0: class nouns are common nouns, written in lower case
// except where one begins the sentence ("Groups such as ...").
func (d *doc) classNounAt(t, s0 int) (graph.EntityKind, bool) {
	w := d.words[t]
	if t == s0 {
		w = d.lower[t]
	}
	k, ok := classNouns[w]
	return k, ok
}

// listClass returns the kind of the class noun that introduces the run
// of names ("gods such as A, B and C", "schools A and B") or closes it
// ("A, B and other gods"), within the sentence [s0, s1).
func (d *doc) listClass(run []*mention, s0, s1 int) (graph.EntityKind, bool) {
	t := run[0].T0
	the := t > s0 && d.lower[t-1] == "the"
	if the {
		t--
	}
	triggered := false
	switch {
	case t-2 >= s0 && d.lower[t-2] == "such" && d.lower[t-1] == "as":
		t, triggered = t-2, true
	case t-1 >= s0 && listTriggers[d.lower[t-1]]:
		t, triggered = t-1, true
	case !the && len(run) > 1 && t-1 >= s0:
		// A class noun right before a list of names, in apposition: a
		// singular one is the body cue's (bodycues.go) and is only taken
		// here before several names.
		if k, ok := d.classNounAt(t-1, s0); ok && !(t-2 >= s0 && countWords[d.lower[t-2]]) {
			return k, true
		}
	}
	if len(run) == 1 && t == run[0].T0 && t-1 >= s0 && personClassifiers[d.words[t-1]] {
		return graph.Person, true
	}
	if len(run) == 1 && t-2 >= s0 && d.words[t-1] == "of" && victimNouns[d.words[t-2]] {
		return graph.Person, true
	}
	if len(run) == 1 {
		if k, ok := d.appositionAfter(run[0].T1, s1); ok {
			return k, true
		}
		// "the Kestra region,": a place's class noun after its name.
		if e := run[0].T1; e < s1 && placeClasses[d.words[e]] && (e+1 == s1 || appositionEnds[d.lower[e+1]]) &&
			d.allCapitalised(run[0].T0, e) {
			return graph.Place, true
		}
	}
	if triggered {
		if t-1 >= s0 && d.words[t-1] == "," {
			t--
		}
		if t-1 >= s0 && !singularClasses[d.lower[t-1]] {
			if k, ok := d.classNounAt(t-1, s0); ok {
				return k, true
			}
		}
	}
	// "A, B and other gods": up to two modifiers before the class noun.
	e := run[len(run)-1].T1
	if e < s1 && d.words[e] == "," {
		e++
	}
	if e+2 < s1 && (d.lower[e] == "and" || d.lower[e] == "or") && d.lower[e+1] == "other" {
		for t := e + 2; t < s1 && t <= e+4; t++ {
			if k, ok := classNouns[d.words[t]]; ok && !singularClasses[d.words[t]] {
				return k, true
			}
			if hasUpperOrDigit(d.words[t]) {
				break
			}
		}
	}
	return "", false
}

// appositionAfter returns the kind of an apposition that starts at token
// t, after a name: ", a catholic school in", ", an old town." (an article
// and up to three lower-case words before the class noun).
func (d *doc) appositionAfter(t, s1 int) (graph.EntityKind, bool) {
	if t+2 >= s1 || d.words[t] != "," || d.lower[t+1] != "a" && d.lower[t+1] != "an" {
		return "", false
	}
	for c := t + 2; c < s1 && c <= t+5; c++ {
		if hasUpperOrDigit(d.words[c]) {
			return "", false
		}
		if k, ok := appositiveClasses[d.words[c]]; ok {
			if c+1 == s1 || appositionEnds[d.lower[c+1]] {
				return k, true
			}
			return "", false
		}
	}
	return "", false
}

// allCapitalised reports whether every token in [t0, t1) has a capital or
// a digit: "Kestra Vale", not "Council of the Vexa", whose head is not
// its last word.
func (d *doc) allCapitalised(t0, t1 int) bool {
	for t := t0; t < t1; t++ {
		if !hasUpperOrDigit(d.words[t]) {
			return false
		}
	}
	return true
}

// closesList reports whether the joint between tokens a and b holds "and"
// or "or", which comes before a list's last name.
func (d *doc) closesList(a, b int) bool {
	for t := a; t < b; t++ {
		if d.lower[t] == "and" || d.lower[t] == "or" {
			return true
		}
	}
	return false
}

// sameKindFamily reports whether two kinds name the same sort of thing
// for a reader: a group, an organisation and an outlet are all bodies.
func sameKindFamily(a, b graph.EntityKind) bool {
	body := func(k graph.EntityKind) bool {
		return k == graph.Group || k == graph.Organization || k == graph.Outlet
	}
	return a == b || body(a) && body(b)
}
