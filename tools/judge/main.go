// Command judge draws random samples of relationship and claim evidence
// from a store for a person to judge, and scores the judgements: the
// precision of extraction on news that has no gold annotation, with a
// Wilson 95% interval.
//
//	go run ./tools/judge sample -store sqlite:/tmp/bbc.db -seed 12 -n 100 -out /tmp/sheet
//	go run ./tools/judge score docs/judged/bbc-relationships.tsv docs/judged/bbc-claims.tsv
//	go run ./tools/judge score -store sqlite:/tmp/bbc.db docs/judged/bbc-claims-seed3737.tsv
//
// sample writes, under -out, a sheet to read (relationships.txt,
// claims.txt: each item with its cited sentence, which may be third-party
// text and is not to be committed) and the judgement files to fill in
// (relationships.tsv, claims.tsv: key, verdict, reason; no article text).
// A verdict is "ok" (the fact is right: for a relationship its type,
// direction and both endpoints; for a claim its speaker, cue and content),
// "kind" (the fact is right but an entity in it has the wrong kind) or
// "wrong". score reports precision strictly (ok only) and with kind
// errors allowed; given the store the claims were drawn from, also over
// the firm claims the API lists by default and the tentative ones apart
// (graph.TentativeClaimConfidence).
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "judge:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: judge sample|score ...")
	}
	switch args[0] {
	case "sample":
		fs := flag.NewFlagSet("sample", flag.ContinueOnError)
		store := fs.String("store", "", "sqlite:PATH of the ingested store")
		seed := fs.Uint64("seed", 12, "sampling seed")
		n := fs.Int("n", 100, "items per sample")
		out := fs.String("out", "", "directory for the sheets and judgement templates")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		path, ok := strings.CutPrefix(*store, "sqlite:")
		if !ok || *out == "" {
			return errors.New("sample needs -store sqlite:PATH and -out DIR")
		}
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			return err
		}
		defer s.Close()
		return sample(ctx, s, *seed, *n, *out)
	case "score":
		fs := flag.NewFlagSet("score", flag.ContinueOnError)
		store := fs.String("store", "", "sqlite:PATH of an ingest holding the judged claims: also score firm and tentative claims apart")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		var tentative func(claimID string) (bool, error)
		if *store != "" {
			path, ok := strings.CutPrefix(*store, "sqlite:")
			if !ok {
				return errors.New("score: -store must be sqlite:PATH")
			}
			s, err := sqlite.Open(ctx, path)
			if err != nil {
				return err
			}
			defer s.Close()
			tentative = func(id string) (bool, error) {
				c, err := s.Claim(ctx, id)
				if err != nil {
					return false, err
				}
				return c.Tentative(), nil
			}
		}
		for _, f := range fs.Args() {
			if err := score(f, tentative); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown subcommand %q", args[0])
}

// item is one piece of evidence to judge.
type item struct {
	key   string // stable: kind, fact id, article id, offset
	sheet string // what the judge reads
}

