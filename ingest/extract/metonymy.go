package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
)

// A place's name often stands for a body of people: "Kestrelia beat
// Vexland 2-0" names two national teams, "Kestrelia shelled the border"
// a state's army. The entity stays a place (CoNLL, which the tagger learnt
// from, types such names by what they name, LOC); its mentions record the
// kind the article uses it as (GUM and ACE annotate the mention in
// context: an organisation). An article uses a name in one sense
// throughout (one sense per discourse), so one such use marks the
// entity's other mentions in the article too, except where a locative
// preposition makes the name a place again ("a fan in Kestrelia").

// contestVerbs between two places make both sides competitors (teams, or
// states at war): "Kestrelia defeated Vexland".
var contestVerbs = setOf("defeated", "defeats", "beat", "beats", "faced", "faces", "edged", "thrashed",
	"hammered", "routed", "overcame", "eliminated", "trounced", "outplayed", "played", "plays")

// resultVerbs take a score ("won 2-1", "lost 1 - 2 to Vexland").
var resultVerbs = setOf("won", "win", "wins", "winning", "lost", "lose", "loses", "losing", "drew", "draw",
	"draws", "drawing", "beat", "beats", "defeated", "leads", "led", "trailed", "trails")

// opponentNouns may stand between a contest verb and its object in
// apposition: "defeated debutants Vexland", "beat the hosts Vexland".
var opponentNouns = setOf("the", "debutants", "hosts", "holders", "champions", "rivals", "neighbours",
	"neighbors", "favourites", "favorites", "underdogs", "minnows", "visitors", "opponents")

// armedVerbs are what only a state's forces do, said of a place as
// subject: "Kestrelia invaded", "Vexland fired artillery". Present forms
// that double as plural nouns ("the Kestrel attacks", "fires") are left out.
var armedVerbs = setOf("fired", "attacked", "invaded", "bombed", "shelled", "retaliated", "annexed",
	"mobilised", "mobilized", "deployed", "blockaded")

// fireNouns after "exchanged" make it an exchange of fire.
var fireNouns = setOf("fire", "artillery", "gunfire", "shots", "rockets", "missiles", "shells")

// teamRoles after a place (or its possessive) are a national team's
// people: "the Kestrelia coach", "Vexland's goalkeeper". "Manager" is left
// out: firms and shops have them.
var teamRoles = setOf("coach", "goalkeeper", "keeper", "striker", "defender", "midfielder", "winger",
	"captain", "skipper", "goalie")

// subjectFillers may stand between a subject and its verb: "Kestrelia
// has also fired".
var subjectFillers = setOf("has", "have", "had", "also", "then", "again", "later", "reportedly", "allegedly",
	"twice", "once", "again,")

// locatives before a name make it a place in any article: "in Kestrelia".
var locatives = setOf("in", "at", "into", "inside", "within", "across", "throughout", "near", "around",
	"towards", "toward")

// inContextKinds sets InCtx on the mentions of places the article uses as
// organisations (see above). It runs once the entities' kinds are final.
func (d *doc) inContextKinds() {
	used := map[*entity]bool{}
	bodies := map[*entity]bool{} // named as bodies, not places used as bodies
	for e := range d.personBodies() {
		used[e], bodies[e] = true, true
	}
	for _, ms := range d.bySent {
		for i, m := range ms {
			if !placeName(m) {
				continue
			}
			if d.bodyCue(m) {
				used[m.Ent], bodies[m.Ent] = true, true
			}
			if d.teamRoleAfter(m) || d.teamBefore(m) || d.armedSubject(ms, i, used) {
				used[m.Ent] = true
			}
			d.contest(ms, i, used)
		}
	}
	if len(used) == 0 {
		return
	}
	// A shorter name of a side, one of the words of its full name, is the
	// same side: "Korea" after "South Korea" in a match report.
	var words []string // the words of the sides' names of several words
	for e := range used {
		if f := strings.Fields(e.Name); len(f) > 1 {
			words = append(words, f...)
		}
	}
	for _, m := range d.mentions {
		if placeName(m) && !strings.Contains(m.Ent.Name, " ") && slices.Contains(words, m.Ent.Name) {
			used[m.Ent] = true
		}
	}
	for _, m := range d.mentions {
		if !m.Anaphor && m.Other == nil && used[m.Ent] && (bodies[m.Ent] || !d.locative(m.T0)) {
			m.InCtx = graph.Organization
		}
	}
}

// placeName reports whether a mention names one place.
func placeName(m *mention) bool {
	return m != nil && !m.Anaphor && m.Other == nil && m.Ent != nil && m.Ent.Kind == graph.Place
}

// mentionAt returns the mention of ms that starts at token t, or nil.
func mentionAt(ms []*mention, t int) *mention {
	for _, m := range ms {
		if m.T0 == t {
			return m
		}
	}
	return nil
}

