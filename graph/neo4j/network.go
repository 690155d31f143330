package neo4j

import (
	"cmp"
	"context"
	"slices"
	"strings"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// Network bounds (see graph.NetworkQuery and graph.PathQuery).
const (
	networkDefaultLimit   = 100
	networkMaxLimit       = 2000
	networkDefaultPerNode = 50
	networkMaxDepth       = 3
	pathsDefaultHops      = 4
	pathsMaxHops          = 6
	pathsDefaultLimit     = 5
	pathsMaxLimit         = 50
)

// Network returns the neighbourhood of the seeds in one read transaction:
// one statement per hop, each node's ties capped and ranked in Neo4j, then
// one statement for the nodes and the ties followed between them.
func (s *Store) Network(ctx context.Context, q graph.NetworkQuery) (*graph.Network, error) {
	const op = "neo4j.Network"
	q, filter, err := networkParams(op, q)
	if err != nil {
		return nil, err
	}
	seeds := distinct(q.Seeds)
	var net *graph.Network
	err = s.readTx(ctx, op, func(run runFunc) error {
		net = &graph.Network{Depth: map[string]int{}}
		ids := []string{}
		for _, id := range seeds {
			net.Depth[id] = 0
			ids = append(ids, id)
		}
		var followed []tie
		frontier := seeds
		for hop := 1; hop <= q.Depth && len(frontier) > 0; hop++ {
			params := clone(filter)
			params["frontier"], params["fetch"] = frontier, q.PerNode+1
			recs, err := run(cypherNetworkHop, params)
			if err != nil {
				return err
			}
			if hop == 1 && len(recs) < len(seeds) {
				return graph.Errorf(op, graph.NotFound, "%d of %d seed entities not found", len(seeds)-len(recs), len(seeds))
			}
			next, ties, cut := rankNeighbours(recs, net.Depth, q.PerNode)
			followed = append(followed, ties...)
			room := q.Limit - len(ids)
			if cut || len(next) > room {
				net.Truncated = true
			}
			next = next[:min(len(next), room)]
			for _, id := range next {
				net.Depth[id] = hop
				ids = append(ids, id)
			}
			frontier = next
		}
		relIDs := map[string]bool{}
		for _, t := range followed {
			_, a := net.Depth[t.source]
			_, b := net.Depth[t.target]
			if a && b {
				relIDs[t.relID] = true
			}
		}
		params := clone(filter)
		params["ids"], params["relIds"] = ids, sortedKeys(relIDs)
		recs, err := run(cypherNetworkGraph, params)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return graph.Errorf(op, graph.Internal, "network statement answered no row")
		}
		nodes, _ := recs[0].Get("nodes")
		byID := map[string]*graph.Entity{}
		for _, p := range mapList(nodes) {
			e := decodeEntity(p)
			byID[e.ID] = e
		}
		for _, id := range ids {
			e := byID[id]
			if e == nil { // cannot happen in one transaction; never hand out nil
				return graph.Errorf(op, graph.Internal, "entity %q of the network not found", id)
			}
			net.Nodes = append(net.Nodes, e)
		}
		edges, _ := recs[0].Get("edges")
		for _, p := range mapList(edges) {
			net.Edges = append(net.Edges, decodeRelationship(p))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return net, nil
}

// rankNeighbours reads one hop: the ties followed (each node's strongest,
// at most perNode), and the nodes they reach that the network does not
// hold yet, ranked by the weight of the strongest tie reaching them, then
// by id; cut reports that some node had more ties than the cap.
func rankNeighbours(recs []*neo4jdrv.Record, have map[string]int, perNode int) (ranked []string, followed []tie, cut bool) {
	best := map[string]int{}
	for _, r := range recs {
		from, _ := r.Get("nodeId")
		source, _ := from.(string)
		v, _ := r.Get("ties")
		ties := mapList(v)
		if len(ties) > perNode {
			cut, ties = true, ties[:perNode]
		}
		for _, t := range ties {
			id, w := t.str("id"), t.int("weight")
			followed = append(followed, tie{source: source, target: id, relID: t.str("relId")})
			if _, ok := have[id]; ok {
				continue
			}
			if old, ok := best[id]; !ok || w > old {
				best[id] = w
			}
		}
	}
	for id := range best {
		ranked = append(ranked, id)
	}
	slices.SortFunc(ranked, func(a, b string) int { return cmp.Or(cmp.Compare(best[b], best[a]), cmp.Compare(a, b)) })
	return ranked, followed, cut
}

// networkParams applies the defaults of a network query, checks it, and
// returns the parameters of its relationship filter.
func networkParams(op string, q graph.NetworkQuery) (graph.NetworkQuery, map[string]any, error) {
	if len(q.Seeds) == 0 {
		return q, nil, graph.Errorf(op, graph.Invalid, "a network needs at least one seed entity")
	}
	if q.Depth == 0 {
		q.Depth = 1
	}
	if q.Limit == 0 {
		q.Limit = networkDefaultLimit
	}
	if q.PerNode == 0 {
		q.PerNode = networkDefaultPerNode
	}
	switch {
	case q.Depth < 1 || q.Depth > networkMaxDepth:
		return q, nil, graph.Errorf(op, graph.Invalid, "network depth %d outside 1 to %d", q.Depth, networkMaxDepth)
	case q.Limit < 0 || q.Limit > networkMaxLimit:
		return q, nil, graph.Errorf(op, graph.Invalid, "network limit %d outside 1 to %d", q.Limit, networkMaxLimit)
	case q.PerNode < 0 || q.PerNode > graph.MaxLimit:
		return q, nil, graph.Errorf(op, graph.Invalid, "ties per node %d outside 1 to %d", q.PerNode, graph.MaxLimit)
	case len(distinct(q.Seeds)) > q.Limit:
		return q, nil, graph.Errorf(op, graph.Invalid, "%d seeds above the node limit of %d", len(q.Seeds), q.Limit)
	}
	types, err := typeStrings(op, q.Types)
	if err != nil {
		return q, nil, err
	}
	if err := checkRange(op, q.Since, q.Until, q.MinConfidence); err != nil {
		return q, nil, err
	}
	return q, map[string]any{
		"types": types, "minConfidence": q.MinConfidence,
		"since": timeParam(q.Since), "until": timeParam(q.Until), "outletKey": "",
	}, nil
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+2)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Paths returns the shortest paths between two entities (all of the
// shortest length, at most q.Limit), in one statement, in the order of
// their edge ids (compared edge by edge), as every backend orders them.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	const op = "neo4j.Paths"
	if q.MaxHops == 0 {
		q.MaxHops = pathsDefaultHops
	}
	if q.Limit == 0 {
		q.Limit = pathsDefaultLimit
	}
	switch {
	case q.From == "" || q.To == "":
		return nil, graph.Errorf(op, graph.Invalid, "a path needs two entities")
	case q.From == q.To:
		return nil, graph.Errorf(op, graph.Invalid, "a path needs two different entities")
	case q.MaxHops < 1 || q.MaxHops > pathsMaxHops:
		return nil, graph.Errorf(op, graph.Invalid, "maximum hops %d outside 1 to %d", q.MaxHops, pathsMaxHops)
	case q.Limit < 0 || q.Limit > pathsMaxLimit:
		return nil, graph.Errorf(op, graph.Invalid, "path limit %d outside 1 to %d", q.Limit, pathsMaxLimit)
	}
	types, err := typeStrings(op, q.Types)
	if err != nil {
		return nil, err
	}
	if err := checkConfidence(op, q.MinConfidence); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, op, pathStatements[q.MaxHops], map[string]any{
		"from": q.From, "to": q.To, "types": types, "minConfidence": q.MinConfidence, "limit": q.Limit,
	})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(op, graph.NotFound, "entity %q or %q not found", q.From, q.To)
	}
	var paths []graph.Path
	for _, r := range recs {
		if p, ok := decodePath(props(r.AsMap())); ok {
			paths = append(paths, p)
		}
	}
	// Neo4j ordered them already; sorting again keeps the order exact
	// whatever the server's list ordering.
	slices.SortFunc(paths, func(a, b graph.Path) int {
		return slices.CompareFunc(a.Edges, b.Edges, func(x, y *graph.Relationship) int { return strings.Compare(x.ID, y.ID) })
	})
	if len(paths) > q.Limit {
		paths = paths[:q.Limit]
	}
	return paths, nil
}

// decodePath decodes one row of a path statement; ok is false for the row
// that says both entities exist but no path joins them.
func decodePath(p props) (graph.Path, bool) {
	ids := p.strings("ids")
	if len(ids) < 2 {
		return graph.Path{}, false
	}
	path := graph.Path{EntityIDs: ids}
	for _, e := range mapList(p["edges"]) {
		path.Edges = append(path.Edges, decodeRelationship(e))
	}
	return path, len(path.Edges) == len(ids)-1
}
