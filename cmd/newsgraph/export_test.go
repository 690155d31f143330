package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestExportCommand exports the network around a group of our examples in
// every format and reads each file back with a parser for its format.
func TestExportCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store := "sqlite:" + filepath.Join(dir, "g.db")
	if out, _, err := run(t, ctx, "", "ingest", "--store", store, examples); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	tests := []struct {
		name   string
		format string
		check  func(t *testing.T, b []byte)
	}{
		{"graphml", "graphml", func(t *testing.T, b []byte) {
			var doc struct {
				XMLName xml.Name
				Graph   struct {
					Nodes []struct {
						ID string `xml:"id,attr"`
					} `xml:"node"`
					Edges []struct {
						Source string `xml:"source,attr"`
					} `xml:"edge"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || len(doc.Graph.Nodes) < 2 || len(doc.Graph.Edges) < 1 {
				t.Errorf("graphml: namespace %q, %d nodes, %d edges", doc.XMLName.Space, len(doc.Graph.Nodes), len(doc.Graph.Edges))
			}
		}},
		{"gexf", "gexf", func(t *testing.T, b []byte) {
			var doc struct {
				XMLName xml.Name
				Version string `xml:"version,attr"`
			}
			if err := xml.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.XMLName.Local != "gexf" || doc.Version != "1.3" {
				t.Errorf("gexf: root %q version %q", doc.XMLName.Local, doc.Version)
			}
		}},
		{"csv", "csv", func(t *testing.T, b []byte) {
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, f := range zr.File {
				names = append(names, f.Name)
			}
			if got := strings.Join(names, ","); got != "nodes.csv,relationships.csv" {
				t.Errorf("csv zip holds %s", got)
			}
		}},
		{"cytoscape", "cyjs", func(t *testing.T, b []byte) {
			var doc struct {
				Elements struct {
					Nodes []json.RawMessage `json:"nodes"`
					Edges []json.RawMessage `json:"edges"`
				} `json:"elements"`
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Elements.Nodes) < 2 || len(doc.Elements.Edges) < 1 {
				t.Errorf("cyjs: %d nodes, %d edges", len(doc.Elements.Nodes), len(doc.Elements.Edges))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, "net."+tt.format)
			_, stderr, err := run(t, ctx, "", "export", "--store", store, "--format", tt.format,
				"--depth", "2", "--out", file, "Eastern Ridge Brigades")
			if err != nil {
				t.Fatalf("export: %v\n%s", err, stderr)
			}
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, b)
		})
	}
}

func TestExportCommandErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store := "sqlite:" + filepath.Join(dir, "g.db")
	if out, _, err := run(t, ctx, "", "ingest", "--store", store, examples); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	tests := []struct {
		name string
		args []string
		code graph.Code
	}{
		{"unknown seed", []string{"export", "--store", store, "no such actor anywhere"}, graph.NotFound},
		{"bad depth", []string{"export", "--store", store, "--depth", "x", "Eastern Ridge Brigades"}, graph.Invalid},
		{"bad type", []string{"export", "--store", store, "--types", "FRIEND_OF", "Eastern Ridge Brigades"}, graph.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(t, ctx, "", tt.args...)
			if got := graph.ErrorCode(err); got != tt.code {
				t.Errorf("code = %q (%v), want %q", got, err, tt.code)
			}
		})
	}
	if _, _, err := run(t, ctx, "", "export", "--store", store, "--format", "svg", "x"); err == nil {
		t.Error("unknown format accepted")
	}
}
