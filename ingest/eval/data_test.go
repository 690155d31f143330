package eval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// dataDir finds the shared evaluation data from this package directory.
func dataDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", DefaultDataDir)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared eval data not found at %s: skipping tests on real data", dir)
	}
	return dir
}

func TestLoadersOnSharedData(t *testing.T) {
	dir := dataDir(t)
	t.Run("conllpp", func(t *testing.T) {
		sents, err := LoadCoNLL(dir, "dev")
		if err != nil {
			t.Fatal(err)
		}
		if len(sents) != 3250 { // SOURCE.txt: dev 3,250 sentences
			t.Errorf("got %d dev sentences, want 3250", len(sents))
		}
	})
	t.Run("polnear", func(t *testing.T) {
		docs, err := LoadPolNeAR(dir, "dev")
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 84 {
			t.Errorf("got %d dev articles, want 84", len(docs))
		}
		for _, d := range docs {
			n := len([]rune(d.Text))
			for typ, spans := range d.Spans {
				for _, s := range spans {
					if s.Start < 0 || s.End > n {
						t.Fatalf("%s: %s span %v outside text of %d", d.Name, typ, s, n)
					}
				}
			}
		}
	})
	t.Run("wikievents", func(t *testing.T) {
		docs, err := LoadWikiEvents(dir)
		if err != nil {
			t.Fatal(err)
		}
		pairs := 0
		for _, d := range docs {
			pairs += len(d.Attacks)
			text := []rune(d.Text)
			for _, c := range d.Clusters {
				for _, m := range c {
					if got := string(text[m.Start:m.End]); got != m.Text {
						t.Fatalf("%s: mention %q aligned to %q", d.ID, m.Text, got)
					}
				}
			}
		}
		if len(docs) != 20 || pairs == 0 {
			t.Errorf("got %d docs and %d attack pairs, want 20 docs and some pairs", len(docs), pairs)
		}
	})
	t.Run("gum", func(t *testing.T) {
		docs, err := LoadGUM(dir)
		if err != nil {
			t.Fatal(err)
		}
		mentions := 0
		for _, d := range docs {
			mentions += len(d.Mentions)
		}
		if len(docs) != 24 || mentions != 5018 { // SOURCE.txt: 24 docs, 5,018 mentions
			t.Errorf("got %d docs, %d mentions; want 24, 5018", len(docs), mentions)
		}
	})
}

func TestAbsentData(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	for name, run := range map[string]func() (Result, error){
		"conll":      func() (Result, error) { return CoNLL(dir, nil) },
		"polnear":    func() (Result, error) { return PolNeAR(ctx, dir, "dev", nil) },
		"wikievents": func() (Result, error) { return WikiEvents(ctx, dir, nil) },
		"gum":        func() (Result, error) { return GUM(ctx, dir, nil) },
	} {
		t.Run(name, func(t *testing.T) {
			res, err := run()
			if err != nil {
				t.Fatalf("absent data set gave error %v", err)
			}
			if !res.Absent || res.Reason == "" {
				t.Errorf("want Absent with a reason, got %+v", res)
			}
		})
	}
	if _, err := LoadGUM(dir); !errors.Is(err, ErrAbsent) {
		t.Errorf("LoadGUM on empty dir: got %v, want ErrAbsent", err)
	}
}

// oracle answers each article with an extraction built from gold data, so
// a runner that plumbs offsets correctly must score it perfectly.
type oracle map[string]func(a *graph.Article) *graph.Extraction

func (o oracle) Extract(_ context.Context, a *graph.Article) (*graph.Extraction, error) {
	f, ok := o[a.Text]
	if !ok {
		return nil, fmt.Errorf("oracle has no answer for %q", a.Title)
	}
	return f(a), nil
}

func TestRunnersScoreGoldPerfectly(t *testing.T) {
	dir := dataDir(t)
	ctx := context.Background()
	check := func(t *testing.T, res Result, rows ...string) {
		t.Helper()
		if res.Failed > 0 {
			t.Fatalf("%d failures, first %s", res.Failed, res.FirstErr)
		}
		for _, name := range rows {
			row, ok := res.Row(name)
			if !ok {
				t.Fatalf("no row %q in %+v", name, res.Rows)
			}
			if _, _, f := row.Values(); f < 0.999 {
				t.Errorf("%s: oracle F1 %.4f, want 1", name, f)
			}
		}
	}
	t.Run("polnear", func(t *testing.T) {
		docs, err := LoadPolNeAR(dir, "dev")
		if err != nil {
			t.Fatal(err)
		}
		o := oracle{}
		for _, d := range docs {
			o[d.Text] = func(a *graph.Article) *graph.Extraction {
				ex := &graph.Extraction{Article: *a}
				for _, r := range d.Relations {
					c := graph.ClaimEvidence{ClaimID: "c", Text: "x", Cue: graph.Span{Start: r.Cue.Start, End: r.Cue.End},
						Citation: graph.Citation{ArticleID: a.ID, Start: r.Content.Start, End: r.Content.End}}
					if r.HasSource {
						c.Source = graph.Span{Start: r.Source.Start, End: r.Source.End}
					}
					ex.Claims = append(ex.Claims, c)
				}
				return ex
			}
		}
		res, err := PolNeAR(ctx, dir, "dev", o)
		if err != nil {
			t.Fatal(err)
		}
		check(t, res, "source overlap", "cue exact", "cue overlap", "content overlap")
		t.Log("\n" + Report{Results: []Result{res}}.String())
	})
}

