package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// extraction assembles the graph.Extraction. Entities that resolved to the
// same id (the same kind and canonical name reached by two routes) merge.
func (d *doc) extraction() *graph.Extraction {
	x := &graph.Extraction{Article: *d.art}
	byID := map[string]int{}
	ents := append([]*entity(nil), d.ents...)
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].first < ents[j].first })
	for _, e := range ents {
		i, ok := byID[e.ID]
		if !ok {
			i = len(x.Entities)
			byID[e.ID] = i
			ge := graph.Entity{ID: e.ID, Kind: e.Kind, Name: e.Name}
			if e.Gaz != nil && e.Gaz.QID != "" {
				ge.ExternalIDs = map[string]string{"wikidata": e.Gaz.QID}
			}
			x.Entities = append(x.Entities, ge)
		}
		ge := &x.Entities[i]
		for _, f := range e.forms {
			ge.Aliases = addString(ge.Aliases, f, ge.Name)
		}
		if e.Gaz != nil && e.Gaz.Curated {
			for _, a := range e.Gaz.Aliases {
				ge.Aliases = addString(ge.Aliases, a, ge.Name)
			}
		}
		for _, r := range e.roles {
			ge.Roles = addString(ge.Roles, r, "")
		}
	}
	for _, m := range d.mentions {
		if m.Anaphor {
			// "the group" resolves relations and claims, but is no name
			// of the group: stores turn mention texts into aliases.
			continue
		}
		for _, e := range []*entity{m.Ent, m.Other} {
			if e == nil {
				continue
			}
			role := m.Role
			x.Mentions = append(x.Mentions, graph.Mention{
				EntityID: e.ID, Text: d.span(m.T0, m.T1).Text, Role: role, KindInContext: m.InCtx,
				Citation: d.citation(m.Sent, m.T0, m.T1, d.span(m.RoleT0, m.T0).Text, m.Rule, m.Conf),
			})
		}
	}
	d.addNested(x)
	d.addRepeats(x)
	x.Relationships = d.rels
	x.Claims = d.claims
	x.Acts = d.actClaims
	return x
}

// addString appends s to list unless it is already there or equals skip.
func addString(list []string, s, skip string) []string {
	if s == "" || s == skip {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
