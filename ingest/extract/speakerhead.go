package extract

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// A source phrase often opens with the organisation or the country of its
// speaker: "Tottenham sporting director Frank Arnesen", "Wales coach Mike
// Ruddock", "the new chair of the IETF, Brian Carpenter". The person at the
// head of the phrase speaks, not the name in its description; a phrase
// naming no person ("the Wales coach") identifies its speaker by the role
// and names no entity.

// headPerson returns the person whose role phrase m opens: a person
// mention at most four tokens after m, with only lower-case words between
// them of which one is a role noun. nil when there is none.
func (d *doc) headPerson(m *mention) *mention {
	if m.Ent == nil || m.Ent.Kind == graph.Person {
		return nil
	}
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 > m.T1 })
	for ; i < len(d.mentions) && d.mentions[i].RoleT0 <= m.T1+4; i++ {
		n := d.mentions[i]
		if n.Anaphor || n.Ent == nil || n.Ent.Kind != graph.Person {
			continue
		}
		if d.roleWordsOnly(m.T1, n.T0) {
			return n
		}
	}
	return nil
}

// roleWordsOnly reports whether tokens [t0, t1) are lower-case words or
// titles, one of them a role noun or a title.
func (d *doc) roleWordsOnly(t0, t1 int) bool {
	role := false
	for t := t0; t < t1; t++ {
		w := d.lower[t]
		if !isLowerWord(w) && !isTitle(w) || d.toks[t].NL > 0 {
			return false
		}
		if roleNouns[w] || agentNouns[w] || isTitle(w) {
			role = true
		}
	}
	return role
}

// agentNouns name someone who acts or speaks for another: in "the
// singer's agent Ana Ruiz" the agent speaks, not the singer. They are no
// roles of their own elsewhere ("a chemical agent").
var agentNouns = setOf("agent", "agents", "publicist", "solicitor", "attorney", "barrister", "aide",
	"representative", "promoter", "manager", "lawyer", "spokesman", "spokeswoman", "spokesperson")

// roleAfter returns the token after the role noun that follows m when m
// only describes someone named by role ("Wales coach", "Tottenham
// manager"), or -1.
func (d *doc) roleAfter(m *mention) int {
	if m.Ent == nil || m.Ent.Kind == graph.Person {
		return -1
	}
	for t := m.T1; t < len(d.lower) && t < m.T1+3 && isLowerWord(d.lower[t]) && d.toks[t].NL == 0; t++ {
		if isRoleNoun(d.lower[t]) && (t+1 >= len(d.lower) || !isRoleNoun(d.lower[t+1])) {
			return t + 1
		}
	}
	return -1
}

// isRoleNoun reports whether w is a role, with a prefix ("co-chairman",
// "vice-president") or without.
func isRoleNoun(w string) bool {
	for _, p := range []string{"co-", "vice-", "deputy-", "ex-"} {
		w = strings.TrimPrefix(w, p)
	}
	return roleNouns[w]
}

// roleBefore reports whether the source phrase [t0, m.T0) before the
// organisation m is a role of it: "chairman of the ISM's committee",
// "a spokesman for the firm". The person in the role speaks, unnamed; the
// organisation does not.
func (d *doc) roleBefore(t0 int, m *mention) bool {
	for t := t0; t+1 < m.T0; t++ {
		if isRoleNoun(d.lower[t]) {
			switch d.lower[t+1] {
			case "of", "at", "for", "to", "with":
				return true
			}
		}
	}
	return false
}

// appositionPerson returns the person named in an apposition that ends
// the source phrase [t0, t1) after a comma ("the new chair of the IETF,
// Brian Carpenter"), or nil.
func (d *doc) appositionPerson(t0, t1 int) *mention {
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 >= t1 })
	for ; i < len(d.mentions) && d.mentions[i].T1 == t1; i++ {
		n := d.mentions[i]
		if !n.Anaphor && n.Ent != nil && n.Ent.Kind == graph.Person && n.RoleT0 > t0 && d.words[n.RoleT0-1] == "," {
			return n
		}
	}
	return nil
}

// personSpeaker is the speaker named by person mention n, its phrase
// running from t0.
func personSpeaker(t0 int, n *mention) *speaker {
	return &speaker{t0: t0, t1: n.T1, ents: []*entity{n.Ent}, factor: 1}
}

