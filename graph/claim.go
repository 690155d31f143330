package graph

import "time"

// Claim is a statement someone made about someone or something: who said
// what about whom. The same statement carried by several articles is one
// claim with several citations; Speakers and About are the union over them.
type Claim struct {
	ID            string
	Text          string // the content, as first seen
	Normalized    string // the key it is identified by (see NormalizeClaim)
	Verbatim      bool   // true when any citation quotes it directly
	Cue           string // the cue of its first citation, e.g. "warned"
	SpeakerIDs    []string
	AboutIDs      []string
	EvidenceCount int
	FirstSeen     time.Time
	LastSeen      time.Time
	Confidence    float64
}

// TentativeClaimConfidence is the confidence below which a claim is
// tentative: kept and served on request, but left out of the default
// lists and counts of the API. The extractor's confidence is a product of
// rule factors, and this falls between two kinds of claims. Below it: the
// extractor could not tell who speaks (a pronoun or relative left
// unresolved, an indefinite pronoun, no source at all: x0.3), the cue is
// no act of saying or thinking (0.3), or the speaker is a group noun the
// article names no one for ("the report", "critics"), in the tagger's or
// the reported-speech rules' claims (x0.6: 0.27-0.34; a quote's group
// keeps 0.51). At or above it: a named speaker, a resolved pronoun, a
// group resolved to the people the article named ("the experts", x0.8 as
// a pronoun) or a role phrase ("the company") with a reporting cue (0.45
// and up). On judged BBC samples the claims below it were right about one
// time in three, those at or above it more than four times in five
// (docs/quality.md, "Session 8"), which is why it was set here before the
// last sample was drawn. Corroboration lifts a claim over it: confidence
// is a noisy-or over its citations.
const TentativeClaimConfidence = 0.4

// Tentative reports whether the claim's confidence is below
// TentativeClaimConfidence.
func (c *Claim) Tentative() bool { return c.Confidence < TentativeClaimConfidence }

// ClaimEvidence is one attribution found in one article. Citation.Start/End
// span the content and Citation.Trigger holds the cue; Source and Cue hold
// the other two parts of the attribution.
type ClaimEvidence struct {
	ClaimID    string
	Text       string // the content text
	Verbatim   bool   // a direct quote rather than reported speech
	Source     Span   // the speaker as written ("political analyst Dana Whitfield", "the experts")
	Cue        Span   // the cue ("said", "according to")
	SpeakerIDs []string
	AboutIDs   []string
	Citation   Citation
}

// Unattributed reports whether the attribution names no speaker at all: no
// source phrase and no speaker entity ("..., highlighting the need for
// ..." with no subject to be found). Such evidence is kept, flagged, with
// a lower confidence, rather than dropped or given a guessed speaker. An
// unnamed source ("a provincial official said") is a source, not this.
func (e *ClaimEvidence) Unattributed() bool {
	return e.Source.Text == "" && len(e.SpeakerIDs) == 0
}
