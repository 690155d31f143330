package neo4j

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/internal/boltpeer"
)

// exploreRules scripts the answers that take the exploration and curation
// operations down their full paths on the scripted peer: a network whose
// seed has a tie, a path, a claim with a near-duplicate, and a merge of
// ent_1 into ent_2 that moves a tie and is then undone.
func exploreRules() []boltpeer.Rule {
	mergeStateKeys := []string{"from", "into", "mergedInto", "intoRoot", "members"}
	from := map[string]any{"id": "ent_1", "name": "Harbour Union", "kind": "GROUP", "visible": true}
	into := map[string]any{"id": "ent_2", "visible": true}
	return []boltpeer.Rule{
		answer(cypherNetworkHop, []string{"nodeId", "ties"},
			[]any{"ent_1", []any{map[string]any{"id": "ent_2", "weight": int64(3), "relId": "rel_12"}}}),
		answer(cypherNetworkGraph, []string{"nodes", "edges"},
			[]any{[]any{map[string]any{"id": "ent_1"}, map[string]any{"id": "ent_2"}}, []any{}}),
		answer(cypherSimilarClaimCandidates, []string{"claim", "candidates"},
			[]any{map[string]any{"id": "clm_1", "text": "the strike would last a week"},
				[]any{map[string]any{"id": "clm_2", "text": "the strike would last a whole week"}}}),
		{Match: string(cypherMergeState), Replies: []boltpeer.Reply{
			// MergeEntities(ent_2, ent_1)
			{Keys: mergeStateKeys, Records: [][]any{{from, into, nil, "ent_2", []any{"ent_1"}}}},
			// UnmergeEntities(ent_1): ent_1, then where ent_2 resolves
			{Keys: mergeStateKeys, Records: [][]any{{from, nil, "ent_2", nil, []any{"ent_1"}}}},
			{Keys: mergeStateKeys, Records: [][]any{{into, into, nil, "ent_2", []any{"ent_2"}}}},
		}},
		answer(cypherMergeTies, []string{"type", "sourceId", "targetId", "relId", "sourceRoot", "targetRoot"},
			[]any{"ALLIED_WITH", "ent_1", "ent_3", "rel_13", "ent_1", "ent_3"}),
	}
}

// rel is a relationship projection as the read statements return it.
func rel(id string, evidence int64, source, target string) map[string]any {
	return map[string]any{
		"id": id, "type": "ALLIED_WITH", "sourceId": source, "targetId": target, "directed": false,
		"evidenceCount": evidence, "confidence": 0.5,
		"firstSeen": time.Date(2024, 1, 2, 3, 4, 5, 0, zone), "lastSeen": time.Date(2024, 2, 2, 0, 0, 0, 0, time.UTC),
	}
}

// tieRow is one tie a network hop follows to entity id; relationship
// ids are "rel_" and the sorted letters of both ends.
func tieRow(from, id string, weight int64) map[string]any {
	a, b := from[len(from)-1:], id[len(id)-1:]
	return map[string]any{"id": id, "weight": weight, "relId": "rel_" + min(a, b) + max(a, b)}
}

