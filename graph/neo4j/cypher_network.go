package neo4j

// Network and path statements. A hub's ties are always read through an
// ordered, limited subquery, so that no statement ever returns, sorts in Go
// or walks past more than the per-node cap of one node's neighbourhood.

// cypherNetworkHop expands one hop from a frontier: for each node, its
// strongest ties matching the filter (evidence count, then id), at most
// $fetch of them (the per-node cap plus one, so that the caller sees a cut).
// A frontier node with no tie still answers, with an empty list, so the
// first hop also tells which seeds exist.
const cypherNetworkHop statement = `
UNWIND $frontier AS nodeId
MATCH (n:Entity {ns: $ns, id: nodeId})
WHERE n.visible
CALL (n) {
  MATCH (n)-[r:REL]-(m:Entity)
  WHERE m.visible` + relationshipFilter + `
  WITH r, m ORDER BY r.evidenceCount DESC, r.id LIMIT $fetch
  RETURN collect({id: m.id, weight: r.evidenceCount, relId: r.id}) AS ties
}
RETURN nodeId, ties`

// cypherNetworkGraph reads the chosen nodes, in any order, and the ties
// followed that join two of them, by evidence count then id: the ties the
// hops read, so that a hub among the nodes costs its per-node cap, never
// its neighbourhood.
const cypherNetworkGraph statement = `
CALL () {
  UNWIND $ids AS nodeId
  MATCH (n:Entity {ns: $ns, id: nodeId})
  RETURN collect(n ` + entityFields + `) AS nodes
}
CALL () {
  UNWIND $relIds AS relId
  MATCH (:Entity {ns: $ns})-[r:REL {ns: $ns, id: relId}]->(:Entity)
  WITH r ORDER BY r.evidenceCount DESC, r.id
  RETURN collect(` + relationshipFields + `) AS edges
}
RETURN nodes, edges`

// pathsMatch finds all shortest paths between two entities, relationships
// followed either way and filtered during the search, and keeps the first
// $limit by their edge ids (lists order element by element); the
// statements below differ only in the hop bound, which Cypher takes as a
// literal only.
const pathsMatch = `
MATCH (a:Entity {ns: $ns, id: $from})
WHERE a.visible
MATCH (b:Entity {ns: $ns, id: $to})
WHERE b.visible
OPTIONAL MATCH p = allShortestPaths((a)-[:REL*..`

const pathsTail = `]-(b))
WHERE all(r IN relationships(p) WHERE (size($types) = 0 OR r.type IN $types) AND r.confidence >= $minConfidence)
WITH p, [r IN relationships(p) | r.id] AS edgeIds
ORDER BY edgeIds
LIMIT $limit
RETURN CASE WHEN p IS NULL THEN [] ELSE [n IN nodes(p) | n.id] END AS ids,
       CASE WHEN p IS NULL THEN [] ELSE [r IN relationships(p) | ` + relationshipFields + `] END AS edges`

const (
	cypherPaths1 statement = pathsMatch + `1` + pathsTail
	cypherPaths2 statement = pathsMatch + `2` + pathsTail
	cypherPaths3 statement = pathsMatch + `3` + pathsTail
	cypherPaths4 statement = pathsMatch + `4` + pathsTail
	cypherPaths5 statement = pathsMatch + `5` + pathsTail
	cypherPaths6 statement = pathsMatch + `6` + pathsTail
)

// pathStatements indexes the path statements by their hop bound.
var pathStatements = [...]statement{1: cypherPaths1, 2: cypherPaths2, 3: cypherPaths3, 4: cypherPaths4, 5: cypherPaths5, 6: cypherPaths6}
