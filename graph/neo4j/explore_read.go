package neo4j

import (
	"context"
	"slices"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// Relationship returns the relationship with the given id.
func (s *Store) Relationship(ctx context.Context, id string) (*graph.Relationship, error) {
	return readOne(ctx, s, "neo4j.Relationship", cypherRelationship, "relationship", "relationship", id, decodeRelationship)
}

// ArticlesByID returns the articles with the given ids, in order, nil where
// unknown: one statement whatever the number of ids.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]*graph.Article, error) {
	return readByID(ctx, s, "neo4j.ArticlesByID", cypherArticlesByID, "article", ids,
		decodeArticle, func(a *graph.Article) string { return a.ID })
}

// RelationshipsOf returns the relationships of each entity matching f,
// f.Page per entity, in one statement. Entities without any have no entry.
func (s *Store) RelationshipsOf(ctx context.Context, entityIDs []string, f graph.RelationshipFilter) (map[string][]*graph.Relationship, error) {
	const op = "neo4j.RelationshipsOf"
	page, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	params, err := relationshipParams(op, f, true)
	if err != nil {
		return nil, err
	}
	out := map[string][]*graph.Relationship{}
	if len(entityIDs) == 0 {
		return out, nil
	}
	params["entityIds"], params["offset"], params["limit"] = distinct(entityIDs), page.Offset, page.Limit
	recs, err := s.read(ctx, op, cypherRelationshipsOfMany, params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, _ := r.Get("entityId")
		key, _ := id.(string)
		rels, _ := r.Get("relationships")
		for _, p := range mapList(rels) {
			out[key] = append(out[key], decodeRelationship(p))
		}
	}
	return out, nil
}

// ClaimsOf returns the claims each entity made (by) or that are about it,
// matching f, f.Page per entity, in one statement. Entities without any
// have no entry.
func (s *Store) ClaimsOf(ctx context.Context, entityIDs []string, by bool, f graph.ClaimFilter) (map[string][]*graph.Claim, error) {
	const op = "neo4j.ClaimsOf"
	page, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	params, err := claimParams(op, f)
	if err != nil {
		return nil, err
	}
	out := map[string][]*graph.Claim{}
	if len(entityIDs) == 0 {
		return out, nil
	}
	params["entityIds"], params["offset"], params["limit"] = distinct(entityIDs), page.Offset, page.Limit
	st := cypherClaimsOfSubjects
	if by {
		st = cypherClaimsOfSpeakers
	}
	recs, err := s.read(ctx, op, st, params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, _ := r.Get("entityId")
		key, _ := id.(string)
		claims, _ := r.Get("claims")
		for _, p := range mapList(claims) {
			out[key] = append(out[key], decodeClaim(p))
		}
	}
	return out, nil
}

// CountArticles counts what Articles would list unpaged.
func (s *Store) CountArticles(ctx context.Context, f graph.ArticleFilter) (int, error) {
	const op = "neo4j.CountArticles"
	params, err := articleParams(op, f)
	if err != nil {
		return 0, err
	}
	return s.count(ctx, op, cypherCountArticles, params)
}

// CountMentions counts what Mentions would list unpaged.
func (s *Store) CountMentions(ctx context.Context, f graph.MentionFilter) (int, error) {
	const op = "neo4j.CountMentions"
	st := cypherCountMentionsByEntity
	switch {
	case f.EntityID == "" && f.ArticleID == "":
		return 0, graph.Errorf(op, graph.Invalid, "an entity or article id is required")
	case f.EntityID == "":
		st = cypherCountMentionsByArticle
	}
	return s.count(ctx, op, st, map[string]any{"entityId": f.EntityID, "articleId": f.ArticleID})
}

// CountEntities counts what SearchEntities would list unpaged.
func (s *Store) CountEntities(ctx context.Context, f graph.EntityFilter) (int, error) {
	const op = "neo4j.CountEntities"
	q, err := entityParams(op, f)
	if err != nil || q.none {
		return 0, err
	}
	return s.count(ctx, op, q.count, q.params)
}

// CountRelationships counts what Relationships would list unpaged.
func (s *Store) CountRelationships(ctx context.Context, f graph.RelationshipFilter) (int, error) {
	const op = "neo4j.CountRelationships"
	params, err := relationshipParams(op, f, false)
	if err != nil {
		return 0, err
	}
	st := cypherCountRelationships
	if f.EntityID != "" {
		st = cypherCountRelationshipsOf
	}
	return s.count(ctx, op, st, params)
}

// CountClaims counts what Claims would list unpaged.
func (s *Store) CountClaims(ctx context.Context, f graph.ClaimFilter) (int, error) {
	const op = "neo4j.CountClaims"
	params, err := claimParams(op, f)
	if err != nil {
		return 0, err
	}
	_, st := claimStatements(f)
	return s.count(ctx, op, st, params)
}

// count runs a statement that returns one row with a count n.
func (s *Store) count(ctx context.Context, op string, st statement, params map[string]any) (int, error) {
	recs, err := s.read(ctx, op, st, params)
	if err != nil {
		return 0, err
	}
	if len(recs) == 0 {
		return 0, nil
	}
	return props(recs[0].AsMap()).int("n"), nil
}

// readTx runs fn in one managed read transaction, for operations that need
// more than one statement but must see one state of the graph.
func (s *Store) readTx(ctx context.Context, op string, fn func(run runFunc) error) error {
	sess := s.session(ctx, neo4jdrv.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := neo4jdrv.ExecuteRead(ctx, sess, func(tx neo4jdrv.ManagedTransaction) (struct{}, error) {
		return struct{}{}, fn(func(st statement, params map[string]any) ([]*neo4jdrv.Record, error) {
			return s.run(ctx, tx, st, params)
		})
	}, txTimeout(ctx)...)
	return s.wrap(ctx, op, err)
}

// distinct returns ids without repeats, in first-seen order, so that batch
// statements do the work for each id once.
func distinct(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return slices.Clip(out)
}
