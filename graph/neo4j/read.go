package neo4j

import (
	"context"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Article returns the article with the given id, text included.
func (s *Store) Article(ctx context.Context, id string) (*graph.Article, error) {
	return readOne(ctx, s, "neo4j.Article", cypherArticle, "article", "article", id, decodeArticle)
}

// Articles lists articles, newest publication date first, undated last.
func (s *Store) Articles(ctx context.Context, f graph.ArticleFilter) ([]*graph.Article, error) {
	const op = "neo4j.Articles"
	page, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	params, err := articleParams(op, f)
	if err != nil {
		return nil, err
	}
	params["offset"], params["limit"] = page.Offset, page.Limit
	recs, err := s.read(ctx, op, cypherArticles, params)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Article, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeArticle(column(r, "article")))
	}
	return out, nil
}

// Entity returns the entity with the given id.
func (s *Store) Entity(ctx context.Context, id string) (*graph.Entity, error) {
	return readOne(ctx, s, "neo4j.Entity", cypherEntity, "entity", "entity", id, decodeEntity)
}

// EntitiesByID returns the entities with the given ids, in order, nil where
// unknown.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	return readByID(ctx, s, "neo4j.EntitiesByID", cypherEntitiesByID, "entity", ids,
		decodeEntity, func(e *graph.Entity) string { return e.ID })
}

// readOne runs a statement that returns the object with the given id in
// column col, or no record when there is none (a NotFound error naming
// what).
func readOne[T any](ctx context.Context, s *Store, op string, st statement, col, what, id string,
	decode func(props) *T) (*T, error) {
	recs, err := s.read(ctx, op, st, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(op, graph.NotFound, "%s %q not found", what, id)
	}
	return decode(column(recs[0], col)), nil
}

// readByID runs a statement that returns one record per known id, in
// column col, and lays the decoded objects out in the order of ids, nil
// where an id is unknown: one statement whatever the number of ids.
func readByID[T any](ctx context.Context, s *Store, op string, st statement, col string, ids []string,
	decode func(props) *T, idOf func(*T) string) ([]*T, error) {
	out := make([]*T, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, op, st, map[string]any{"ids": distinct(ids)})
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*T, len(recs))
	for _, r := range recs {
		v := decode(column(r, col))
		byID[idOf(v)] = v
	}
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// SearchEntities lists entities matching f; see graph.Reader.
func (s *Store) SearchEntities(ctx context.Context, f graph.EntityFilter) ([]*graph.Entity, error) {
	const op = "neo4j.SearchEntities"
	page, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	q, err := entityParams(op, f)
	if err != nil || q.none {
		return nil, err
	}
	params, st := q.params, q.list
	params["offset"], params["limit"] = page.Offset, page.Limit
	recs, err := s.read(ctx, op, st, params)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Entity, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeEntity(column(r, "entity")))
	}
	return out, nil
}

// luceneQuery builds a full-text prefix query that finds a superset of the
// entities the exact filter keeps. That holds only for words of ASCII
// letters and digits, which Lucene's standard analyser neither splits nor
// folds differently from graph.CanonicalKey; other queries scan.
func luceneQuery(words []string) (string, bool) {
	terms := make([]string, 0, len(words))
	for _, w := range words {
		for _, r := range w {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				return "", false
			}
		}
		terms = append(terms, w+"*")
	}
	return strings.Join(terms, " AND "), true
}

// Mentions lists mentions by article id, then start offset.
func (s *Store) Mentions(ctx context.Context, f graph.MentionFilter) ([]*graph.Mention, error) {
	const op = "neo4j.Mentions"
	page, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	st := cypherMentionsByEntity
	switch {
	case f.EntityID == "" && f.ArticleID == "":
		return nil, graph.Errorf(op, graph.Invalid, "an entity or article id is required")
	case f.EntityID == "":
		st = cypherMentionsByArticle
	}
	recs, err := s.read(ctx, op, st, map[string]any{
		"entityId": f.EntityID, "articleId": f.ArticleID, "offset": page.Offset, "limit": page.Limit,
	})
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Mention, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeMention(column(r, "mention")))
	}
	return out, nil
}

// Relationships lists relationships matching f by evidence count,
// descending.
func (s *Store) Relationships(ctx context.Context, f graph.RelationshipFilter) ([]*graph.Relationship, error) {
	const op = "neo4j.Relationships"
	page, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	params, err := relationshipParams(op, f, false)
	if err != nil {
		return nil, err
	}
	params["offset"], params["limit"] = page.Offset, page.Limit
	st := cypherRelationships
	if f.EntityID != "" {
		st = cypherRelationshipsOf
	}
	recs, err := s.read(ctx, op, st, params)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Relationship, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeRelationship(column(r, "relationship")))
	}
	return out, nil
}

// RelationshipEvidence returns the citations of each relationship.
func (s *Store) RelationshipEvidence(ctx context.Context, ids []string, perRelationship int) (map[string][]graph.Citation, error) {
	const op = "neo4j.RelationshipEvidence"
	out := make(map[string][]graph.Citation, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	// Repeated ids are sent once: each would otherwise add its rows again.
	recs, err := s.read(ctx, op, cypherRelationshipEvidence, map[string]any{"ids": distinct(ids), "perRelationship": perRelationship})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, _ := r.Get("id")
		cites, _ := r.Get("citations")
		key, _ := id.(string)
		for _, p := range mapList(cites) {
			out[key] = append(out[key], decodeCitation(p))
		}
	}
	return out, nil
}

// Claim returns the claim with the given id.
func (s *Store) Claim(ctx context.Context, id string) (*graph.Claim, error) {
	return readOne(ctx, s, "neo4j.Claim", cypherClaim, "claim", "claim", id, decodeClaim)
}

// Claims lists claims matching f by first-seen date, then id.
func (s *Store) Claims(ctx context.Context, f graph.ClaimFilter) ([]*graph.Claim, error) {
	const op = "neo4j.Claims"
	page, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	params, err := claimParams(op, f)
	if err != nil {
		return nil, err
	}
	params["offset"], params["limit"] = page.Offset, page.Limit
	st, _ := claimStatements(f)
	recs, err := s.read(ctx, op, st, params)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Claim, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeClaim(column(r, "claim")))
	}
	return out, nil
}

// ClaimEvidence returns the evidence of each claim.
func (s *Store) ClaimEvidence(ctx context.Context, ids []string) (map[string][]graph.ClaimEvidence, error) {
	const op = "neo4j.ClaimEvidence"
	out := make(map[string][]graph.ClaimEvidence, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, op, cypherClaimEvidence, map[string]any{"ids": distinct(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, _ := r.Get("id")
		ev, _ := r.Get("evidence")
		key, _ := id.(string)
		for _, p := range mapList(ev) {
			out[key] = append(out[key], decodeClaimEvidence(p))
		}
	}
	return out, nil
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	const op = "neo4j.Stats"
	recs, err := s.read(ctx, op, cypherStats, nil)
	if err != nil {
		return graph.Stats{}, err
	}
	if len(recs) == 0 {
		return graph.Stats{}, graph.Errorf(op, graph.Internal, "no statistics returned")
	}
	p := props(recs[0].AsMap())
	return graph.Stats{
		Articles:      p.int("articles"),
		Entities:      p.int("entities"),
		Mentions:      p.int("mentions"),
		Relationships: p.int("relationships"),
		Claims:        p.int("claims"),
		Citations:     p.int("citations"),
	}, nil
}
