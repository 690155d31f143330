package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// TestQueries runs each query through real HTTP against the real embedded
// store holding the invented world, and compares the whole answer.
// Offsets in the expected answers count code points (see fixture_test.go:
// "Kovač" precedes most spans, so byte offsets would differ). Where the
// contract breaks ties by id, or orders the ends of an undirected
// relationship by id, the expected order follows the (deterministic) ids:
// Valley Guard's id sorts before Northern Front's, RIVAL_OF's before
// BRANCH_OF's.
func TestQueries(t *testing.T) { eachStore(t, testQueries) }

func testQueries(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	courier, meridian := world(t, store)
	ts := serve(t, store)
	claimID := graph.ClaimID(graph.NormalizeClaim(warning))
	ids := strings.NewReplacer(
		"{nf}", northernFront.ID, "{vg}", valleyGuard.ID, "{sw}", shadowWing.ID, "{ep}", eastport.ID,
		"{mk}", miraKovac.ID, "{tr}", tomasReyl.ID, "{eh}", eveningHour.ID,
		"{courier}", courier.ID, "{meridian}", meridian.ID, "{claim}", claimID,
		"{rival}", graph.RelationshipID(graph.RivalOf, northernFront.ID, valleyGuard.ID),
		"{branch}", graph.RelationshipID(graph.BranchOf, shadowWing.ID, northernFront.ID),
	)
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		want  string
	}{{
		name:  "entity by id",
		query: `query($id: ID!) { entity(id: $id) { id kind name aliases roles externalIds { source id } mentionCount firstSeen lastSeen } }`,
		vars:  map[string]any{"id": northernFront.ID},
		want: `{"entity": {"id": "{nf}", "kind": "GROUP", "name": "Northern Front", "aliases": ["NF"], "roles": [],
			"externalIds": [], "mentionCount": 2, "firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-03-01T08:00:00Z"}}`,
	}, {
		name:  "person with role seen in two articles",
		query: `query($id: ID!) { entity(id: $id) { name kind roles mentionCount firstSeen lastSeen } }`,
		vars:  map[string]any{"id": miraKovac.ID},
		want: `{"entity": {"name": "Mira Kovač", "kind": "PERSON", "roles": ["analyst"], "mentionCount": 2,
			"firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-03-05T18:30:00Z"}}`,
	}, {
		name:  "search by name prefix",
		query: `{ entities(query: "north") { totalCount nodes { id name } } }`,
		want:  `{"entities": {"totalCount": 1, "nodes": [{"id": "{nf}", "name": "Northern Front"}]}}`,
	}, {
		name:  "search without match",
		query: `{ entities(query: "zzzz") { totalCount edges { cursor } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
		want: `{"entities": {"totalCount": 0, "edges": [], "nodes": [],
			"pageInfo": {"hasNextPage": false, "hasPreviousPage": false, "startCursor": null, "endCursor": null}}}`,
	}, {
		name:  "empty pages and lists",
		query: `query($id: ID!) { entities(first: 0) { nodes { id } pageInfo { hasNextPage } } entity(id: $id) { mentions(first: 0) { nodes { text } } relationships { nodes { citations(first: 0) { start } } } } }`,
		vars:  map[string]any{"id": shadowWing.ID},
		want: `{"entities": {"nodes": [], "pageInfo": {"hasNextPage": false}},
			"entity": {"mentions": {"nodes": []}, "relationships": {"nodes": [{"citations": []}]}}}`,
	}, {
		name:  "search by alias",
		query: `{ entities(query: "NF") { nodes { name } } }`,
		want:  `{"entities": {"nodes": [{"name": "Northern Front"}]}}`,
	}, {
		name:  "search by kind, first page",
		query: `{ entities(kinds: [PERSON, PROGRAM], first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { kind } } } }`,
		want: `{"entities": {"totalCount": 3, "pageInfo": {"hasNextPage": true, "hasPreviousPage": false},
			"edges": [{"node": {"kind": "PERSON"}}, {"node": {"kind": "PERSON"}}]}}`,
	}, {
		name: "entity relationships with the other side and citations",
		query: `query($id: ID!) { entity(id: $id) { relationships { totalCount nodes {
			id type directed evidenceCount confidence firstSeen lastSeen
			source { name } target { name } other { name }
			citations { sentenceIndex sentence start end trigger extractor confidence article { id title outlet } } } } } }`,
		vars: map[string]any{"id": northernFront.ID},
		want: `{"entity": {"relationships": {"totalCount": 2, "nodes": [
			{"id": "{rival}", "type": "RIVAL_OF", "directed": false, "evidenceCount": 1, "confidence": 0.8,
			 "firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-03-01T08:00:00Z",
			 "source": {"name": "Valley Guard"}, "target": {"name": "Northern Front"}, "other": {"name": "Valley Guard"},
			 "citations": [{"sentenceIndex": 1, "sentence": "The Northern Front clashed with the Valley Guard near Eastport on Monday.",
			   "start": 68, "end": 116, "trigger": "clashed with", "extractor": "fixture", "confidence": 0.8,
			   "article": {"id": "{courier}", "title": "Clashes near Eastport", "outlet": "Lakeside Courier"}}]},
			{"id": "{branch}", "type": "BRANCH_OF", "directed": true, "evidenceCount": 1, "confidence": 0.9,
			 "firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-03-01T08:00:00Z",
			 "source": {"name": "Shadow Wing"}, "target": {"name": "Northern Front"}, "other": {"name": "Shadow Wing"},
			 "citations": [{"sentenceIndex": 2, "sentence": "The Shadow Wing, a branch of the Northern Front, claimed the attack.",
			   "start": 142, "end": 189, "trigger": "a branch of", "extractor": "fixture", "confidence": 0.9,
			   "article": {"id": "{courier}", "title": "Clashes near Eastport", "outlet": "Lakeside Courier"}}]}]}}}`,
	}, {
		name:  "relationships filtered by entity, type and direction",
		query: `query($id: ID!) { relationships(entityId: $id, types: [BRANCH_OF], direction: IN) { nodes { type source { name } other { name } } } }`,
		vars:  map[string]any{"id": northernFront.ID},
		want:  `{"relationships": {"nodes": [{"type": "BRANCH_OF", "source": {"name": "Shadow Wing"}, "other": {"name": "Shadow Wing"}}]}}`,
	}, {
		name:  "relationships by minimum confidence",
		query: `{ relationships(minConfidence: 0.85) { nodes { type } } }`,
		want:  `{"relationships": {"nodes": [{"type": "BRANCH_OF"}]}}`,
	}, {
		name: "claims by speaker, citations by publication date",
		query: `query($id: ID!) { claims(speakerId: $id) { totalCount nodes {
			id text verbatim cue evidenceCount firstSeen lastSeen speakers { name } about { name }
			citations { article { outlet publishedAt } sentenceIndex sentence start end trigger text
			  source { start end text } cue { start end text } speakers { name } }
			firstAppearance { article { id } start end } outlets { outlet firstSeen articles firstArticle { title } } } } }`,
		vars: map[string]any{"id": miraKovac.ID},
		want: `{"claims": {"totalCount": 1, "nodes": [{"id": "{claim}", "text": "the rivalry would deepen before the winter",
			"verbatim": false, "cue": "said", "evidenceCount": 2,
			"firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-03-05T18:30:00Z",
			"speakers": [{"name": "Mira Kovač"}], "about": [{"name": "Valley Guard"}, {"name": "Northern Front"}],
			"citations": [
			  {"article": {"outlet": "Lakeside Courier", "publishedAt": "2024-03-01T08:00:00Z"}, "sentenceIndex": 0,
			   "sentence": "Analyst Mira Kovač said the rivalry would deepen before the winter.", "start": 24, "end": 66,
			   "trigger": "said", "text": "the rivalry would deepen before the winter",
			   "source": {"start": 0, "end": 18, "text": "Analyst Mira Kovač"}, "cue": {"start": 19, "end": 23, "text": "said"},
			   "speakers": [{"name": "Mira Kovač"}]},
			  {"article": {"outlet": "Radio Meridian", "publishedAt": "2024-03-05T18:30:00Z"}, "sentenceIndex": 1,
			   "sentence": "Mira Kovač warned that the rivalry would deepen before the winter.", "start": 64, "end": 106,
			   "trigger": "warned", "text": "the rivalry would deepen before the winter",
			   "source": {"start": 41, "end": 51, "text": "Mira Kovač"}, "cue": {"start": 52, "end": 58, "text": "warned"},
			   "speakers": [{"name": "Mira Kovač"}]}],
			"firstAppearance": {"article": {"id": "{courier}"}, "start": 24, "end": 66},
			"outlets": [
			  {"outlet": "Lakeside Courier", "firstSeen": "2024-03-01T08:00:00Z", "articles": 1, "firstArticle": {"title": "Clashes near Eastport"}},
			  {"outlet": "Radio Meridian", "firstSeen": "2024-03-05T18:30:00Z", "articles": 1, "firstArticle": {"title": "Evening Hour: the winter ahead"}}]}]}}`,
	}, {
		name:  "claims about an entity, through the entity",
		query: `query($id: ID!) { entity(id: $id) { claimsAbout { nodes { text } } claimsBy { totalCount } } }`,
		vars:  map[string]any{"id": valleyGuard.ID},
		want:  `{"entity": {"claimsAbout": {"nodes": [{"text": "the rivalry would deepen before the winter"}]}, "claimsBy": {"totalCount": 0}}}`,
	}, {
		name:  "claims about, top level",
		query: `query($id: ID!) { claims(aboutId: $id) { nodes { id } } }`,
		vars:  map[string]any{"id": northernFront.ID},
		want:  `{"claims": {"nodes": [{"id": "{claim}"}]}}`,
	}, {
		name:  "mentions",
		query: `query($id: ID!) { entity(id: $id) { mentions(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { text role entity { name } citation { start end article { id } } } } } }`,
		vars:  map[string]any{"id": miraKovac.ID},
		want:  mentionsWant(courier.ID, meridian.ID),
	}, {
		name:  "mention kind in context, and null where there is none",
		query: `query($a: ID!, $b: ID!) { a: entity(id: $a) { kind mentions { nodes { text kindInContext } } } b: entity(id: $b) { mentions(first: 1) { nodes { kindInContext } } } }`,
		vars:  map[string]any{"a": eastport.ID, "b": tomasReyl.ID},
		want: `{"a": {"kind": "PLACE", "mentions": {"nodes": [{"text": "Eastport", "kindInContext": "ORGANIZATION"}]}},
			"b": {"mentions": {"nodes": [{"kindInContext": null}]}}}`,
	}, {
		name:  "articles, newest first",
		query: `{ articles { totalCount nodes { id url title outlet publishedAt ingestedAt contentHash } } }`,
		want: `{"articles": {"totalCount": 2, "nodes": [
			{"id": "{meridian}", "url": "https://meridian.example/evening-hour", "title": "Evening Hour: the winter ahead",
			 "outlet": "Radio Meridian", "publishedAt": "2024-03-05T18:30:00Z", "ingestedAt": "2024-03-05T19:30:00Z",
			 "contentHash": "` + meridian.ContentHash + `"},
			{"id": "{courier}", "url": "https://courier.example/clashes", "title": "Clashes near Eastport",
			 "outlet": "Lakeside Courier", "publishedAt": "2024-03-01T08:00:00Z", "ingestedAt": "2024-03-01T09:00:00Z",
			 "contentHash": "` + courier.ContentHash + `"}]}}`,
	}, {
		name:  "articles by outlet and date",
		query: `{ byOutlet: articles(outlet: "radio meridian") { nodes { title } } since: articles(since: "2024-03-02T00:00:00+01:00") { nodes { title } } until: articles(until: "2024-03-02T00:00:00Z") { nodes { title } } }`,
		want: `{"byOutlet": {"nodes": [{"title": "Evening Hour: the winter ahead"}]},
			"since": {"nodes": [{"title": "Evening Hour: the winter ahead"}]},
			"until": {"nodes": [{"title": "Clashes near Eastport"}]}}`,
	}, {
		name: "articles in each order",
		query: `{ newest: articles(orderBy: PUBLISHED_DESC) { nodes { title } } oldest: articles(orderBy: PUBLISHED_ASC) { totalCount nodes { title } }
			ingested: articles(orderBy: INGESTED_DESC, first: 1) { nodes { title } pageInfo { hasNextPage } } }`,
		want: `{"newest": {"nodes": [{"title": "Evening Hour: the winter ahead"}, {"title": "Clashes near Eastport"}]},
			"oldest": {"totalCount": 2, "nodes": [{"title": "Clashes near Eastport"}, {"title": "Evening Hour: the winter ahead"}]},
			"ingested": {"nodes": [{"title": "Evening Hour: the winter ahead"}], "pageInfo": {"hasNextPage": true}}}`,
	}, {
		name:  "node by id, for each type",
		query: `query($e: ID!, $a: ID!, $c: ID!) { e: node(id: $e) { id ... on Entity { name } } a: node(id: $a) { id ... on Article { title } } c: node(id: $c) { id __typename } missing: node(id: "ent_000000000000000000000000") { id } }`,
		vars:  map[string]any{"e": eastport.ID, "a": courier.ID, "c": claimID},
		want: `{"e": {"id": "{ep}", "name": "Eastport"}, "a": {"id": "{courier}", "title": "Clashes near Eastport"},
			"c": {"id": "{claim}", "__typename": "Claim"}, "missing": null}`,
	}, {
		name:  "stats",
		query: `{ stats { articles entities mentions relationships claims citations } }`,
		want:  `{"stats": {"articles": 2, "entities": 7, "mentions": 9, "relationships": 3, "claims": 1, "citations": 5}}`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, status := post(t, ts, tt.query, tt.vars)
			if status != 200 || len(resp.Errors) > 0 {
				t.Fatalf("status %d, errors %+v", status, resp.Errors)
			}
			want := decode(t, []byte(ids.Replace(tt.want)))
			if diff := cmp.Diff(want, decode(t, resp.Data)); diff != "" {
				t.Errorf("answer mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// mentionsWant is the expected answer of the mentions case: the store
// orders mentions by article id, which is a hash, so the order is computed.
func mentionsWant(courierID, meridianID string) string {
	c := `{"text": "Mira Kovač", "role": "analyst", "entity": {"name": "Mira Kovač"}, "citation": {"start": 8, "end": 18, "article": {"id": "{courier}"}}}`
	m := `{"text": "Mira Kovač", "role": null, "entity": {"name": "Mira Kovač"}, "citation": {"start": 41, "end": 51, "article": {"id": "{meridian}"}}}`
	if meridianID < courierID {
		c, m = m, c
	}
	return `{"entity": {"mentions": {"totalCount": 2, "pageInfo": {"hasNextPage": false, "hasPreviousPage": false}, "nodes": [` + c + `, ` + m + `]}}}`
}

// TestMentionPages pages through an entity's mentions with cursors: the
// pages join up to the whole list, and totalCount counts past the page.
func TestMentionPages(t *testing.T) { eachStore(t, testMentionPages) }

func testMentionPages(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store)
	const q = `query($id: ID!, $after: String) { entity(id: $id) { mentions(first: 1, after: $after) {
		totalCount edges { cursor node { citation { article { id } start } } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`
	type page struct {
		Entity struct {
			Mentions struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct {
						Citation struct {
							Article struct{ ID string }
							Start   int
						}
					}
				}
				PageInfo struct {
					HasNextPage, HasPreviousPage bool
					EndCursor                    *string
				}
			}
		}
	}
	var got []string
	var after any
	for i := 0; ; i++ {
		resp, status := post(t, ts, q, map[string]any{"id": miraKovac.ID, "after": after})
		if status != 200 || len(resp.Errors) > 0 {
			t.Fatalf("page %d: status %d, errors %+v", i, status, resp.Errors)
		}
		var p page
		if err := json.Unmarshal(resp.Data, &p); err != nil {
			t.Fatal(err)
		}
		ms := p.Entity.Mentions
		if ms.TotalCount != 2 || len(ms.Edges) != 1 || ms.PageInfo.HasPreviousPage != (i > 0) {
			t.Fatalf("page %d = %+v; want one of 2 mentions, a previous page after the first", i, ms)
		}
		got = append(got, ms.Edges[0].Node.Citation.Article.ID)
		if !ms.PageInfo.HasNextPage {
			break
		}
		if i > 2 {
			t.Fatalf("more pages than mentions: %v", got)
		}
		after = *ms.PageInfo.EndCursor
	}
	if len(got) != 2 || got[0] >= got[1] {
		t.Errorf("pages = %v; want both articles, by article id", got)
	}
}
