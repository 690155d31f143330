package api_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
)

// crowd writes n invented people, each a member of a group of their own
// and each making a claim about it, spread over two articles: enough for a
// page of entities whose nested fields would cost O(n) store calls without
// dataloaders.
func crowd(t testing.TB, w graph.ExtractionWriter, n int) {
	t.Helper()
	for half := range 2 {
		var sentences []string
		for i := half; i < n; i += 2 {
			sentences = append(sentences,
				fmt.Sprintf("Ada Quill %d is a member of the Ember Circle %d.", i, i),
				fmt.Sprintf("Ada Quill %d said the Ember Circle %d would grow.", i, i))
		}
		d := newDoc(fmt.Sprintf("https://crowd.example/%d", half), fmt.Sprintf("Crowd %d", half), "Crowd Weekly",
			day1.AddDate(0, 0, half), sentences...)
		x := &graph.Extraction{Article: d.Article}
		for j, i := 0, half; i < n; j, i = j+1, i+2 {
			person := entity(graph.Person, fmt.Sprintf("Ada Quill %d", i), nil, nil)
			group := entity(graph.Group, fmt.Sprintf("Ember Circle %d", i), nil, nil)
			claim := fmt.Sprintf("the Ember Circle %d would grow", i)
			x.Entities = append(x.Entities, person, group)
			x.Mentions = append(x.Mentions, graph.Mention{EntityID: person.ID, Text: person.Name,
				Citation: d.cite(t, 2*j, person.Name, person.Name, 0.9)})
			x.Relationships = append(x.Relationships, graph.RelationshipEvidence{Type: graph.MemberOf,
				SourceID: person.ID, TargetID: group.ID, Citation: d.cite(t, 2*j, "is a member of", "member of", 0.7)})
			x.Claims = append(x.Claims, graph.ClaimEvidence{ClaimID: graph.ClaimID(graph.NormalizeClaim(claim)),
				Text: claim, Source: d.span(t, 2*j+1, person.Name), Cue: d.span(t, 2*j+1, "said"),
				SpeakerIDs: []string{person.ID}, AboutIDs: []string{group.ID},
				Citation: d.cite(t, 2*j+1, claim, "said", 0.8)})
		}
		if err := w.WriteExtraction(context.Background(), x); err != nil {
			t.Fatalf("crowd: %v", err)
		}
	}
}

// TestStoreCallsAreBounded counts the calls a page of N people with their
// relationships, other ends, citations, cited articles and claims makes to
// the real store: one batched call per kind of look-up and level, the same
// for 4 people as for 24.
func TestStoreCallsAreBounded(t *testing.T) { eachStore(t, testStoreCallsAreBounded) }

func testStoreCallsAreBounded(t *testing.T, openStore func(testing.TB) graph.Store) {
	const query = `query($n: Int) { entities(kinds: [PERSON], first: $n) { nodes { name
		relationships { nodes { type other { name } citations(first: 2) { sentence article { title } } } }
		claimsBy { nodes { text speakers { name } citations { start article { outlet } } } } } } }`
	for _, n := range []int{4, 24} {
		t.Run(fmt.Sprintf("%d people", n), func(t *testing.T) {
			store := openStore(t)
			crowd(t, store, n)
			counting := newCountingReader(store)
			// A generous batch window keeps the count exact on a loaded
			// machine; the default only makes the batches likelier to split.
			ts := serve(t, counting, api.WithBatchWait(100*time.Millisecond))
			resp, _ := post(t, ts, query, map[string]any{"n": n})
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			var data struct {
				Entities struct {
					Nodes []struct {
						Relationships struct {
							Nodes []struct {
								Other     struct{ Name string }
								Citations []struct{ Sentence string }
							}
						}
						ClaimsBy struct {
							Nodes []struct{ Citations []struct{ Start int } }
						}
					}
				}
			}
			decodeInto(t, resp.Data, &data)
			if got := len(data.Entities.Nodes); got != n {
				t.Fatalf("got %d people, want %d", got, n)
			}
			for _, p := range data.Entities.Nodes {
				if len(p.Relationships.Nodes) != 1 || p.Relationships.Nodes[0].Other.Name == "" ||
					len(p.Relationships.Nodes[0].Citations) != 1 || len(p.ClaimsBy.Nodes) != 1 || len(p.ClaimsBy.Nodes[0].Citations) != 1 {
					t.Fatalf("incomplete answer for a person: %+v", p)
				}
			}
			want := map[string]int{
				"SearchEntities":       1,
				"RelationshipsOf":      1,
				"ClaimsOf":             1,
				"EntitiesByID":         1, // the other ends; the speakers are the page itself
				"RelationshipEvidence": 1,
				"ClaimEvidence":        1,
				"ArticlesByID":         1,
			}
			if diff := cmp.Diff(want, counting.reset()); diff != "" {
				t.Errorf("store calls (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTotalCountOnlyWhenSelected checks by the store's calls that a
// connection counts its list only when the client asks for totalCount.
func TestTotalCountOnlyWhenSelected(t *testing.T) { eachStore(t, testTotalCountOnlyWhenSelected) }

func testTotalCountOnlyWhenSelected(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	counting := newCountingReader(store)
	ts := serve(t, counting)
	tests := []struct {
		name  string
		query string
		want  map[string]int
	}{
		{"without totalCount", `{ entities { nodes { id } } }`, map[string]int{"SearchEntities": 1}},
		{"with totalCount", `{ entities { totalCount nodes { id } } }`, map[string]int{"SearchEntities": 1, "CountEntities": 1}},
		{"totalCount alone", `{ articles { totalCount } }`, map[string]int{"Articles": 1, "CountArticles": 1}},
		{"relationships with totalCount", `{ relationships(types: [RIVAL_OF]) { totalCount } }`, map[string]int{"Relationships": 1, "CountRelationships": 1}},
		{"claims without totalCount", `{ claims { nodes { id } } }`, map[string]int{"Claims": 1}},
		{"claims with totalCount", `{ claims { totalCount } }`, map[string]int{"Claims": 1, "CountClaims": 1}},
		{"search without totalCount", `{ search(text: "zzzz") { nodes { score } } }`, map[string]int{"Search": 1}},
		{"search with totalCount", `{ search(text: "zzzz") { totalCount } }`, map[string]int{"Search": 1, "CountSearch": 1}},
		{"co-occurrences without totalCount", `{ coOccurrences(entityId: "` + northernFront.ID + `", first: 1) { pageInfo { hasNextPage } } }`, map[string]int{"CoOccurrences": 1}},
		{"mentions without totalCount", `{ entity(id: "` + miraKovac.ID + `") { mentions { nodes { text } } } }`, map[string]int{"EntitiesByID": 1, "Mentions": 1}},
		{"mentions with totalCount", `{ entity(id: "` + miraKovac.ID + `") { mentions { totalCount } } }`, map[string]int{"EntitiesByID": 1, "Mentions": 1, "CountMentions": 1}},
		{"co-occurrences with totalCount", `{ coOccurrences(entityId: "` + northernFront.ID + `", first: 1) { totalCount } }`, map[string]int{"CoOccurrences": 1, "CountCoOccurrences": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counting.reset()
			if resp, _ := post(t, ts, tt.query, nil); len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			if diff := cmp.Diff(tt.want, counting.reset()); diff != "" {
				t.Errorf("store calls (-want +got):\n%s", diff)
			}
		})
	}
}
