package api_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestTentativeClaims: a claim below graph.TentativeClaimConfidence is
// left out of claim lists and their counts unless includeTentative is
// true, and says it is tentative; a firm claim is listed either way.
func TestTentativeClaims(t *testing.T) {
	store := openStore(t)
	courier, meridian := world(t, store)
	const firm, weak = "the canal locks would close for repairs", "the canal was too shallow for barges"
	post := newDoc("https://harbor.example/canal", "Canal news", "Harbor Post", day2,
		"The canal trust said that "+firm+".",
		"He said "+weak+".")
	trust := graph.Entity{ID: graph.EntityID(graph.Organization, graph.CanonicalKey("Canal Trust")), Kind: graph.Organization, Name: "Canal Trust"}
	x := &graph.Extraction{
		Article:  post.Article,
		Entities: []graph.Entity{trust},
		Claims: []graph.ClaimEvidence{{
			ClaimID: graph.ClaimID(graph.NormalizeClaim(firm)), Text: firm, SpeakerIDs: []string{trust.ID},
			Source: post.span(t, 0, "The canal trust"), Cue: post.span(t, 0, "said"), Citation: post.cite(t, 0, firm, "said", 0.5),
		}, {
			// An unresolved "He": the extractor's confidence for it is low.
			ClaimID: graph.ClaimID(graph.NormalizeClaim(weak)), Text: weak,
			Source: post.span(t, 1, "He"), Cue: post.span(t, 1, "said"), Citation: post.cite(t, 1, weak, "said", 0.25),
		}},
	}
	if err := store.WriteExtraction(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	// Both claims are first seen in one article: ties go by id.
	listed := []string{`{"text": "` + firm + `", "tentative": false}`, `{"text": "` + weak + `", "tentative": true}`}
	if graph.ClaimID(graph.NormalizeClaim(weak)) < graph.ClaimID(graph.NormalizeClaim(firm)) {
		listed[0], listed[1] = listed[1], listed[0]
	}
	ts := serve(t, store)
	runCases(t, ts, worldIDs(courier, meridian), []queryCase{{
		name:  "left out by default",
		query: `{ claims(query: "canal") { totalCount nodes { text tentative } } }`,
		want:  `{"claims": {"totalCount": 1, "nodes": [{"text": "` + firm + `", "tentative": false}]}}`,
	}, {
		name:  "listed on request",
		query: `{ claims(query: "canal", includeTentative: true) { totalCount nodes { text tentative } } }`,
		want:  `{"claims": {"totalCount": 2, "nodes": [` + listed[0] + `, ` + listed[1] + `]}}`,
	}, {
		name:  "a minimum confidence below the floor does not bring them back",
		query: `{ claims(query: "canal", minConfidence: 0.1) { totalCount } }`,
		want:  `{"claims": {"totalCount": 1}}`,
	}, {
		name:  "an entity's claims",
		query: `query($id: ID!) { entity(id: $id) { claimsBy { totalCount } all: claimsBy(includeTentative: true) { totalCount } } }`,
		vars:  map[string]any{"id": trust.ID},
		want:  `{"entity": {"claimsBy": {"totalCount": 1}, "all": {"totalCount": 1}}}`,
	}})
}
