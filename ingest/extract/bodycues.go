package extract

// A name the tagger took for a place is sometimes a body's: a firm, a
// church, a party, a gaming team. Some contexts only an organisation
// fits, whatever the name: a classifier noun in apposition before it
// ("the party Kestrel Voice", "US team Vexa"), membership or founding
// ("members of Kestrel", "co-founder of Vexa") and a seat or chief after
// it ("Vexa headquarters", "Kestrel's CEO"). A place has no members,
// founders or headquarters of its own in news prose: its people are
// "citizens" or "residents", and a possessive place ("Kestrelia's
// parliament") is left alone. Such a cue marks the entity's mentions in
// the article like a contest does (one sense per discourse).

// bodyClassifiers, written in lower case right before a name, say what
// kind of body it names.
var bodyClassifiers = setOf("group", "team", "party", "company", "firm", "band", "club", "organisation",
	"organization", "movement", "sect", "charity", "startup", "church")

// bodyMembers before "of" and a name make the name a body's.
var bodyMembers = setOf("member", "members", "founder", "founders", "co-founder", "co-founders", "cofounder",
	"ex-member", "ex-members")

// bodySeats after a name (or its possessive) are a body's seat or chief.
var bodySeats = setOf("headquarters", "HQ", "CEO", "CEOs")

// bodyCue reports whether the context of mention m says it names a body.
func (d *doc) bodyCue(m *mention) bool {
	s := d.sents[m.Sent]
	if t := m.T0 - 1; t >= s.T0 && bodyClassifiers[d.words[t]] && !(t >= 1 && countWords[d.lower[t-1]]) {
		return true
	}
	t := m.T1
	possessive := t < s.T1 && (d.lower[t] == "'s" || d.lower[t] == "’s")
	if possessive {
		t++
	}
	if t < s.T1 && bodySeats[d.words[t]] {
		return true
	}
	// "members of Kestrel Vexa": the place only qualifies the next name.
	modifier := m.T1 < s.T1 && hasUpperOrDigit(d.words[m.T1])
	return !possessive && !modifier && m.T0-2 >= s.T0 && d.lower[m.T0-1] == "of" && bodyMembers[d.lower[m.T0-2]]
}

// countWords before a classifier make it a modifier of a compound, not an
// apposition: "a three party Kestrel election", "cross party talks".
var countWords = setOf("one", "two", "three", "four", "five", "six", "multi", "cross", "single", "all")
