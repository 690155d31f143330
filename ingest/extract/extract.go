// Package extract turns the text of one article into a graph.Extraction:
// sentences, entity mentions resolved to entities, relationships and claims,
// each with a citation into the text.
//
// The extractor combines rules, an embedded gazetteer and two embedded
// statistical models from package ner. Mentions come from the gazetteer,
// the NER tagger (which types every name the gazetteer does not know),
// capitalised sequences with a strong cue (a title, a head word), and any
// MentionSource added with WithSource; they are merged, resolved within
// the article (acronym definitions, aliases, surnames, "the group"), and
// then relation patterns run over each sentence. Claims come from quote
// rules, from the attribution tagger (trained on PolNeAR) and from
// reported-speech rules where the tagger found nothing. RulesOnly drops
// both models. All offsets are Unicode code points, End exclusive, as
// graph.Citation requires.
//
// Work and memory are linear in the length of the text.
package extract

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// version is bumped whenever a rule change alters output, so that citations
// record which rules produced them.
const version = "2"

// Extractor extracts entities, relationships and claims from articles. It
// holds only read-only state after New, so it is safe for concurrent use.
type Extractor struct {
	gaz    *gazetteer
	tagger *NERSource // the statistical tagger that replaces guessing from capitals; nil for rules only
	// attributor labels sources, cues and contents the claim rules miss; nil for rules only.
	attributor Attributor
	// attrPeer is a second attribution tagger whose agreement and own cues
	// shape the acts (taggedacts.go): the fast one for the accurate
	// models; nil for the fast models.
	attrPeer *ner.Model
	sources  []MentionSource
	models   Models
}

// Models names the pair of statistical models (name tagger, attribution
// tagger) an Extractor uses.
type Models string

const (
	// Fast models decode greedily: the default, at 100k words per CPU-second.
	Fast Models = "fast"
	// Accurate models decode each sentence with a beam of label histories
	// and read word clusters from more unlabelled news: a few points of F1
	// for several times the tagging time.
	Accurate Models = "accurate"
)

// ParseModels reads a --extractor value: "fast" (or empty) or "accurate".
func ParseModels(s string) (Models, error) {
	switch m := Models(strings.ToLower(strings.TrimSpace(s))); m {
	case "", Fast:
		return Fast, nil
	case Accurate:
		return Accurate, nil
	default:
		return "", graph.Errorf("extract.ParseModels", graph.Invalid, "unknown extractor %q: want fast or accurate", s)
	}
}

// New loads the embedded gazetteer and the embedded fast models (once per
// process; the models are shared read-only).
func New() (*Extractor, error) { return NewWith(Fast) }

// NewWith loads the embedded gazetteer and the embedded models of kind
// models (shared read-only by the extractors alive at once).
func NewWith(models Models) (*Extractor, error) {
	const op = "extract.New"
	loadTagger := defaultTagger
	loadAttributor := func() (Attributor, error) { return defaultAttributor.get() }
	var loadPeer *sharedModel[ner.Model] // the accurate models' second opinion (taggedacts.go)
	switch models {
	case "", Fast:
		models = Fast
	case Accurate:
		loadTagger, loadPeer = accurateTagger, defaultAttributor
		loadAttributor = func() (Attributor, error) { return accurateAttributor.get() }
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown extractor %q: want fast or accurate", models)
	}
	// The attribution model takes most of the loading time (a third of a
	// second on our machines, before a batch can start): it decodes on a
	// core of its own while this one reads the gazetteer and the tagger.
	type loaded struct {
		am  Attributor
		err error
	}
	type loadedPeer struct {
		pm  *ner.Model
		err error
	}
	attributor, peer := make(chan loaded, 1), make(chan loadedPeer, 1)
	go func() {
		am, err := loadAttributor()
		attributor <- loaded{am, err}
	}()
	go func() {
		if loadPeer == nil {
			peer <- loadedPeer{}
			return
		}
		pm, err := loadPeer.get()
		peer <- loadedPeer{pm, err}
	}()
	g, err := loadGazetteer()
	if err != nil {
		<-attributor
		<-peer
		return nil, graph.E(op, graph.Internal, "cannot load gazetteer", err)
	}
	t, err := loadTagger.get()
	if err != nil {
		<-attributor
		<-peer
		return nil, graph.E(op, graph.Internal, "cannot load NER model", err)
	}
	a, p := <-attributor, <-peer
	if a.err != nil {
		return nil, graph.E(op, graph.Internal, "cannot load attribution model", a.err)
	}
	if p.err != nil {
		return nil, graph.E(op, graph.Internal, "cannot load peer attribution model", p.err)
	}
	return &Extractor{gaz: g, tagger: t, attributor: a.am, attrPeer: p.pm, models: models}, nil
}

