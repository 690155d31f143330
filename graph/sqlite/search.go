package sqlite

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
)

// Search runs a full-text search over entity names and aliases and over
// claim text (see graph.Explorer). FTS5's bm25 (lower is better) becomes a
// score b/(1+b) in [0, 1) with b = -bm25; a hit whose name, alias or claim
// text is the query itself (same canonical key) gets 1 more, so exact
// matches come first.
func (s *Store) Search(ctx context.Context, q graph.SearchQuery) ([]graph.SearchHit, error) {
	const op = "sqlite.Search"
	p, err := q.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	kinds, err := kindArgs(op, q.Kinds)
	if err != nil {
		return nil, err
	}
	match, ok := ftsQuery(q.Text, true)
	if !ok {
		return nil, nil
	}
	key := graph.CanonicalKey(q.Text)
	both := !q.Claims && !q.Entities
	top := p.Offset + p.Limit // each source's best are enough to merge
	var hits []graph.SearchHit
	if q.Entities || both {
		where := ``
		args := []any{key, match}
		if len(kinds) > 0 {
			where = ` AND e.kind IN (` + placeholders(len(kinds)) + `)`
			args = append(args, kinds...)
		}
		// The best name of each entity; SQLite takes the bare column name
		// from the row that gives max().
		// bm25 only works in the query that runs the match: the CTE keeps
		// SQLite from flattening it into the grouping.
		es, err := list(ctx, s.read, `WITH h AS MATERIALIZED (
				SELECT n.entity_id, n.name, (n.key = ?) + -bm25(entity_names_fts) / (1 - bm25(entity_names_fts)) AS score
				FROM entity_names_fts JOIN entity_names n ON n.rowid = entity_names_fts.rowid
				WHERE entity_names_fts MATCH ?)
			SELECT h.entity_id, h.name, max(h.score) AS best FROM h JOIN entities e ON e.id = h.entity_id`+where+`
			GROUP BY h.entity_id ORDER BY best DESC, h.entity_id LIMIT ?`, append(args, top),
			func(sc interface{ Scan(...any) error }) (graph.SearchHit, error) {
				var h graph.SearchHit
				err := sc.Scan(&h.EntityID, &h.Matched, &h.Score)
				return h, err
			})
		if err != nil {
			return nil, fail(ctx, op, err)
		}
		hits = append(hits, es...)
	}
	if q.Claims || both {
		cs, err := list(ctx, s.read, `SELECT c.id, c.text, (c.normalized = ?) + -bm25(claims_fts) / (1 - bm25(claims_fts)) AS score
			FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid
			WHERE claims_fts MATCH ? ORDER BY score DESC, c.id LIMIT ?`, []any{key, match, top},
			func(sc interface{ Scan(...any) error }) (graph.SearchHit, error) {
				var h graph.SearchHit
				err := sc.Scan(&h.ClaimID, &h.Matched, &h.Score)
				return h, err
			})
		if err != nil {
			return nil, fail(ctx, op, err)
		}
		hits = append(hits, cs...)
	}
	slices.SortFunc(hits, func(a, b graph.SearchHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.EntityID+a.ClaimID, b.EntityID+b.ClaimID))
	})
	if p.Offset >= len(hits) {
		return nil, nil
	}
	return hits[p.Offset:min(len(hits), top)], nil
}

// similarCandidates bounds how many claims sharing words with a claim are
// scored by SimilarClaims.
const similarCandidates = 500

