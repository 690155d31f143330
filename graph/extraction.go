package graph

// Extraction is everything extracted from one article: the article itself,
// the entities it mentions (resolved to canonical ids), their mentions, and
// the evidence for relationships and claims. It is the unit a store writes
// atomically.
type Extraction struct {
	Article       Article
	Entities      []Entity // the entities as this article knows them; stores merge names, aliases, roles
	Mentions      []Mention
	Relationships []RelationshipEvidence
	Claims        []ClaimEvidence
	// Acts are attributions that are not claims: those whose content is a
	// noun phrase, not a proposition ("the minister criticised the deal"),
	// and those whose cue is no speech or cognition act ("the council
	// refused to approve", "the senator endorsed"). Nothing in them was
	// said that could be checked; stores keep none of them. Attribution scoring (PolNeAR annotates such objects as
	// contents) counts them with the claims.
	Acts []ClaimEvidence
}

// Validate checks the invariants every store relies on, so that backends need
// not check them again: known kinds and types, citations inside the text,
// references to entities the extraction declares.
func (x *Extraction) Validate() error {
	const op = "graph.Extraction.Validate"
	if x.Article.ID == "" {
		return Errorf(op, Invalid, "article has no id")
	}
	n := len([]rune(x.Article.Text))
	ents := make(map[string]bool, len(x.Entities))
	for _, e := range x.Entities {
		if e.ID == "" || e.Name == "" {
			return Errorf(op, Invalid, "entity without id or name")
		}
		if !e.Kind.Valid() {
			return Errorf(op, Invalid, "entity %q has unknown kind %q", e.Name, e.Kind)
		}
		ents[e.ID] = true
	}
	checkCite := func(what string, c Citation) error {
		if c.ArticleID != x.Article.ID {
			return Errorf(op, Invalid, "%s cites another article", what)
		}
		if c.Start < 0 || c.End < c.Start || c.End > n {
			return Errorf(op, Invalid, "%s span [%d,%d) outside text of %d code points", what, c.Start, c.End, n)
		}
		if c.Confidence < 0 || c.Confidence > 1 {
			return Errorf(op, Invalid, "%s confidence %v outside [0,1]", what, c.Confidence)
		}
		return nil
	}
	for _, m := range x.Mentions {
		if !ents[m.EntityID] {
			return Errorf(op, Invalid, "mention %q of undeclared entity", m.Text)
		}
		if err := checkCite("mention", m.Citation); err != nil {
			return err
		}
	}
	for _, r := range x.Relationships {
		if !r.Type.Valid() {
			return Errorf(op, Invalid, "unknown relationship type %q", r.Type)
		}
		if !ents[r.SourceID] || !ents[r.TargetID] {
			return Errorf(op, Invalid, "relationship %s between undeclared entities", r.Type)
		}
		if r.SourceID == r.TargetID {
			return Errorf(op, Invalid, "relationship %s from an entity to itself", r.Type)
		}
		if err := checkCite("relationship", r.Citation); err != nil {
			return err
		}
	}
	for _, c := range x.Claims {
		if c.ClaimID == "" || c.Text == "" {
			return Errorf(op, Invalid, "claim without id or text")
		}
		for _, id := range append(append([]string(nil), c.SpeakerIDs...), c.AboutIDs...) {
			if !ents[id] {
				return Errorf(op, Invalid, "claim refers to undeclared entity")
			}
		}
		if err := checkCite("claim", c.Citation); err != nil {
			return err
		}
	}
	return nil
}
