package neo4j

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

func TestMergeDeclarations(t *testing.T) {
	in := []graph.Entity{
		{ID: "ent_a", Kind: graph.Group, Name: "Harbour Union", Aliases: []string{"HU"}, ExternalIDs: map[string]string{"wikidata": "Q1"}},
		{ID: "ent_b", Kind: graph.Place, Name: "Eastport"},
		{ID: "ent_a", Kind: graph.Group, Name: "The Harbour Union", Roles: []string{"union"}, ExternalIDs: map[string]string{"wikidata": "Q2", "viaf": "9"}},
	}
	want := []graph.Entity{
		{ID: "ent_a", Kind: graph.Group, Name: "The Harbour Union", Aliases: []string{"HU", "Harbour Union"},
			Roles: []string{"union"}, ExternalIDs: map[string]string{"wikidata": "Q2", "viaf": "9"}},
		{ID: "ent_b", Kind: graph.Place, Name: "Eastport"},
	}
	got := mergeDeclarations(in)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mergeDeclarations (-want +got):\n%s", diff)
	}
	if in[0].ExternalIDs["wikidata"] != "Q1" || len(in[0].Aliases) != 1 {
		t.Error("mergeDeclarations wrote into its input")
	}
}

// TestExtractionParams checks the evidence rows: the graph name, the
// order within the extraction, undirected endpoints ordered by id, and the
// cue a claim shows.
func TestExtractionParams(t *testing.T) {
	s := &Store{ns: "g1", now: nil}
	x := fixture(t)
	// The alliance is undirected: write it from the greater id to the lesser.
	r := &x.Relationships[0]
	if r.SourceID < r.TargetID {
		r.SourceID, r.TargetID = r.TargetID, r.SourceID
	}
	x.Claims[0].Cue = graph.Span{}
	x.Mentions[0].KindInContext = graph.Organization
	params, touched := s.extractionParams(x, nil)
	rels := params["relationships"].([]any)
	rel := rels[0].(map[string]any)
	if rel["sourceId"].(string) > rel["targetId"].(string) {
		t.Errorf("undirected endpoints not ordered: %v -> %v", rel["sourceId"], rel["targetId"])
	}
	if rel["id"] != r.ID() {
		t.Errorf("relationship id %v, want %v", rel["id"], r.ID())
	}
	ms := params["mentions"].([]any)
	inContext := 0
	for i, m := range ms {
		p := m.(map[string]any)["props"].(map[string]any)
		if p["ns"] != "g1" || p["seq"] != i {
			t.Errorf("mention %d: ns %v, seq %v", i, p["ns"], p["seq"])
		}
		// What is written decodes back: the kind in context included.
		if got := decodeMention(props(p)).KindInContext; got != x.Mentions[i].KindInContext {
			t.Errorf("mention %d: kind in context %q, want %q", i, got, x.Mentions[i].KindInContext)
		}
		if x.Mentions[i].KindInContext != "" {
			inContext++
		}
	}
	if inContext == 0 {
		t.Error("the fixture has no mention with a kind in context")
	}
	claim := params["claims"].([]any)[0].(map[string]any)["props"].(map[string]any)
	if claim["claimCue"] != "told" {
		t.Errorf("claim cue %v, want the trigger when no cue span is given", claim["claimCue"])
	}
	if len(touched.entities) != 4 || len(touched.relationships) != 2 || len(touched.claims) != 1 {
		t.Errorf("touched %d entities, %d relationships, %d claims; want 4, 2, 1",
			len(touched.entities), len(touched.relationships), len(touched.claims))
	}
}
