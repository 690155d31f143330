package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/api/export"
	"github.com/newsgraph/newsgraph/graph"
)

// sample is a small invented network with the awkward cases: markup
// characters and non-ASCII letters in names, an entity without dates, an
// undirected and a directed edge.
func sample() *graph.Network {
	t1 := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	t2 := time.Date(2024, 5, 2, 9, 0, 0, 0, time.UTC)
	a := &graph.Entity{ID: "ent_a", Kind: graph.Group, Name: `Front "A" & <Sons>`, Aliases: []string{"FA", "the front"}, MentionCount: 7, FirstSeen: t1, LastSeen: t2}
	b := &graph.Entity{ID: "ent_b", Kind: graph.Person, Name: "Mira Kovač", MentionCount: 2, FirstSeen: t1, LastSeen: t1}
	c := &graph.Entity{ID: "ent_c", Kind: graph.Place, Name: "Eastport"}
	return &graph.Network{
		Nodes: []*graph.Entity{a, b, c},
		Edges: []*graph.Relationship{
			{ID: "rel_1", Type: graph.RivalOf, SourceID: "ent_a", TargetID: "ent_c", Directed: false, EvidenceCount: 3, Confidence: 0.93, FirstSeen: t1, LastSeen: t2},
			{ID: "rel_2", Type: graph.MemberOf, SourceID: "ent_b", TargetID: "ent_a", Directed: true, EvidenceCount: 1, Confidence: 0.5, FirstSeen: t1, LastSeen: t1},
		},
		Depth:     map[string]int{"ent_a": 0, "ent_b": 1, "ent_c": 1},
		Truncated: true,
	}
}

func write(t *testing.T, format string, net *graph.Network) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(&buf, format, net, export.WithModified(time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC))); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestCSV(t *testing.T) {
	data := write(t, export.CSV, sample())
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	files := map[string][][]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(r).ReadAll()
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = rows
	}
	nodes, rels := files[export.NodesFile], files[export.RelationshipsFile]
	if len(files) != 2 || len(nodes) != 4 || len(rels) != 3 {
		t.Fatalf("files %v", files)
	}
	if diff := cmp.Diff([]string{"id:ID", "name", "kind", "aliases:string[]", "mentionCount:int", "depth:int", "firstSeen:datetime", "lastSeen:datetime", ":LABEL"}, nodes[0]); diff != "" {
		t.Errorf("nodes header (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{":START_ID", ":END_ID", ":TYPE", "weight:int", "confidence:double", "firstSeen:datetime", "lastSeen:datetime", "directed:boolean", "id"}, rels[0]); diff != "" {
		t.Errorf("relationships header (-want +got):\n%s", diff)
	}
	// Every value parses as its header's neo4j-admin type.
	checkRows := func(rows [][]string) {
		for _, row := range rows[1:] {
			for i, h := range rows[0] {
				_, typ, _ := strings.Cut(h, ":")
				v := row[i]
				var err error
				switch typ {
				case "int":
					_, err = strconv.Atoi(v)
				case "double":
					_, err = strconv.ParseFloat(v, 64)
				case "boolean":
					_, err = strconv.ParseBool(v)
				case "datetime":
					if v != "" {
						_, err = time.Parse(time.RFC3339, v)
					}
				}
				if err != nil {
					t.Errorf("%s = %q: %v", h, v, err)
				}
			}
		}
	}
	checkRows(nodes)
	checkRows(rels)
	if diff := cmp.Diff([]string{"ent_a", `Front "A" & <Sons>`, "GROUP", "FA;the front", "7", "0", "2024-03-01T08:00:00Z", "2024-05-02T09:00:00Z", "Entity;Group"}, nodes[1]); diff != "" {
		t.Errorf("node row (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"ent_b", "ent_a", "MEMBER_OF", "1", "0.5", "2024-03-01T08:00:00Z", "2024-03-01T08:00:00Z", "true", "rel_2"}, rels[2]); diff != "" {
		t.Errorf("relationship row (-want +got):\n%s", diff)
	}

	// The two-file form writes the same files.
	var n, r bytes.Buffer
	if err := export.WriteCSV(&n, &r, sample()); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&n).ReadAll()
	if diff := cmp.Diff(nodes, rows); diff != "" {
		t.Errorf("WriteCSV nodes differ (-zip +WriteCSV):\n%s", diff)
	}
}

func TestCytoscape(t *testing.T) {
	data := write(t, export.Cytoscape, sample())
	var doc struct {
		Data     map[string]any
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	if doc.Data["truncated"] != true {
		t.Errorf("data %v", doc.Data)
	}
	ids := map[any]bool{}
	for _, n := range doc.Elements.Nodes {
		if n.Data["id"] == "" || n.Data["label"] == nil || n.Data["kind"] == nil {
			t.Errorf("node data %v", n.Data)
		}
		ids[n.Data["id"]] = true
	}
	for _, e := range doc.Elements.Edges {
		if !ids[e.Data["source"]] || !ids[e.Data["target"]] || e.Data["id"] == "" {
			t.Errorf("edge data %v", e.Data)
		}
	}
	want := map[string]any{"id": "rel_1", "source": "ent_a", "target": "ent_c", "label": "RIVAL_OF", "type": "RIVAL_OF",
		"directed": false, "weight": 3.0, "confidence": 0.93, "firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-05-02T09:00:00Z"}
	if diff := cmp.Diff(want, doc.Elements.Edges[0].Data); diff != "" {
		t.Errorf("edge (-want +got):\n%s", diff)
	}
	if len(doc.Elements.Nodes) != 3 {
		t.Errorf("%d nodes", len(doc.Elements.Nodes))
	}
}

func TestUnknownFormat(t *testing.T) {
	err := export.Write(io.Discard, "dot", sample())
	if graph.ErrorCode(err) != graph.Invalid {
		t.Errorf("Write(dot) = %v, want an Invalid error", err)
	}
}

// TestEmptyNetwork checks that every format writes a valid empty file.
func TestEmptyNetwork(t *testing.T) {
	empty := &graph.Network{Depth: map[string]int{}}
	for _, f := range export.Formats {
		t.Run(f, func(t *testing.T) {
			data := write(t, f, empty)
			switch f {
			case export.GraphML:
				var doc gmlDoc
				strictDecode(t, data, &doc)
			case export.GEXF:
				var doc gexfDoc
				strictDecode(t, data, &doc)
			case export.Cytoscape:
				if !json.Valid(data) || !bytes.Contains(data, []byte(`"nodes": []`)) {
					t.Errorf("cyjs %s", data)
				}
			case export.CSV:
				if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
