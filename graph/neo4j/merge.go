package neo4j

import (
	"context"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// MergeEntities merges entity from into entity into, in one write
// transaction: record the merge, re-attach from's evidence (and that of
// the entities merged into from) to into, and recompute what moved.
func (s *Store) MergeEntities(ctx context.Context, into, from string) (*graph.Merge, error) {
	const op = "neo4j.MergeEntities"
	if into == from {
		return nil, graph.Errorf(op, graph.Invalid, "an entity cannot be merged into itself")
	}
	mergedAt := s.now().UTC().Truncate(time.Microsecond)
	var m *graph.Merge
	err := s.writeTx(ctx, func(run runFunc) error {
		st, err := mergeState(run, from, into)
		if err != nil {
			return err
		}
		// The checks run in the order every backend runs them.
		switch {
		case st.into != nil && st.intoRoot != into:
			return graph.Errorf(op, graph.Invalid, "entity %q is itself merged into another", into)
		case st.mergedInto != "":
			return graph.Errorf(op, graph.Invalid, "entity %q is already merged", from)
		case st.into == nil || !st.into.bool("visible"):
			return graph.Errorf(op, graph.NotFound, "entity %q not found", into)
		case st.from == nil || !st.from.bool("visible"):
			return graph.Errorf(op, graph.NotFound, "entity %q not found", from)
		}
		m = &graph.Merge{Into: into, From: from, FromName: st.from.str("name"), FromKind: graph.EntityKind(st.from.str("kind")), MergedAt: mergedAt}
		if _, err := run(cypherMergeRecord, map[string]any{
			"from": from, "into": into, "mergedAt": mergedAt, "fromName": m.FromName, "fromKind": string(m.FromKind),
		}); err != nil {
			return err
		}
		return s.moveEvidence(run, st.members, from, into)
	})
	if err != nil {
		return nil, s.wrap(ctx, op, err)
	}
	return m, nil
}

// UnmergeEntities undoes the merge of from: its evidence (and that of the
// entities merged into it) resolves to from again.
func (s *Store) UnmergeEntities(ctx context.Context, from string) error {
	const op = "neo4j.UnmergeEntities"
	err := s.writeTx(ctx, func(run runFunc) error {
		st, err := mergeState(run, from, "")
		if err != nil {
			return err
		}
		if st.from == nil || st.mergedInto == "" {
			return graph.Errorf(op, graph.NotFound, "entity %q is not merged", from)
		}
		// The evidence of from's members resolves to the root of the
		// entity from was merged into.
		into, err := mergeState(run, st.mergedInto, st.mergedInto)
		if err != nil {
			return err
		}
		if _, err := run(cypherUnmergeRecord, map[string]any{"from": from}); err != nil {
			return err
		}
		return s.moveEvidence(run, st.members, into.intoRoot, from)
	})
	return s.wrap(ctx, op, err)
}

// Merges lists the merges in force, newest first (ties by merged id).
func (s *Store) Merges(ctx context.Context, p graph.Page) ([]*graph.Merge, error) {
	const op = "neo4j.Merges"
	page, err := p.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	recs, err := s.read(ctx, op, cypherMerges, map[string]any{"offset": page.Offset, "limit": page.Limit})
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Merge, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeMerge(column(r, "merge")))
	}
	return out, nil
}

func decodeMerge(p props) *graph.Merge {
	return &graph.Merge{
		Into: p.str("into"), From: p.str("from"), FromName: p.str("fromName"),
		FromKind: graph.EntityKind(p.str("fromKind")), MergedAt: p.time("mergedAt"),
	}
}

// mergeInfo is what cypherMergeState read.
type mergeInfo struct {
	from, into           props
	mergedInto, intoRoot string
	members              []string
}

func mergeState(run runFunc, from, into string) (mergeInfo, error) {
	recs, err := run(cypherMergeState, map[string]any{"from": from, "into": into})
	if err != nil || len(recs) == 0 {
		return mergeInfo{}, err
	}
	p := props(recs[0].AsMap())
	f, _ := p["from"].(map[string]any)
	i, _ := p["into"].(map[string]any)
	return mergeInfo{from: f, into: i, mergedInto: p.str("mergedInto"), intoRoot: p.str("intoRoot"), members: p.strings("members")}, nil
}

// moveEvidence re-attaches the evidence written with the ids of members,
// which resolved to old, to target, and recomputes every aggregate that
// changed: the relationships it left and joined, the claims it feeds, and
// both entities.
func (s *Store) moveEvidence(run runFunc, members []string, old, target string) error {
	isMember := map[string]bool{}
	for _, id := range members {
		isMember[id] = true
	}
	all := newTouched()
	all.entities[old], all.entities[target] = true, true

	recs, err := run(cypherMergeTies, map[string]any{"members": members})
	if err != nil {
		return err
	}
	var rows []any
	for _, r := range recs {
		p := props(r.AsMap())
		roots := map[string]string{p.str("sourceId"): p.str("sourceRoot"), p.str("targetId"): p.str("targetRoot")}
		root := func(id string) string {
			if isMember[id] {
				return target
			}
			return roots[id]
		}
		typ := p.str("type")
		e := resolveTie(typ, p.str("sourceId"), p.str("targetId"), root)
		if old := p.str("relId"); old != "" {
			all.relationships[old] = true
		}
		if e.relID != "" {
			all.relationships[e.relID] = true
		}
		rows = append(rows, map[string]any{
			"type": typ, "relId": e.relID, "directed": graph.RelationType(typ).Directed(),
			"sourceId": e.origSource, "targetId": e.origTarget, "source": e.source, "target": e.target,
		})
	}
	if len(rows) > 0 {
		if _, err := run(cypherMoveTies, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	moved := map[string]any{"members": members, "old": old, "target": target}
	if _, err := run(cypherMoveMentions, moved); err != nil {
		return err
	}
	recs, err = run(cypherMoveClaimEvidence, moved)
	if err != nil {
		return err
	}
	for _, r := range recs {
		v, _ := r.Get("claimIds")
		for _, id := range toStrings(v) {
			all.claims[id] = true
		}
	}
	return s.recomputeWith(run, all)
}

// runFunc runs one statement in the current transaction.
type runFunc func(statement, map[string]any) ([]*neo4jdrv.Record, error)

// writeTx runs fn in one managed write transaction, retried as a whole on
// transient errors.
func (s *Store) writeTx(ctx context.Context, fn func(run runFunc) error) error {
	unlock, err := s.lockWrites(ctx, "neo4j.writeTx")
	if err != nil {
		return err
	}
	defer unlock()
	sess := s.session(ctx, neo4jdrv.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err = neo4jdrv.ExecuteWrite(ctx, sess, func(tx neo4jdrv.ManagedTransaction) (struct{}, error) {
		return struct{}{}, fn(func(st statement, params map[string]any) ([]*neo4jdrv.Record, error) {
			return s.run(ctx, tx, st, params)
		})
	}, txTimeout(ctx)...)
	return err
}
