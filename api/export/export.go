// Package export writes a network (graph.Network, the answer of a network
// query) in the formats of the tools analysts draw and load graphs with:
// GraphML (yEd, Gephi, NetworkX), GEXF 1.3 (Gephi), CSV files with
// neo4j-admin import headers (Neo4j), and Cytoscape.js JSON. The CLI and
// the API's /export endpoints both call Write.
//
// Every format carries the same facts: for each node its id, name, kind,
// aliases, mention count, first and last seen dates and hops from the
// seeds; for each edge its id, endpoints, type, whether it is directed,
// weight (the evidence count), confidence and first and last seen dates.
package export

import (
	"io"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// The formats Write knows, named as the file extensions of the export
// endpoints.
const (
	GraphML   = "graphml"
	GEXF      = "gexf"
	CSV       = "csv"  // a zip of nodes.csv and relationships.csv
	Cytoscape = "cyjs" // Cytoscape.js elements JSON
)

// Formats lists every format, in a stable order.
var Formats = []string{GraphML, GEXF, CSV, Cytoscape}

// ContentType returns the media type of a format, "" for an unknown one.
func ContentType(format string) string {
	switch format {
	case GraphML:
		return "application/graphml+xml"
	case GEXF:
		return "application/gexf+xml"
	case CSV:
		return "application/zip"
	case Cytoscape:
		return "application/json"
	}
	return ""
}

// Option tunes an export.
type Option func(*options)

type options struct {
	title    string
	modified time.Time
}

// WithTitle sets the description written into the file where the format
// has a place for one.
func WithTitle(t string) Option { return func(o *options) { o.title = t } }

// WithModified sets the date GEXF records as lastmodifieddate; without it
// the file has none, so that equal networks export to equal bytes.
func WithModified(t time.Time) Option { return func(o *options) { o.modified = t } }

// Write writes net to w in format. An unknown format is an Invalid error.
func Write(w io.Writer, format string, net *graph.Network, opts ...Option) error {
	o := options{title: "newsgraph network"}
	for _, f := range opts {
		f(&o)
	}
	switch format {
	case GraphML:
		return writeGraphML(w, net, o)
	case GEXF:
		return writeGEXF(w, net, o)
	case CSV:
		return writeCSVZip(w, net)
	case Cytoscape:
		return writeCytoscape(w, net)
	}
	return graph.Errorf("export.Write", graph.Invalid, "unknown export format %q; want one of %s", format, strings.Join(Formats, ", "))
}

// Known reports whether format is one of Formats.
func Known(format string) bool { return slices.Contains(Formats, format) }

// date formats an aggregate date, "" for an unknown (zero) one.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// aliases joins the aliases of an entity for formats without lists.
func aliases(e *graph.Entity) string { return strings.Join(e.Aliases, "; ") }
