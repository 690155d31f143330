package neo4j

import (
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// The filter builders below turn a filter into the statement that serves
// it and its parameters, once for a list and its count, so that a count
// always counts what the list would return unpaged.

func articleParams(op string, f graph.ArticleFilter) (map[string]any, error) {
	if err := checkRange(op, f.Since, f.Until, 0); err != nil {
		return nil, err
	}
	switch f.Order {
	case graph.ArticlesByPublishedDesc, graph.ArticlesByPublishedAsc, graph.ArticlesByIngestedDesc:
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown article order %q", f.Order)
	}
	return map[string]any{
		"order":     string(f.Order),
		"outletKey": foldKey(f.Outlet),
		"since":     timeParam(f.Since),
		"until":     timeParam(f.Until),
	}, nil
}

// entityQuery picks the statements for an entity filter.
type entityQuery struct {
	list, count statement
	params      map[string]any
	none        bool // the query can match nothing: send no statement
}

func entityParams(op string, f graph.EntityFilter) (entityQuery, error) {
	kinds, err := kindStrings(op, f.Kinds)
	if err != nil {
		return entityQuery{}, err
	}
	if err := checkRange(op, f.Since, f.Until, 0); err != nil {
		return entityQuery{}, err
	}
	switch f.Order {
	case graph.EntitiesByRelevance, graph.EntitiesByMentions, graph.EntitiesByName, graph.EntitiesByLastSeen:
	default:
		return entityQuery{}, graph.Errorf(op, graph.Invalid, "unknown entity order %q", f.Order)
	}
	q := entityQuery{list: cypherEntities, count: cypherCountEntities, params: map[string]any{
		"kinds": kinds, "order": string(f.Order),
		"outletKey": foldKey(f.Outlet), "since": timeParam(f.Since), "until": timeParam(f.Until),
	}}
	if exact, words := queryWords(f.Query); len(words) > 0 {
		q.params["exact"], q.params["words"] = exact, words
		q.list, q.count = cypherSearchEntitiesScan, cypherCountSearchEntitiesScan
		if lucene, ok := luceneQuery(words); ok {
			q.list, q.count = cypherSearchEntitiesFullText, cypherCountSearchEntitiesFullText
			q.params["index"], q.params["lucene"] = entityFullText, lucene
		}
	} else if hasNoWord(f.Query) {
		// A query with no letter or digit matches nothing (see storetest).
		q.none = true
	}
	return q, nil
}

// hasNoWord reports whether q, which has no word to match, is more than
// white space: such queries match nothing, while a blank query lists
// everything.
func hasNoWord(q string) bool {
	for _, r := range q {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return true
		}
	}
	return false
}

func kindStrings(op string, ks []graph.EntityKind) ([]string, error) {
	out := make([]string, 0, len(ks))
	for _, k := range ks {
		if !k.Valid() {
			return nil, graph.Errorf(op, graph.Invalid, "unknown entity kind %q", k)
		}
		out = append(out, string(k))
	}
	return out, nil
}

func typeStrings(op string, ts []graph.RelationType) ([]string, error) {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if !t.Valid() {
			return nil, graph.Errorf(op, graph.Invalid, "unknown relationship type %q", t)
		}
		out = append(out, string(t))
	}
	return out, nil
}

func checkConfidence(op string, c float64) error {
	if !(c >= 0 && c <= 1) { // NaN too
		return graph.Errorf(op, graph.Invalid, "minimum confidence %v outside [0,1]", c)
	}
	return nil
}

// checkRange checks a date range and a minimum confidence, as every
// backend does.
func checkRange(op string, since, until time.Time, minConfidence float64) error {
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return graph.Errorf(op, graph.Invalid, "until is before since")
	}
	return checkConfidence(op, minConfidence)
}

// relationshipParams checks a relationship filter and returns the
// parameters of the relationship statements (paging aside).
func relationshipParams(op string, f graph.RelationshipFilter, batch bool) (map[string]any, error) {
	switch f.Direction {
	case graph.Any, graph.Outgoing, graph.Incoming:
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown direction %q", f.Direction)
	}
	if f.Direction != graph.Any && f.EntityID == "" && !batch {
		return nil, graph.Errorf(op, graph.Invalid, "a direction needs an entity id")
	}
	switch f.Order {
	case graph.RelationshipsByEvidence, graph.RelationshipsByConfidence, graph.RelationshipsByLastSeen, graph.RelationshipsByFirstSeen:
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown relationship order %q", f.Order)
	}
	types, err := typeStrings(op, f.Types)
	if err != nil {
		return nil, err
	}
	if err := checkRange(op, f.Since, f.Until, f.MinConfidence); err != nil {
		return nil, err
	}
	return map[string]any{
		"entityId": f.EntityID, "direction": string(f.Direction), "types": types,
		"minConfidence": f.MinConfidence, "order": string(f.Order),
		"outletKey": foldKey(f.Outlet), "since": timeParam(f.Since), "until": timeParam(f.Until),
	}, nil
}

// claimParams checks a claim filter and returns the parameters of the
// claim statements (paging aside).
func claimParams(op string, f graph.ClaimFilter) (map[string]any, error) {
	switch f.Order {
	case graph.ClaimsByFirstSeen, graph.ClaimsByEvidence, graph.ClaimsByLastSeen:
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown claim order %q", f.Order)
	}
	if err := checkRange(op, f.Since, f.Until, f.MinConfidence); err != nil {
		return nil, err
	}
	_, words := queryWords(f.Query)
	return map[string]any{
		"speakerId": f.SpeakerID, "aboutId": f.AboutID, "articleId": f.ArticleID,
		"words": nonNil(words), "minConfidence": f.ConfidenceFloor(), "order": string(f.Order),
		"outletKey": foldKey(f.Outlet), "since": timeParam(f.Since), "until": timeParam(f.Until),
	}, nil
}

// claimStatements picks where claim candidates come from: the most
// selective filter an index serves.
func claimStatements(f graph.ClaimFilter) (list, count statement) {
	switch {
	case f.SpeakerID != "":
		return cypherClaimsBySpeaker, cypherCountClaimsBySpeaker
	case f.AboutID != "":
		return cypherClaimsByAbout, cypherCountClaimsByAbout
	case f.ArticleID != "":
		return cypherClaimsByArticle, cypherCountClaimsByArticle
	}
	return cypherClaims, cypherCountClaims
}
