package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// A firm that speaks ("Kestrel said ...") is often a one-word name the
// tagger has not seen, and the tagger reads most such names as people.
// Unless the article names the firm's shares or profits (firmContext),
// nothing corrected that reading. What the article says around the name
// tells a firm from a person: a firm refers back to itself as "it" and
// "its" ("Kestrel said it would cut prices", "Kestrel said its sales
// rose", "Kestrel will enter the market with its new phone"), a person as
// "he" or "she"; a firm has a chief executive, customers and scientists
// at it, a legal suffix ("Kestrel plc"), an apposition or a trade headed
// by a firm's noun ("Kestrel, the software firm,", "consultancy
// Kestrel"), results it reports ("Kestrel reported a loss"), "the
// company" taking up what it said, and in British news a plural verb
// ("Kestrel are"). Each cue is one the writer uses of a body, not of a
// person; a name the article also uses as a person's (personUse) keeps
// its kind, and so does a name of three words or more, or of two words
// whose first is a given name.

// speechAdverbs stand between a speaker and its verb: "Kestrel has also
// said".
var speechAdverbs = setOf("has", "had", "have", "also", "now", "later", "earlier", "previously", "already",
	"recently")

// tellForms take an object before their clause: "told the BBC it would".
var tellForms = setOf("told", "tells", "tell", "telling", "assured", "assures", "informed", "informs")

// itAuxiliaries stand between "it" and its verb: "it would not", "it has
// also".
var itAuxiliaries = setOf("would", "will", "had", "has", "have", "could", "can", "may", "might", "did",
	"does", "do", "should", "not", "n't", "never", "yet", "also", "now", "still", "already", "soon", "was",
	"is", "were", "be")

// agentVerbs are acts only an agent does, so that "it" doing one is a
// body, never the "it" of "it would be hard": planning, expecting,
// believing and deciding, telling and promising, and a firm's trade
// (selling, cutting jobs, investing, appealing a ruling, commenting). Verbs
// a report or a plan does as well ("it suggests", "it would cost") are
// left out.
var agentVerbs = func() map[string]bool {
	forms := formsOf([]string{"plan", "expect", "intend", "aim", "hope", "want", "wish", "prefer", "agree",
		"decide", "refuse", "decline", "believe", "know", "think", "welcome", "regret", "reject", "accept",
		"receive", "ask", "tell", "inform", "contact", "apologise", "apologize", "promise", "pledge", "vow",
		"insist", "deny", "admit", "confirm", "sell", "buy", "cut", "close", "employ", "launch", "release",
		"unveil", "build", "develop", "produce", "offer", "seek", "consider", "review", "invest", "pay",
		"appeal", "contest", "comment", "cooperate", "co-operate", "shed", "axe", "acquire", "merge", "bid",
		"ship", "supply", "sue", "spend", "hire", "recruit", "appoint", "file", "compete", "quit"})
	for _, f := range []string{"sold", "bought", "sought", "spent", "paid", "built", "knew", "known", "told",
		"thought", "cutting", "bidding", "quitting", "using"} {
		forms[f] = true
	}
	return forms
}()

// agentStates after "it was" or "it is" are an agent's, never the
// weather's or a situation's: "it was disappointed", "it is confident".
var agentStates = setOf("confident", "disappointed", "pleased", "delighted", "aware", "unaware", "committed",
	"determined", "satisfied", "happy", "keen", "unable", "willing", "reluctant", "prepared", "talking")

// firmOwned after a name's possessive are what a firm has and a person
// has not: "Kestrel's customers", "Vexa's founder", "Vexa's economists".
// A person has a chief of staff and a manager, but no chief executive.
var firmOwned = setOf("sales", "results", "earnings", "revenue", "revenues", "turnover", "customers",
	"products", "employees", "chairman", "chairwoman", "headquarters", "stores", "shops", "factories",
	"subscribers", "dividend", "founder", "founders", "co-founder", "ceo", "economist", "economists",
	"analyst", "analysts", "strategist", "researchers", "engineers")

