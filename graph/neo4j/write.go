package neo4j

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// touched collects the ids of the aggregates a write must recompute.
type touched struct {
	entities, relationships, claims map[string]bool
}

func newTouched() *touched {
	return &touched{entities: map[string]bool{}, relationships: map[string]bool{}, claims: map[string]bool{}}
}

// addRecord adds the ids cypherClearArticle returned, and the merges it
// resolved to resolve; it reports whether the article existed.
func (t *touched) addRecord(r *neo4jdrv.Record, resolve map[string]string) bool {
	for key, set := range map[string]map[string]bool{"entityIds": t.entities, "relIds": t.relationships, "claimIds": t.claims} {
		v, _ := r.Get(key)
		for _, id := range toStrings(v) {
			set[id] = true
		}
	}
	v, _ := r.Get("merges")
	l, _ := v.([]any)
	for _, pair := range l {
		if p := toStrings(pair); len(p) == 2 {
			resolve[p[0]] = p[1]
		}
	}
	found, _ := r.Get("found")
	ok, _ := found.(bool)
	return ok
}

// add adds every id of o.
func (t *touched) add(o *touched) {
	for _, m := range []struct{ from, to map[string]bool }{{o.entities, t.entities}, {o.relationships, t.relationships}, {o.claims, t.claims}} {
		for id := range m.from {
			m.to[id] = true
		}
	}
}

// addRoots adds the entities the touched ones are merged into: their
// mentions and ties are attached there.
func (t *touched) addRoots(resolve map[string]string) {
	for id := range t.entities {
		if root, ok := resolve[id]; ok {
			t.entities[root] = true
		}
	}
}

// WriteExtraction replaces everything extracted from x.Article with x in one
// managed write transaction (WriteExtractions of one extraction).
func (s *Store) WriteExtraction(ctx context.Context, x *graph.Extraction) error {
	const op = "neo4j.WriteExtraction"
	if x == nil {
		return graph.Errorf(op, graph.Invalid, "no extraction")
	}
	return s.writeExtractions(ctx, op, []*graph.Extraction{x})
}

// WriteExtractions writes a batch of extractions in one managed write
// transaction, leaving the store as writing them one by one in order
// would: lock the entities and claims the batch changes, in id order (see
// cypherLockWrite); then, per article, clear its old evidence (resolving
// the entities it names through merges at the same time) and merge the new
// (one UNWIND-batched statement); then recompute, once for the whole
// batch, the relationships, claims and entities any of them touched. A
// hub entity that every article names is recomputed once per batch instead
// of once per article, which is what makes bulk loads fast. A bad
// extraction fails the whole batch, and nothing is written.
func (s *Store) WriteExtractions(ctx context.Context, xs []*graph.Extraction) error {
	return s.writeExtractions(ctx, "neo4j.WriteExtractions", xs)
}

