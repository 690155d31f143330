// Package api serves newsgraph's GraphQL API over HTTP: the schema in
// schema.graphqls at the repository root, resolved against a Store (any
// graph.Store), with network exports at /export/network.{graphml,gexf,csv,cyjs}
// (written by package api/export).
//
// The root Resolver is the dependency container (store, ingest job queue,
// clock); per-request dataloaders batch the look-ups nested fields make
// (RelationshipsOf, ClaimsOf, EntitiesByID, ArticlesByID and the evidence
// calls), so that a page of N entities with their relationships, claims and
// citations costs the same few store calls whatever N. Mutations need an
// API key (WithAPIKeys); ingestArticle queues a job that an Ingester, such
// as PipelineIngester over the ingest pipeline, runs on the server's own
// workers. Generated code lives in api/internal/gen; the types the schema
// binds to, where package graph's do not fit, in api/internal/model.
package api

//go:generate go tool gqlgen generate
