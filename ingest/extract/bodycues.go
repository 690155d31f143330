package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

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
var bodySeats = setOf("headquarters", "HQ", "CEO", "CEOs", "co-founder", "co-founders", "cofounder")

// personBodySeats after a one-word name the tagger took for a person make
// it a body's: a person has no founder, reporters or employees of its
// own ("Vexa founder Ann Kestrel", "Kestrel reporters"), while a country
// may have a founder.
var personBodySeats = setOf("founder", "founders", "reporters", "correspondents", "employees")

// postingWords, before "on" or "to" and a name, make the name a site or a
// service that carries posts: "posted to Kestrel", "a hashtag on Vexa".
// Words as often said of a person ("comments on", "wrote on": about
// her) are left out.
var postingWords = setOf("posted", "shared", "uploaded", "livestreamed", "streamed", "hashtag", "hashtags",
	"messages", "posts", "video", "videos", "trending", "tweeted", "tweets")

// postedOn reports whether a posting word and "on" or "to" end right
// before token t, within the sentence from s0.
func (d *doc) postedOn(t, s0 int) bool {
	return t-2 >= s0 && (d.lower[t-1] == "on" || d.lower[t-1] == "to") && postingWords[d.lower[t-2]]
}

// personBodies returns the entities of one-word names the tagger typed as
// persons, never given in full, that the article writes somewhere before
// a body's seat or chief ("Vexa headquarters", "Kestrel co-founder X",
// "Kestrel reporters") or after a posting word ("posted to Kestrel"),
// whether the tagger saw the name there or not. A
// person named in full ("Ann Kestrel") is left alone: "Kestrel employees"
// is then a firm named after her, or her staff.
func (d *doc) personBodies() map[*entity]bool {
	byName := map[string]*entity{}
	for _, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || m.Other != nil || e == nil || e.Kind != graph.Person || e.Gaz != nil || m.Gaz != nil ||
			m.T1-m.T0 != 1 || strings.Contains(e.Name, " ") || m.Rule != d.x.tagger.Name() {
			continue
		}
		byName[d.words[m.T0]] = e
	}
	if len(byName) == 0 {
		return nil
	}
	out := map[*entity]bool{}
	for _, s := range d.sents {
		for t := s.T0; t+1 < s.T1; t++ {
			e := byName[d.words[t]]
			if e == nil {
				continue
			}
			n := t + 1
			if d.lower[n] == "'s" || d.lower[n] == "’s" {
				n++
			}
			if n < s.T1 && (bodySeats[d.words[n]] || personBodySeats[d.lower[n]]) || d.postedOn(t, s.T0) {
				out[e] = true
			}
		}
	}
	return out
}

// ownClassAfter, between "the" and a name and the end of the phrase,
// say what body the name is: "the Kestrel group." ("party" is also a
// celebration, "bank" a branch in a place).
var ownClassAfter = setOf("group", "sect", "band", "movement", "militia", "organisation", "organization")

// bodyCue reports whether the context of mention m says it names a body.
func (d *doc) bodyCue(m *mention) bool {
	return d.bodyCueAt(m.Sent, m.T0, m.T1)
}

// bodyCueAt reports whether the context of the name at tokens [t0, t1)
// of sentence si says it names a body.
func (d *doc) bodyCueAt(si, t0, t1 int) bool {
	s := d.sents[si]
	if t := t0 - 1; t >= s.T0 && bodyClassifiers[d.words[t]] && !(t >= 1 && countWords[d.lower[t-1]]) {
		return true
	}
	t := t1
	possessive := t < s.T1 && (d.lower[t] == "'s" || d.lower[t] == "’s")
	if possessive {
		t++
	}
	if t < s.T1 && bodySeats[d.words[t]] {
		return true
	}
	// "left the Kestrel group.": the body's own class noun ends the phrase.
	if !possessive && t < s.T1 && ownClassAfter[d.words[t]] && t0-1 >= s.T0 && d.lower[t0-1] == "the" &&
		(t+1 == s.T1 || appositionEnds[d.lower[t+1]]) {
		return true
	}
	// "members of Kestrel Vexa": the place only qualifies the next name.
	modifier := t1 < s.T1 && hasUpperOrDigit(d.words[t1])
	m0 := t0
	if m0-1 >= s.T0 && d.lower[m0-1] == "the" {
		m0-- // "members of the Kestrel"
	}
	return !possessive && !modifier && m0-2 >= s.T0 && d.lower[m0-1] == "of" && bodyMembers[d.lower[m0-2]]
}

// countWords before a classifier make it a modifier of a compound, not an
// apposition: "a three party Kestrel election", "cross party talks".
var countWords = setOf("one", "two", "three", "four", "five", "six", "multi", "cross", "single", "all")