func (s *Store) writeExtractions(ctx context.Context, op string, xs []*graph.Extraction) error {
	for i, x := range xs {
		if x == nil {
			return graph.Errorf(op, graph.Invalid, "extraction %d of %d is nil", i+1, len(xs))
		}
		if err := x.Validate(); err != nil {
			return graph.E(op, err)
		}
	}
	if len(xs) == 0 {
		return nil
	}
	lock := lockParams(xs)
	unlock, err := s.lockWrites(ctx, op)
	if err != nil {
		return err
	}
	defer unlock()
	sess := s.session(ctx, neo4jdrv.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err = neo4jdrv.ExecuteWrite(ctx, sess, counted(s, op, func(tx neo4jdrv.ManagedTransaction) (struct{}, error) {
		// A retried attempt starts again from nothing.
		all := newTouched()
		if _, err := s.run(ctx, tx, cypherLockWrite, lock); err != nil {
			return struct{}{}, err
		}
		for _, x := range xs {
			resolve := map[string]string{}
			recs, err := s.run(ctx, tx, cypherClearArticle, map[string]any{"id": x.Article.ID, "entityIds": declaredIDs(x)})
			if err != nil {
				return struct{}{}, err
			}
			for _, r := range recs {
				all.addRecord(r, resolve)
			}
			params, t := s.extractionParams(x, resolve)
			all.add(t)
			all.addRoots(resolve)
			if _, err := s.run(ctx, tx, cypherMergeExtraction, params); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, s.recompute(ctx, tx, all)
	}), txTimeout(ctx)...)
	return s.wrap(ctx, op, err)
}

// declaredIDs returns the ids of the entities x declares, sorted.
func declaredIDs(x *graph.Extraction) []string {
	declared := map[string]bool{}
	for _, e := range x.Entities {
		declared[e.ID] = true
	}
	return sortedKeys(declared)
}

// lockParams are the parameters of cypherLockWrite for a batch: its
// articles, the entities it declares (by id, with the kind and name a new
// entity is created with: its first declaration's, as writing the batch
// one by one would) and the claims it cites.
func lockParams(xs []*graph.Extraction) map[string]any {
	articles := make([]string, 0, len(xs))
	entities := map[string]any{}
	claims := map[string]bool{}
	for _, x := range xs {
		articles = append(articles, x.Article.ID)
		for _, e := range x.Entities {
			if _, ok := entities[e.ID]; !ok {
				entities[e.ID] = map[string]any{"kind": string(e.Kind), "name": e.Name}
			}
		}
		for _, c := range x.Claims {
			claims[c.ClaimID] = true
		}
	}
	return map[string]any{"articleIds": articles, "entities": entities, "claimIds": sortedKeys(claims)}
}

// DeleteArticle removes an article and all evidence extracted from it, in
// one write transaction.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	const op = "neo4j.DeleteArticle"
	unlock, err := s.lockWrites(ctx, op)
	if err != nil {
		return err
	}
	defer unlock()
	sess := s.session(ctx, neo4jdrv.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	lock := map[string]any{"articleIds": []string{id}, "entities": map[string]any{}, "claimIds": []string{}}
	found, err := neo4jdrv.ExecuteWrite(ctx, sess, counted(s, op, func(tx neo4jdrv.ManagedTransaction) (bool, error) {
		if _, err := s.run(ctx, tx, cypherLockWrite, lock); err != nil {
			return false, err
		}
		recs, err := s.run(ctx, tx, cypherClearArticle, map[string]any{"id": id, "entityIds": []string{}})
		if err != nil {
			return false, err
		}
		all, resolve, found := newTouched(), map[string]string{}, false
		for _, r := range recs {
			found = all.addRecord(r, resolve) || found
		}
		if !found {
			return false, nil
		}
		all.addRoots(resolve)
		if _, err := s.run(ctx, tx, cypherDeleteArticle, map[string]any{"id": id}); err != nil {
			return false, err
		}
		return true, s.recompute(ctx, tx, all)
	}), txTimeout(ctx)...)
	if err != nil {
		return s.wrap(ctx, op, err)
	}
	if !found {
		return graph.Errorf(op, graph.NotFound, "article %q not found", id)
	}
	return nil
}

// recompute refreshes the aggregates of the touched ids. Relationships and
// claims go first: entities are deleted last, once nothing refers to them.
func (s *Store) recompute(ctx context.Context, tx neo4jdrv.ManagedTransaction, t *touched) error {
	return s.recomputeWith(func(st statement, params map[string]any) ([]*neo4jdrv.Record, error) {
		return s.run(ctx, tx, st, params)
	}, t)
}

func (s *Store) recomputeWith(run runFunc, t *touched) error {
	for _, step := range []struct {
		st  statement
		ids map[string]bool
	}{
		{cypherRecomputeRelationships, t.relationships},
		{cypherRecomputeClaims, t.claims},
		{cypherRecomputeEntities, t.entities},
	} {
		if len(step.ids) == 0 {
			continue
		}
		if _, err := run(step.st, map[string]any{"ids": sortedKeys(step.ids)}); err != nil {
			return err
		}
	}
	return nil
}

// extractionParams turns an extraction into the parameters of
// cypherMergeExtraction, and collects the ids it touches. resolve maps the
// merged entities among those the extraction names to the entities they
// are merged into (see cypherClearArticle).
func (s *Store) extractionParams(x *graph.Extraction, resolve map[string]string) (map[string]any, *touched) {
	t := newTouched()
	root := func(id string) string {
		if r, ok := resolve[id]; ok {
			return r
		}
		return id
	}
	a := x.Article
	ingested := a.IngestedAt
	if ingested.IsZero() {
		ingested = s.now()
	}
	article := map[string]any{
		"id":          a.ID,
		"url":         a.URL,
		"title":       a.Title,
		"outlet":      a.Outlet,
		"outletKey":   foldKey(a.Outlet),
		"publishedAt": timeParam(a.PublishedAt),
		"ingestedAt":  timeParam(ingested),
		"contentHash": a.ContentHash,
		"text":        a.Text,
	}

	entities := make([]any, 0, len(x.Entities))
	for _, e := range mergeDeclarations(x.Entities) {
		t.entities[e.ID] = true
		names := append([]string{e.Name}, e.Aliases...)
		keys := make([]string, 0, len(names))
		for _, n := range names {
			keys = append(keys, graph.CanonicalKey(n))
		}
		ext := make([]string, 0, len(e.ExternalIDs))
		for k, v := range e.ExternalIDs {
			ext = append(ext, k+"\t"+v)
		}
		sort.Strings(ext)
		entities = append(entities, map[string]any{
			"id":   e.ID,
			"kind": string(e.Kind),
			"name": e.Name,
			"props": map[string]any{
				"ns":          s.ns,
				"name":        e.Name,
				"names":       names,
				"roles":       nonNil(e.Roles),
				"keys":        keys,
				"externalIds": ext,
			},
		})
	}

	mentions := make([]any, 0, len(x.Mentions))
	for i, m := range x.Mentions {
		props := s.citationProps(i, m.Citation)
		props["entityId"] = root(m.EntityID)
		props["origEntityId"] = m.EntityID
		props["text"] = m.Text
		props["role"] = m.Role
		props["kindInContext"] = string(m.KindInContext)
		props["key"] = graph.CanonicalKey(m.Text)
		mentions = append(mentions, map[string]any{"entityId": root(m.EntityID), "props": props})
	}

	rels := make([]any, 0, len(x.Relationships))
	for i, r := range x.Relationships {
		e := resolveTie(string(r.Type), r.SourceID, r.TargetID, root)
		if e.relID != "" {
			t.relationships[e.relID] = true
		}
		props := s.citationProps(i, r.Citation)
		props["relId"] = e.relID
		props["type"], props["sourceId"], props["targetId"] = string(r.Type), e.origSource, e.origTarget
		rels = append(rels, map[string]any{
			"id": e.relID, "type": string(r.Type), "directed": r.Type.Directed(),
			"sourceId": e.source, "targetId": e.target, "props": props,
		})
	}

	claims := make([]any, 0, len(x.Claims))
	for i, c := range x.Claims {
		t.claims[c.ClaimID] = true
		props := s.citationProps(i, c.Citation)
		props["claimId"] = c.ClaimID
		props["text"] = c.Text
		props["normalized"] = graph.NormalizeClaim(c.Text)
		props["verbatim"] = c.Verbatim
		props["sourceStart"], props["sourceEnd"], props["sourceText"] = c.Source.Start, c.Source.End, c.Source.Text
		props["cueStart"], props["cueEnd"], props["cueText"] = c.Cue.Start, c.Cue.End, c.Cue.Text
		// The cue a claim shows: the written cue, else the trigger.
		props["claimCue"] = cmp.Or(c.Cue.Text, c.Citation.Trigger)
		props["origSpeakerIds"] = nonNil(c.SpeakerIDs)
		props["origAboutIds"] = nonNil(c.AboutIDs)
		props["speakerIds"] = resolveAll(c.SpeakerIDs, root)
		props["aboutIds"] = resolveAll(c.AboutIDs, root)
		claims = append(claims, map[string]any{"claimId": c.ClaimID, "props": props})
	}

	return map[string]any{
		"article":       article,
		"entities":      entities,
		"mentions":      mentions,
		"relationships": rels,
		"claims":        claims,
	}, t
}

// tie is the REL edge a piece of relationship evidence attaches to once
// its endpoints are resolved through merges.
type tie struct {
	origSource, origTarget string // as written, ordered when undirected
	source, target         string // resolved, ordered when undirected
	relID                  string // empty when both ends resolve to one entity
}

// resolveTie resolves the endpoints of relationship evidence. Undirected
// relationships order their endpoints by id before and after resolving.
func resolveTie(typ, source, target string, root func(string) string) tie {
	t := graph.RelationType(typ)
	if !t.Directed() && target < source {
		source, target = target, source
	}
	e := tie{origSource: source, origTarget: target, source: root(source), target: root(target)}
	if e.source == e.target {
		return e
	}
	if !t.Directed() && e.target < e.source {
		e.source, e.target = e.target, e.source
	}
	e.relID = graph.RelationshipID(t, e.source, e.target)
	return e
}

// resolveAll resolves ids through merges, keeping their places, so that
// the original and resolved lists of claim evidence stay aligned.
func resolveAll(ids []string, root func(string) string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = root(id)
	}
	return out
}

// citationProps flattens a citation into evidence node properties; seq,
// the evidence's place in the extraction, breaks ties between citations of
// one span.
func (s *Store) citationProps(seq int, c graph.Citation) map[string]any {
	return map[string]any{
		"ns":            s.ns,
		"seq":           seq,
		"articleId":     c.ArticleID,
		"sentenceIndex": c.SentenceIndex,
		"sentenceText":  c.SentenceText,
		"start":         c.Start,
		"end":           c.End,
		"trigger":       c.Trigger,
		"extractor":     c.Extractor,
		"confidence":    c.Confidence,
	}
}

// timeParam sends a time as a UTC datetime truncated to the microsecond,
// the precision every backend keeps, or null when it is zero.
func timeParam(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

// foldKey folds a name for case-insensitive equality, in Go rather than in
// Cypher so that every backend folds alike.
func foldKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// nonNil sends an empty list rather than null, since Neo4j does not store
// null properties.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// mergeDeclarations folds several declarations of one entity in an
// extraction into one, as the other backends do: the last name wins and
// earlier names become aliases; aliases and roles add up; later external
// ids win. Declarations keep their first order.
func mergeDeclarations(es []graph.Entity) []graph.Entity {
	index := make(map[string]int, len(es))
	var out []graph.Entity
	for _, e := range es {
		i, seen := index[e.ID]
		if !seen {
			e.Aliases = slices.Clone(e.Aliases)
			e.Roles = slices.Clone(e.Roles)
			e.ExternalIDs = maps.Clone(e.ExternalIDs)
			index[e.ID] = len(out)
			out = append(out, e)
			continue
		}
		prev := &out[i]
		if prev.Name != e.Name {
			prev.Aliases = append(prev.Aliases, prev.Name)
		}
		prev.Name = e.Name
		prev.Aliases = append(prev.Aliases, e.Aliases...)
		prev.Roles = append(prev.Roles, e.Roles...)
		if prev.ExternalIDs == nil && len(e.ExternalIDs) > 0 {
			prev.ExternalIDs = map[string]string{}
		}
		maps.Copy(prev.ExternalIDs, e.ExternalIDs)
	}
	return out
}