// firmChiefs follow "chief" in the title of a firm's officer: "Vexa's
// chief executive".
var firmChiefs = setOf("executive", "financial", "operating", "economist", "technology", "technical")

// workStaff, like firmStaff, before "at" and a name are a body's people:
// "scientists at Kestrel", "an analyst at Vexa". A person's name takes no
// "at".
var workStaff = setOf("scientists", "researchers", "engineers", "staff", "workers")

// firmTrades in apposition before a one-word name are trades news names
// firms by, beside firmNouns: "consultancy Kestrel", "property website
// Vexa", "carmaker Kestrel". A "film-maker" or a "playmaker" is a person,
// so the makers are listed.
var firmTrades = setOf("consultancy", "website", "brewer", "distiller", "miner", "developer", "carmaker",
	"automaker", "drugmaker", "chipmaker", "winemaker", "steelmaker", "toymaker", "beermaker")

// tradeVerbs with a tradeResult after them are a firm's report of its
// trading: "Kestrel reported a 5% rise in profits".
var tradeVerbs = setOf("reported", "reports", "posted", "posts", "announced", "announces", "recorded",
	"records", "booked", "unveiled", "unveils", "made", "makes")

// tradeResults are what a firm's trading yields.
var tradeResults = setOf("profit", "profits", "loss", "losses", "sales", "revenue", "revenues", "earnings",
	"turnover", "dividend")

// firmCue reports whether mention m stands where a firm's name does and
// a person's does not: speaking of itself as "it" or "its", a firm's
// possession or people after it, its staff or trade before it, an
// apposition with a firm's noun, results it reports, "the company" taking
// up what it said, a plural verb, or "its" later in its clause.
func (d *doc) firmCue(m *mention) bool {
	t := m.T1
	if t+1 < len(d.lower) && (d.lower[t] == "'s" || d.lower[t] == "’s") {
		// "Vexa's Tom Hale": a body's own person; a person's relative
		// comes with a noun ("Hale's wife Ann"). A work the tagger reads
		// as a person's name follows a person's possessive ("Anna
		// Berg's Madame Vell"), so only a one-word name counts, before
		// a given name.
		w := d.lower[t+1]
		if firmOwned[w] || w == "chief" && t+2 < len(d.lower) && firmChiefs[d.lower[t+2]] ||
			m.T1-m.T0 == 1 && d.givenPersonAt(t+1) {
			return true
		}
		t++ // "Kestrel's said": the name's own "'s", as in a founder's firm
	}
	one := m.T1-m.T0 == 1
	if one && t+1 < len(d.lower) && d.lower[t] == "and" && d.lower[t+1] == "its" {
		return true // "Vexa and its rivals"
	}
	if m.T0 >= 2 && d.lower[m.T0-1] == "at" && (firmStaff[d.lower[m.T0-2]] || workStaff[d.lower[m.T0-2]]) {
		return true
	}
	if one && m.T0 >= 1 && firmTrades[d.lower[m.T0-1]] {
		return true
	}
	if s := d.afterSpeech(t); s >= 0 {
		for s < len(d.lower) && quantWords[d.lower[s]] {
			s++ // "Kestrel admitted one of its staff"
		}
		if s < len(d.lower) && (d.lower[s] == "its" || d.lower[s] == "it" && (d.agentAfter(s+1) || d.itsAfter(s+1))) ||
			d.companyNext(m) {
			return true
		}
	}
	return d.firmApposition(t) || d.reportsResults(t) || d.pluralVerb(m) || one && d.verbAt(t) && d.firstPronoun(m) == "its"
}

// plannedStates with "to" after "is" or "was" say what the subject will
// do: "is set to", "was expected to".
var plannedStates = setOf("set", "expected", "due", "likely", "poised", "about", "going", "planning", "hoping")

