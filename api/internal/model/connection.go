package model

import (
	"context"

	"github.com/newsgraph/newsgraph/graph"
)

// The connections below differ only in their node type; gqlgen binds
// concrete types, hence one pair of types per node type. TotalCount is a
// method so that gqlgen calls it, and the Counter runs, only when selected.

// EntityEdge is one entity in a page, with its cursor.
type EntityEdge struct {
	Cursor string
	Node   *graph.Entity
}

// EntityConnection is a page of entitys.
type EntityConnection struct {
	Edges    []*EntityEdge
	PageInfo *PageInfo
	Count    Counter
}

// Nodes returns the page's entitys without cursors.
func (c *EntityConnection) Nodes() []*graph.Entity {
	nodes := make([]*graph.Entity, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// TotalCount counts every entity the query matches.
func (c *EntityConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// RelationshipEdge is one relationship in a page, with its cursor.
type RelationshipEdge struct {
	Cursor string
	Node   *Relationship
}

// RelationshipConnection is a page of relationships.
type RelationshipConnection struct {
	Edges    []*RelationshipEdge
	PageInfo *PageInfo
	Count    Counter
}

// Nodes returns the page's relationships without cursors.
func (c *RelationshipConnection) Nodes() []*Relationship {
	nodes := make([]*Relationship, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// TotalCount counts every relationship the query matches.
func (c *RelationshipConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// ClaimEdge is one claim in a page, with its cursor.
type ClaimEdge struct {
	Cursor string
	Node   *graph.Claim
}

// ClaimConnection is a page of claims.
type ClaimConnection struct {
	Edges    []*ClaimEdge
	PageInfo *PageInfo
	Count    Counter
}

// Nodes returns the page's claims without cursors.
func (c *ClaimConnection) Nodes() []*graph.Claim {
	nodes := make([]*graph.Claim, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// TotalCount counts every claim the query matches.
func (c *ClaimConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// ArticleEdge is one article in a page, with its cursor.
type ArticleEdge struct {
	Cursor string
	Node   *graph.Article
}

// ArticleConnection is a page of articles.
type ArticleConnection struct {
	Edges    []*ArticleEdge
	PageInfo *PageInfo
	Count    Counter
}

// Nodes returns the page's articles without cursors.
func (c *ArticleConnection) Nodes() []*graph.Article {
	nodes := make([]*graph.Article, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// TotalCount counts every article the query matches.
func (c *ArticleConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// MentionEdge is one mention in a page, with its cursor.
type MentionEdge struct {
	Cursor string
	Node   *graph.Mention
}

// MentionConnection is a page of mentions.
type MentionConnection struct {
	Edges    []*MentionEdge
	PageInfo *PageInfo
	Count    Counter
}

// Nodes returns the page's mentions without cursors.
func (c *MentionConnection) Nodes() []*graph.Mention {
	nodes := make([]*graph.Mention, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// TotalCount counts every mention the query matches.
func (c *MentionConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}
