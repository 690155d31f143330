package export_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/api/export"
)

// The XML formats are parsed strictly into structs that mirror their
// schemas, namespace-qualified, so that an element outside the format's
// namespace, an undeclared attribute key or a value of the wrong type
// fails the test (validating against the XSDs needs a library and the
// network).

// strictDecode decodes XML strictly: well-formed, every entity known.
func strictDecode(t *testing.T, data []byte, v any) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	if err := d.Decode(v); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, data)
	}
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("no XML declaration")
	}
}

const (
	gmlNS  = "http://graphml.graphdrawing.org/xmlns"
	xsiNS  = "http://www.w3.org/2001/XMLSchema-instance"
	gexfNS = "http://gexf.net/1.3"
)

// The GraphML schema's elements, namespace-qualified so that decoding
// fails to match anything outside the GraphML namespace.
type gmlDoc struct {
	XMLName        xml.Name
	SchemaLocation string `xml:"http://www.w3.org/2001/XMLSchema-instance schemaLocation,attr"`
	Keys           []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"http://graphml.graphdrawing.org/xmlns key"`
	Graphs []struct {
		ID          string `xml:"id,attr"`
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string    `xml:"id,attr"`
			Data []gmlData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns node"`
		Edges []struct {
			ID       string    `xml:"id,attr"`
			Source   string    `xml:"source,attr"`
			Target   string    `xml:"target,attr"`
			Directed string    `xml:"directed,attr"`
			Data     []gmlData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns edge"`
	} `xml:"http://graphml.graphdrawing.org/xmlns graph"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// checkValue checks a value against a GraphML or GEXF attribute type.
func checkValue(typ, v string) error {
	var err error
	switch typ {
	case "int", "long", "integer":
		_, err = strconv.ParseInt(v, 10, 64)
	case "float", "double":
		_, err = strconv.ParseFloat(v, 64)
	case "boolean":
		_, err = strconv.ParseBool(v)
	case "string":
	default:
		err = errors.New("unknown type " + typ)
	}
	return err
}

func TestGraphML(t *testing.T) {
	net := sample()
	data := write(t, export.GraphML, net)
	var doc gmlDoc
	strictDecode(t, data, &doc)
	if doc.XMLName.Space != gmlNS || doc.XMLName.Local != "graphml" {
		t.Fatalf("root %v, want {%s}graphml", doc.XMLName, gmlNS)
	}
	if loc := strings.Fields(doc.SchemaLocation); len(loc) != 2 || loc[0] != gmlNS || !strings.HasSuffix(loc[1], "graphml.xsd") {
		t.Errorf("xsi:schemaLocation %q", doc.SchemaLocation)
	}
	keys := map[string]string{} // id → for/type
	for _, k := range doc.Keys {
		if k.ID == "" || !slices.Contains([]string{"node", "edge", "graph", "all"}, k.For) ||
			!slices.Contains([]string{"boolean", "int", "long", "float", "double", "string"}, k.Type) {
			t.Errorf("bad key %+v", k)
		}
		keys[k.ID] = k.For + "/" + k.Type
	}
	if len(doc.Graphs) != 1 {
		t.Fatalf("%d graphs, want 1", len(doc.Graphs))
	}
	g := doc.Graphs[0]
	if g.EdgeDefault != "directed" && g.EdgeDefault != "undirected" {
		t.Errorf("edgedefault %q", g.EdgeDefault)
	}
	checkData := func(domain string, ds []gmlData) map[string]string {
		vals := map[string]string{}
		for _, d := range ds {
			ft, ok := keys[d.Key]
			dom, typ, _ := strings.Cut(ft, "/")
			if !ok || (dom != domain && dom != "all") {
				t.Errorf("data of undeclared %s key %q", domain, d.Key)
			}
			if err := checkValue(typ, d.Value); err != nil {
				t.Errorf("key %s: %q is not a %s: %v", d.Key, d.Value, typ, err)
			}
			vals[d.Key] = d.Value
		}
		return vals
	}
	var nodes []string
	labels := map[string]string{}
	for _, n := range g.Nodes {
		nodes = append(nodes, n.ID)
		labels[n.ID] = checkData("node", n.Data)["label"]
	}
	if diff := cmp.Diff([]string{"ent_a", "ent_b", "ent_c"}, nodes); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	if labels["ent_a"] != `Front "A" & <Sons>` || labels["ent_b"] != "Mira Kovač" {
		t.Errorf("labels %v", labels)
	}
	type edge struct{ ID, Source, Target, Directed, Type, Weight string }
	var edges []edge
	for _, e := range g.Edges {
		vals := checkData("edge", e.Data)
		edges = append(edges, edge{e.ID, e.Source, e.Target, e.Directed, vals["type"], vals["weight"]})
	}
	want := []edge{{"rel_1", "ent_a", "ent_c", "false", "RIVAL_OF", "3"}, {"rel_2", "ent_b", "ent_a", "true", "MEMBER_OF", "1"}}
	if diff := cmp.Diff(want, edges); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
}

// The GEXF 1.3 schema's elements.
type gexfDoc struct {
	XMLName        xml.Name
	Version        string `xml:"version,attr"`
	SchemaLocation string `xml:"http://www.w3.org/2001/XMLSchema-instance schemaLocation,attr"`
	Meta           struct {
		LastModified string `xml:"lastmodifieddate,attr"`
		Creator      string `xml:"http://gexf.net/1.3 creator"`
	} `xml:"http://gexf.net/1.3 meta"`
	Graph struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Mode            string `xml:"mode,attr"`
		Attributes      []struct {
			Class     string `xml:"class,attr"`
			Attribute []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"http://gexf.net/1.3 attribute"`
		} `xml:"http://gexf.net/1.3 attributes"`
		Nodes []struct {
			ID     string       `xml:"id,attr"`
			Label  string       `xml:"label,attr"`
			Values []gexfAttVal `xml:"http://gexf.net/1.3 attvalues>attvalue"`
		} `xml:"http://gexf.net/1.3 nodes>node"`
		Edges []struct {
			ID     string       `xml:"id,attr"`
			Source string       `xml:"source,attr"`
			Target string       `xml:"target,attr"`
			Type   string       `xml:"type,attr"`
			Weight string       `xml:"weight,attr"`
			Values []gexfAttVal `xml:"http://gexf.net/1.3 attvalues>attvalue"`
		} `xml:"http://gexf.net/1.3 edges>edge"`
	} `xml:"http://gexf.net/1.3 graph"`
}