// verbAt reports whether token t opens an active verb phrase: an
// auxiliary, or an agent's or a trader's verb. "Its" later in the clause
// then refers back to the subject before it ("Kestrel will enter the
// market with its new phone"), not to a noun after the name ("the Hale
// film made its debut"). After "was" or "is" only an -ing form or an
// agent's state counts: a show or a book "was axed after its ratings
// fell" and "was a hit for its blend" as well. A reporting verb opens a
// clause with a subject of its own, which "its" takes up.
func (d *doc) verbAt(t int) bool {
	i, be := t, false
	for i < len(d.lower) && i < t+4 && (itAuxiliaries[d.lower[i]] || strings.HasSuffix(d.lower[i], "ly")) {
		be = be || d.lower[i] == "was" || d.lower[i] == "is" || d.lower[i] == "were" || d.lower[i] == "be"
		i++
	}
	if i+1 >= len(d.lower) {
		return false
	}
	w := d.lower[i]
	switch {
	case be:
		// "is to restate its accounts", "was set to sell its stake"
		return agentStates[w] || strings.HasSuffix(w, "ing") && len(w) > 4 || w == "to" ||
			plannedStates[w] && d.lower[i+1] == "to"
	case reportingForms[w] && !agentVerbs[w]:
		return false // "Hale said the plan had lost its way"
	case i > t:
		return w != "its"
	}
	return agentVerbs[w] || tradeVerbs[w]
}

// pluralVerb reports whether a plural verb follows mention m as the
// subject its sentence opens with: "Kestrel are expected to", "Vexa have
// said". British news gives a firm, a club or a band a plural verb; a
// person's name never takes one. Inside a sentence the name may end a
// list or a phrase whose head is plural ("Hale and Berg are", "hopes
// for Hale are").
func (d *doc) pluralVerb(m *mention) bool {
	if m.T1 >= len(d.lower) || m.T0 != d.sents[m.Sent].T0 {
		return false
	}
	switch d.lower[m.T1] {
	case "are", "were", "have":
		return true
	}
	return false
}

// quantWords stand between a verb and "its" in a share of the speaker's
// own: "one of its", "all its".
var quantWords = setOf("one", "some", "all", "many", "most", "none", "both", "several", "of")