// teamRoleAfter: "the Kestrelia coach", "Vexland's captain".
func (d *doc) teamRoleAfter(m *mention) bool {
	t := m.T1
	if t < len(d.lower) && (d.lower[t] == "'s" || d.lower[t] == "’s") {
		t++
	}
	return t < len(d.lower) && teamRoles[d.lower[t]]
}

// teamBefore: "Team Kestrelia" (the word written with a capital, as a
// team's name is).
func (d *doc) teamBefore(m *mention) bool {
	return m.T0-1 >= d.sents[m.Sent].T0 && d.words[m.T0-1] == "Team"
}

// skipFillers returns the first token from t on that is no subject filler.
func (d *doc) skipFillers(t int) int {
	for n := 0; n < 2 && t < len(d.lower) && subjectFillers[d.lower[t]]; n++ {
		t++
	}
	return t
}

// score returns the token after a score starting at t ("2 - 1", "2–1"),
// or -1.
func (d *doc) score(t int) int {
	if t < len(d.words) && isScore(d.words[t]) {
		return t + 1
	}
	if t+2 < len(d.words) && allDigits(d.words[t]) && isDash(d.words[t+1]) && allDigits(d.words[t+2]) {
		return t + 3
	}
	return -1
}

// isScore reports whether one token is a score such as "2-1" or "3–0".
func isScore(w string) bool {
	for i, r := range w {
		if r == '-' || r == '–' || r == '—' {
			return allDigits(w[:i]) && allDigits(w[i+len(string(r)):])
		}
	}
	return false
}

func allDigits(w string) bool {
	if w == "" || len(w) > 2 {
		return false // scores are small; "2018" is a year
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// contest marks both sides of a contest or a result around mention i:
// "Kestrelia defeated Vexland", "Kestrelia 2 - 1 Vexland", "Kestrelia won
// 2-0", "Kestrelia lost 1-2 to Vexland", "Kestrelia drew with Vexland".
func (d *doc) contest(ms []*mention, i int, used map[*entity]bool) {
	m := ms[i]
	if end := d.score(m.T1); end > 0 {
		// A score line: "Kestrelia 2 - 1 Vexland".
		if o := mentionAt(ms, end); placeName(o) {
			used[m.Ent], used[o.Ent] = true, true
		}
		return
	}
	t := d.skipFillers(m.T1)
	if t >= len(d.lower) {
		return
	}
	v := d.lower[t]
	if resultVerbs[v] {
		if end := d.score(t + 1); end > 0 {
			used[m.Ent] = true
			if end < len(d.lower) && (d.lower[end] == "to" || d.lower[end] == "against") {
				if o := mentionAt(ms, end+1); placeName(o) {
					used[o.Ent] = true
				}
			}
			return
		}
	}
	obj := -1
	switch {
	case contestVerbs[v]:
		obj = t + 1
	case (v == "lost" || v == "drew" || v == "lose" || v == "draw") && t+1 < len(d.lower) &&
		(d.lower[t+1] == "to" || d.lower[t+1] == "with" || d.lower[t+1] == "against"):
		obj = t + 2
	}
	if obj < 0 {
		return
	}
	for n := 0; n < 2 && obj < len(d.lower) && opponentNouns[d.lower[obj]]; n++ {
		obj++
	}
	if o := mentionAt(ms, obj); placeName(o) {
		used[m.Ent], used[o.Ent] = true, true
	}
}

// armedSubject reports whether mention i, alone or first of a list of
// places ("North and South Kestrelia"), is the subject of an armed act;
// the list's other places are marked in used.
func (d *doc) armedSubject(ms []*mention, i int, used map[*entity]bool) bool {
	if i > 0 && ms[i-1].T1 == ms[i].T0-1 && (d.lower[ms[i].T0-1] == "and" || d.lower[ms[i].T0-1] == ",") {
		return false // not the list's first: its first marks it
	}
	list := []*mention{ms[i]}
	end := ms[i].T1
	for j := i + 1; j < len(ms) && end < len(d.lower); j++ {
		if (d.lower[end] == "and" || d.lower[end] == ",") && ms[j].T0 == end+1 && placeName(ms[j]) {
			list = append(list, ms[j])
			end = ms[j].T1
			continue
		}
		break
	}
	t := d.skipFillers(end)
	if t >= len(d.lower) {
		return false
	}
	armed := armedVerbs[d.lower[t]]
	switch d.lower[t] {
	case "exchanged", "exchange", "traded":
		armed = t+1 < len(d.lower) && fireNouns[d.lower[t+1]] || t+2 < len(d.lower) && fireNouns[d.lower[t+2]]
	case "declared", "declares":
		armed = t+1 < len(d.lower) && d.lower[t+1] == "war"
	}
	if armed {
		for _, m := range list {
			used[m.Ent] = true
		}
	}
	return armed
}

// locative reports whether a locative preposition, with an optional
// "the", stands right before token t.
func (d *doc) locative(t int) bool {
	if t >= 1 && d.lower[t-1] == "the" {
		t--
	}
	return t >= 1 && locatives[d.lower[t-1]]
}
