package export

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// The headers of the neo4j-admin import files
// (https://neo4j.com/docs/operations-manual/current/tools/neo4j-admin/neo4j-admin-import/).
// Arrays use neo4j-admin's default delimiter, ";"; an empty field is a
// missing property.
var (
	NodeHeader         = []string{"id:ID", "name", "kind", "aliases:string[]", "mentionCount:int", "depth:int", "firstSeen:datetime", "lastSeen:datetime", ":LABEL"}
	RelationshipHeader = []string{":START_ID", ":END_ID", ":TYPE", "weight:int", "confidence:double", "firstSeen:datetime", "lastSeen:datetime", "directed:boolean", "id"}
)

// CSV file names inside the zip.
const (
	NodesFile         = "nodes.csv"
	RelationshipsFile = "relationships.csv"
)

// WriteCSV writes the nodes and the relationships of net as two CSV files
// for neo4j-admin database import full --nodes=nodes.csv
// --relationships=relationships.csv. Nodes are labelled Entity and their
// kind in title case (Entity;Group).
func WriteCSV(nodes, relationships io.Writer, net *graph.Network) error {
	nw := csv.NewWriter(nodes)
	nw.Write(NodeHeader)
	for _, e := range net.Nodes {
		nw.Write([]string{e.ID, e.Name, string(e.Kind), strings.Join(e.Aliases, ";"), strconv.Itoa(e.MentionCount),
			strconv.Itoa(net.Depth[e.ID]), date(e.FirstSeen), date(e.LastSeen), "Entity;" + label(e.Kind)})
	}
	if nw.Flush(); nw.Error() != nil {
		return writeError(nw.Error())
	}
	rw := csv.NewWriter(relationships)
	rw.Write(RelationshipHeader)
	for _, r := range net.Edges {
		rw.Write([]string{r.SourceID, r.TargetID, string(r.Type), strconv.Itoa(r.EvidenceCount),
			strconv.FormatFloat(r.Confidence, 'g', -1, 64), date(r.FirstSeen), date(r.LastSeen), strconv.FormatBool(r.Directed), r.ID})
	}
	if rw.Flush(); rw.Error() != nil {
		return writeError(rw.Error())
	}
	return nil
}

// label is a kind as a Neo4j label: GROUP → Group.
func label(k graph.EntityKind) string {
	s := strings.ToLower(string(k))
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func writeCSVZip(w io.Writer, net *graph.Network) error {
	z := zip.NewWriter(w)
	nodes, err := z.Create(NodesFile)
	if err != nil {
		return writeError(err)
	}
	var rels strings.Builder
	if err := WriteCSV(nodes, &rels, net); err != nil {
		return err
	}
	rf, err := z.Create(RelationshipsFile)
	if err != nil {
		return writeError(err)
	}
	if _, err := io.WriteString(rf, rels.String()); err != nil {
		return writeError(err)
	}
	if err := z.Close(); err != nil {
		return writeError(err)
	}
	return nil
}
