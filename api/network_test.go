package api_test

import (
	"github.com/newsgraph/newsgraph/graph"
	"testing"
)

// TestExplore checks search, network, paths, timelines and co-occurrence
// through real HTTP on the invented world.
func TestExplore(t *testing.T) { eachStore(t, testExplore) }

func testExplore(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	courier, meridian := world(t, store)
	ts := serve(t, store)
	ids := worldIDs(courier, meridian)
	runCases(t, ts, ids, []queryCase{{
		name:  "search an entity by a name prefix",
		query: `{ search(text: "north", targets: [ENTITIES]) { nodes { matched node { __typename ... on Entity { id name } } } } }`,
		want:  `{"search": {"nodes": [{"matched": "Northern Front", "node": {"__typename": "Entity", "id": "{nf}", "name": "Northern Front"}}]}}`,
	}, {
		name:  "search claims",
		query: `{ search(text: "rivalry deepen", targets: [CLAIMS]) { nodes { matched node { __typename ... on Claim { id } } } } }`,
		want:  `{"search": {"nodes": [{"matched": "the rivalry would deepen before the winter", "node": {"__typename": "Claim", "id": "{claim}"}}]}}`,
	}, {
		name:  "search by kind",
		query: `{ person: search(text: "evening", kinds: [PERSON], targets: [ENTITIES]) { nodes { matched } } program: search(text: "evening", kinds: [PROGRAM]) { nodes { matched } } }`,
		want:  `{"person": {"nodes": []}, "program": {"nodes": [{"matched": "Evening Hour"}]}}`,
	}, {
		name: "search totalCount counts past the page",
		query: `{ all: search(text: "w", first: 1) { totalCount pageInfo { hasNextPage } }
			claims: search(text: "rivalry", targets: [CLAIMS]) { totalCount } none: search(text: "zzzz") { totalCount } }`,
		want: `{"all": {"totalCount": 2, "pageInfo": {"hasNextPage": true}},
			"claims": {"totalCount": 1}, "none": {"totalCount": 0}}`,
	}, {
		name: "network of one seed, depth 1",
		query: `query($s: [ID!]!) { network(seeds: $s, depth: 1) { truncated
			nodes { id name kind depth mentionCount entity { aliases } }
			edges { id source target type directed weight confidence firstSeen lastSeen relationship { citations { trigger } } } } }`,
		vars: map[string]any{"s": []any{"{nf}"}},
		want: `{"network": {"truncated": false,
			"nodes": [{"id": "{nf}", "name": "Northern Front", "kind": "GROUP", "depth": 0, "mentionCount": 2, "entity": {"aliases": ["NF"]}}, ` +
			byID(ids, `%`, `{"id": "{vg}", "name": "Valley Guard", "kind": "GROUP", "depth": 1, "mentionCount": 1, "entity": {"aliases": []}}|{vg}`,
				`{"id": "{sw}", "name": "Shadow Wing", "kind": "GROUP", "depth": 1, "mentionCount": 1, "entity": {"aliases": []}}|{sw}`) + `],
			"edges": [` + byID(ids, `%`,
			`{"id": "{rival}", "source": "`+first(ids, "{vg}", "{nf}")+`", "target": "`+second(ids, "{vg}", "{nf}")+`", "type": "RIVAL_OF", "directed": false, "weight": 1, "confidence": 0.8,
			  "firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-03-01T08:00:00Z", "relationship": {"citations": [{"trigger": "clashed with"}]}}|{rival}`,
			`{"id": "{branch}", "source": "{sw}", "target": "{nf}", "type": "BRANCH_OF", "directed": true, "weight": 1, "confidence": 0.9,
			  "firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-03-01T08:00:00Z", "relationship": {"citations": [{"trigger": "a branch of"}]}}|{branch}`) + `]}}`,
	}, {
		name:  "network capped",
		query: `query($s: [ID!]!) { network(seeds: $s, depth: 2, limit: 2) { truncated nodes { depth } } }`,
		vars:  map[string]any{"s": []any{"{nf}"}},
		want:  `{"network": {"truncated": true, "nodes": [{"depth": 0}, {"depth": 1}]}}`,
	}, {
		name:  "network by relation type and date",
		query: `query($s: [ID!]!) { t: network(seeds: $s, relationTypes: [BRANCH_OF]) { nodes { name } edges { type } } d: network(seeds: $s, since: "2024-03-02T00:00:00Z") { nodes { name } edges { type } } }`,
		vars:  map[string]any{"s": []any{"{nf}"}},
		want: `{"t": {"nodes": [{"name": "Northern Front"}, {"name": "Shadow Wing"}], "edges": [{"type": "BRANCH_OF"}]},
			"d": {"nodes": [{"name": "Northern Front"}], "edges": []}}`,
	}, {
		name:  "network of two seeds",
		query: `query($s: [ID!]!) { network(seeds: $s) { nodes { name depth } edges { type } } }`,
		vars:  map[string]any{"s": []any{"{tr}", "{sw}"}},
		want: `{"network": {"nodes": [{"name": "Tomas Reyl", "depth": 0}, {"name": "Shadow Wing", "depth": 0}, ` +
			byID(ids, `%`, `{"name": "Evening Hour", "depth": 1}|{eh}`, `{"name": "Northern Front", "depth": 1}|{nf}`) + `],
			"edges": [` + byID(ids, `%`, `{"type": "HOSTED"}|{hosted}`, `{"type": "BRANCH_OF"}|{branch}`) + `]}}`,
	}, {
		name: "shortest path with citations",
		query: `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { length nodes { name }
			edges { type other { name } citations { sentence start end trigger article { outlet } } } } }`,
		vars: map[string]any{"a": "{sw}", "b": "{vg}"},
		want: `{"paths": [{"length": 2, "nodes": [{"name": "Shadow Wing"}, {"name": "Northern Front"}, {"name": "Valley Guard"}],
			"edges": [
			  {"type": "BRANCH_OF", "other": {"name": "Northern Front"}, "citations": [{"sentence": "The Shadow Wing, a branch of the Northern Front, claimed the attack.",
			    "start": 142, "end": 189, "trigger": "a branch of", "article": {"outlet": "Lakeside Courier"}}]},
			  {"type": "RIVAL_OF", "other": {"name": "Valley Guard"}, "citations": [{"sentence": "The Northern Front clashed with the Valley Guard near Eastport on Monday.",
			    "start": 68, "end": 116, "trigger": "clashed with", "article": {"outlet": "Lakeside Courier"}}]}]}]}`,
	}, {
		name:  "no path",
		query: `query($a: ID!, $b: ID!) { unconnected: paths(from: $a, to: $b) { length } tooShort: paths(from: "{sw}", to: "{vg}", maxHops: 1) { length } }`,
		vars:  map[string]any{"a": "{tr}", "b": "{nf}"},
		want:  `{"unconnected": [], "tooShort": []}`,
	}, {
		name: "timeline by day and by month",
		query: `query($id: ID!) { day: timeline(entityId: $id, bucket: DAY) { start end mentions claimsBy claimsAbout articles relationships { type count } }
			month: timeline(entityId: $id) { start end mentions claimsBy articles } }`,
		vars: map[string]any{"id": "{mk}"},
		want: `{"day": [
			  {"start": "2024-03-01T00:00:00Z", "end": "2024-03-02T00:00:00Z", "mentions": 1, "claimsBy": 1, "claimsAbout": 0, "articles": 1, "relationships": []},
			  {"start": "2024-03-05T00:00:00Z", "end": "2024-03-06T00:00:00Z", "mentions": 1, "claimsBy": 1, "claimsAbout": 0, "articles": 1, "relationships": []}],
			"month": [{"start": "2024-03-01T00:00:00Z", "end": "2024-04-01T00:00:00Z", "mentions": 2, "claimsBy": 2, "articles": 2}]}`,
	}, {
		name:  "timeline of relationships, by year",
		query: `query($id: ID!) { timeline(entityId: $id, bucket: YEAR) { start relationships { type count } claimsAbout } }`,
		vars:  map[string]any{"id": "{nf}"},
		want:  `{"timeline": [{"start": "2024-01-01T00:00:00Z", "relationships": [{"type": "BRANCH_OF", "count": 1}, {"type": "RIVAL_OF", "count": 1}], "claimsAbout": 2}]}`,
	}, {
		name: "co-occurrence in a sentence and in an article",
		query: `query($id: ID!) { s: coOccurrences(entityId: $id) { nodes { entity { name } count articles firstSeen } }
			a: coOccurrences(entityId: $id, scope: ARTICLE, kinds: [PERSON, PLACE]) { nodes { entity { name } count } } }`,
		vars: map[string]any{"id": "{nf}"},
		want: `{"s": {"nodes": [` + byID(ids, `%`,
			`{"entity": {"name": "Valley Guard"}, "count": 1, "articles": 1, "firstSeen": "2024-03-01T08:00:00Z"}|{vg}`,
			`{"entity": {"name": "Eastport"}, "count": 1, "articles": 1, "firstSeen": "2024-03-01T08:00:00Z"}|{ep}`,
			`{"entity": {"name": "Shadow Wing"}, "count": 1, "articles": 1, "firstSeen": "2024-03-01T08:00:00Z"}|{sw}`) + `]},
			"a": {"nodes": [` + byID(ids, `%`, `{"entity": {"name": "Eastport"}, "count": 1}|{ep}`, `{"entity": {"name": "Mira Kovač"}, "count": 1}|{mk}`) + `]}}`,
	}, {
		name: "co-occurrence totalCount counts past the page",
		query: `query($id: ID!) { s: coOccurrences(entityId: $id, first: 1) { totalCount pageInfo { hasNextPage } }
			a: coOccurrences(entityId: $id, scope: ARTICLE, kinds: [PERSON, PLACE]) { totalCount } }`,
		vars: map[string]any{"id": "{nf}"},
		want: `{"s": {"totalCount": 3, "pageInfo": {"hasNextPage": true}}, "a": {"totalCount": 2}}`,
	}})
}

// first and second order two placeholders by the ids they stand for, as
// the ends of an undirected relationship are.
func first(ids interface{ Replace(string) string }, a, b string) string {
	if ids.Replace(b) < ids.Replace(a) {
		return b
	}
	return a
}

func second(ids interface{ Replace(string) string }, a, b string) string {
	if first(ids, a, b) == a {
		return b
	}
	return a
}
