package api_test

import (
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// queryCase is a query and the whole answer it must get; {name} in want
// and vars stands for an id of the invented world (see worldIDs).
type queryCase struct {
	name  string
	query string
	vars  map[string]any
	want  string
}

// worldIDs replaces the placeholders of the invented world's ids.
func worldIDs(courier, meridian *doc) *strings.Replacer {
	return strings.NewReplacer(
		"{nf}", northernFront.ID, "{vg}", valleyGuard.ID, "{sw}", shadowWing.ID, "{ep}", eastport.ID,
		"{mk}", miraKovac.ID, "{tr}", tomasReyl.ID, "{eh}", eveningHour.ID,
		"{courier}", courier.ID, "{meridian}", meridian.ID, "{claim}", graph.ClaimID(graph.NormalizeClaim(warning)),
		"{rival}", graph.RelationshipID(graph.RivalOf, northernFront.ID, valleyGuard.ID),
		"{branch}", graph.RelationshipID(graph.BranchOf, shadowWing.ID, northernFront.ID),
		"{hosted}", graph.RelationshipID(graph.Hosted, tomasReyl.ID, eveningHour.ID),
	)
}

// runCases posts each case through real HTTP and compares whole answers.
func runCases(t *testing.T, ts *httptest.Server, ids *strings.Replacer, cases []queryCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]any{}
			for k, v := range tt.vars {
				vars[k] = replaceIDs(ids, v)
			}
			resp, status := post(t, ts, ids.Replace(tt.query), vars)
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

// replaceIDs replaces the placeholders in a variable's value.
func replaceIDs(ids *strings.Replacer, v any) any {
	switch v := v.(type) {
	case string:
		return ids.Replace(v)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = replaceIDs(ids, e)
		}
		return out
	}
	return v
}

// byID orders placeholders by the ids they stand for, for lists the
// contract orders by id, and joins them as JSON objects of the given form.
// A placeholder "text|{key}" is ordered by {key} and written as text.
func byID(ids *strings.Replacer, form string, placeholders ...string) string {
	key := func(p string) string {
		_, k, ok := strings.Cut(p, "|")
		if !ok {
			k = p
		}
		return ids.Replace(k)
	}
	ps := append([]string(nil), placeholders...)
	sort.Slice(ps, func(i, j int) bool { return key(ps[i]) < key(ps[j]) })
	out := make([]string, len(ps))
	for i, p := range ps {
		text, _, _ := strings.Cut(p, "|")
		out[i] = strings.ReplaceAll(form, "%", text)
	}
	return strings.Join(out, ", ")
}

// TestFiltersAndOrders checks the filters and orders of every list, on the
// invented world: Lakeside Courier (1 March) carries the rivalry, the
// branch and Mira Kovač's warning; Radio Meridian (5 March) the hosting
// and the warning again.
func TestFiltersAndOrders(t *testing.T) { eachStore(t, testFiltersAndOrders) }