func TestPeerDecodesNetwork(t *testing.T) {
	// ent_a has four ties but a per-node cap of three: the peer answers
	// cap+1, as Neo4j would, and the store must report the cut. ent_c is
	// reached by two ties: its rank is the stronger one's.
	st, p := openPeer(t,
		boltpeer.Rule{Match: string(cypherNetworkHop), Replies: []boltpeer.Reply{
			{Keys: []string{"nodeId", "ties"}, Records: [][]any{
				{"ent_a", []any{tieRow("ent_a", "ent_c", 9), tieRow("ent_a", "ent_b", 5), tieRow("ent_a", "ent_d", 5), tieRow("ent_a", "ent_e", 1)}},
				{"ent_z", []any{tieRow("ent_z", "ent_c", 2)}},
			}},
			{Keys: []string{"nodeId", "ties"}, Records: [][]any{
				{"ent_c", []any{tieRow("ent_c", "ent_a", 9), tieRow("ent_c", "ent_f", 4)}},
				{"ent_b", []any{}},
				{"ent_d", []any{tieRow("ent_d", "ent_g", 7)}},
			}},
		}},
		answer(cypherNetworkGraph, []string{"nodes", "edges"}, []any{
			[]any{map[string]any{"id": "ent_g"}, map[string]any{"id": "ent_a"}, map[string]any{"id": "ent_z"},
				map[string]any{"id": "ent_c"}, map[string]any{"id": "ent_b"}, map[string]any{"id": "ent_d"}},
			[]any{rel("rel_ac", 9, "ent_a", "ent_c"), rel("rel_dg", 7, "ent_d", "ent_g")},
		}),
	)
	got, err := st.Network(context.Background(), graph.NetworkQuery{Seeds: []string{"ent_a", "ent_z", "ent_a"}, Depth: 2, PerNode: 3, Limit: 6})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range got.Nodes {
		ids = append(ids, n.ID)
	}
	// Seeds, then hop 1 by weight then id, then hop 2 until the limit:
	// ent_g (7) fits, ent_f (4) does not.
	if diff := cmp.Diff([]string{"ent_a", "ent_z", "ent_c", "ent_b", "ent_d", "ent_g"}, ids); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	wantDepth := map[string]int{"ent_a": 0, "ent_z": 0, "ent_c": 1, "ent_b": 1, "ent_d": 1, "ent_g": 2}
	if diff := cmp.Diff(wantDepth, got.Depth); diff != "" {
		t.Errorf("depth (-want +got):\n%s", diff)
	}
	if len(got.Edges) != 2 || got.Edges[0].ID != "rel_ac" || got.Edges[0].EvidenceCount != 9 ||
		got.Edges[0].FirstSeen.Location() != time.UTC || got.Edges[1].ID != "rel_dg" {
		t.Errorf("edges = %+v", got.Edges)
	}
	if !got.Truncated {
		t.Error("Truncated = false, want true: a node had more ties than the cap, and the limit cut a hop")
	}
	begins, _, runs := roundTrips(p)
	if begins != 1 || runs != 3 {
		t.Errorf("%d transactions, %d statements; want 1 transaction of 3 (two hops, then the graph)", begins, runs)
	}
	for _, e := range p.Events() {
		if e.Message == "RUN" && e.Query == string(cypherNetworkHop) && e.Params["fetch"] != int64(4) {
			t.Errorf("hop fetched %v ties per node, want the cap plus one", e.Params["fetch"])
		}
		// The edges asked for: the ties followed (not ent_a's fourth,
		// beyond the cap) that join two nodes (not c-f: ent_f did not fit).
		if e.Message == "RUN" && e.Query == string(cypherNetworkGraph) {
			want := []any{"rel_ab", "rel_ac", "rel_ad", "rel_cz", "rel_dg"}
			if diff := cmp.Diff(want, e.Params["relIds"]); diff != "" {
				t.Errorf("edges asked for (-want +got):\n%s", diff)
			}
		}
	}
}

func TestPeerNetworkUnknownSeed(t *testing.T) {
	st, _ := openPeer(t, answer(cypherNetworkHop, []string{"nodeId", "ties"}, []any{"ent_a", []any{}}))
	_, err := st.Network(context.Background(), graph.NetworkQuery{Seeds: []string{"ent_a", "ent_missing"}})
	if graph.ErrorCode(err) != graph.NotFound {
		t.Errorf("Network(unknown seed) error = %v, want NOT_FOUND", err)
	}
}

