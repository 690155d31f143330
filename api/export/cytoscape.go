package export

import (
	"encoding/json"
	"io"

	"github.com/newsgraph/newsgraph/graph"
)

// cyDoc is the JSON Cytoscape.js loads with cy.json() or
// cytoscape({elements}): elements grouped into nodes and edges, each with
// its fields under data.
type cyDoc struct {
	Data     cyGraphData `json:"data"`
	Elements cyElements  `json:"elements"`
}

type cyGraphData struct {
	Name      string `json:"name"`
	Truncated bool   `json:"truncated"`
}

type cyElements struct {
	Nodes []cyNode `json:"nodes"`
	Edges []cyEdge `json:"edges"`
}

type cyNode struct {
	Data cyNodeData `json:"data"`
}

type cyNodeData struct {
	ID           string   `json:"id"`
	Label        string   `json:"label"`
	Kind         string   `json:"kind"`
	Aliases      []string `json:"aliases"`
	MentionCount int      `json:"mentionCount"`
	Depth        int      `json:"depth"`
	FirstSeen    string   `json:"firstSeen,omitempty"`
	LastSeen     string   `json:"lastSeen,omitempty"`
}

type cyEdge struct {
	Data cyEdgeData `json:"data"`
}

type cyEdgeData struct {
	ID         string  `json:"id"`
	Source     string  `json:"source"`
	Target     string  `json:"target"`
	Label      string  `json:"label"`
	Type       string  `json:"type"`
	Directed   bool    `json:"directed"`
	Weight     int     `json:"weight"`
	Confidence float64 `json:"confidence"`
	FirstSeen  string  `json:"firstSeen,omitempty"`
	LastSeen   string  `json:"lastSeen,omitempty"`
}

func writeCytoscape(w io.Writer, net *graph.Network) error {
	doc := cyDoc{Data: cyGraphData{Name: "newsgraph network", Truncated: net.Truncated},
		Elements: cyElements{Nodes: []cyNode{}, Edges: []cyEdge{}}}
	for _, e := range net.Nodes {
		al := e.Aliases
		if al == nil {
			al = []string{}
		}
		doc.Elements.Nodes = append(doc.Elements.Nodes, cyNode{cyNodeData{ID: e.ID, Label: e.Name, Kind: string(e.Kind),
			Aliases: al, MentionCount: e.MentionCount, Depth: net.Depth[e.ID], FirstSeen: date(e.FirstSeen), LastSeen: date(e.LastSeen)}})
	}
	for _, r := range net.Edges {
		doc.Elements.Edges = append(doc.Elements.Edges, cyEdge{cyEdgeData{ID: r.ID, Source: r.SourceID, Target: r.TargetID,
			Label: string(r.Type), Type: string(r.Type), Directed: r.Directed, Weight: r.EvidenceCount, Confidence: r.Confidence,
			FirstSeen: date(r.FirstSeen), LastSeen: date(r.LastSeen)}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return writeError(err)
	}
	return nil
}