func TestWikiEventsAndGUMScoreGoldPerfectly(t *testing.T) {
	dir := dataDir(t)
	ctx := context.Background()
	t.Run("wikievents", func(t *testing.T) {
		docs, err := LoadWikiEvents(dir)
		if err != nil {
			t.Fatal(err)
		}
		o := oracle{}
		for _, d := range docs {
			o[d.Text] = func(a *graph.Article) *graph.Extraction {
				ex := &graph.Extraction{Article: *a}
				for ci, c := range d.Clusters {
					id := fmt.Sprint("e", ci)
					ex.Entities = append(ex.Entities, graph.Entity{ID: id, Name: c[0].Text, Kind: graph.Group})
					for _, m := range c {
						ex.Mentions = append(ex.Mentions, graph.Mention{EntityID: id, Citation: graph.Citation{Start: m.Start, End: m.End}})
					}
				}
				for _, p := range d.Attacks {
					ex.Relationships = append(ex.Relationships, graph.RelationshipEvidence{Type: graph.Attacked, SourceID: fmt.Sprint("e", p[0]), TargetID: fmt.Sprint("e", p[1])})
				}
				return ex
			}
		}
		res, err := WikiEvents(ctx, dir, o)
		if err != nil {
			t.Fatal(err)
		}
		row, _ := res.Row("attacked")
		if res.Failed > 0 || row.F1() < 0.999 {
			t.Errorf("oracle: %+v", res)
		}
	})
	t.Run("gum", func(t *testing.T) {
		docs, err := LoadGUM(dir)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]graph.EntityKind{"person": graph.Person, "organization": graph.Organization, "place": graph.Place}
		o := oracle{}
		for _, d := range docs {
			o[d.Text] = func(a *graph.Article) *graph.Extraction {
				ex := &graph.Extraction{Article: *a}
				for _, m := range d.Mentions {
					if k, ok := kinds[m.Type]; ok && m.Named {
						ex.Entities = append(ex.Entities, graph.Entity{ID: m.Entity, Name: m.Entity, Kind: k})
						ex.Mentions = append(ex.Mentions, graph.Mention{EntityID: m.Entity, Citation: graph.Citation{Start: m.Start, End: m.End}})
					}
				}
				return ex
			}
		}
		res, err := GUM(ctx, dir, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"mentions (untyped)", "kinds micro", "coref B³ (aligned)"} {
			row, _ := res.Row(name)
			if _, _, f := row.Values(); f < 0.999 {
				t.Errorf("oracle %s F1 %.4f, want 1", name, f)
			}
		}
		t.Log("\n" + Report{Results: []Result{res}}.String())
	})
}

// tokenTagger labels every capitalised token B-PER: a crude but real
// tagger, enough to check that Run wires the tagger through.
type tokenTagger struct{}

func (tokenTagger) Tag(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, tok := range tokens {
		out[i] = "O"
		if tok != "" && tok[0] >= 'A' && tok[0] <= 'Z' {
			out[i] = "B-PER"
		}
	}
	return out
}

func TestRunAbsentAndPresent(t *testing.T) {
	rep, err := Run(context.Background(), t.TempDir(), tokenTagger{}, oracle{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 8 { // seven scorers and the PolNeAR agreement
		t.Fatalf("got %d results, want 8", len(rep.Results))
	}
	for _, r := range rep.Results {
		if !r.Absent {
			t.Errorf("%s: want absent in an empty dir", r.Dataset)
		}
	}
	dir := dataDir(t)
	rep, err = Run(context.Background(), dir, tokenTagger{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	row, ok := rep.Results[0].Row("PER")
	if !ok || row.TP == 0 || row.FP == 0 {
		t.Errorf("capitalised-token tagger on CoNLL: %+v", rep.Results[0].Rows)
	}
}
