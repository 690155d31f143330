package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
)

// GraphML namespaces (http://graphml.graphdrawing.org/specification.html).
const (
	graphMLNS     = "http://graphml.graphdrawing.org/xmlns"
	graphMLSchema = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	xsiNS         = "http://www.w3.org/2001/XMLSchema-instance"
)

type gmlDoc struct {
	XMLName        xml.Name `xml:"graphml"`
	XMLNS          string   `xml:"xmlns,attr"`
	XSI            string   `xml:"xmlns:xsi,attr"`
	SchemaLocation string   `xml:"xsi:schemaLocation,attr"`
	Keys           []gmlKey `xml:"key"`
	Graph          gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Desc        string    `xml:"desc,omitempty"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID       string    `xml:"id,attr"`
	Source   string    `xml:"source,attr"`
	Target   string    `xml:"target,attr"`
	Directed bool      `xml:"directed,attr"`
	Data     []gmlData `xml:"data"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// The GraphML keys, in the order of the file. "label" and "weight" are the
// names Gephi and yEd read labels and weights from.
var gmlKeys = []gmlKey{
	{"label", "node", "label", "string"},
	{"kind", "node", "kind", "string"},
	{"aliases", "node", "aliases", "string"},
	{"mentionCount", "node", "mentionCount", "int"},
	{"depth", "node", "depth", "int"},
	{"nFirstSeen", "node", "firstSeen", "string"},
	{"nLastSeen", "node", "lastSeen", "string"},
	{"type", "edge", "type", "string"},
	{"weight", "edge", "weight", "double"},
	{"confidence", "edge", "confidence", "double"},
	{"eFirstSeen", "edge", "firstSeen", "string"},
	{"eLastSeen", "edge", "lastSeen", "string"},
}

func writeGraphML(w io.Writer, net *graph.Network, o options) error {
	doc := gmlDoc{XMLNS: graphMLNS, XSI: xsiNS, SchemaLocation: graphMLSchema, Keys: gmlKeys,
		Graph: gmlGraph{ID: "G", EdgeDefault: "directed", Desc: o.title}}
	for _, e := range net.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gmlNode{ID: e.ID, Data: nonEmpty([]gmlData{
			{"label", e.Name}, {"kind", string(e.Kind)}, {"aliases", aliases(e)},
			{"mentionCount", strconv.Itoa(e.MentionCount)}, {"depth", strconv.Itoa(net.Depth[e.ID])},
			{"nFirstSeen", date(e.FirstSeen)}, {"nLastSeen", date(e.LastSeen)},
		})})
	}
	for _, r := range net.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, gmlEdge{ID: r.ID, Source: r.SourceID, Target: r.TargetID, Directed: r.Directed,
			Data: nonEmpty([]gmlData{
				{"type", string(r.Type)}, {"weight", strconv.Itoa(r.EvidenceCount)},
				{"confidence", strconv.FormatFloat(r.Confidence, 'g', -1, 64)},
				{"eFirstSeen", date(r.FirstSeen)}, {"eLastSeen", date(r.LastSeen)},
			})})
	}
	return writeXML(w, doc)
}

// nonEmpty drops data without a value: GraphML's way of saying "unknown".
func nonEmpty(ds []gmlData) []gmlData {
	out := ds[:0]
	for _, d := range ds {
		if d.Value != "" {
			out = append(out, d)
		}
	}
	return out
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return writeError(err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return writeError(err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return writeError(err)
	}
	return nil
}

func writeError(err error) error {
	return graph.E("export.Write", graph.Unavailable, "cannot write the export", err)
}