// SimilarClaims returns the claims whose text is a near-duplicate of the
// claim's: candidates are the similarCandidates (500) claims sharing the
// most (rarest) words with it, by bm25 then id, scored by
// graph.ClaimSimilarity; a near-duplicate outside them is not found.
// Candidates are read as id and text only, and only the claims returned
// are loaded whole.
func (s *Store) SimilarClaims(ctx context.Context, claimID string, minSimilarity float64, limit int) ([]graph.ScoredClaim, error) {
	const op = "sqlite.SimilarClaims"
	if math.IsNaN(minSimilarity) || minSimilarity < 0 || minSimilarity > 1 {
		return nil, graph.Errorf(op, graph.Invalid, "minimum similarity %v outside [0,1]", minSimilarity)
	}
	p, err := graph.Page{Limit: limit}.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	c, err := s.Claim(ctx, claimID)
	if err != nil {
		return nil, err
	}
	match, ok := anyWord(c.Normalized)
	if !ok {
		return nil, nil
	}
	// Candidates are read narrow (id and text): a claim's speaker and
	// subject lists are large on a busy graph, and only the few returned
	// are loaded whole.
	type cand struct{ id, text string }
	cands, err := list(ctx, s.read, `SELECT c.id, c.text FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid
		WHERE claims_fts MATCH ? AND c.id != ? ORDER BY bm25(claims_fts), c.id LIMIT ?`,
		[]any{match, claimID, similarCandidates}, func(sc interface{ Scan(...any) error }) (cand, error) {
			var o cand
			err := sc.Scan(&o.id, &o.text)
			return o, err
		})
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	mine := graph.NewClaimShingles(c.Text)
	type scored struct {
		id    string
		score float64
	}
	var top []scored
	for _, o := range cands {
		sim := mine.Similarity(graph.NewClaimShingles(o.text))
		if sim > 0 && sim >= minSimilarity {
			top = append(top, scored{o.id, sim})
		}
	}
	slices.SortFunc(top, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.id, b.id))
	})
	top = top[:min(len(top), p.Limit)]
	if len(top) == 0 {
		return nil, nil
	}
	ids := make([]any, len(top))
	for i, t := range top {
		ids[i] = t.id
	}
	whole, err := list(ctx, s.read, `SELECT `+claimColumns+` FROM claims c WHERE c.id IN (`+placeholders(len(ids))+`)`, ids, scanClaim)
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	byID := make(map[string]*graph.Claim, len(whole))
	for _, o := range whole {
		byID[o.ID] = o
	}
	out := make([]graph.ScoredClaim, 0, len(top))
	for _, t := range top {
		if o := byID[t.id]; o != nil { // gone since: a concurrent retraction
			out = append(out, graph.ScoredClaim{Claim: o, Score: t.score})
		}
	}
	return out, nil
}

// anyWord is an FTS5 query matching text with any of the words of s, each
// quoted so that nothing in it is read as syntax.
func anyWord(s string) (string, bool) {
	var parts []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !seen[w] {
			seen[w] = true
			parts = append(parts, `"`+w+`"`)
		}
	}
	return strings.Join(parts, " OR "), len(parts) > 0
}

// CountSearch counts the hits Search would return unpaged: the entities
// with a matching name or alias (of the kinds asked for) and the matching
// claims.
func (s *Store) CountSearch(ctx context.Context, q graph.SearchQuery) (int, error) {
	const op = "sqlite.CountSearch"
	kinds, err := kindArgs(op, q.Kinds)
	if err != nil {
		return 0, err
	}
	match, ok := ftsQuery(q.Text, true)
	if !ok {
		return 0, nil
	}
	both := !q.Claims && !q.Entities
	total := 0
	if q.Entities || both {
		where := ``
		args := []any{match}
		if len(kinds) > 0 {
			where = ` AND e.kind IN (` + placeholders(len(kinds)) + `)`
			args = append(args, kinds...)
		}
		n, err := count(ctx, s.read, `SELECT count(DISTINCT n.entity_id)
			FROM entity_names_fts JOIN entity_names n ON n.rowid = entity_names_fts.rowid JOIN entities e ON e.id = n.entity_id
			WHERE entity_names_fts MATCH ?`+where, args)
		if err != nil {
			return 0, fail(ctx, op, err)
		}
		total += n
	}
	if q.Claims || both {
		n, err := count(ctx, s.read, `SELECT count(*) FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid
			WHERE claims_fts MATCH ?`, []any{match})
		if err != nil {
			return 0, fail(ctx, op, err)
		}
		total += n
	}
	return total, nil
}