func TestPeerDecodesPaths(t *testing.T) {
	row := func(ids []any, edges ...any) []any { return []any{ids, edges} }
	st, p := openPeer(t, answer(pathStatements[3], []string{"ids", "edges"},
		row([]any{"ent_a", "ent_c", "ent_b"}, rel("rel_2", 1, "ent_a", "ent_c"), rel("rel_9", 1, "ent_b", "ent_c")),
		row([]any{"ent_a", "ent_d", "ent_b"}, rel("rel_2", 1, "ent_a", "ent_d"), rel("rel_1", 1, "ent_d", "ent_b")),
		row([]any{"ent_a", "ent_e", "ent_b"}, rel("rel_1", 5, "ent_a", "ent_e"), rel("rel_3", 1, "ent_e", "ent_b")),
	))
	got, err := st.Paths(context.Background(), graph.PathQuery{From: "ent_a", To: "ent_b", MaxHops: 3, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	var paths [][]string
	for _, p := range got {
		ids := append([]string(nil), p.EntityIDs...)
		for _, e := range p.Edges {
			ids = append(ids, e.ID)
		}
		paths = append(paths, ids)
	}
	// Ordered by edge ids, edge by edge, then cut to the limit.
	want := [][]string{{"ent_a", "ent_e", "ent_b", "rel_1", "rel_3"}, {"ent_a", "ent_d", "ent_b", "rel_2", "rel_1"}}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	if runs := p.Count("RUN"); runs != 1 {
		t.Errorf("%d statements, want 1", runs)
	}

	// Both ends exist but nothing joins them: one row of empty lists.
	st, _ = openPeer(t, answer(pathStatements[4], []string{"ids", "edges"}, row([]any{})))
	if got, err := st.Paths(context.Background(), graph.PathQuery{From: "ent_a", To: "ent_b"}); err != nil || len(got) != 0 {
		t.Errorf("Paths(no path) = %v, %v; want none", got, err)
	}
	// An end is unknown: no row.
	st, _ = openPeer(t)
	if _, err := st.Paths(context.Background(), graph.PathQuery{From: "ent_a", To: "ent_b"}); graph.ErrorCode(err) != graph.NotFound {
		t.Errorf("Paths(unknown end) error = %v, want NOT_FOUND", err)
	}
}

func TestPeerDecodesTimeline(t *testing.T) {
	jan := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	feb := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	row := func(start time.Time, articles int64, kind, typ string, n int64) []any {
		return []any{start, articles, kind, typ, n}
	}
	keys := []string{"start", "articles", "kind", "type", "n"}
	st, p := openPeer(t, answer(cypherTimeline, keys,
		row(jan, 2, "A", "", 1), row(jan, 2, "M", "", 4), row(jan, 2, "R", "RIVAL_OF", 2), row(jan, 2, "R", "ATTACKED", 1),
		row(feb, 1, "B", "", 3),
	))
	got, err := st.Timeline(context.Background(), graph.TimelineQuery{EntityID: "ent_a"})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.TimelineBucket{
		{Start: jan, End: feb, Mentions: 4, ClaimsAbout: 1, Articles: 2,
			Relationships: []graph.TypeCount{{Type: graph.Attacked, Count: 1}, {Type: graph.RivalOf, Count: 2}}},
		{Start: feb, End: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), ClaimsBy: 3, Articles: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Timeline (-want +got):\n%s", diff)
	}
	if runs := p.Count("RUN"); runs != 1 {
		t.Errorf("%d statements, want 1", runs)
	}
	for _, e := range p.Events() {
		if e.Message == "RUN" && e.Params["unit"] != "month" {
			t.Errorf("bucket unit %v, want month", e.Params["unit"])
		}
	}
	if _, err := st.Timeline(context.Background(), graph.TimelineQuery{EntityID: "ent_a", Bucket: "FORTNIGHT"}); graph.ErrorCode(err) != graph.Invalid {
		t.Errorf("Timeline(bad bucket) error = %v, want INVALID", err)
	}

	// No row: an unknown entity is NOT_FOUND, a quiet one has no bucket.
	st, _ = openPeer(t)
	if _, err := st.Timeline(context.Background(), graph.TimelineQuery{EntityID: "ent_a"}); graph.ErrorCode(err) != graph.NotFound {
		t.Errorf("Timeline(unknown) error = %v, want NOT_FOUND", err)
	}
	st, _ = openPeer(t, answer(cypherEntityExists, []string{"id"}, []any{"ent_a"}))
	if got, err := st.Timeline(context.Background(), graph.TimelineQuery{EntityID: "ent_a"}); err != nil || got != nil {
		t.Errorf("Timeline(quiet) = %v, %v; want no bucket", got, err)
	}
}

func TestPeerDecodesSearchHits(t *testing.T) {
	st, p := openPeer(t, answer(cypherSearch, []string{"entityId", "claimId", "score", "texts"},
		[]any{"ent_nvf", "", 1.75, []any{"Northern Valley Front", "NVF"}},
		[]any{"", "clm_1", 0.4, []any{"The front is weaker than it looks"}},
		[]any{"ent_b", "", 0.25, []any{"Frontier Brigade", "FB"}},
	))
	got, err := st.Search(context.Background(), graph.SearchQuery{Text: "nvf"})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.SearchHit{
		{EntityID: "ent_nvf", Score: 1.75, Matched: "NVF"},
		{ClaimID: "clm_1", Score: 0.4, Matched: "The front is weaker than it looks"},
		{EntityID: "ent_b", Score: 0.25, Matched: "Frontier Brigade"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Search (-want +got):\n%s", diff)
	}
	for _, e := range p.Events() {
		if e.Message == "RUN" && e.Query == string(cypherSearch) {
			if e.Params["lucene"] != "(nvf OR nvf*)" || e.Params["entities"] != true || e.Params["claims"] != true {
				t.Errorf("search sent lucene %v, entities %v, claims %v", e.Params["lucene"], e.Params["entities"], e.Params["claims"])
			}
		}
	}
	// Text with no word sends nothing.
	p.ResetLog()
	if got, err := st.Search(context.Background(), graph.SearchQuery{Text: `"* - ()`}); err != nil || got != nil {
		t.Errorf("Search(no word) = %v, %v", got, err)
	}
	if p.Count("RUN") != 0 {
		t.Error("Search(no word) sent a statement")
	}
}

func TestSearchLucene(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"hub council", "(council OR council*) AND (hub OR hub*)"},
		{`front OR hub`, "(front OR front*) AND (hub OR hub*) AND (or OR or*)"},
		{`-front text:front "(`, "(front OR front*) AND (text OR text*)"},
		{"is-k o'brien u.s", "is* AND o* AND u*"},
		{"київськ", "(київськ OR київськ*)"},
		{"東京都", "東*"},
		{`"* - ()`, ""},
	} {
		_, words := queryWords(tt.in)
		if got := searchLucene(words); got != tt.want {
			t.Errorf("searchLucene(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := escapeLucene(`a+b-c&&d||e!(f){g}[h]^"i~*?:\/`); got != `a\+b\-c\&\&d\|\|e\!\(f\)\{g\}\[h\]\^\"i\~\*\?\:\\\/` {
		t.Errorf("escapeLucene = %s", got)
	}
}

// TestPeerBatchCallsAreOneRoundTrip pins the cost of the dataloaders' batch
// calls and of the exploration reads: one transaction and one statement
// whatever the number of ids.
func TestPeerBatchCallsAreOneRoundTrip(t *testing.T) {
	ids := make([]string, 500)
	for i := range ids {
		ids[i] = fmt.Sprintf("ent_%03d", i%250) // repeats are sent once
	}
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		call func(st *Store) error
		st   statement
	}{
		{"RelationshipsOf", func(st *Store) error { _, err := st.RelationshipsOf(ctx, ids, graph.RelationshipFilter{}); return err }, cypherRelationshipsOfMany},
		{"ClaimsOf by", func(st *Store) error { _, err := st.ClaimsOf(ctx, ids, true, graph.ClaimFilter{}); return err }, cypherClaimsOfSpeakers},
		{"ClaimsOf about", func(st *Store) error { _, err := st.ClaimsOf(ctx, ids, false, graph.ClaimFilter{}); return err }, cypherClaimsOfSubjects},
		{"ArticlesByID", func(st *Store) error { _, err := st.ArticlesByID(ctx, ids); return err }, cypherArticlesByID},
		{"EntitiesByID", func(st *Store) error { _, err := st.EntitiesByID(ctx, ids); return err }, cypherEntitiesByID},
		{"RelationshipEvidence", func(st *Store) error { _, err := st.RelationshipEvidence(ctx, ids, 3); return err }, cypherRelationshipEvidence},
		{"ClaimEvidence", func(st *Store) error { _, err := st.ClaimEvidence(ctx, ids); return err }, cypherClaimEvidence},
		{"CountRelationships", func(st *Store) error {
			_, err := st.CountRelationships(ctx, graph.RelationshipFilter{EntityID: "ent_1"})
			return err
		}, cypherCountRelationshipsOf},
		{"Search", func(st *Store) error { _, err := st.Search(ctx, graph.SearchQuery{Text: "front"}); return err }, cypherSearch},
		{"CoOccurrences", func(st *Store) error {
			_, err := st.CoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: "ent_1"})
			return err
		}, cypherCoOccurrences},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st, p := openPeer(t, answer(cypherCoOccurrences, []string{"entityId", "count", "articles", "firstSeen", "lastSeen"},
				[]any{"ent_2", int64(3), int64(2), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)}))
			if err := tt.call(st); err != nil {
				t.Fatal(err)
			}
			begins, _, runs := roundTrips(p)
			if begins != 1 || runs != 1 {
				t.Errorf("%d transactions, %d statements; want 1 and 1", begins, runs)
			}
			for _, e := range p.Events() {
				if e.Message != "RUN" {
					continue
				}
				if e.Query != string(tt.st) {
					t.Errorf("sent %.60q, want %.60q", e.Query, tt.st)
				}
				for _, key := range []string{"ids", "entityIds"} {
					if l, ok := e.Params[key].([]any); ok && len(l) != 250 {
						t.Errorf("%s sent %d ids, want the 250 distinct ones", key, len(l))
					}
				}
			}
		})
	}
}

