package main

import (
	"context"
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/newsgraph/newsgraph/graph/graphcopy"
)

// copyStore runs "newsgraph copy": every article of one store, with its
// evidence, written to another.
func (m *Main) copyStore(ctx context.Context, args []string) error {
	fs := m.newFlagSet("copy", "",
		"Copies a whole graph from one store to another (SQLite to Neo4j, Neo4j to\n"+
			"SQLite, or between two of a kind): every article with its mentions and the\n"+
			"evidence of its relationships and claims. Copying again changes nothing.\n"+
			"Stores are named as --store names them; the --neo4j-* flags serve both.\n"+
			"The source must not be written to during the copy.")
	var (
		common   commonFlags
		from, to storeFlags
		batch    int
	)
	common.register(fs)
	fs.StringVar(&from.url, "from", "", "the store to copy from (required): "+storeHelp)
	fs.StringVar(&to.url, "to", "", "the store to copy to (required), created if absent")
	from.neo4j.register(fs)
	fs.IntVar(&batch, "batch", graphcopy.DefaultBatch, "articles rebuilt together")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		fs.Usage()
		return usageError("copy takes no arguments")
	case from.url == "" || to.url == "":
		fs.Usage()
		return usageError("copy needs --from and --to")
	case from.url == to.url:
		return usageError("--from and --to name the same store")
	case batch < 1:
		return usageError("--batch must be at least 1")
	}
	to.neo4j = from.neo4j
	log, err := m.logger(common)
	if err != nil {
		return err
	}
	if err := existingSQLite(from); err != nil {
		return err
	}
	src, err := m.openStore(ctx, from, log)
	if err != nil {
		return err
	}
	dst, err := m.openStore(ctx, to, log)
	if err != nil {
		return err
	}
	opt := graphcopy.Options{Batch: batch}
	endBar := func() {}
	if m.Terminal {
		bar := progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(m.Stderr),
			progressbar.OptionSetDescription("copying"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		endBar = func() { _ = bar.Finish() }
		opt.Progress = func(int) { bar.Add(1) }
	}
	start := time.Now()
	sum, err := graphcopy.Copy(ctx, src, dst, opt)
	endBar()
	if sum != nil {
		fmt.Fprintf(m.Stdout, "copied: articles=%d mentions=%d relationship-evidence=%d claim-evidence=%d failures=%d\n",
			sum.Articles, sum.Mentions, sum.RelationshipEvidence, sum.ClaimEvidence, len(sum.Failures))
		for _, f := range sum.Failures {
			fmt.Fprintln(m.Stdout, "failed:", f.String())
		}
		fmt.Fprintln(m.Stdout, "from "+storeLine(sum.Source))
		log.Info().Dur("elapsed", time.Since(start)).Stringer("from", from).Stringer("to", to).
			Int("articles", sum.Articles).Int("failures", len(sum.Failures)).Msg("copy done")
	}
	if err != nil {
		return err
	}
	st, err := dst.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, "to   "+storeLine(st))
	if n := len(sum.Failures); n > 0 {
		return fmt.Errorf("%d of %d %w (listed above)", n, n+sum.Articles, errFailed)
	}
	return nil
}
