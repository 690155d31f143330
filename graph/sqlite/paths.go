package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// Path search bounds (see graph.PathQuery).
const (
	pathsDefaultHops  = 4
	pathsMaxHops      = 6
	pathsDefaultLimit = 5
	pathsMaxLimit     = 50
	// pathsPerNode caps the ties followed from one entity: its strongest,
	// by evidence count then id. Only an entity with more ties than this
	// can hide a path.
	pathsPerNode = 300
	// pathsMaxTies caps the ties one search reads, which bounds its
	// time on a graph of hubs; a search that reaches it before the two
	// sides meet finds no path.
	pathsMaxTies = 20000
)

// Paths returns the shortest paths between q.From and q.To (see
// graph.Explorer): a bidirectional breadth-first search that expands the
// smaller frontier, then, over the ties it read, every path of the
// shortest length in order of its edge ids.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	const op = "sqlite.Paths"
	hops, limit := q.MaxHops, q.Limit
	if hops == 0 {
		hops = pathsDefaultHops
	}
	if limit == 0 {
		limit = pathsDefaultLimit
	}
	switch {
	case hops < 1 || hops > pathsMaxHops:
		return nil, graph.Errorf(op, graph.Invalid, "maximum hops %d outside 1 to %d", q.MaxHops, pathsMaxHops)
	case limit < 1 || limit > pathsMaxLimit:
		return nil, graph.Errorf(op, graph.Invalid, "limit %d outside 1 to %d", q.Limit, pathsMaxLimit)
	case q.From == "" || q.To == "":
		return nil, graph.Errorf(op, graph.Invalid, "a path needs two entities")
	case q.From == q.To:
		return nil, graph.Errorf(op, graph.Invalid, "a path needs two different entities")
	}
	f := graph.RelationshipFilter{Types: q.Types, MinConfidence: q.MinConfidence}
	args, err := filterArgs(op, f)
	if err != nil {
		return nil, err
	}
	var paths []graph.Path
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		ends, err := entitiesByID(ctx, tx, []string{q.From, q.To})
		if err != nil {
			return err
		}
		for i, e := range ends {
			if e == nil {
				return graph.Errorf(op, graph.NotFound, "entity %q not found", []string{q.From, q.To}[i])
			}
		}
		tf, err := newNarrowTieFetcher(ctx, tx, op, f, pathsPerNode)
		if err != nil {
			return err
		}
		defer tf.close()
		if paths, err = shortestPaths(ctx, tf, args, q.From, q.To, hops, limit); err != nil {
			return err
		}
		return wholeEdges(ctx, tx, paths)
	})
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return paths, nil
}

// side is one direction of the bidirectional search.
type side struct {
	dist     map[string]int
	frontier []string
	depth    int
}

func shortestPaths(ctx context.Context, tf *tieFetcher, args []any, from, to string, maxHops, limit int) ([]graph.Path, error) {
	fwd := &side{dist: map[string]int{from: 0}, frontier: []string{from}}
	bwd := &side{dist: map[string]int{to: 0}, frontier: []string{to}}
	adj := map[string][]*graph.Relationship{} // every tie read, from both ends
	seen := map[string]bool{}
	read := 0 // ties read
	shortest := -1
	for shortest < 0 && fwd.depth+bwd.depth < maxHops {
		s, o := fwd, bwd
		if len(bwd.frontier) < len(fwd.frontier) {
			s, o = bwd, fwd
		}
		if len(s.frontier) == 0 {
			break
		}
		var next []string
		for _, u := range s.frontier {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rs, err := tf.ties(ctx, u, args)
			if err != nil {
				return nil, err
			}
			if read += len(rs); read > pathsMaxTies {
				if shortest < 0 {
					return nil, nil
				}
				break // enumerate what was found
			}
			for _, r := range rs {
				if !seen[r.ID] {
					seen[r.ID] = true
					adj[r.SourceID] = append(adj[r.SourceID], r)
					adj[r.TargetID] = append(adj[r.TargetID], r)
				}
				v := other(r, u)
				if _, ok := s.dist[v]; ok {
					continue
				}
				s.dist[v] = s.depth + 1
				next = append(next, v)
				if d, ok := o.dist[v]; ok && (shortest < 0 || s.depth+1+d < shortest) {
					shortest = s.depth + 1 + d
				}
			}
		}
		s.depth++
		s.frontier = next
	}
	if shortest < 0 {
		return nil, nil
	}
	// Exact distances over the ties read, which hold every shortest path.
	df, db := bfs(adj, from, shortest), bfs(adj, to, shortest)
	for _, rs := range adj {
		slices.SortFunc(rs, func(a, b *graph.Relationship) int { return cmp.Compare(a.ID, b.ID) })
	}
	var (
		paths []graph.Path
		ids   = []string{from}
		edges []*graph.Relationship
		walk  func(u string, i int)
	)
	walk = func(u string, i int) {
		if len(paths) >= limit {
			return
		}
		if i == shortest {
			paths = append(paths, graph.Path{EntityIDs: slices.Clone(ids), Edges: slices.Clone(edges)})
			return
		}
		for _, r := range adj[u] {
			v := other(r, u)
			dv, okF := df[v]
			bv, okB := db[v]
			if !okF || !okB || dv != i+1 || bv != shortest-i-1 {
				continue
			}
			ids, edges = append(ids, v), append(edges, r)
			walk(v, i+1)
			ids, edges = ids[:len(ids)-1], edges[:len(edges)-1]
		}
	}
	walk(from, 0)
	return paths, nil
}

// bfs returns the distances from start over adj, up to maxDist.
func bfs(adj map[string][]*graph.Relationship, start string, maxDist int) map[string]int {
	dist := map[string]int{start: 0}
	frontier := []string{start}
	for d := 1; d <= maxDist && len(frontier) > 0; d++ {
		var next []string
		for _, u := range frontier {
			for _, r := range adj[u] {
				v := other(r, u)
				if _, ok := dist[v]; !ok {
					dist[v] = d
					next = append(next, v)
				}
			}
		}
		frontier = next
	}
	return dist
}

// wholeEdges replaces the ties of the paths, read narrow, by whole ones.
func wholeEdges(ctx context.Context, tx *sql.Tx, paths []graph.Path) error {
	var ids []string
	for _, p := range paths {
		for _, r := range p.Edges {
			ids = append(ids, r.ID)
		}
	}
	rs, err := relationshipsByID(ctx, tx, dedupe(ids))
	if err != nil {
		return err
	}
	byID := make(map[string]*graph.Relationship, len(rs))
	for _, r := range rs {
		byID[r.ID] = r
	}
	for _, p := range paths {
		for i, r := range p.Edges {
			p.Edges[i] = byID[r.ID]
		}
	}
	return nil
}