// personAfterPossessive reports whether mention m owns, by "'s", a person
// named right after it inside the source phrase ending at t1: "the
// Observer's Philip French", "GM's vice president Mark LaNeve".
func (d *doc) personAfterPossessive(m *mention, t1 int) bool {
	return d.possessedPerson(m, t1) != nil
}

// possessedPerson returns the person mention that m owns by "'s", ending
// by t1, or nil.
func (d *doc) possessedPerson(m *mention, t1 int) *mention {
	if m.T1 >= t1 || d.lower[m.T1] != "'s" && d.lower[m.T1] != "’s" {
		return nil
	}
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 > m.T1 })
	for ; i < len(d.mentions) && d.mentions[i].T1 <= t1 && d.mentions[i].RoleT0 <= m.T1+4; i++ {
		if n := d.mentions[i]; !n.Anaphor && n.Ent != nil && n.Ent.Kind == graph.Person {
			if n.RoleT0 == m.T1+1 || d.roleWordsOnly(m.T1+1, n.T0) {
				return n
			}
			return nil
		}
	}
	return nil
}

// organisationBefore resolves the "it" of "it said" to the organisation,
// group or outlet named last before token t, outside quotations, in its
// sentence or the two before; nil when there is none.
func (d *doc) organisationBefore(t int) *entity {
	si := d.sentenceOf(t)
	for s := si; s >= 0 && s >= si-2; s-- {
		ms := d.bySent[s]
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if m.T0 >= t || m.Ent == nil || d.inQuote(m.T0) {
				continue
			}
			switch m.Ent.Kind {
			case graph.Organization, graph.Group, graph.Outlet:
				return m.Ent
			}
		}
	}
	return nil
}

// pluralSpeaker resolves the "they" of "they said" to the speakers of the
// last attribution before it, in its sentence or the two before, when
// those are several people or a group or organisation ("the MPs' report
// ... They said"); nil otherwise.
func (d *doc) pluralSpeaker(t int) *speaker {
	si := d.sentenceOf(t)
	lo := d.sents[max(si-2, 0)].T0
	for k := t - 1; k >= lo; k-- {
		sp := d.cueSpeakers[k]
		if sp == nil {
			continue
		}
		if len(sp.ents) == 0 {
			return nil // the last speaker is unnamed ("the MPs"): so is this one
		}
		if len(sp.ents) == 1 && sp.ents[0].Kind == graph.Person {
			return nil
		}
		return &speaker{t0: t, t1: t + 1, ents: sp.ents, factor: pronounSpeakerFactor}
	}
	return nil
}

// appositionOwner returns the person whose apposition m stands in: "Mara
// Linde, spokeswoman for the sport's governing body the WRF, (which ...,)
// said" — a person, a comma, then role words (one a role noun) leading
// to m; nil when m is no such organisation.
func (d *doc) appositionOwner(m *mention) *mention {
	if m.Ent == nil || m.Ent.Kind == graph.Person {
		return nil
	}
	role := false
	for t := m.RoleT0 - 1; t >= 1 && t >= m.RoleT0-10; t-- {
		w := d.lower[t]
		if d.toks[t+1].NL > 0 {
			return nil
		}
		if w == "," {
			if !role {
				return nil
			}
			i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 >= t })
			if i < len(d.mentions) && d.mentions[i].T1 == t {
				if n := d.mentions[i]; !n.Anaphor && n.Ent != nil && n.Ent.Kind == graph.Person {
					return n
				}
			}
			return nil
		}
		if roleNouns[w] {
			role = true
		}
		if !isLowerWord(w) && w != "'s" && w != "’s" && !isTitle(w) {
			return nil
		}
	}
	return nil
}

// personModifierHead returns the person a source phrase names after a
// person-typed modifier and a role noun: in "Lib Dem leader Ann Lee" or
// "Blair aide Ann Lee" the first name (a party the tagger typed PERSON, a
// person's staff) modifies the role, and the last name heads the phrase.
// Only within a tagged source span ending at t1, where no verb stands
// between the names.
func (d *doc) personModifierHead(m *mention, t1 int) *mention {
	if m.T1 >= t1 || !isRoleNoun(d.lower[m.T1]) || d.toks[m.T1].NL > 0 {
		return nil
	}
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 > m.T1 })
	for ; i < len(d.mentions) && d.mentions[i].RoleT0 <= m.T1+3; i++ {
		n := d.mentions[i]
		if !n.Anaphor && n.Ent != nil && n.Ent.Kind == graph.Person && n.T1 <= t1 && d.roleWordsOnly(m.T1, n.T0) {
			return n
		}
	}
	return nil
}
