// Package graph holds newsgraph's domain model — articles, entities, mentions,
// relationships, claims and the citations that back every one of them — and
// the contract that every storage backend implements.
//
// The package depends on the standard library only: database drivers, the
// GraphQL layer and logging live in their own packages, so that the domain
// stays the one vocabulary they all share. A dependency-guard test keeps it so.
//
// Every fact in the graph is derived from evidence. Entities, relationships and
// claims are aggregates: their counts, first/last-seen dates and confidences
// are recomputed by the store from the citations that support them, so that
// writing the same article twice, or replacing an article's extraction, leaves
// the graph exactly as one clean write would.
package graph