// speechTimes stand between a reporting verb and its clause: "announced
// on Monday that", "said last week".
var speechTimes = setOf("yesterday", "today", "tonight", "earlier", "later", "last", "this", "week", "month",
	"year", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// afterSpeech returns the token after the reporting verb that follows
// token t ("said", "has also said that", "has repeatedly said", "told
// the BBC", "announced on Monday that"), or -1 when no reporting verb
// follows.
func (d *doc) afterSpeech(t int) int {
	for n := 0; n < 3 && t < len(d.lower) && (speechAdverbs[d.lower[t]] || strings.HasSuffix(d.lower[t], "ly")); n++ {
		t++
	}
	if t >= len(d.lower) || !reportingForms[d.lower[t]] {
		return -1
	}
	t++
	for n := 0; n < 3 && t < len(d.lower) && speechTimes[d.lower[t]]; n++ {
		t++
	}
	if tellForms[d.lower[t-1]] {
		// The addressee, up to four words: "told the BBC", "told
		// reporters".
		for n := 0; n < 4 && t < len(d.lower) && d.lower[t] != "it" && d.lower[t] != "its" && d.lower[t] != "that"; n++ {
			t++
		}
	}
	if t < len(d.lower) && d.lower[t] == "that" {
		t++
	}
	return t
}

// agentAfter reports whether the words from token t, after "it", make "it"
// an agent: an agent's verb after at most three auxiliaries ("it would
// not comment", "it expects"), an agent's state after "was" or "is", or
// "had no plans". After "was" or "is" a past form is passive ("it was
// agreed", "it is expected": no agent, and "it" is no one), so only an
// -ing form or a state counts.
func (d *doc) agentAfter(t int) bool {
	be := false
	for n := 0; n < 3 && t < len(d.lower) && itAuxiliaries[d.lower[t]]; n++ {
		be = be || d.lower[t] == "was" || d.lower[t] == "is" || d.lower[t] == "were" || d.lower[t] == "be"
		t++
	}
	if t >= len(d.lower) {
		return false
	}
	w := d.lower[t]
	switch {
	case be:
		return agentStates[w] || agentVerbs[w] && strings.HasSuffix(w, "ing")
	case w == "no":
		return t+1 < len(d.lower) && (d.lower[t+1] == "plans" || d.lower[t+1] == "intention")
	}
	return agentVerbs[w]
}

// itsAfter reports whether "its" follows token t, after "it", within
// the clause: "it would sell its stake". "It" and "its" are then one
// agent with things of its own, the speaker's.
func (d *doc) itsAfter(t int) bool {
	for i := t; i < len(d.lower) && i < t+6; i++ {
		switch w := d.lower[i]; {
		case w == "its":
			return true
		case w == "," || w == "." || w == ";" || personPronouns[w] || d.nameWord(i):
			return false
		}
	}
	return false
}

// companyNext reports whether the sentence after speaker m's opens with
// "The company" or "The firm" and m's sentence names no other body the
// noun could take up.
func (d *doc) companyNext(m *mention) bool {
	si := m.Sent + 1
	if si >= len(d.sents) {
		return false
	}
	t := d.sents[si].T0
	if t+1 >= len(d.lower) || d.lower[t] != "the" || d.lower[t+1] != "company" && d.lower[t+1] != "firm" {
		return false
	}
	for _, o := range d.bySent[m.Sent] {
		if o.Ent != m.Ent && o.Kind != graph.Person && o.Kind != graph.Place {
			return false
		}
	}
	return true
}

// firmApposition reports whether a comma and an apposition headed by a
// firm's noun follow token t: "Kestrel, the software firm, said". An
// apposition with "of" or "at" in it is headed by a person's role ("the
// head of the firm").
func (d *doc) firmApposition(t int) bool {
	if t+2 >= len(d.lower) || d.words[t] != "," || d.lower[t+1] != "the" && d.lower[t+1] != "a" && d.lower[t+1] != "an" {
		return false
	}
	for i := t + 2; i < len(d.lower) && i <= t+7; i++ {
		switch d.lower[i] {
		case ",", ".", "said", "says":
			return firmNouns[d.lower[i-1]] || firmBefore[d.lower[i-1]]
		case "of", "at", "for", "with", "'s", "’s", "and":
			return false
		}
	}
	return false
}

// reportsResults reports whether a verb of reporting results and, within
// eight words, a result follow token t: "Kestrel reported a 5% rise in
// profits", "Vexa made a loss".
func (d *doc) reportsResults(t int) bool {
	for n := 0; n < 2 && t < len(d.lower) && speechAdverbs[d.lower[t]]; n++ {
		t++
	}
	if t >= len(d.lower) || !tradeVerbs[d.lower[t]] {
		return false
	}
	for i := t + 1; i < len(d.lower) && i <= t+8; i++ {
		if tradeResults[d.lower[i]] {
			return true
		}
		if d.lower[i] == "," || d.lower[i] == "." || d.nameWord(i) {
			return false
		}
	}
	return false
}

// hasSuffixForm reports whether the article writes e's one-word name with
// a firm's suffix (companySuffixes, capitalised) somewhere: "Kestrel Inc".
func (d *doc) hasSuffixForm(e *entity) bool {
	for _, f := range e.forms {
		if strings.Contains(f, " ") {
			continue
		}
		for i := 0; i+1 < len(d.words); i++ {
			suffix := strings.TrimSuffix(d.words[i+1], ".")
			if d.words[i] == f && hasUpperOrDigit(suffix) && companySuffixes[lowerASCII(suffix)] {
				return true
			}
		}
	}
	return false
}

// personPronouns after a name, before any other name or "it", refer back
// to it as a person: "Hale said he would", "Hale, who".
var personPronouns = setOf("he", "she", "his", "her", "him", "himself", "herself")

// personUse reports whether the article uses e's name as a person's: a
// title, gender or person's role (personCue), a given name before it, a
// longer person's name ending with it ("Tom Hale ... Hale"), or "he" or
// "she" taking it up. One such use makes the name a person's, whatever
// firm cue stands elsewhere: a footballer known by one name says "it"
// of his club.
func (d *doc) personUse(e *entity) bool {
	if e.gender != 0 || d.personCue(e) || len(e.forms) == 0 {
		return true
	}
	n := len(strings.Fields(e.forms[0]))
	for _, f := range e.forms {
		w := strings.Fields(f)
		if len(w) != n || len(w) > 2 || femaleNames[lowerASCII(w[0])] || maleNames[lowerASCII(w[0])] {
			return true
		}
		for i := range w {
			// A word the article also writes in lower case is a
			// common noun at a sentence's start ("Mobiles are"), no
			// firm's name.
			if !capitalisedWord(w[i]) || d.lowered[strings.ToLower(w[i])] {
				return true
			}
		}
	}
	w := strings.Fields(e.forms[0])
	last := lowerASCII(w[len(w)-1])
	for _, o := range d.ents {
		if o == e || !personWins(o) {
			continue
		}
		for _, f := range o.forms {
			if ow := strings.Fields(f); len(ow) > len(w) && lowerASCII(ow[len(ow)-1]) == last {
				return true
			}
		}
	}
	for _, m := range d.mentions {
		if m.Ent == e && !m.Anaphor && (d.pronounAfter(m) || d.pronounNext(m)) {
			return true
		}
	}
	return false
}

// capitalisedWord reports whether a name's word begins with a capital
// letter.
func capitalisedWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// pronounAfter reports whether the first pronoun after mention m in its
// sentence, before any other name, is a person's, or "who" follows it:
// "Hale said he would", "Hale, who".
func (d *doc) pronounAfter(m *mention) bool {
	if m.T1+1 < len(d.lower) && d.words[m.T1] == "," && d.lower[m.T1+1] == "who" {
		return true
	}
	return personPronouns[d.firstPronoun(m)]
}

// firstPronoun returns the first third-person singular pronoun after
// mention m in its sentence, before any other name, or "": the one most
// likely to take m up ("Kestrel will enter the market with its new
// phone", "Hale said he would").
func (d *doc) firstPronoun(m *mention) string {
	end := d.sents[m.Sent].T1
	for _, o := range d.bySent[m.Sent] {
		if o.T0 >= m.T1 && o.T0 < end {
			end = o.T0
		}
	}
	for t := m.T1; t < end; t++ {
		if w := d.lower[t]; personPronouns[w] || w == "it" || w == "its" || w == "itself" {
			return w
		}
	}
	return ""
}

// pronounNext reports whether the sentence after mention m's opens with
// "He" or "She" and m is the only person its own sentence names, so that
// the pronoun can only be m.
func (d *doc) pronounNext(m *mention) bool {
	si := m.Sent + 1
	if si >= len(d.sents) || d.lower[d.sents[si].T0] != "he" && d.lower[d.sents[si].T0] != "she" {
		return false
	}
	for _, o := range d.bySent[m.Sent] {
		if o.Ent != m.Ent && o.Kind == graph.Person {
			return false
		}
	}
	return true
}

// givenPersonAt reports whether a person's name of two words or more,
// the first a given name, starts at token t: "Tom Hale".
func (d *doc) givenPersonAt(t int) bool {
	for _, m := range d.mentions {
		if m.T0 == t {
			return m.Kind == graph.Person && m.T1-m.T0 >= 2 && !m.Anaphor && givenNameGender(d.span(m.T0, m.T1).Text) != 0
		}
	}
	return false
}
