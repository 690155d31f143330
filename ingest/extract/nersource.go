package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// NERSource adapts the statistical tagger of package ner to a
// MentionSource. PER becomes PERSON and LOC PLACE; ORG becomes GROUP,
// OUTLET or ORGANIZATION by its head word (the gazetteer, which wins ties
// on equal spans, refines it further); MISC is dropped, since no entity
// kind fits nationalities, events or titles.
type NERSource struct {
	m *ner.Model
	// names is the accurate extractor's network, which tags a whole
	// document at once; nil for the perceptron m, sentence by sentence.
	names *ner.Names
}

var _ MentionSource = (*NERSource)(nil)

// NewNERSource wraps a loaded perceptron.
func NewNERSource(m *ner.Model) *NERSource { return &NERSource{m: m} }

// NewNameNetworkSource wraps a loaded name network. As a MentionSource it
// sees one sentence at a time and tags it as a document of one; the
// extractor gives it whole documents (documentNames).
func NewNameNetworkSource(nm *ner.Names) *NERSource {
	return &NERSource{m: nm.Perceptron(), names: nm}
}

// Name identifies the tagger in citations. It is safe on a nil source
// (rules only), which compares as no tagger's.
func (s *NERSource) Name() string {
	if s != nil && s.names != nil {
		return "ner/neural-1"
	}
	return "ner/perceptron-1"
}

// Mentions tags one sentence.
func (s *NERSource) Mentions(sen Sentence) []Candidate {
	var out []Candidate
	for _, sp := range s.spans(sen.Tokens, nil) {
		if sp.Label == "MISC" {
			continue
		}
		out = append(out, nerCandidate(sen.Tokens, sp))
	}
	return out
}

// spans tags tokens (taggerTokens says how they are given to the
// tagger and its spans mapped back).
func (s *NERSource) spans(tokens []string, attached func(i int) bool) []ner.Span {
	words, back := taggerTokens(tokens, attached)
	if s.names != nil {
		return back.spans(s.names.DocumentSpans([][]string{words}, nil)[0])
	}
	return back.spans(s.m.Spans(words))
}

// nerConfidence is how far a tagger mention is trusted: about its
// precision on held-out news.
var nerConfidence = map[string]float64{"PER": 0.85, "LOC": 0.85, "ORG": 0.75}

func nerCandidate(tokens []string, sp ner.Span) Candidate {
	if sp.End-sp.Start > 1 && lowerASCII(tokens[sp.Start]) == "the" {
		sp.Start++ // "The Frontier Hour": the article is not part of the name
	}
	for k := sp.End - 2; k >= sp.Start; k-- {
		if modifierCompound(tokens[k]) {
			sp.Start = k + 1 // "Gaza-based Kestrel Aid": the name follows the modifier
			break
		}
	}
	c := Candidate{Start: sp.Start, End: sp.End, Confidence: nerConfidence[sp.Label]}
	switch sp.Label {
	case "PER":
		c.Kind = headKind(tokens[sp.Start:sp.End], graph.Person) // "Andy Warhol Foundation"
	case "LOC":
		c.Kind = headKind(tokens[sp.Start:sp.End], graph.Place)
	default:
		c.Kind = headKind(tokens[sp.Start:sp.End], graph.Organization)
	}
	return c
}

// headKind types an organisation or place name by its head word: "...
// Party" is a group, "... Times" an outlet, "Radio ..." an outlet, an
// organisation named for a site ("... Space Center", "Museum of ...") a
// place; other names keep the kind def.
func headKind(words []string, def graph.EntityKind) graph.EntityKind {
	if len(words) < 2 {
		return def
	}
	if isSite(words, def) {
		return graph.Place
	}
	if k, ok := headWords[lowerASCII(words[len(words)-1])]; ok && k != graph.Place {
		return k
	}
	if k, ok := prefixHeads[lowerASCII(words[0])]; ok && k != graph.Place {
		return k
	}
	return def
}

// isSite reports whether a name of two words or more that the tagger
// typed def (an organisation or a person) names a site or a natural
// feature: its head word is a site's ("... Stadium", "... Sea"), a centre
// named for what happens at it ("... Space Center"), a qualified one
// ("... National Forest"), a two-word unit ("Phitsanulok Province"), or it
// is a museum ("Museum of ..."), and no organisation's head begins it.
func isSite(words []string, def graph.EntityKind) bool {
	if len(words) < 2 {
		return false
	}
	first, last := lowerASCII(words[0]), lowerASCII(words[len(words)-1])
	if k := prefixHeads[first]; k != "" && k != graph.Place {
		return false
	}
	switch def {
	case graph.Organization:
		before := lowerASCII(words[len(words)-2])
		switch {
		case (last == "centre" || last == "center") && venueWords[before],
			qualifiedSites[last][before], unitSites[last] && len(words) == 2:
			return true
		}
		return siteHeads[last] || len(words) > 2 && first == "museum" && lowerASCII(words[1]) == "of"
	case graph.Person:
		return personSites[last]
	}
	return false
}