func testFiltersAndOrders(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	courier, meridian := world(t, store)
	ts := serve(t, store)
	ids := worldIDs(courier, meridian)
	runCases(t, ts, ids, []queryCase{{
		name:  "entities by kind, by name",
		query: `{ entities(kinds: [GROUP], orderBy: NAME) { totalCount nodes { name } } }`,
		want:  `{"entities": {"totalCount": 3, "nodes": [{"name": "Northern Front"}, {"name": "Shadow Wing"}, {"name": "Valley Guard"}]}}`,
	}, {
		name:  "entities by outlet",
		query: `{ entities(outlet: "radio meridian", orderBy: NAME) { totalCount nodes { name } } }`,
		want:  `{"entities": {"totalCount": 3, "nodes": [{"name": "Evening Hour"}, {"name": "Mira Kovač"}, {"name": "Tomas Reyl"}]}}`,
	}, {
		name:  "entities by date",
		query: `{ entities(until: "2024-03-02T00:00:00Z", kinds: [PERSON, PLACE], orderBy: NAME) { nodes { name } } }`,
		want:  `{"entities": {"nodes": [{"name": "Eastport"}, {"name": "Mira Kovač"}]}}`,
	}, {
		name:  "entities by name or alias",
		query: `{ entities(query: "NF") { nodes { name } } }`,
		want:  `{"entities": {"nodes": [{"name": "Northern Front"}]}}`,
	}, {
		name:  "relationships by confidence",
		query: `{ relationships(orderBy: CONFIDENCE) { nodes { type confidence } } }`,
		want:  `{"relationships": {"nodes": [{"type": "BRANCH_OF", "confidence": 0.9}, {"type": "RIVAL_OF", "confidence": 0.8}, {"type": "HOSTED", "confidence": 0.6}]}}`,
	}, {
		name:  "relationships by first seen, ties by id",
		query: `{ relationships(orderBy: FIRST_SEEN) { nodes { id } } }`,
		want:  `{"relationships": {"nodes": [` + byID(ids, `{"id": "%"}`, "{rival}", "{branch}") + `, {"id": "{hosted}"}]}}`,
	}, {
		name:  "relationships by outlet and by date",
		query: `{ o: relationships(outlet: "Radio Meridian") { totalCount nodes { type } } d: relationships(since: "2024-03-02T00:00:00Z") { nodes { type } } none: relationships(until: "2024-03-01T00:00:00Z") { totalCount } }`,
		want:  `{"o": {"totalCount": 1, "nodes": [{"type": "HOSTED"}]}, "d": {"nodes": [{"type": "HOSTED"}]}, "none": {"totalCount": 0}}`,
	}, {
		name:  "relationship by id",
		query: `query($id: ID!) { relationship(id: $id) { id type directed source { name } target { name } other { name } evidenceCount } }`,
		vars:  map[string]any{"id": "{branch}"},
		want:  `{"relationship": {"id": "{branch}", "type": "BRANCH_OF", "directed": true, "source": {"name": "Shadow Wing"}, "target": {"name": "Northern Front"}, "other": null, "evidenceCount": 1}}`,
	}, {
		name:  "node of a relationship",
		query: `query($id: ID!) { node(id: $id) { id __typename ... on Relationship { type } } }`,
		vars:  map[string]any{"id": "{hosted}"},
		want:  `{"node": {"id": "{hosted}", "__typename": "Relationship", "type": "HOSTED"}}`,
	}, {
		name: "an entity's relationships filtered",
		query: `query($id: ID!) { entity(id: $id) { all: relationships(orderBy: FIRST_SEEN) { totalCount nodes { other { name } } }
			conf: relationships(minConfidence: 0.85) { nodes { type } } later: relationships(since: "2024-03-02T00:00:00Z") { totalCount } } }`,
		vars: map[string]any{"id": "{nf}"},
		want: `{"entity": {"all": {"totalCount": 2, "nodes": [` + byID(ids, `{"other": {"name": "%"}}`, "Valley Guard|{rival}", "Shadow Wing|{branch}") + `]},
			"conf": {"nodes": [{"type": "BRANCH_OF"}]}, "later": {"totalCount": 0}}}`,
	}, {
		name:  "claims by outlet, date and confidence",
		query: `{ o: claims(outlet: "radio meridian") { totalCount } early: claims(until: "2024-03-02T00:00:00Z") { totalCount } high: claims(minConfidence: 0.99) { totalCount } ok: claims(minConfidence: 0.9, orderBy: EVIDENCE) { nodes { evidenceCount } } }`,
		want:  `{"o": {"totalCount": 1}, "early": {"totalCount": 1}, "high": {"totalCount": 0}, "ok": {"nodes": [{"evidenceCount": 2}]}}`,
	}, {
		name:  "an entity's claims filtered",
		query: `query($id: ID!) { entity(id: $id) { claimsBy(outlet: "Lakeside Courier") { totalCount } late: claimsBy(since: "2024-03-10T00:00:00Z") { totalCount } claimsAbout { totalCount } } }`,
		vars:  map[string]any{"id": "{mk}"},
		want:  `{"entity": {"claimsBy": {"totalCount": 1}, "late": {"totalCount": 0}, "claimsAbout": {"totalCount": 0}}}`,
	}})
}
