package neo4j

import (
	"sort"
	"strings"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// props is a map projection returned by a read statement. Its getters
// tolerate missing keys and nulls (Neo4j stores no null property), so that
// records decode to zero values rather than failing.
type props map[string]any

// column returns the map projection in the named column of a record.
func column(r *neo4jdrv.Record, key string) props {
	v, _ := r.Get(key)
	m, _ := v.(map[string]any)
	return m
}

func (p props) str(k string) string {
	s, _ := p[k].(string)
	return s
}

func (p props) int(k string) int {
	switch v := p[k].(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

func (p props) float(k string) float64 {
	switch v := p[k].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func (p props) bool(k string) bool {
	b, _ := p[k].(bool)
	return b
}

// time returns a datetime property in UTC, truncated to the microsecond.
func (p props) time(k string) time.Time {
	switch v := p[k].(type) {
	case time.Time:
		return v.UTC().Truncate(time.Microsecond)
	case neo4jdrv.LocalDateTime:
		return time.Time(v).UTC().Truncate(time.Microsecond)
	}
	return time.Time{}
}

func (p props) strings(k string) []string { return toStrings(p[k]) }

// toStrings converts a Cypher list of strings; nil for an empty list, as the
// domain types use.
func toStrings(v any) []string {
	l, _ := v.([]any)
	if len(l) == 0 {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func decodeArticle(p props) *graph.Article {
	return &graph.Article{
		ID:          p.str("id"),
		URL:         p.str("url"),
		Title:       p.str("title"),
		Outlet:      p.str("outlet"),
		PublishedAt: p.time("publishedAt"),
		IngestedAt:  p.time("ingestedAt"),
		ContentHash: p.str("contentHash"),
		Text:        p.str("text"),
	}
}

func decodeEntity(p props) *graph.Entity {
	e := &graph.Entity{
		ID:           p.str("id"),
		Kind:         graph.EntityKind(p.str("kind")),
		Name:         p.str("name"),
		Aliases:      p.strings("aliases"),
		Roles:        p.strings("roles"),
		FirstSeen:    p.time("firstSeen"),
		LastSeen:     p.time("lastSeen"),
		MentionCount: p.int("mentionCount"),
	}
	// externalIds holds "key\tvalue" pairs, one per key (see
	// cypherRecomputeEntities); should a key repeat, the last pair wins.
	for _, pair := range p.strings("externalIds") {
		k, v, ok := strings.Cut(pair, "\t")
		if !ok {
			continue
		}
		if e.ExternalIDs == nil {
			e.ExternalIDs = map[string]string{}
		}
		e.ExternalIDs[k] = v
	}
	return e
}

func decodeCitation(p props) graph.Citation {
	return graph.Citation{
		ArticleID:     p.str("articleId"),
		SentenceIndex: p.int("sentenceIndex"),
		SentenceText:  p.str("sentenceText"),
		Start:         p.int("start"),
		End:           p.int("end"),
		Trigger:       p.str("trigger"),
		Extractor:     p.str("extractor"),
		Confidence:    p.float("confidence"),
	}
}

func decodeMention(p props) *graph.Mention {
	return &graph.Mention{
		EntityID: p.str("entityId"),
		Text:     p.str("text"),
		Role:     p.str("role"),
		// Mentions written before the field existed have no such property: "".
		KindInContext: graph.EntityKind(p.str("kindInContext")),
		Citation:      decodeCitation(p),
	}
}

func decodeRelationship(p props) *graph.Relationship {
	return &graph.Relationship{
		ID:            p.str("id"),
		Type:          graph.RelationType(p.str("type")),
		SourceID:      p.str("sourceId"),
		TargetID:      p.str("targetId"),
		Directed:      p.bool("directed"),
		EvidenceCount: p.int("evidenceCount"),
		FirstSeen:     p.time("firstSeen"),
		LastSeen:      p.time("lastSeen"),
		Confidence:    p.float("confidence"),
	}
}

func decodeClaim(p props) *graph.Claim {
	return &graph.Claim{
		ID:            p.str("id"),
		Text:          p.str("text"),
		Normalized:    p.str("normalized"),
		Verbatim:      p.bool("verbatim"),
		Cue:           p.str("cue"),
		SpeakerIDs:    p.strings("speakerIds"),
		AboutIDs:      p.strings("aboutIds"),
		EvidenceCount: p.int("evidenceCount"),
		FirstSeen:     p.time("firstSeen"),
		LastSeen:      p.time("lastSeen"),
		Confidence:    p.float("confidence"),
	}
}

func decodeClaimEvidence(p props) graph.ClaimEvidence {
	return graph.ClaimEvidence{
		ClaimID:    p.str("claimId"),
		Text:       p.str("text"),
		Verbatim:   p.bool("verbatim"),
		Source:     graph.Span{Start: p.int("sourceStart"), End: p.int("sourceEnd"), Text: p.str("sourceText")},
		Cue:        graph.Span{Start: p.int("cueStart"), End: p.int("cueEnd"), Text: p.str("cueText")},
		SpeakerIDs: p.strings("speakerIds"),
		AboutIDs:   p.strings("aboutIds"),
		Citation:   decodeCitation(p),
	}
}

// mapList converts a Cypher list of maps.
func mapList(v any) []props {
	l, _ := v.([]any)
	out := make([]props, 0, len(l))
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// queryWords splits a search query into the canonical words the stored keys
// are matched against.
func queryWords(q string) (key string, words []string) {
	key = graph.CanonicalKey(q)
	words = strings.Fields(key)
	sort.Strings(words)
	return key, words
}