func lowerASCII(w string) string {
	b := []byte(w)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// defaultTagger is the embedded tagger: it is immutable, and every
// extractor alive at once shares it.
var defaultTagger = &sharedModel[NERSource]{load: func() (*NERSource, error) {
	m, err := ner.Load()
	if err != nil {
		return nil, err
	}
	return NewNERSource(m), nil
}}

// accurateTagger is the embedded accurate tagger, the name network on the
// accurate perceptron, shared like defaultTagger.
var accurateTagger = &sharedModel[NERSource]{load: func() (*NERSource, error) {
	nm, err := ner.LoadAccurateNames()
	if err != nil {
		return nil, err
	}
	return NewNameNetworkSource(nm), nil
}}

// taggerMentions adds the tagger's mentions of s to out, whose first nGaz
// candidates come from the gazetteer and the rest from capitalised runs.
// The tagger replaces guessing from capitals: a capitalised-run candidate
// survives only where the tagger found nothing (MISC included) and a
// strong cue typed it (a title, a head word); the other runs stay untyped,
// kept only for surname and acronym resolution.
func (d *doc) taggerMentions(s sentence, out []candidate, nGaz int) []candidate {
	if !d.hasName(s) {
		return out
	}
	var spans []ner.Span
	if d.nerSpans != nil {
		spans = d.nerSpans[s.Index]
	} else {
		spans = d.x.tagger.spans(d.words[s.T0:s.T1], func(i int) bool {
			return d.toks[s.T0+i-1].B1 == d.toks[s.T0+i].B0
		})
	}
	eventNames(d.words[s.T0:s.T1], spans)
	productSpans(d.products, d.words[s.T0:s.T1], spans)
	spans = suffixSpans(d.words[s.T0:s.T1], spans)
	covered := func(t0, t1 int) bool {
		for _, sp := range spans {
			if s.T0+sp.Start < t1 && t0 < s.T0+sp.End {
				return true
			}
		}
		return false
	}
	kept := out[:0]
	for _, c := range out[:nGaz] {
		if c.Gaz.Curated && c.Kind != graph.Place || d.taggerAgrees(s, spans, c) {
			kept = append(kept, c)
		}
	}
	for _, c := range out[nGaz:] {
		switch {
		case c.Rule == "title" || c.Rule == "head-word":
			// A strong cue; competes with the tagger by length.
		case covered(c.T0, c.T1):
			continue
		default:
			c.Kind, c.Rule = "", "single"
		}
		kept = append(kept, c)
	}
	words := d.words[s.T0:s.T1]
	for _, whole := range spans {
		if whole.Label == "MISC" || d.heading[s.Index] && d.commonWords(words[whole.Start:whole.End]) {
			continue
		}
		for _, conj := range andSpans(words, whole) {
			for _, part := range d.ofSpans(words, conj) {
				for _, titled := range d.titledSpans(words, part) {
					for _, bare := range d.adherentSpans(words, titled) {
						for _, sp := range d.bodyHeadSpans(words, bare) {
							if sp.End-sp.Start == 1 && ampersandNouns[lowerASCII(words[sp.Start])] {
								continue
							}
							c := nerCandidate(words, sp)
							kept = append(kept, candidate{T0: s.T0 + c.Start, T1: s.T0 + c.End, Kind: c.Kind, Conf: c.Confidence,
								RoleT0: s.T0 + c.Start, Rule: d.x.tagger.Name(), Prio: prioNER})
						}
					}
				}
			}
		}
	}
	return kept
}

// ofSpans splits an organisation the tagger read across "of" where the
// words before it end a name of their own: a company suffix ("Kestrel
// Cranes Inc. of Houston" is a firm of a place) or a personal name of two
// plain words or more before an organisation's head word ("Anne Berg of
// Harlow Media Group" or of "HMG" is a person of an organisation; "Bank of Norway", "Royal Society of Arts" and "Museum of
// Flight" stay whole, their first part being one word or holding a head
// word). CoNLL rarely writes either inside one name, so the tagger has
// not learnt where such names end.
func (d *doc) ofSpans(words []string, sp ner.Span) []ner.Span {
	if sp.Label != "ORG" {
		return []ner.Span{sp}
	}
	for k := sp.Start + 1; k+2 < sp.End; k++ {
		end := k + 1
		if words[end] == "." {
			end++ // "Inc ." as the tokenizer splits it
		}
		if end+1 >= sp.End || lowerASCII(words[end]) != "of" || !hasUpperOrDigit(words[end+1]) {
			continue
		}
		if companySuffixes[strings.TrimSuffix(lowerASCII(words[k]), ".")] {
			return []ner.Span{{Start: sp.Start, End: end, Label: sp.Label}, {Start: end + 1, End: sp.End, Label: "LOC"}}
		}
		last := strings.TrimSuffix(lowerASCII(words[sp.End-1]), ".")
		orgAfter := headWords[last] != "" && headWords[last] != graph.Place || companySuffixes[last] || orgHeads[last] ||
			end+2 == sp.End && isAcronym(words[end+1])
		if end == k+1 && k+1-sp.Start >= 2 && orgAfter && d.plainName(words[sp.Start:k+1]) && prefixHeads[lowerASCII(words[sp.Start])] == "" {
			return []ner.Span{{Start: sp.Start, End: k + 1, Label: "PER"}, {Start: end + 1, End: sp.End, Label: sp.Label}}
		}
	}
	return []ner.Span{sp}
}

// titledSpans splits an organisation or place the tagger read across a
// title into the name before the title and the person after it: "US
// President Barack Obama", "NASA Administrator Charles Bolden" (CoNLL
// writes such titles in lower case, so the tagger has seldom seen them
// capitalised inside a name). The title then becomes the person's role.
// A name the title begins ("General Electric Co") or whose remainder has
// a connector or a head word of its own ("Queen Mary University") is
// left whole; so is a prefix of common words ("Emeritus"), which is
// dropped.
func (d *doc) titledSpans(words []string, sp ner.Span) []ner.Span {
	if per, ok := d.titleLedSpan(words, sp); ok {
		return []ner.Span{per}
	}
	if sp.Label == "PER" {
		return []ner.Span{sp}
	}
	if sp.End-sp.Start < 4 {
		return d.officeHolderSpans(words, sp)
	}
	for k := sp.Start + 1; k+2 < sp.End+1; k++ {
		w := lowerASCII(words[k])
		if !isTitle(w) && !roleNouns[w] || !hasUpperOrDigit(words[k]) {
			continue
		}
		if sp.End-(k+1) < 2 || !d.plainName(words[k+1:sp.End]) {
			return []ner.Span{sp}
		}
		var out []ner.Span
		if !d.commonWords(words[sp.Start:k]) {
			out = append(out, ner.Span{Start: sp.Start, End: k, Label: sp.Label})
		}
		return append(out, ner.Span{Start: k + 1, End: sp.End, Label: "PER"})
	}
	return d.officeHolderSpans(words, sp)
}

// bodyHeadSpans splits an organisation the tagger read across a body's
// head noun and a personal name after it: "the Kestrel Council Ann Berg"
// is news shorthand for the council's Ann Berg, the body's name used as a
// premodifier of its officer's. A body's name ends at its head noun; what
// follows is a name of its own when it is exactly a given name and a
// surname, capitalised words that running text never writes in lower
// case ("Kestrel University Medical Campus" stays whole) and that hold no
// head word of their own.
func (d *doc) bodyHeadSpans(words []string, sp ner.Span) []ner.Span {
	k := sp.End - 3 // the head's index: two words of a name after it
	if sp.Label != "ORG" || k <= sp.Start {
		return []ner.Span{sp}
	}
	name := words[k+1 : sp.End]
	if !bodyHead(words[k]) || !d.plainName(name) || !d.noCommonWord(name) {
		return []ner.Span{sp}
	}
	return []ner.Span{{Start: sp.Start, End: k + 1, Label: sp.Label}, {Start: k + 1, End: sp.End, Label: "PER"}}
}

// bodyHead reports whether w is the head noun of a body's name.
func bodyHead(w string) bool {
	k := headWords[lowerASCII(w)]
	return k == graph.Organization || k == graph.Group
}

// andSpans splits an organisation the tagger read across "and" into the
// two bodies it coordinates, where each side has a body's head noun of
// its own: "the Kestrel Institute of Technology and Dorval State
// University" names two bodies, while "Procter and Gamble" or "the
// School of Law and Economics" (no head after "and") is one name.
func andSpans(words []string, sp ner.Span) []ner.Span {
	if sp.Label != "ORG" {
		return []ner.Span{sp}
	}
	for j := sp.Start + 2; j+2 < sp.End; j++ {
		if words[j] != "and" || !hasUpperOrDigit(words[j+1]) {
			continue
		}
		if slices.ContainsFunc(words[sp.Start:j], bodyHead) && slices.ContainsFunc(words[j+1:sp.End], bodyHead) {
			return []ner.Span{{Start: sp.Start, End: j, Label: sp.Label}, {Start: j + 1, End: sp.End, Label: sp.Label}}
		}
		return []ner.Span{sp}
	}
	return []ner.Span{sp}
}

// noCommonWord reports whether no word is one running text writes in
// lower case.
func (d *doc) noCommonWord(words []string) bool {
	for _, w := range words {
		if d.x.tagger.m.UsuallyLower(w) {
			return false
		}
	}
	return true
}

// plainName reports whether words could be a personal name: capitalised
// words, none of them a connector, a title or a head word of a name.
func (d *doc) plainName(words []string) bool {
	for _, w := range words {
		l := lowerASCII(w)
		if !hasUpperOrDigit(w) || connectors[l] || isTitle(l) || headWords[l] != "" || prefixHeads[l] != "" {
			return false
		}
	}
	return true
}

// eventNameEnds end the names of events: "the Kestrel Lantern Festival",
// "the Vexa Cup". CoNLL, which the tagger learnt from, types events MISC,
// as no entity kind of ours fits them, yet the tagger often reads a new
// one as a body or a place by its first words. "Games" is left out (firms
// that make them), and "Conference" (bishops' and rectors' bodies).
var eventNameEnds = setOf("Festival", "Fair", "Expo", "Championship", "Championships", "Cup", "Olympics",
	"Tournament", "Marathon", "Awards", "Prix", "Summit", "Carnival", "Olympiad")

// diseaseNameEnds end the names of diseases and conditions
// ("Creutzfeldt-Jakob Disease", "Bovine Spongiform Encephalopathy"),
// which are no actors either, whatever the person's or place's name in
// them.
var diseaseNameEnds = setOf("Disease", "Syndrome", "Encephalopathy", "Fever", "Virus", "Flu", "Influenza",
	"Sclerosis", "Dystrophy", "Palsy")

// eventNames relabels MISC the tagger's names of several words that end
// in an event's or a disease's head, so that, like other MISC names, they make no
// entity and keep the gazetteer's and the capitalised runs' guesses off
// their words.
func eventNames(words []string, spans []ner.Span) {
	for i, sp := range spans {
		if last := words[sp.End-1]; sp.Label != "MISC" && sp.End-sp.Start > 1 && (eventNameEnds[last] || diseaseNameEnds[last]) {
			spans[i].Label = "MISC"
		}
	}
}

// taggerAgrees reports whether a derived gazetteer match may stand against
// the tagger: not inside what the tagger calls MISC ("Russian" is not
// Russia), and not on the very span the tagger gives another type
// ("CHICAGO" the team in a results table), and, for a one-word alias, not
// where the tagger sees no name at all. Curated groups, organisations
// and outlets always stand: the tagger learnt CoNLL's habit of calling
// movements such as the Taliban MISC.
func (d *doc) taggerAgrees(s sentence, spans []ner.Span, c candidate) bool {
	confirmed := c.T1-c.T0 > 1 || isAcronym(d.words[c.T0])
	for _, sp := range spans {
		t0, t1 := s.T0+sp.Start, s.T0+sp.End
		if t1 <= c.T0 || c.T1 <= t0 {
			continue
		}
		if sp.Label == "MISC" && c.T0 >= t0 && c.T1 <= t1 {
			return false
		}
		if t0 == c.T0 && t1 == c.T1 && sp.Label != coarseLabel(c.Kind) && !d.countryAsBody(c, sp.Label) {
			return false
		}
		confirmed = true
	}
	// A one-word derived alias the tagger sees no name in is a common
	// word ("Union" for a rebel coalition).
	return confirmed
}

// countryAsBody reports whether c is a country's own name that the tagger
// read as an organisation: a national team ("Kestrelia 2 Vexland 1") or a
// state acting. The entity stays the country, as CoNLL types such names
// (LOC), and its mention records the use (inContextKinds); else one
// article would hold the country twice, as a place and as a body.
func (d *doc) countryAsBody(c candidate, label string) bool {
	return label == "ORG" && c.Gaz.PlaceType == placeCountry && strings.EqualFold(d.span(c.T0, c.T1).Text, c.Gaz.Name)
}

// coarseLabel maps a kind onto the tagger's labels.
func coarseLabel(k graph.EntityKind) string {
	switch k {
	case graph.Person:
		return "PER"
	case graph.Place:
		return "LOC"
	}
	return "ORG"
}

// commonWords reports whether every word is one that running text writes
// in lower case: in a title-case heading such words are not names.
func (d *doc) commonWords(words []string) bool {
	for _, w := range words {
		if !d.x.tagger.m.UsuallyLower(w) {
			return false
		}
	}
	return true
}

// hasName reports whether a sentence has a capital letter after its first
// token, or a capitalised first token that is no common word: the tagger
// finds nothing in a sentence without one, and skipping it saves time.
func (d *doc) hasName(s sentence) bool {
	for i := s.T0; i < s.T1; i++ {
		if !hasUpperOrDigit(d.words[i]) {
			continue
		}
		if i > s.T0 || !commonCapitalised[d.lower[i]] {
			return true
		}
	}
	return false
}
