package api_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestUnattributedFlag: a citation that names no speaker says so; one with
// a speaker, or with an unnamed source phrase, does not.
func TestUnattributedFlag(t *testing.T) {
	store := openStore(t)
	courier, meridian := world(t, store)
	const claim = "the bridge would reopen in spring"
	post := newDoc("https://harbor.example/bridge", "Bridge news", "Harbor Post", day2,
		"The council met, adding that "+claim+".",
		"A city official said that "+claim+".")
	x := &graph.Extraction{
		Article: post.Article,
		Claims: []graph.ClaimEvidence{{
			ClaimID: graph.ClaimID(graph.NormalizeClaim(claim)), Text: claim,
			Cue: post.span(t, 0, "adding"), Citation: post.cite(t, 0, claim, "adding", 0.2),
		}, {
			ClaimID: graph.ClaimID(graph.NormalizeClaim(claim)), Text: claim,
			Source: post.span(t, 1, "A city official"), Cue: post.span(t, 1, "said"),
			Citation: post.cite(t, 1, claim, "said", 0.3),
		}},
	}
	if err := store.WriteExtraction(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	ts := serve(t, store)
	ids := worldIDs(courier, meridian)
	runCases(t, ts, ids, []queryCase{{
		name:  "no source, an unnamed source",
		query: `query($id: ID!) { claim(id: $id) { citations { trigger unattributed source { text } } } }`,
		vars:  map[string]any{"id": graph.ClaimID(graph.NormalizeClaim(claim))},
		want: `{"claim": {"citations": [
			{"trigger": "adding", "unattributed": true, "source": {"text": ""}},
			{"trigger": "said", "unattributed": false, "source": {"text": "A city official"}}]}}`,
	}, {
		name:  "a named speaker",
		query: `query($id: ID!) { claim(id: $id) { citations { unattributed } } }`,
		vars:  map[string]any{"id": "{claim}"},
		want:  `{"claim": {"citations": [{"unattributed": false}, {"unattributed": false}]}}`,
	}})
}
