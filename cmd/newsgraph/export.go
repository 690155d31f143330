package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/api/export"
	"github.com/newsgraph/newsgraph/graph"
)

// exportNetwork runs "newsgraph export": a network query written in a
// format that graph tools open (GraphML, GEXF for Gephi, neo4j-admin CSV,
// Cytoscape.js JSON), the same query and files as the API's
// /export/network.FORMAT.
func (m *Main) exportNetwork(ctx context.Context, args []string) error {
	fs := m.newFlagSet("export", "SEED...",
		"Writes the network around the seed entities (ids such as ent_..., or names,\n"+
			"each resolved to the best search hit) in a format graph tools open:\n"+
			"graphml, gexf (Gephi), csv (a zip of nodes.csv and relationships.csv with\n"+
			"neo4j-admin import headers) or cyjs (Cytoscape.js JSON).")
	var (
		common commonFlags
		store  storeFlags
		format string
		out    string
		params = map[string]*string{}
	)
	common.register(fs)
	store.register(fs)
	fs.StringVar(&format, "format", export.GraphML, "graphml, gexf, csv or cyjs")
	fs.StringVar(&out, "out", "-", "the file to write, - for standard output")
	for _, p := range []struct{ name, flag, help string }{
		{"depth", "depth", "hops from the seeds, 1 to 3"},
		{"relationTypes", "types", "relationship types to follow, comma-separated (default all)"},
		{"since", "since", "only ties with evidence dated at or after (RFC 3339)"},
		{"until", "until", "only ties with evidence dated before (RFC 3339)"},
		{"minConfidence", "min-confidence", "only ties at least this confident"},
		{"limit", "limit", "most nodes (default 100, at most 2000)"},
		{"perNode", "per-node", "most ties followed from one node (default 50)"},
	} {
		params[p.name] = fs.String(p.flag, "", p.help)
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() == 0:
		fs.Usage()
		return usageError("export needs at least one SEED")
	case !export.Known(format):
		return usageError(fmt.Sprintf("unknown format %q: want one of %s", format, strings.Join(export.Formats, ", ")))
	}
	log, err := m.logger(common)
	if err != nil {
		return err
	}
	if err := existingSQLite(store); err != nil {
		return err
	}
	st, err := m.openStore(ctx, store, log)
	if err != nil {
		return err
	}
	seeds, err := resolveSeeds(ctx, st, fs.Args())
	if err != nil {
		return err
	}
	v := url.Values{"seeds": seeds}
	for name, p := range params {
		if *p != "" {
			v.Set(name, *p)
		}
	}
	q, err := api.NetworkQueryFromValues(v)
	if err != nil {
		return err
	}
	net, err := st.Network(ctx, q)
	if err != nil {
		return err
	}
	w, done, err := m.output(out)
	if err != nil {
		return err
	}
	if err := export.Write(w, format, net, export.WithModified(m.Now())); err != nil {
		done()
		return err
	}
	if err := done(); err != nil {
		return graph.E("newsgraph.export", graph.Internal, "cannot write "+out, err)
	}
	log.Info().Int("nodes", len(net.Nodes)).Int("edges", len(net.Edges)).
		Bool("truncated", net.Truncated).Str("format", format).Msg("export done")
	return nil
}

// resolveSeeds turns each seed into an entity id: ids are kept, names are
// looked up and replaced by their best search hit.
func resolveSeeds(ctx context.Context, r graph.Reader, seeds []string) ([]string, error) {
	const op = "newsgraph.export"
	ids := make([]string, 0, len(seeds))
	for _, s := range seeds {
		if strings.HasPrefix(s, "ent_") {
			ids = append(ids, s)
			continue
		}
		hits, err := r.SearchEntities(ctx, graph.EntityFilter{Query: s, Page: graph.Page{Limit: 1}})
		if err != nil {
			return nil, err
		}
		if len(hits) == 0 {
			return nil, graph.Errorf(op, graph.NotFound, "no entity matches %q", s)
		}
		ids = append(ids, hits[0].ID)
	}
	return ids, nil
}

// output opens where a command writes: standard output for "-", else a
// new file. done flushes and closes it.
func (m *Main) output(path string) (io.Writer, func() error, error) {
	if path == "-" {
		return m.Stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, graph.E("newsgraph.export", graph.Invalid, "cannot create "+path, err)
	}
	return f, f.Close, nil
}