// TestPeerMergeIsOneTransaction pins the cost of a merge: one write
// transaction, its statements independent of the entity's evidence.
func TestPeerMergeIsOneTransaction(t *testing.T) {
	st, p := openPeer(t, exploreRules()...)
	m, err := st.MergeEntities(context.Background(), "ent_2", "ent_1")
	if err != nil {
		t.Fatal(err)
	}
	if m.From != "ent_1" || m.Into != "ent_2" || m.FromName != "Harbour Union" || m.FromKind != graph.Group || m.MergedAt.Location() != time.UTC {
		t.Errorf("Merge = %+v", m)
	}
	begins, commits, runs := roundTrips(p)
	// state, record, ties, move ties, mentions, claim evidence, then
	// recompute relationships and entities (no claim moved).
	if begins != 1 || commits != 1 || runs != 8 {
		t.Errorf("%d transactions, %d commits, %d statements; want 1, 1, 8", begins, commits, runs)
	}
	for _, e := range p.Events() {
		if e.Message == "RUN" && e.Query == string(cypherMoveTies) {
			rows, _ := e.Params["rows"].([]any)
			row, _ := rows[0].(map[string]any)
			// ALLIED_WITH(ent_1, ent_3) becomes ALLIED_WITH(ent_2, ent_3).
			if len(rows) != 1 || row["relId"] != graph.RelationshipID(graph.AlliedWith, "ent_2", "ent_3") ||
				row["source"] != "ent_2" || row["sourceId"] != "ent_1" {
				t.Errorf("moved ties %v", rows)
			}
		}
	}
}
