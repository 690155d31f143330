package model

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// SearchResult is what a search hit found: *graph.Entity or *graph.Claim.
// Empty for the reason Node is.
type SearchResult interface{}

// SearchHit is one search result with its score.
type SearchHit struct {
	Node    SearchResult
	Score   float64
	Matched string
}

// SearchEdge is one hit in a page, with its cursor.
type SearchEdge struct {
	Cursor string
	Node   *SearchHit
}

// SearchConnection is a page of search hits.
type SearchConnection struct {
	Edges    []*SearchEdge
	PageInfo *PageInfo
	Count    Counter
}

// TotalCount counts every hit of the search.
func (c *SearchConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// Nodes returns the page's hits without cursors.
func (c *SearchConnection) Nodes() []*SearchHit {
	nodes := make([]*SearchHit, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// Network is a graph.Network shaped for drawing: nodes carry their depth,
// edges their endpoints' ids.
type Network struct {
	Nodes     []*NetworkNode
	Edges     []*NetworkEdge
	Truncated bool
}

// NetworkNode is an entity of a network with its distance from the seeds.
type NetworkNode struct {
	*graph.Entity
	Depth int
}

// NetworkEdge is a relationship of a network. The embedded Relationship is
// also what the edge's relationship field answers, for its citations.
type NetworkEdge struct {
	*Relationship
}

// NewNetwork converts a store's network.
func NewNetwork(n *graph.Network) *Network {
	out := &Network{Truncated: n.Truncated, Nodes: make([]*NetworkNode, len(n.Nodes)), Edges: make([]*NetworkEdge, len(n.Edges))}
	for i, e := range n.Nodes {
		out.Nodes[i] = &NetworkNode{Entity: e, Depth: n.Depth[e.ID]}
	}
	for i, r := range n.Edges {
		out.Edges[i] = &NetworkEdge{Relationship: &Relationship{Relationship: r}}
	}
	return out
}

// Path is a graph.Path with its relationships seen along the path, so that
// each edge's other end is the next node.
type Path struct {
	Length    int
	EntityIDs []string
	Edges     []*Relationship
}

// NewPath converts a store's path.
func NewPath(p graph.Path) *Path {
	out := &Path{Length: len(p.Edges), EntityIDs: p.EntityIDs, Edges: make([]*Relationship, len(p.Edges))}
	for i, r := range p.Edges {
		out.Edges[i] = &Relationship{Relationship: r, Viewpoint: p.EntityIDs[i]}
	}
	return out
}

// CoOccurrenceEdge is one co-occurrence in a page, with its cursor.
type CoOccurrenceEdge struct {
	Cursor string
	Node   *graph.CoOccurrence
}

// CoOccurrenceConnection is a page of co-occurrences.
type CoOccurrenceConnection struct {
	Edges    []*CoOccurrenceEdge
	PageInfo *PageInfo
	Count    Counter
}

// TotalCount counts every entity that co-occurs under the query.
func (c *CoOccurrenceConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// Nodes returns the page's co-occurrences without cursors.
func (c *CoOccurrenceConnection) Nodes() []*graph.CoOccurrence {
	nodes := make([]*graph.CoOccurrence, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// ClaimOutlet is an outlet that carried a claim.
type ClaimOutlet struct {
	Outlet       string
	FirstSeen    time.Time
	FirstArticle *graph.Article
	Articles     int
}

// NearDuplicateGroup is a claim with its near-duplicates.
type NearDuplicateGroup struct {
	Claims        []*graph.ScoredClaim
	Size          int
	EvidenceCount int
	Earliest      *graph.Claim
	FirstSeen     time.Time
	LastSeen      time.Time
}

// NewNearDuplicateGroup groups claim with its near-duplicates.
func NewNearDuplicateGroup(claim *graph.Claim, similar []graph.ScoredClaim) *NearDuplicateGroup {
	g := &NearDuplicateGroup{Size: 1, EvidenceCount: claim.EvidenceCount, Earliest: claim,
		FirstSeen: claim.FirstSeen, LastSeen: claim.LastSeen, Claims: make([]*graph.ScoredClaim, 0, len(similar))}
	for i := range similar {
		c := similar[i].Claim
		if c == nil || c.ID == claim.ID {
			continue
		}
		g.Claims = append(g.Claims, &similar[i])
		g.Size++
		g.EvidenceCount += c.EvidenceCount
		if !c.FirstSeen.IsZero() && (g.FirstSeen.IsZero() || c.FirstSeen.Before(g.FirstSeen)) {
			g.FirstSeen, g.Earliest = c.FirstSeen, c
		}
		if c.LastSeen.After(g.LastSeen) {
			g.LastSeen = c.LastSeen
		}
	}
	return g
}

// JobStatus is where an ingest job is.
type JobStatus string

// Job statuses.
const (
	JobQueued    JobStatus = "QUEUED"
	JobRunning   JobStatus = "RUNNING"
	JobSucceeded JobStatus = "SUCCEEDED"
	JobFailed    JobStatus = "FAILED"
)

// Job is a snapshot of an ingest job.
type Job struct {
	ID         string
	Status     JobStatus
	Error      *JobError
	ArticleID  string
	CreatedAt  time.Time
	FinishedAt time.Time
	Attempts   int
	Location   *string
	StartedAt  time.Time
}

// JobError says why a job failed, safely for clients.
type JobError struct {
	Code    string
	Message string
}