// sample draws n relationship and n claim evidence items uniformly at
// random (without replacement) from every piece of evidence in the store.
func sample(ctx context.Context, s *sqlite.Store, seed uint64, n int, out string) error {
	names := map[string]string{}
	name := func(ids ...string) (string, error) {
		var missing []string
		for _, id := range ids {
			if _, ok := names[id]; !ok {
				missing = append(missing, id)
			}
		}
		if len(missing) > 0 {
			es, err := s.EntitiesByID(ctx, missing)
			if err != nil {
				return "", err
			}
			for i, e := range es {
				if e != nil {
					names[missing[i]] = string(e.Kind) + ":" + e.Name
				}
			}
		}
		var parts []string
		for _, id := range ids {
			parts = append(parts, names[id])
		}
		return strings.Join(parts, " + "), nil
	}

	var rels []item
	for off := 0; ; off += graph.MaxLimit {
		page, err := s.Relationships(ctx, graph.RelationshipFilter{Page: graph.Page{Limit: graph.MaxLimit, Offset: off}})
		if err != nil {
			return err
		}
		ids := make([]string, len(page))
		for i, r := range page {
			ids[i] = r.ID
		}
		ev, err := s.RelationshipEvidence(ctx, ids, 0)
		if err != nil {
			return err
		}
		for _, r := range page {
			src, err := name(r.SourceID)
			if err != nil {
				return err
			}
			tgt, err := name(r.TargetID)
			if err != nil {
				return err
			}
			for _, c := range ev[r.ID] {
				rels = append(rels, item{
					key:   fmt.Sprintf("rel:%s:%s:%d", r.ID, c.ArticleID, c.Start),
					sheet: fmt.Sprintf("%s  %s -> %s  (trigger %q, %s, conf %.2f)\n  %s", r.Type, src, tgt, c.Trigger, c.Extractor, c.Confidence, c.SentenceText),
				})
			}
		}
		if len(page) < graph.MaxLimit {
			break
		}
	}
	var claims []item
	for off := 0; ; off += graph.MaxLimit {
		page, err := s.Claims(ctx, graph.ClaimFilter{Page: graph.Page{Limit: graph.MaxLimit, Offset: off}})
		if err != nil {
			return err
		}
		ids := make([]string, len(page))
		for i, c := range page {
			ids[i] = c.ID
		}
		ev, err := s.ClaimEvidence(ctx, ids)
		if err != nil {
			return err
		}
		for _, c := range page {
			for _, e := range ev[c.ID] {
				spk, err := name(e.SpeakerIDs...)
				if err != nil {
					return err
				}
				flag := ""
				if e.Unattributed() {
					flag = " UNATTRIBUTED"
				}
				claims = append(claims, item{
					key: fmt.Sprintf("clm:%s:%s:%d", c.ID, e.Citation.ArticleID, e.Citation.Start),
					sheet: fmt.Sprintf("source %q -> [%s]%s  cue %q  conf %.2f  (%s)\n  content: %s\n  sentence: %s",
						e.Source.Text, spk, flag, e.Cue.Text, e.Citation.Confidence, e.Citation.Extractor, e.Text, e.Citation.SentenceText),
				})
			}
		}
		if len(page) < graph.MaxLimit {
			break
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, set := range []struct {
		name  string
		items []item
	}{{"relationships", rels}, {"claims", claims}} {
		picked := draw(set.items, seed, n)
		var sheet, tsv strings.Builder
		tsv.WriteString("key\tverdict\treason\n")
		for i, it := range picked {
			fmt.Fprintf(&sheet, "[%d] %s\n%s\n\n", i+1, it.key, it.sheet)
			fmt.Fprintf(&tsv, "%s\t\t\n", it.key)
		}
		if err := os.WriteFile(filepath.Join(out, set.name+".txt"), []byte(sheet.String()), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, set.name+".tsv"), []byte(tsv.String()), 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d drawn of %d\n", set.name, len(picked), len(set.items))
	}
	return nil
}

// draw picks n items uniformly without replacement, reproducibly: the
// items are put in key order, then shuffled with a PCG seeded by seed.
func draw(items []item, seed uint64, n int) []item {
	sort.Slice(items, func(i, j int) bool { return items[i].key < items[j].key })
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	return items[:min(n, len(items))]
}

// verdict is one judged item.
type verdict struct{ key, verdict string }

// score prints the precision of one judgement file with its Wilson 95%
// interval. With tentative (claims only), it also scores the items whose
// claim the API lists by default (firm) and the tentative ones apart.
func score(path string, tentative func(claimID string) (bool, error)) error {
	vs, err := readVerdicts(path)
	if err != nil {
		return err
	}
	report(path, "", vs)
	if tentative == nil {
		return nil
	}
	var firm, tent []verdict
	gone := 0 // judged on an ingest whose claims this store does not hold
	for _, v := range vs {
		parts := strings.Split(v.key, ":")
		if len(parts) != 4 || parts[0] != "clm" {
			continue
		}
		t, err := tentative(parts[1])
		if graph.ErrorCode(err) == graph.NotFound {
			gone++
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %s: %w", path, v.key, err)
		}
		if t {
			tent = append(tent, v)
		} else {
			firm = append(firm, v)
		}
	}
	if gone > 0 {
		fmt.Printf("%s: %d claims not in the store, left out of the next two lines\n", path, gone)
	}
	report(path, "firm claims (listed by default)", firm)
	report(path, "tentative claims", tent)
	return nil
}

// readVerdicts reads a judgement file: a header, then key, verdict and
// reason per line; lines starting with # are comments.
func readVerdicts(path string) ([]verdict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var vs []verdict
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if line == 1 || len(fields) < 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		switch fields[1] {
		case "ok", "kind", "wrong":
		default:
			return nil, fmt.Errorf("%s:%d: verdict %q, want ok, kind or wrong", path, line, fields[1])
		}
		vs = append(vs, verdict{fields[0], fields[1]})
	}
	return vs, sc.Err()
}

// report prints strict and kind-allowed precision of vs.
func report(path, subset string, vs []verdict) {
	ok, kind := 0, 0
	for _, v := range vs {
		switch v.verdict {
		case "ok":
			ok++
		case "kind":
			kind++
		}
	}
	if subset != "" {
		path += " [" + subset + "]"
	}
	for _, p := range []struct {
		what string
		k    int
	}{{"strict (kinds right too)", ok}, {"fact right, a kind wrong allowed", ok + kind}} {
		lo, hi := wilson(p.k, len(vs), 1.96)
		fmt.Printf("%s: %s: precision %.3f (%d of %d), Wilson 95%% interval [%.3f, %.3f]\n",
			path, p.what, float64(p.k)/float64(max(len(vs), 1)), p.k, len(vs), lo, hi)
	}
}

// wilson is the Wilson score interval of k successes in n trials.
func wilson(k, n int, z float64) (lo, hi float64) {
	if n == 0 {
		return 0, 1
	}
	p, nf := float64(k)/float64(n), float64(n)
	d := 1 + z*z/nf
	c := (p + z*z/(2*nf)) / d
	h := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / d
	return c - h, c + h
}
