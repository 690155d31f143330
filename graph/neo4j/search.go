package neo4j

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
)

// Bounds of the similar-claims search: its candidates are Lucene's best
// (an OR query of the claim's words, scored by relevance). Search takes
// every candidate instead (see searchEntityHits).
const (
	similarCandidates   = 500
	similarMaxTermCount = 256 // below Lucene's 1024-clause limit
)

// Search runs a full-text search over entity names and aliases and over
// claim text, best score first (ties by id), in one statement.
func (s *Store) Search(ctx context.Context, q graph.SearchQuery) ([]graph.SearchHit, error) {
	const op = "neo4j.Search"
	page, err := q.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	kinds, err := kindStrings(op, q.Kinds)
	if err != nil {
		return nil, err
	}
	exact, words := queryWords(q.Text)
	lucene := searchLucene(words)
	if lucene == "" {
		return nil, nil // no letter or digit: nothing can match
	}
	entities, claims := q.Entities, q.Claims
	if !entities && !claims {
		entities, claims = true, true
	}
	recs, err := s.read(ctx, op, cypherSearch, map[string]any{
		"entityIndex": entityFullText, "claimIndex": claimFullText, "lucene": lucene,
		"entities": entities, "claims": claims, "kinds": kinds,
		"words": words, "exact": exact, "offset": page.Offset, "limit": page.Limit,
	})
	if err != nil {
		return nil, err
	}
	hits := make([]graph.SearchHit, 0, len(recs))
	for _, r := range recs {
		hits = append(hits, decodeSearchHit(props(r.AsMap()), exact, words))
	}
	return hits, nil
}

// CountSearch counts the hits Search would return unpaged, in one
// statement.
func (s *Store) CountSearch(ctx context.Context, q graph.SearchQuery) (int, error) {
	const op = "neo4j.CountSearch"
	kinds, err := kindStrings(op, q.Kinds)
	if err != nil {
		return 0, err
	}
	_, words := queryWords(q.Text)
	lucene := searchLucene(words)
	if lucene == "" {
		return 0, nil
	}
	entities, claims := q.Entities, q.Claims
	if !entities && !claims {
		entities, claims = true, true
	}
	return s.count(ctx, op, cypherCountSearch, map[string]any{
		"entityIndex": entityFullText, "claimIndex": claimFullText, "lucene": lucene,
		"entities": entities, "claims": claims, "kinds": kinds, "words": words,
	})
}

// decodeSearchHit decodes one row of cypherSearch; Matched is the name,
// alias or claim text that is the query itself, else the one that scored:
// of those the query words match, the one with the fewest words.
func decodeSearchHit(p props, exact string, words []string) graph.SearchHit {
	h := graph.SearchHit{EntityID: p.str("entityId"), ClaimID: p.str("claimId"), Score: p.float("score")}
	texts := p.strings("texts")
	best := -1
	for _, t := range texts {
		key := graph.CanonicalKey(t)
		if key == exact {
			h.Matched = t
			return h
		}
		if n := len(strings.Fields(key)); wordsMatch(key, words) && (best < 0 || n < best) {
			h.Matched, best = t, n
		}
	}
	if h.Matched == "" && len(texts) > 0 {
		h.Matched = texts[0]
	}
	return h
}

// wordsMatch reports whether every word is the prefix of a word of key.
func wordsMatch(key string, words []string) bool {
	fields := strings.Fields(key)
	for _, w := range words {
		if !slices.ContainsFunc(fields, func(f string) bool { return strings.HasPrefix(f, w) }) {
			return false
		}
	}
	return true
}

// searchLucene builds the full-text query of a search: every word must
// match, as a term (scored) or as a prefix. Only the leading run of letters
// and digits of a word is used, and of scripts the analyser splits into
// single characters only the first, so that the query finds a superset of
// what the exact filter keeps whatever Lucene's tokenizer does with the
// rest; terms are escaped besides, so user text is never query syntax.
func searchLucene(words []string) string {
	clauses := make([]string, 0, len(words))
	for _, w := range slices.Compact(slices.Clone(words)) { // sorted by queryWords
		lead := leadingWord(w)
		if lead == "" {
			continue
		}
		t := escapeLucene(lead)
		if lead == w {
			clauses = append(clauses, "("+t+" OR "+t+"*)")
		} else {
			clauses = append(clauses, t+"*")
		}
	}
	return strings.Join(clauses, " AND ")
}

// leadingWord returns the leading letters and digits of w; for scripts
// that Lucene's standard tokenizer splits per character, the first only.
func leadingWord(w string) string {
	for i, r := range w {
		if i == 0 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return string(r)
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return w[:i]
		}
	}
	return w
}

// escapeLucene backslash-escapes Lucene's query syntax characters.
func escapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SimilarClaims returns the near-duplicates of a claim, most similar first
// (ties by id): candidates from the full-text index, scored by
// graph.ClaimSimilarity.
func (s *Store) SimilarClaims(ctx context.Context, claimID string, minSimilarity float64, limit int) ([]graph.ScoredClaim, error) {
	const op = "neo4j.SimilarClaims"
	if !(minSimilarity >= 0 && minSimilarity <= 1) {
		return nil, graph.Errorf(op, graph.Invalid, "minimum similarity %v outside [0,1]", minSimilarity)
	}
	page, err := graph.Page{Limit: limit}.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	recs, err := s.read(ctx, op, cypherSimilarClaimCandidates, map[string]any{
		"id": claimID, "index": claimFullText, "candidates": similarCandidates, "maxTerms": similarMaxTermCount,
	})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(op, graph.NotFound, "claim %q not found", claimID)
	}
	claim := decodeClaim(column(recs[0], "claim"))
	mine := graph.NewClaimShingles(claim.Text)
	cands, _ := recs[0].Get("candidates")
	var out []graph.ScoredClaim
	for _, p := range mapList(cands) {
		c := decodeClaim(p)
		if score := mine.Similarity(graph.NewClaimShingles(c.Text)); score >= minSimilarity && score > 0 {
			out = append(out, graph.ScoredClaim{Claim: c, Score: score})
		}
	}
	slices.SortFunc(out, func(a, b graph.ScoredClaim) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Claim.ID, b.Claim.ID))
	})
	if len(out) > page.Limit {
		out = out[:page.Limit]
	}
	return out, nil
}
