package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
)

// GEXF 1.3 namespaces (https://gexf.net/schema.html).
const (
	gexfNS     = "http://gexf.net/1.3"
	gexfSchema = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
)

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	XMLNS          string    `xml:"xmlns,attr"`
	XSI            string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	LastModified string `xml:"lastmodifieddate,attr,omitempty"`
	Creator      string `xml:"creator"`
	Description  string `xml:"description"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Mode            string           `xml:"mode,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string         `xml:"id,attr"`
	Label  string         `xml:"label,attr"`
	Values []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID     string         `xml:"id,attr"`
	Source string         `xml:"source,attr"`
	Target string         `xml:"target,attr"`
	Type   string         `xml:"type,attr"`
	Label  string         `xml:"label,attr"`
	Weight string         `xml:"weight,attr"`
	Values []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

var (
	gexfNodeAttrs = gexfAttributes{Class: "node", Attributes: []gexfAttribute{
		{"kind", "kind", "string"}, {"aliases", "aliases", "string"}, {"mentionCount", "mentionCount", "integer"},
		{"depth", "depth", "integer"}, {"firstSeen", "firstSeen", "string"}, {"lastSeen", "lastSeen", "string"},
	}}
	gexfEdgeAttrs = gexfAttributes{Class: "edge", Attributes: []gexfAttribute{
		{"type", "type", "string"}, {"evidenceCount", "evidenceCount", "integer"}, {"confidence", "confidence", "double"},
		{"firstSeen", "firstSeen", "string"}, {"lastSeen", "lastSeen", "string"},
	}}
)

func writeGEXF(w io.Writer, net *graph.Network, o options) error {
	doc := gexfDoc{XMLNS: gexfNS, XSI: xsiNS, SchemaLocation: gexfSchema, Version: "1.3",
		Meta: gexfMeta{Creator: "newsgraph", Description: o.title},
		Graph: gexfGraph{DefaultEdgeType: "directed", Mode: "static",
			Attributes: []gexfAttributes{gexfNodeAttrs, gexfEdgeAttrs}}}
	if !o.modified.IsZero() {
		doc.Meta.LastModified = o.modified.UTC().Format("2006-01-02")
	}
	for _, e := range net.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: e.ID, Label: e.Name, Values: values([]gexfAttValue{
			{"kind", string(e.Kind)}, {"aliases", aliases(e)}, {"mentionCount", strconv.Itoa(e.MentionCount)},
			{"depth", strconv.Itoa(net.Depth[e.ID])}, {"firstSeen", date(e.FirstSeen)}, {"lastSeen", date(e.LastSeen)},
		})})
	}
	for _, r := range net.Edges {
		kind := "undirected"
		if r.Directed {
			kind = "directed"
		}
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{ID: r.ID, Source: r.SourceID, Target: r.TargetID, Type: kind,
			Label: string(r.Type), Weight: strconv.Itoa(r.EvidenceCount), Values: values([]gexfAttValue{
				{"type", string(r.Type)}, {"evidenceCount", strconv.Itoa(r.EvidenceCount)},
				{"confidence", strconv.FormatFloat(r.Confidence, 'g', -1, 64)},
				{"firstSeen", date(r.FirstSeen)}, {"lastSeen", date(r.LastSeen)},
			})})
	}
	return writeXML(w, doc)
}

// values drops attribute values that are unknown.
func values(vs []gexfAttValue) []gexfAttValue {
	out := vs[:0]
	for _, v := range vs {
		if v.Value != "" {
			out = append(out, v)
		}
	}
	return out
}