type gexfAttVal struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func TestGEXF(t *testing.T) {
	data := write(t, export.GEXF, sample())
	var doc gexfDoc
	strictDecode(t, data, &doc)
	if doc.XMLName.Space != gexfNS || doc.XMLName.Local != "gexf" || doc.Version != "1.3" {
		t.Fatalf("root %v version %q, want {%s}gexf 1.3", doc.XMLName, gexfNS, doc.Version)
	}
	if loc := strings.Fields(doc.SchemaLocation); len(loc) != 2 || loc[0] != gexfNS || !strings.HasSuffix(loc[1], "gexf.xsd") {
		t.Errorf("xsi:schemaLocation %q", doc.SchemaLocation)
	}
	if doc.Meta.LastModified != "2025-01-02" || doc.Meta.Creator != "newsgraph" {
		t.Errorf("meta %+v", doc.Meta)
	}
	g := doc.Graph
	if !slices.Contains([]string{"directed", "undirected", "mutual"}, g.DefaultEdgeType) || g.Mode != "static" {
		t.Errorf("graph defaultedgetype %q mode %q", g.DefaultEdgeType, g.Mode)
	}
	types := map[string]string{} // class/id → type
	for _, as := range g.Attributes {
		if as.Class != "node" && as.Class != "edge" {
			t.Errorf("attributes class %q", as.Class)
		}
		for _, a := range as.Attribute {
			if err := checkValue(a.Type, "0"); err != nil && a.Type != "string" {
				t.Errorf("attribute %s: type %q", a.ID, a.Type)
			}
			types[as.Class+"/"+a.ID] = a.Type
		}
	}
	check := func(class string, vs []gexfAttVal) map[string]string {
		out := map[string]string{}
		for _, v := range vs {
			typ, ok := types[class+"/"+v.For]
			if !ok {
				t.Errorf("attvalue for undeclared %s attribute %q", class, v.For)
			}
			if err := checkValue(typ, v.Value); err != nil {
				t.Errorf("%s attribute %s: %v", class, v.For, err)
			}
			out[v.For] = v.Value
		}
		return out
	}
	nodes := map[string]bool{}
	for _, n := range g.Nodes {
		nodes[n.ID] = true
		vals := check("node", n.Values)
		if n.ID == "ent_a" && (n.Label != `Front "A" & <Sons>` || vals["depth"] != "0" || vals["kind"] != "GROUP") {
			t.Errorf("node a: label %q values %v", n.Label, vals)
		}
	}
	if len(nodes) != 3 {
		t.Errorf("%d nodes, want 3", len(nodes))
	}
	for _, e := range g.Edges {
		check("edge", e.Values)
		if !nodes[e.Source] || !nodes[e.Target] || !slices.Contains([]string{"directed", "undirected", "mutual"}, e.Type) {
			t.Errorf("edge %+v", e)
		}
		if _, err := strconv.ParseFloat(e.Weight, 64); err != nil {
			t.Errorf("edge %s weight %q", e.ID, e.Weight)
		}
	}
	if len(g.Edges) != 2 || g.Edges[0].Type != "undirected" || g.Edges[1].Type != "directed" || g.Edges[0].Weight != "3" {
		t.Errorf("edges %+v", g.Edges)
	}
}
