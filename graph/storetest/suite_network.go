package storetest

import (
	"cmp"
	"context"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

// tieIDs returns the ids of ties[i] for each i, in that order.
func tieIDs(is ...int) []string {
	var ids []string
	for _, i := range is {
		ids = append(ids, ties[i].id())
	}
	return ids
}

// byEvidence orders tie indexes as a network's edges are: evidence count
// descending, then id.
func byEvidence(is ...int) []string {
	is = slices.Clone(is)
	slices.SortFunc(is, func(a, b int) int {
		return cmp.Or(cmp.Compare(ties[b].citations, ties[a].citations), cmp.Compare(ties[a].id(), ties[b].id()))
	})
	return tieIDs(is...)
}

func (s suite) testNetwork(t *testing.T) {
	st := s.full(t, tieWorld(t)...)
	ctx := context.Background()
	cedarDune := sorted(tCedar.id(), tDune.id())
	tests := []struct {
		name      string
		q         graph.NetworkQuery
		nodes     []string
		depth     []int // hops of each node
		edges     []string
		truncated bool
	}{
		// The rivalry of the Cedar and Dune Fronts joins two nodes of the
		// last hop, whose ties are not followed: it is no edge.
		{"one hop, ranked by tie weight", graph.NetworkQuery{Seeds: names(tHub)},
			append(names(tHub, tAster, tBirch), cedarDune...), []int{0, 1, 1, 1, 1},
			byEvidence(0, 1, 2, 3), false},
		{"two hops", graph.NetworkQuery{Seeds: names(tHub), Depth: 2},
			append(append(names(tHub, tAster, tBirch), cedarDune...), tElm.id()), []int{0, 1, 1, 1, 1, 2},
			byEvidence(0, 1, 2, 3, 4, 5, 7), false},
		{"three hops", graph.NetworkQuery{Seeds: names(tHub), Depth: 3},
			append(append(names(tHub, tAster, tBirch), cedarDune...), tElm.id(), tFern.id()), []int{0, 1, 1, 1, 1, 2, 3},
			byEvidence(0, 1, 2, 3, 4, 5, 6, 7), false},
		{"node limit keeps the strongest", graph.NetworkQuery{Seeds: names(tHub), Limit: 3},
			names(tHub, tAster, tBirch), []int{0, 1, 1}, byEvidence(0, 1), true},
		{"per-node limit follows the strongest ties", graph.NetworkQuery{Seeds: names(tHub), Depth: 2, PerNode: 2},
			names(tHub, tAster, tBirch, tElm), []int{0, 1, 1, 2}, byEvidence(0, 1, 5, 7), true},
		{"types", graph.NetworkQuery{Seeds: names(tHub), Depth: 2, Types: []graph.RelationType{graph.RivalOf}},
			names(tHub, tAster), []int{0, 1}, byEvidence(0), false},
		{"min confidence", graph.NetworkQuery{Seeds: names(tHub), Depth: 2, MinConfidence: 0.8},
			names(tHub, tAster, tCedar, tElm), []int{0, 1, 1, 2}, byEvidence(0, 2, 5), false},
		{"evidence since", graph.NetworkQuery{Seeds: names(tHub), Depth: 2, Since: tieDates[1]},
			names(tHub, tAster, tBirch, tElm), []int{0, 1, 1, 2}, byEvidence(0, 1, 5), false},
		{"evidence until", graph.NetworkQuery{Seeds: names(tElm), Until: tieDates[1]},
			append(names(tElm, tAster), sorted(tBirch.id(), tFern.id())...), []int{0, 1, 1, 1}, byEvidence(5, 6, 7), false},
		{"several seeds, seeds first", graph.NetworkQuery{Seeds: names(tGorse, tFern)},
			names(tGorse, tFern, tElm), []int{0, 0, 1}, byEvidence(6, 8), false},
		{"isolated by the filter", graph.NetworkQuery{Seeds: names(tGorse), Types: []graph.RelationType{graph.RivalOf}},
			names(tGorse), []int{0}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Network(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.nodes, entityIDs(got.Nodes)); diff != "" {
				t.Errorf("nodes (-want +got):\n%s", diff)
			}
			depth := map[string]int{}
			for i, id := range tt.nodes {
				depth[id] = tt.depth[i]
			}
			if diff := gocmp.Diff(depth, got.Depth); diff != "" {
				t.Errorf("depth (-want +got):\n%s", diff)
			}
			if diff := gocmp.Diff(tt.edges, relIDs(got.Edges), cmpOpts...); diff != "" {
				t.Errorf("edges (-want +got):\n%s", diff)
			}
			if got.Truncated != tt.truncated {
				t.Errorf("Truncated = %v, want %v", got.Truncated, tt.truncated)
			}
		})
	}

	t.Run("nodes and edges are whole objects", func(t *testing.T) {
		got, err := st.Network(ctx, graph.NetworkQuery{Seeds: names(tElm)})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range got.Nodes {
			want, err := st.Entity(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(want, e, cmpOpts...); diff != "" {
				t.Errorf("node differs from Entity (-Entity +node):\n%s", diff)
			}
		}
		for _, r := range got.Edges {
			want, err := st.Relationship(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(want, r, cmpOpts...); diff != "" {
				t.Errorf("edge differs from Relationship (-Relationship +edge):\n%s", diff)
			}
		}
	})
}

func (s suite) testPaths(t *testing.T) {
	st := s.full(t, tieWorld(t)...)
	ctx := context.Background()
	// Hub to Fern: through the Aster Front or through the Birch Front.
	viaAster := graph.Path{EntityIDs: names(tHub, tAster, tElm, tFern), Edges: []*graph.Relationship{{ID: ties[0].id()}, {ID: ties[5].id()}, {ID: ties[6].id()}}}
	viaBirch := graph.Path{EntityIDs: names(tHub, tBirch, tElm, tFern), Edges: []*graph.Relationship{{ID: ties[1].id()}, {ID: ties[7].id()}, {ID: ties[6].id()}}}
	hubFern := []graph.Path{viaAster, viaBirch}
	if ties[1].id() < ties[0].id() {
		hubFern = []graph.Path{viaBirch, viaAster}
	}
	reverse := func(ps []graph.Path) []graph.Path {
		var out []graph.Path
		for _, p := range ps {
			var r graph.Path
			for i := len(p.EntityIDs) - 1; i >= 0; i-- {
				r.EntityIDs = append(r.EntityIDs, p.EntityIDs[i])
			}
			for i := len(p.Edges) - 1; i >= 0; i-- {
				r.Edges = append(r.Edges, p.Edges[i])
			}
			out = append(out, r)
		}
		// Reversed paths are ordered by their own edge sequence.
		if len(out) == 2 && out[1].Edges[0].ID+out[1].Edges[1].ID < out[0].Edges[0].ID+out[0].Edges[1].ID {
			out[0], out[1] = out[1], out[0]
		}
		return out
	}
	gorseHub := func() []graph.Path {
		var out []graph.Path
		for _, p := range reverse(hubFern) {
			out = append(out, graph.Path{
				EntityIDs: append(names(tGorse), p.EntityIDs...),
				Edges:     append([]*graph.Relationship{{ID: ties[8].id()}}, p.Edges...),
			})
		}
		return out
	}()
	tests := []struct {
		name string
		q    graph.PathQuery
		want []graph.Path
	}{
		{"every shortest path, by edge ids", graph.PathQuery{From: tHub.id(), To: tFern.id()}, hubFern},
		{"the other way", graph.PathQuery{From: tFern.id(), To: tHub.id()}, reverse(hubFern)},
		{"limit", graph.PathQuery{From: tHub.id(), To: tFern.id(), Limit: 1}, hubFern[:1]},
		{"only the shortest", graph.PathQuery{From: tCedar.id(), To: tDune.id()},
			[]graph.Path{{EntityIDs: names(tCedar, tDune), Edges: []*graph.Relationship{{ID: ties[4].id()}}}}},
		{"against the direction of directed ties", graph.PathQuery{From: tGorse.id(), To: tHub.id()}, gorseHub},
		{"too far", graph.PathQuery{From: tGorse.id(), To: tHub.id(), MaxHops: 3}, nil},
		{"min confidence", graph.PathQuery{From: tHub.id(), To: tFern.id(), MinConfidence: 0.6}, []graph.Path{viaAster}},
		{"types", graph.PathQuery{From: tHub.id(), To: tFern.id(), Types: []graph.RelationType{graph.RivalOf, graph.AlliedWith}}, nil},
		{"types, longer way", graph.PathQuery{From: tCedar.id(), To: tHub.id(), Types: []graph.RelationType{graph.RivalOf, graph.MemberOf}},
			[]graph.Path{{EntityIDs: names(tCedar, tDune, tHub), Edges: []*graph.Relationship{{ID: ties[4].id()}, {ID: ties[3].id()}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Paths(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(pathIDs(tt.want), pathIDs(got), cmpOpts...); diff != "" {
				t.Errorf("Paths (-want +got):\n%s", diff)
			}
			for _, p := range got {
				for i, r := range p.Edges {
					a, b := p.EntityIDs[i], p.EntityIDs[i+1]
					if !(r.SourceID == a && r.TargetID == b) && !(r.SourceID == b && r.TargetID == a) {
						t.Errorf("edge %d %s does not join %s and %s", i, r.ID, a, b)
					}
					want, err := st.Relationship(ctx, r.ID)
					if err != nil {
						t.Fatal(err)
					}
					if diff := gocmp.Diff(want, r, cmpOpts...); diff != "" {
						t.Errorf("edge differs from Relationship (-Relationship +edge):\n%s", diff)
					}
				}
			}
		})
	}
}

// pathIDs renders paths as entity and edge ids.
func pathIDs(ps []graph.Path) [][]string {
	var out [][]string
	for _, p := range ps {
		ids := append([]string(nil), p.EntityIDs...)
		for _, r := range p.Edges {
			ids = append(ids, r.ID)
		}
		out = append(out, ids)
	}
	return out
}
