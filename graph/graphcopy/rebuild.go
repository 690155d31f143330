package graphcopy

import (
	"context"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// idChunk bounds the ids of one batch call (EntitiesByID, ClaimEvidence,
// RelationshipEvidence), to keep each query's parameter list small.
const idChunk = 500

// Rebuild reconstructs, from r, the extraction of each of arts (as
// r.Articles returns them, text included): its mentions, the evidence of
// the relationships and claims it carries, and every entity these refer to,
// declared as r shows it now. xs[i] is the extraction of arts[i]; errs[i]
// is set when it cannot be rebuilt (an entity it refers to is missing from
// r). err is set when r fails.
//
// Relationships are found through the entities the batch's mentions and
// claims refer to, so a relationship neither of whose entities an article
// mentions or cites in a claim is not found for that article; Copy's final
// count check reports such a loss.
func Rebuild(ctx context.Context, r graph.Reader, arts []*graph.Article) (xs []*graph.Extraction, errs []error, err error) {
	const op = "graphcopy.Rebuild"
	xs = make([]*graph.Extraction, len(arts))
	errs = make([]error, len(arts))
	refs := make([]map[string]bool, len(arts)) // the entity ids each article refers to
	index := make(map[string]int, len(arts))   // article id → position in arts
	for i, a := range arts {
		xs[i] = &graph.Extraction{Article: *a}
		refs[i] = map[string]bool{}
		index[a.ID] = i
	}

	// Mentions, and the claims each article carries.
	var claimIDs []string
	seenClaim := map[string]bool{}
	for i, a := range arts {
		ms, err := collect(func(p graph.Page) ([]*graph.Mention, error) {
			return r.Mentions(ctx, graph.MentionFilter{ArticleID: a.ID, Page: p})
		})
		if err != nil {
			return nil, nil, graph.E(op, "cannot read the mentions of article "+a.ID, err)
		}
		for _, m := range ms {
			xs[i].Mentions = append(xs[i].Mentions, *m)
			refs[i][m.EntityID] = true
		}
		cs, err := collect(func(p graph.Page) ([]*graph.Claim, error) {
			return r.Claims(ctx, graph.ClaimFilter{ArticleID: a.ID, Page: p})
		})
		if err != nil {
			return nil, nil, graph.E(op, "cannot read the claims of article "+a.ID, err)
		}
		for _, c := range cs {
			if !seenClaim[c.ID] {
				seenClaim[c.ID] = true
				claimIDs = append(claimIDs, c.ID)
			}
		}
	}
	slices.Sort(claimIDs)
	for chunk := range slices.Chunk(claimIDs, idChunk) {
		ev, err := r.ClaimEvidence(ctx, chunk)
		if err != nil {
			return nil, nil, graph.E(op, "cannot read claim evidence", err)
		}
		for _, id := range chunk {
			for _, e := range ev[id] {
				i, ok := index[e.Citation.ArticleID]
				if !ok {
					continue
				}
				xs[i].Claims = append(xs[i].Claims, e)
				for _, eid := range append(slices.Clone(e.SpeakerIDs), e.AboutIDs...) {
					refs[i][eid] = true
				}
			}
		}
	}

	// Relationships, through the entities the batch refers to.
	var entityIDs []string
	seenEntity := map[string]bool{}
	for i := range arts {
		for id := range refs[i] {
			if !seenEntity[id] {
				seenEntity[id] = true
				entityIDs = append(entityIDs, id)
			}
		}
	}
	slices.Sort(entityIDs)
	rels := map[string]*graph.Relationship{}
	for _, id := range entityIDs {
		rs, err := collect(func(p graph.Page) ([]*graph.Relationship, error) {
			return r.Relationships(ctx, graph.RelationshipFilter{EntityID: id, Page: p})
		})
		if err != nil {
			return nil, nil, graph.E(op, "cannot read the relationships of entity "+id, err)
		}
		for _, rel := range rs {
			rels[rel.ID] = rel
		}
	}
	relIDs := make([]string, 0, len(rels))
	for id := range rels {
		relIDs = append(relIDs, id)
	}
	slices.Sort(relIDs)
	for chunk := range slices.Chunk(relIDs, idChunk) {
		ev, err := r.RelationshipEvidence(ctx, chunk, 0)
		if err != nil {
			return nil, nil, graph.E(op, "cannot read relationship evidence", err)
		}
		for _, id := range chunk {
			rel := rels[id]
			for _, c := range ev[id] {
				i, ok := index[c.ArticleID]
				if !ok {
					continue
				}
				xs[i].Relationships = append(xs[i].Relationships, graph.RelationshipEvidence{
					Type: rel.Type, SourceID: rel.SourceID, TargetID: rel.TargetID, Citation: c,
				})
				refs[i][rel.SourceID] = true
				refs[i][rel.TargetID] = true
			}
		}
	}

	// The entities, as the source shows them now.
	for i := range arts {
		for id := range refs[i] {
			if !seenEntity[id] {
				seenEntity[id] = true
				entityIDs = append(entityIDs, id)
			}
		}
	}
	slices.Sort(entityIDs)
	entities := make(map[string]*graph.Entity, len(entityIDs))
	for chunk := range slices.Chunk(entityIDs, idChunk) {
		es, err := r.EntitiesByID(ctx, chunk)
		if err != nil {
			return nil, nil, graph.E(op, "cannot read entities", err)
		}
		for j, e := range es {
			if e != nil {
				entities[chunk[j]] = e
			}
		}
	}
	for i, a := range arts {
		ids := make([]string, 0, len(refs[i]))
		for id := range refs[i] {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			e, ok := entities[id]
			if !ok {
				errs[i] = graph.Errorf(op, graph.NotFound,
					"entity %s, which article %s refers to, is missing from the source", id, a.ID)
				break
			}
			decl := *e
			// Aggregates are the store's to compute.
			decl.FirstSeen, decl.LastSeen, decl.MentionCount = time.Time{}, time.Time{}, 0
			xs[i].Entities = append(xs[i].Entities, decl)
		}
	}
	return xs, errs, nil
}

// collect reads every page of a list.
func collect[T any](list func(graph.Page) ([]T, error)) ([]T, error) {
	var out []T
	for offset := 0; ; offset += graph.MaxLimit {
		page, err := list(graph.Page{Limit: graph.MaxLimit, Offset: offset})
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < graph.MaxLimit {
			return out, nil
		}
	}
}