// WithNameTagger returns a copy of e whose statistical name tagger is the
// perceptron m (cross-validation scores the whole extractor with a tagger
// trained without the fold it extracts).
func (e *Extractor) WithNameTagger(m *ner.Model) *Extractor {
	c := *e
	c.tagger = NewNERSource(m)
	return &c
}

// WithNameNetwork returns a copy of e whose name tagger is the network nm
// over whole documents.
func (e *Extractor) WithNameNetwork(nm *ner.Names) *Extractor {
	c := *e
	c.tagger = NewNameNetworkSource(nm)
	return &c
}

// NameTagger returns the statistical name tagger e runs, nil for rules
// only, so that a caller scoring the tagger alone (eval) uses the same
// copy rather than loading a second one.
func (e *Extractor) NameTagger() *ner.Model {
	if e.tagger == nil {
		return nil
	}
	return e.tagger.m
}

// NameNetwork returns the name network e runs over whole documents (the
// accurate models), nil when its tagger is a perceptron alone.
func (e *Extractor) NameNetwork() *ner.Names {
	if e.tagger == nil {
		return nil
	}
	return e.tagger.names
}

// Models reports which models e was loaded with.
func (e *Extractor) Models() Models { return e.models }

// RulesOnly returns a copy of e without the statistical models: unknown
// capitalised names are then typed by rules alone, and claims come from
// the quote and reported-speech rules only. It is for comparison
// and for callers that want the fastest, most predictable extractor.
func (e *Extractor) RulesOnly() *Extractor {
	c := *e
	c.tagger, c.attributor, c.attrPeer = nil, nil, nil
	return &c
}

// WithSource returns a copy of e that also takes mentions from src. Mentions
// from src compete with the rule-based ones: the longest span wins, and the
// gazetteer wins ties.
func (e *Extractor) WithSource(src MentionSource) *Extractor {
	c := *e
	c.sources = append(append([]MentionSource(nil), e.sources...), src)
	return &c
}

// Name is the extractor name+version recorded in citations, e.g. "rules/2";
// the accurate models add "+accurate", so that a citation says which
// models made it.
func (e *Extractor) Name() string {
	if e.models == Accurate {
		return "rules/" + version + "+accurate"
	}
	return "rules/" + version
}

// Extract returns the extraction of one article. a.ID, a.Text are set by the
// caller; every citation's ArticleID = a.ID.
func (e *Extractor) Extract(ctx context.Context, a *graph.Article) (*graph.Extraction, error) {
	const op = "extract.Extract"
	if a == nil || strings.TrimSpace(a.Text) == "" {
		return nil, graph.Errorf(op, graph.Invalid, "article has no text")
	}
	if a.ID == "" {
		return nil, graph.Errorf(op, graph.Invalid, "article has no id")
	}
	if !utf8.ValidString(a.Text) {
		return nil, graph.Errorf(op, graph.Invalid, "article text is not valid UTF-8")
	}
	d := newDoc(e, a)
	if err := d.findMentions(ctx); err != nil {
		return nil, graph.E(op, err)
	}
	d.resolve()
	if err := ctx.Err(); err != nil {
		return nil, graph.E(op, graph.Timeout, err)
	}
	d.findRelations()
	d.findClaims()
	return d.extraction(), nil
}

