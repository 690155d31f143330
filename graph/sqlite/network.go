package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// Network bounds (see graph.NetworkQuery).
const (
	networkDefaultLimit   = 100
	networkMaxLimit       = 2000
	networkDefaultPerNode = 50
	networkMaxPerNode     = 1000
	networkMaxDepth       = 3
)

// tieFetcher fetches the strongest ties of one entity (evidence count
// descending, then id) matching a filter, through one statement prepared
// for the whole exploration: per endpoint column, an index range scan in
// the order wanted, cut at the limit whatever the entity's degree; the
// endpoint indexes cover every column, so no row of the table is read.
type tieFetcher struct {
	stmt     *sql.Stmt
	scan     func(interface{ Scan(...any) error }) (*graph.Relationship, error)
	branches int
	cache    map[string][]*graph.Relationship
	limit    int
}

func newTieFetcher(ctx context.Context, tx *sql.Tx, op string, f graph.RelationshipFilter, limit int) (*tieFetcher, error) {
	return newTieFetcherOf(ctx, tx, op, f, limit, relationshipColumns, scanRelationship)
}

// newNarrowTieFetcher reads only a tie's id, ends and evidence count: half
// the cost per tie, for searches that load whole ties at the end.
func newNarrowTieFetcher(ctx context.Context, tx *sql.Tx, op string, f graph.RelationshipFilter, limit int) (*tieFetcher, error) {
	return newTieFetcherOf(ctx, tx, op, f, limit, `id, source_id, target_id, evidence_count`,
		func(sc interface{ Scan(...any) error }) (*graph.Relationship, error) {
			var r graph.Relationship
			err := sc.Scan(&r.ID, &r.SourceID, &r.TargetID, &r.EvidenceCount)
			return &r, err
		})
}

func newTieFetcherOf(ctx context.Context, tx *sql.Tx, op string, f graph.RelationshipFilter, limit int,
	columns string, scan func(interface{ Scan(...any) error }) (*graph.Relationship, error)) (*tieFetcher, error) {
	f.EntityID = "placeholder"
	f.Order = graph.RelationshipsByEvidence
	q, err := relationshipQuery(op, f)
	if err != nil {
		return nil, err
	}
	// The arguments are, per branch, the endpoint, the filter's and the
	// branch limit, then the page's limit and offset: see ties.
	query, _ := q.pageOf(columns, graph.Page{Limit: limit})
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &tieFetcher{stmt: st, scan: scan, branches: len(q.branches), cache: map[string][]*graph.Relationship{}, limit: limit}, nil
}

func (tf *tieFetcher) close() { tf.stmt.Close() }

// ties returns the entity's strongest ties, at most the fetcher's limit;
// args are the filter's arguments (see filterArgs).
func (tf *tieFetcher) ties(ctx context.Context, id string, args []any) ([]*graph.Relationship, error) {
	if rs, ok := tf.cache[id]; ok {
		return rs, nil
	}
	a := make([]any, 0, tf.branches*(len(args)+2)+2)
	for range tf.branches {
		a = append(append(append(a, id), args...), tf.limit)
	}
	a = append(a, tf.limit, 0)
	// The driver watches a cancellable context with a goroutine per
	// statement, which costs more than these index scans: callers check
	// ctx between calls instead.
	rs, err := list(context.WithoutCancel(ctx), stmtQuerier{tf.stmt}, "", a, tf.scan)
	if err != nil {
		return nil, err
	}
	tf.cache[id] = rs
	return rs, nil
}

// stmtQuerier runs a prepared statement through list; the query text is
// the statement's own.
type stmtQuerier struct{ st *sql.Stmt }

func (q stmtQuerier) QueryContext(ctx context.Context, _ string, args ...any) (*sql.Rows, error) {
	return q.st.QueryContext(ctx, args...)
}

func (q stmtQuerier) QueryRowContext(ctx context.Context, _ string, args ...any) *sql.Row {
	return q.st.QueryRowContext(ctx, args...)
}

// filterArgs are the arguments of a branch after its endpoint.
func filterArgs(op string, f graph.RelationshipFilter) ([]any, error) {
	f.EntityID = "placeholder"
	q, err := relationshipQuery(op, f)
	if err != nil {
		return nil, err
	}
	return q.branches[0].args[1:], nil
}

func other(r *graph.Relationship, id string) string {
	if r.SourceID == id {
		return r.TargetID
	}
	return r.SourceID
}

