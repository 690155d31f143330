package main

import (
	"context"
	"encoding/json"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
)

// extract runs "newsgraph extract": one article's extraction as JSON, with
// no store.
func (m *Main) extract(ctx context.Context, args []string) error {
	fs := m.newFlagSet("extract", "FILE|-",
		"Prints the extraction of one plain-text article (a file, or - for standard\n"+
			"input) as JSON: entity mentions, relationships and claims with their\n"+
			"evidence, offsets in Unicode code points (see docs/extract-format.md).\n"+
			"Touches no store.")
	var common commonFlags
	common.register(fs)
	maxText := byteSize(ingest.DefaultMaxTextBytes)
	fs.Var(&maxText, "max-article-size", "largest article text accepted (e.g. 2MB)")
	extractor := fs.String("extractor", string(extract.Fast), "statistical models: fast (the default) or accurate (beam decoding, slower)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError("extract needs exactly one FILE, or - for standard input")
	}
	if _, err := m.logger(common); err != nil {
		return err
	}
	a := fs.Arg(0)
	article, err := func() (*graph.Article, error) {
		if a == "-" {
			return ingest.ReadText(m.Stdin, "stdin", "", int64(maxText))
		}
		return ingest.ReadTextFile(a, int64(maxText))
	}()
	if err != nil {
		return err
	}
	article.IngestedAt = m.Now().UTC()
	models, err := extract.ParseModels(*extractor)
	if err != nil {
		return usageError(err.Error())
	}
	x, err := extract.NewWith(models)
	if err != nil {
		return err
	}
	ext, err := x.Extract(ctx, article)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(extract.NewDocument(ext))
}