// doc is the working state of one extraction.
type doc struct {
	x       *Extractor
	art     *graph.Article
	text    string
	toks    []token
	words   []string // token texts
	lower   []string // lower-cased token texts
	sents   []sentence
	heading []bool          // per sentence: a title-case line without final punctuation
	lowered map[string]bool // words the article writes in lower case somewhere
	// products are the names the article writes as product lines
	// (products.go), whose mentions the tagger's spans drop.
	products map[string]bool
	// nerSpans are the name network's spans per sentence, tagged for the
	// whole document at once (documentNames); nil when the tagger reads
	// one sentence at a time.
	nerSpans [][]ner.Span

	cands    [][]candidate // per sentence, merged
	mentions []*mention    // resolved, in text order
	bySent   [][]*mention  // resolved mentions per sentence, in text order
	ents     []*entity
	entByKey map[string]*entity
	rels     []graph.RelationshipEvidence
	relSeen  map[string]bool
	claims   []graph.ClaimEvidence
	// acts keys the attributions whose content is no proposition by their
	// content and cue offsets; actClaims holds them once split off.
	acts      map[[2]int]bool
	actClaims []graph.ClaimEvidence
	// rejected are the tagger's attributions whose cue is no speech
	// (acts.go): acts, but no part of the claim rules' checks.
	rejected []rejectedAct
	// taggedSources and taggedCues are the attribution tagger's source and
	// cue phrases, in token positions, for widening the rules' spans.
	taggedSources, taggedCues []*attrSpan
	tagged                    []attrSentence        // the tagger's spans per sentence; nil without a tagger
	speakers                  map[int][]spoken      // per sentence, the people attributions there named
	taggedSpeakers            map[int][]spoken      // per sentence, the people the tagger's sources name (seedTaggedSpeakers)
	cueSpeakers               map[int]*speaker      // the speaker of each claim made so far, by its cue's first token
	roleSpeakers              map[int][]roleSpoken  // per sentence, the speakers named by a role alone ("the minister's spokesman")
	quoted                    [][2]int              // token spans inside quotation marks, in text order
	peer                      map[int]*attrSentence // per sentence, the peer tagger's spans, once asked (taggedacts.go)
}

// spoken records that a person was named as the speaker of an attribution
// whose cue is at token cue.
type spoken struct {
	cue int
	ent *entity
}

func newDoc(x *Extractor, a *graph.Article) *doc {
	d := &doc{x: x, art: a, text: a.Text, entByKey: map[string]*entity{}, relSeen: map[string]bool{}, speakers: map[int][]spoken{}}
	d.toks = tokenize(d.text)
	d.words = make([]string, len(d.toks))
	d.lower = make([]string, len(d.toks))
	d.lowered = map[string]bool{}
	for i, t := range d.toks {
		w := d.text[t.B0:t.B1]
		d.words[i] = w
		d.lower[i] = strings.ToLower(w)
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			d.lowered[w] = true
		}
	}
	d.sents = splitSentences(d.text, d.toks)
	d.heading = make([]bool, len(d.sents))
	for i, s := range d.sents {
		d.heading[i] = d.isHeading(s)
	}
	return d
}

// isHeading reports whether s is a title-case line: most words capitalised
// and no final punctuation, or nearly all words capitalised. Capitalisation there says nothing about names.
func (d *doc) isHeading(s sentence) bool {
	if w := d.words[s.T0]; w == "―" || w == "—" {
		return false // "― Name", the signature of a quote
	}
	last := d.words[s.T1-1]
	r, _ := utf8.DecodeRuneInString(last)
	final := !isWordRune(r)
	words, caps := 0, 0
	for i := s.T0; i < s.T1; i++ {
		r, _ := utf8.DecodeRuneInString(d.words[i])
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) || connectors[d.lower[i]] {
			caps++
		}
	}
	if final {
		// A title-case headline on a line of its own may end with a period;
		// a long sentence is never almost all capitalised.
		ownLine := s.T1 == len(d.toks) || d.toks[s.T1].NL > 0
		return ownLine && words >= 8 && caps*100 >= words*85
	}
	return words >= 2 && caps*10 >= words*7
}

// capitalised reports whether token i starts with an upper-case letter.
func (d *doc) capitalised(i int) bool {
	r, _ := utf8.DecodeRuneInString(d.words[i])
	return unicode.IsUpper(r)
}

// sentenceOf returns the index of the sentence holding token i.
func (d *doc) sentenceOf(i int) int {
	lo, hi := 0, len(d.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if d.sents[m].T1 <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// span returns the text and code-point span of tokens [t0, t1).
func (d *doc) span(t0, t1 int) graph.Span {
	if t1 <= t0 {
		return graph.Span{}
	}
	return graph.Span{Start: d.toks[t0].R0, End: d.toks[t1-1].R1, Text: d.text[d.toks[t0].B0:d.toks[t1-1].B1]}
}

// sentenceText returns the text of sentence i.
func (d *doc) sentenceText(i int) string {
	s := d.sents[i]
	return d.text[s.B0:s.B1]
}

// citation builds a citation of tokens [t0, t1) in sentence si.
func (d *doc) citation(si, t0, t1 int, trigger, rule string, conf float64) graph.Citation {
	sp := d.span(t0, t1)
	return graph.Citation{
		ArticleID: d.art.ID, SentenceIndex: si, SentenceText: d.sentenceText(si),
		Start: sp.Start, End: sp.End, Trigger: trigger, Extractor: d.x.Name() + ":" + rule, Confidence: conf,
	}
}