// Network returns the neighbourhood of the seeds (see graph.Explorer):
// breadth first, each node contributing its PerNode strongest matching
// ties, the new nodes of a hop ranked by the weight of the strongest tie
// that reaches them and cut at the node limit.
func (s *Store) Network(ctx context.Context, q graph.NetworkQuery) (*graph.Network, error) {
	const op = "sqlite.Network"
	depth, limit, perNode := q.Depth, q.Limit, q.PerNode
	if depth == 0 {
		depth = 1
	}
	if limit == 0 {
		limit = networkDefaultLimit
	}
	if perNode == 0 {
		perNode = networkDefaultPerNode
	}
	switch {
	case depth < 1 || depth > networkMaxDepth:
		return nil, graph.Errorf(op, graph.Invalid, "depth %d outside 1 to %d", q.Depth, networkMaxDepth)
	case limit < 1 || limit > networkMaxLimit:
		return nil, graph.Errorf(op, graph.Invalid, "limit %d outside 1 to %d", q.Limit, networkMaxLimit)
	case perNode < 1 || perNode > networkMaxPerNode:
		return nil, graph.Errorf(op, graph.Invalid, "per-node limit %d outside 1 to %d", q.PerNode, networkMaxPerNode)
	}
	seeds := dedupe(q.Seeds)
	if len(seeds) == 0 {
		return nil, graph.Errorf(op, graph.Invalid, "a network needs at least one seed")
	}
	if len(seeds) > limit {
		return nil, graph.Errorf(op, graph.Invalid, "%d seeds above the node limit of %d", len(seeds), limit)
	}
	f := graph.RelationshipFilter{Types: q.Types, Since: q.Since, Until: q.Until, MinConfidence: q.MinConfidence}
	args, err := filterArgs(op, f)
	if err != nil {
		return nil, err
	}
	var net *graph.Network
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		tf, err := newTieFetcher(ctx, tx, op, f, perNode+1)
		if err != nil {
			return err
		}
		defer tf.close()
		net, err = explore(ctx, tx, tf, args, seeds, depth, limit, perNode)
		return err
	})
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return net, nil
}

func explore(ctx context.Context, tx *sql.Tx, tf *tieFetcher, args []any, seeds []string, depth, limit, perNode int) (*graph.Network, error) {
	const op = "sqlite.Network"
	seedEntities, err := entitiesByID(ctx, tx, seeds)
	if err != nil {
		return nil, err
	}
	for i, e := range seedEntities {
		if e == nil {
			return nil, graph.Errorf(op, graph.NotFound, "entity %q not found", seeds[i])
		}
	}
	net := &graph.Network{Depth: map[string]int{}}
	order := slices.Clone(seeds)
	for _, id := range seeds {
		net.Depth[id] = 0
	}
	// followed holds the ties followed: the edges are those of them that
	// join two nodes.
	followed := map[string]*graph.Relationship{}
	frontier := seeds
	for hop := 1; hop <= depth && len(frontier) > 0; hop++ {
		weight := map[string]int{}
		for _, u := range frontier {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rs, err := tf.ties(ctx, u, args)
			if err != nil {
				return nil, err
			}
			if len(rs) > perNode {
				net.Truncated = true
				rs = rs[:perNode]
			}
			for _, r := range rs {
				followed[r.ID] = r
				v := other(r, u)
				if _, seen := net.Depth[v]; !seen {
					weight[v] = max(weight[v], r.EvidenceCount)
				}
			}
		}
		next := make([]string, 0, len(weight))
		for v := range weight {
			next = append(next, v)
		}
		slices.SortFunc(next, func(a, b string) int { return cmp.Or(cmp.Compare(weight[b], weight[a]), cmp.Compare(a, b)) })
		if room := limit - len(order); len(next) > room {
			net.Truncated = true
			next = next[:room]
		}
		for _, v := range next {
			net.Depth[v] = hop
		}
		order = append(order, next...)
		frontier = next
	}
	for _, r := range followed {
		_, a := net.Depth[r.SourceID]
		_, b := net.Depth[r.TargetID]
		if a && b {
			net.Edges = append(net.Edges, r)
		}
	}
	slices.SortFunc(net.Edges, func(a, b *graph.Relationship) int {
		return cmp.Or(cmp.Compare(b.EvidenceCount, a.EvidenceCount), cmp.Compare(a.ID, b.ID))
	})
	if net.Nodes, err = entitiesByID(ctx, tx, order); err != nil {
		return nil, err
	}
	for i, e := range net.Nodes {
		if e == nil { // cannot happen in one snapshot; never hand out nil
			return nil, graph.Errorf(op, graph.Internal, "entity %q of a tie not found", order[i])
		}
	}
	return net, nil
}

// relationshipsByID loads whole relationships, in no particular order.
func relationshipsByID(ctx context.Context, q querier, ids []string) ([]*graph.Relationship, error) {
	var out []*graph.Relationship
	for _, chunk := range chunks(ids, 500) {
		rs, err := list(ctx, q, `SELECT `+relationshipColumns+` FROM relationships WHERE id IN (`+placeholders(len(chunk))+`)`,
			anys(chunk), scanRelationship)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// entitiesByID is EntitiesByID on q.
func entitiesByID(ctx context.Context, q querier, ids []string) ([]*graph.Entity, error) {
	byID := make(map[string]*graph.Entity, len(ids))
	for _, chunk := range chunks(dedupe(ids), 500) {
		es, err := list(ctx, q, `SELECT `+entityColumns+` FROM entities e WHERE e.id IN (`+placeholders(len(chunk))+`)`,
			anys(chunk), scanEntityRow)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			byID[e.ID] = e
		}
	}
	out := make([]*graph.Entity, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}
