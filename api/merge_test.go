package api_test

import (
	"github.com/newsgraph/newsgraph/graph"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/api"
)

// TestMergeAndUnmerge merges the Shadow Wing into the Northern Front, as an
// analyst who decides they are one group would, and takes it back.
func TestMergeAndUnmerge(t *testing.T) { eachStore(t, testMergeAndUnmerge) }

func testMergeAndUnmerge(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	courier, meridian := world(t, store)
	ts := serve(t, store, api.WithAPIKeys(testKey))
	ids := worldIDs(courier, meridian)
	key := bearer(testKey)
	vars := map[string]any{"into": northernFront.ID, "from": shadowWing.ID}

	resp, _ := postWith(t, ts, key, `mutation($into: ID!, $from: ID!) { mergeEntities(into: $into, from: $from) {
		into { name aliases mentionCount } from fromName fromKind mergedAt } }`, vars)
	if len(resp.Errors) > 0 {
		t.Fatalf("merge: %+v", resp.Errors)
	}
	var merged struct {
		MergeEntities struct {
			Into struct {
				Name         string
				Aliases      []string
				MentionCount int
			}
			From, FromName, FromKind, MergedAt string
		}
	}
	decodeInto(t, resp.Data, &merged)
	m := merged.MergeEntities
	if m.Into.Name != "Northern Front" || !slices.Contains(m.Into.Aliases, "Shadow Wing") || m.Into.MentionCount != 3 ||
		m.From != shadowWing.ID || m.FromName != "Shadow Wing" || m.FromKind != "GROUP" || m.MergedAt == "" {
		t.Errorf("merge answer %+v", m)
	}
	runCases(t, ts, ids, []queryCase{{
		name: "after the merge",
		query: `{ merges { from into { id } } entity(id: "{nf}") { relationships { totalCount nodes { type } } }
			groups: entities(kinds: [GROUP]) { totalCount } }`,
		want: `{"merges": [{"from": "{sw}", "into": {"id": "{nf}"}}], "entity": {"relationships": {"totalCount": 1, "nodes": [{"type": "RIVAL_OF"}]}}, "groups": {"totalCount": 2}}`,
	}})

	for _, tt := range []struct {
		name       string
		into, from string
		want       string
	}{
		{"into itself", northernFront.ID, northernFront.ID, "INVALID"},
		{"into a merged entity", shadowWing.ID, valleyGuard.ID, "INVALID"},
		{"unknown entity", northernFront.ID, "ent_000000000000000000000000", "NOT_FOUND"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := postWith(t, ts, key, `mutation($into: ID!, $from: ID!) { mergeEntities(into: $into, from: $from) { from } }`,
				map[string]any{"into": tt.into, "from": tt.from})
			if got := codes(resp); !equalStrings(got, []string{tt.want}) {
				t.Errorf("codes %v, want %s", got, tt.want)
			}
		})
	}

	resp, _ = postWith(t, ts, key, `mutation($from: ID!) { unmergeEntity(from: $from) { id name mentionCount } }`, map[string]any{"from": shadowWing.ID})
	if len(resp.Errors) > 0 {
		t.Fatalf("unmerge: %+v", resp.Errors)
	}
	runCases(t, ts, ids, []queryCase{{
		name:  "unmerge answer and graph after it",
		query: `{ merges { from } entity(id: "{nf}") { mentionCount aliases relationships { totalCount } } sw: entity(id: "{sw}") { name mentionCount } }`,
		want:  `{"merges": [], "entity": {"mentionCount": 2, "aliases": ["NF"], "relationships": {"totalCount": 2}}, "sw": {"name": "Shadow Wing", "mentionCount": 1}}`,
	}})
	resp, _ = postWith(t, ts, key, `mutation($from: ID!) { unmergeEntity(from: $from) { id } }`, map[string]any{"from": shadowWing.ID})
	if got := codes(resp); len(got) != 1 || (got[0] != "NOT_FOUND" && got[0] != "INVALID") {
		t.Errorf("unmerging twice: codes %v, want NOT_FOUND or INVALID", got)
	}
}
