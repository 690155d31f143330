package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// Document is the stable JSON interface `newsgraph extract` prints and
// others score against; docs/extract-format.md describes it. Offsets are
// Unicode code points into the article text, End exclusive. Every list is
// in a deterministic order, and empty lists are written as [].
type Document struct {
	Article       DocArticle        `json:"article"`
	Sentences     []DocSentence     `json:"sentences"`
	Entities      []DocEntity       `json:"entities"`
	Mentions      []DocMention      `json:"mentions"`
	Relationships []DocRelationship `json:"relationships"`
	Claims        []DocClaim        `json:"claims"`
}

// DocArticle identifies the article.
type DocArticle struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Title string `json:"title"`
}

// DocSentence is one sentence's span.
type DocSentence struct {
	Index int `json:"index"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// DocEntity is an entity as the article knows it.
type DocEntity struct {
	ID          string            `json:"id"`
	Kind        graph.EntityKind  `json:"kind"`
	Name        string            `json:"name"`
	Aliases     []string          `json:"aliases"`
	Roles       []string          `json:"roles"`
	ExternalIDs map[string]string `json:"external_ids"`
}

// DocMention is one mention of an entity.
type DocMention struct {
	EntityID string           `json:"entity_id"`
	Kind     graph.EntityKind `json:"kind"`
	// KindInContext is set where the article uses the name as another
	// kind than its entity's (graph.Mention.KindInContext).
	KindInContext graph.EntityKind `json:"kind_in_context,omitempty"`
	Text          string           `json:"text"`
	Start         int              `json:"start"`
	End           int              `json:"end"`
	Sentence      int              `json:"sentence"`
	Role          string           `json:"role"`
	Confidence    float64          `json:"confidence"`
}

// DocRelationship is one piece of relationship evidence; Start/End span
// the words the pattern matched, Trigger holds its trigger words.
type DocRelationship struct {
	Type       graph.RelationType `json:"type"`
	SourceID   string             `json:"source_id"`
	TargetID   string             `json:"target_id"`
	Directed   bool               `json:"directed"`
	Trigger    string             `json:"trigger"`
	Start      int                `json:"start"`
	End        int                `json:"end"`
	Sentence   int                `json:"sentence"`
	Confidence float64            `json:"confidence"`
	Extractor  string             `json:"extractor"`
}

// DocSpan is a span of text with its offsets.
type DocSpan struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// DocOffsets is a span without its text.
type DocOffsets struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// DocClaim is one attribution: who (source) said (cue) what (content).
type DocClaim struct {
	ID         string     `json:"id"`
	Text       string     `json:"text"`
	Verbatim   bool       `json:"verbatim"`
	Source     DocSpan    `json:"source"`
	Cue        DocSpan    `json:"cue"`
	Content    DocOffsets `json:"content"`
	SpeakerIDs []string   `json:"speaker_ids"`
	// Unattributed is true when the claim names no speaker at all (see
	// graph.ClaimEvidence.Unattributed).
	Unattributed bool     `json:"unattributed"`
	AboutIDs     []string `json:"about_ids"`
	Sentence     int      `json:"sentence"`
	Confidence   float64  `json:"confidence"`
}

// NewDocument renders an extraction as a Document. Sentences are recomputed
// from the article text with the extractor's splitter.
func NewDocument(x *graph.Extraction) *Document {
	doc := &Document{
		Article:       DocArticle{ID: x.Article.ID, URL: x.Article.URL, Title: x.Article.Title},
		Sentences:     []DocSentence{},
		Entities:      []DocEntity{},
		Mentions:      []DocMention{},
		Relationships: []DocRelationship{},
		Claims:        []DocClaim{},
	}
	toks := tokenize(x.Article.Text)
	for _, s := range splitSentences(x.Article.Text, toks) {
		doc.Sentences = append(doc.Sentences, DocSentence{Index: s.Index, Start: s.R0, End: s.R1})
	}
	kinds := map[string]graph.EntityKind{}
	for _, e := range x.Entities {
		kinds[e.ID] = e.Kind
		de := DocEntity{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: nonNil(e.Aliases), Roles: nonNil(e.Roles), ExternalIDs: e.ExternalIDs}
		if de.ExternalIDs == nil {
			de.ExternalIDs = map[string]string{}
		}
		doc.Entities = append(doc.Entities, de)
	}
	sort.Slice(doc.Entities, func(i, j int) bool { return doc.Entities[i].ID < doc.Entities[j].ID })
	for _, m := range x.Mentions {
		c := m.Citation
		doc.Mentions = append(doc.Mentions, DocMention{EntityID: m.EntityID, Kind: kinds[m.EntityID], KindInContext: m.KindInContext, Text: m.Text,
			Start: c.Start, End: c.End, Sentence: c.SentenceIndex, Role: m.Role, Confidence: round(c.Confidence)})
	}
	sort.SliceStable(doc.Mentions, func(i, j int) bool {
		a, b := doc.Mentions[i], doc.Mentions[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.EntityID < b.EntityID
	})
	for _, r := range x.Relationships {
		c := r.Citation
		doc.Relationships = append(doc.Relationships, DocRelationship{Type: r.Type, SourceID: r.SourceID, TargetID: r.TargetID,
			Directed: r.Type.Directed(), Trigger: c.Trigger, Start: c.Start, End: c.End, Sentence: c.SentenceIndex,
			Confidence: round(c.Confidence), Extractor: c.Extractor})
	}
	sort.SliceStable(doc.Relationships, func(i, j int) bool {
		a, b := doc.Relationships[i], doc.Relationships[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.SourceID != b.SourceID {
			return a.SourceID < b.SourceID
		}
		return a.TargetID < b.TargetID
	})
	for _, c := range x.Claims {
		doc.Claims = append(doc.Claims, DocClaim{ID: c.ClaimID, Text: c.Text, Verbatim: c.Verbatim,
			Source:     DocSpan{Text: c.Source.Text, Start: c.Source.Start, End: c.Source.End},
			Cue:        DocSpan{Text: c.Cue.Text, Start: c.Cue.Start, End: c.Cue.End},
			Content:    DocOffsets{Start: c.Citation.Start, End: c.Citation.End},
			SpeakerIDs: nonNil(c.SpeakerIDs), Unattributed: c.Unattributed(), AboutIDs: nonNil(c.AboutIDs),
			Sentence: c.Citation.SentenceIndex, Confidence: round(c.Citation.Confidence)})
	}
	sort.SliceStable(doc.Claims, func(i, j int) bool {
		a, b := doc.Claims[i], doc.Claims[j]
		if a.Content.Start != b.Content.Start {
			return a.Content.Start < b.Content.Start
		}
		if a.Cue.Start != b.Cue.Start {
			return a.Cue.Start < b.Cue.Start
		}
		return a.ID < b.ID
	})
	return doc
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// round keeps confidences to three decimals so that output is stable
// across platforms' floating-point printing.
func round(f float64) float64 {
	return float64(int64(f*1000+0.5)) / 1000
}
