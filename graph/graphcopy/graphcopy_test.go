package graphcopy_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphcopy"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
)

var clock = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

func open(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "g.db"), sqlite.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// source is a store holding our example articles, as the real pipeline
// ingests them, and a hand-made article that carries what the extractor
// rarely produces: roles, external ids, a claim about an entity, evidence
// of an undirected relationship with its endpoints swapped, a date in
// another time zone.
func source(t testing.TB) *sqlite.Store {
	t.Helper()
	st := open(t)
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ingest.New(x, st, ingest.WithClock(clock)).Ingest(context.Background(), "../../examples/articles")
	if err != nil || len(sum.Failures) > 0 || sum.Articles == 0 {
		t.Fatalf("ingest examples: %v %+v", err, sum)
	}
	if err := st.WriteExtraction(context.Background(), handMade(t)); err != nil {
		t.Fatal(err)
	}
	return st
}

// handMade builds an extraction over an article we wrote.
func handMade(t testing.TB) *graph.Extraction {
	const text = "Commander Oskar Lind of the Tern River Guard said the Guard would hold Velm. " +
		"The Guard fought the Marsh Wolves near Velm, Radio Kesta reported."
	h := graph.ContentHash(text)
	a := graph.Article{ID: graph.ArticleID("https://example.org/tern", h), URL: "https://example.org/tern",
		Title: "Tern River", Outlet: "Example Wire", ContentHash: h, Text: text,
		PublishedAt: time.Date(2025, 6, 1, 9, 30, 0, 0, time.FixedZone("+0530", 5*3600+1800)),
		IngestedAt:  time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC)}
	cite := func(phrase, trigger string) graph.Citation {
		i := strings.Index(text, phrase)
		if i < 0 {
			t.Fatalf("no %q in text", phrase)
		}
		sent, idx := 0, 0
		if j := strings.Index(text, ". ") + 2; i >= j {
			sent, idx = 1, j
		}
		end := strings.Index(text[idx:], ".") + idx + 1
		start := utf8.RuneCountInString(text[:i])
		return graph.Citation{ArticleID: a.ID, SentenceIndex: sent, SentenceText: text[idx:end], Start: start,
			End: start + utf8.RuneCountInString(phrase), Trigger: trigger, Extractor: "hand", Confidence: 0.7}
	}
	span := func(phrase string) graph.Span {
		c := cite(phrase, "")
		return graph.Span{Start: c.Start, End: c.End, Text: phrase}
	}
	ent := func(k graph.EntityKind, name string) graph.Entity {
		return graph.Entity{ID: graph.EntityID(k, graph.CanonicalKey(name)), Kind: k, Name: name}
	}
	lind, guard, wolves, velm := ent(graph.Person, "Oskar Lind"), ent(graph.Group, "Tern River Guard"),
		ent(graph.Group, "Marsh Wolves"), ent(graph.Place, "Velm")
	lind.Roles = []string{"commander"}
	guard.Aliases = []string{"the Guard", "TRG"}
	velm.ExternalIDs = map[string]string{"wikidata": "Q999999001"}
	mention := func(e graph.Entity, phrase, role string) graph.Mention {
		return graph.Mention{EntityID: e.ID, Text: phrase, Role: role, Citation: cite(phrase, "")}
	}
	content := "the Guard would hold Velm"
	claimID := graph.ClaimID(graph.NormalizeClaim(content))
	return &graph.Extraction{
		Article:  a,
		Entities: []graph.Entity{lind, guard, wolves, velm},
		Mentions: []graph.Mention{
			mention(lind, "Oskar Lind", "commander"), mention(guard, "Tern River Guard", ""),
			mention(wolves, "Marsh Wolves", ""), mention(velm, "Velm", ""),
		},
		Relationships: []graph.RelationshipEvidence{
			{Type: graph.LeaderOf, SourceID: lind.ID, TargetID: guard.ID, Citation: cite("Commander Oskar Lind of the Tern River Guard", "Commander")},
			{Type: graph.RivalOf, SourceID: wolves.ID, TargetID: guard.ID, Citation: cite("The Guard fought the Marsh Wolves", "fought")},
		},
		Claims: []graph.ClaimEvidence{{
			ClaimID: claimID, Text: content, Source: span("Commander Oskar Lind"), Cue: span("said"),
			SpeakerIDs: []string{lind.ID}, AboutIDs: []string{guard.ID, velm.ID},
			Citation: cite(content, "said"),
		}},
	}
}

// snapshot is everything a store shows through graph.Reader.
type snapshot struct {
	Stats         graph.Stats
	Articles      []*graph.Article
	Entities      []*graph.Entity
	Mentions      map[string][]*graph.Mention
	Relationships []*graph.Relationship
	RelEvidence   map[string][]graph.Citation
	Claims        []*graph.Claim
	ClaimEvidence map[string][]graph.ClaimEvidence
}

func take(t *testing.T, r graph.Reader) snapshot {
	t.Helper()
	ctx := context.Background()
	all := graph.Page{Limit: graph.MaxLimit}
	var sn snapshot
	var err error
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sn.Stats, err = r.Stats(ctx)
	must(err)
	sn.Articles, err = r.Articles(ctx, graph.ArticleFilter{Page: all})
	must(err)
	sn.Entities, err = r.SearchEntities(ctx, graph.EntityFilter{Order: graph.EntitiesByName, Page: all})
	must(err)
	sn.Mentions = map[string][]*graph.Mention{}
	for _, a := range sn.Articles {
		sn.Mentions[a.ID], err = r.Mentions(ctx, graph.MentionFilter{ArticleID: a.ID, Page: all})
		must(err)
	}
	sn.Relationships, err = r.Relationships(ctx, graph.RelationshipFilter{Page: all})
	must(err)
	var ids []string
	for _, rel := range sn.Relationships {
		ids = append(ids, rel.ID)
	}
	sn.RelEvidence, err = r.RelationshipEvidence(ctx, ids, 0)
	must(err)
	sn.Claims, err = r.Claims(ctx, graph.ClaimFilter{Page: all})
	must(err)
	ids = nil
	for _, c := range sn.Claims {
		ids = append(ids, c.ID)
	}
	sn.ClaimEvidence, err = r.ClaimEvidence(ctx, ids)
	must(err)
	if sn.Stats.Articles > graph.MaxLimit || sn.Stats.Entities > graph.MaxLimit {
		t.Fatalf("snapshot reads one page; the store holds more: %+v", sn.Stats)
	}
	return sn
}

var cmpOpts = []cmp.Option{cmpopts.EquateEmpty(), cmpopts.EquateApprox(0, 1e-9)}

// TestCopy copies the examples and the hand-made article between two
// embedded stores: the target then reads exactly as the source does, and a
// second copy changes nothing. A batch of 3 makes the copy span batches
// whose articles share entities.
func TestCopy(t *testing.T) {
	ctx := context.Background()
	from, to := source(t), open(t)
	want := take(t, from)
	if want.Stats.Relationships == 0 || want.Stats.Claims == 0 || want.Stats.Articles < 4 {
		t.Fatalf("the source is too small to test a copy: %+v", want.Stats)
	}
	var progress int
	sum, err := graphcopy.Copy(ctx, from, to, graphcopy.Options{Batch: 3, Progress: func(n int) { progress = n }})
	if err != nil {
		t.Fatalf("Copy: %v", err)
	}
	if len(sum.Failures) > 0 || sum.Articles != want.Stats.Articles || progress != sum.Articles {
		t.Fatalf("summary %+v (progress %d), want all %d articles", sum, progress, want.Stats.Articles)
	}
	got := take(t, to)
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Fatalf("the copy differs from the source (-source +copy):\n%s", diff)
	}

	if _, err := graphcopy.Copy(ctx, from, to, graphcopy.Options{}); err != nil {
		t.Fatalf("second Copy: %v", err)
	}
	if diff := cmp.Diff(got, take(t, to), cmpOpts...); diff != "" {
		t.Errorf("a second copy changed the target (-first +second):\n%s", diff)
	}
	// The copy reads back as a source too: copying it on gives the same.
	third := open(t)
	if _, err := graphcopy.Copy(ctx, to, third, graphcopy.Options{Batch: 1000}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, take(t, third), cmpOpts...); diff != "" {
		t.Errorf("a copy of the copy differs (-source +copy):\n%s", diff)
	}
}

// failing is the real target store, refusing one article as a store
// refuses a bad write.
type failing struct {
	graph.ExtractionWriter
	articleID string
}

func (f failing) WriteExtraction(ctx context.Context, x *graph.Extraction) error {
	if x.Article.ID == f.articleID {
		return graph.Errorf("test.WriteExtraction", graph.Conflict, "refused")
	}
	return f.ExtractionWriter.WriteExtraction(ctx, x)
}

// failingBatch is failing on a target that writes batches: a batch holding
// the refused article fails whole, as a store's transaction would.
type failingBatch struct {
	failing
	batches *int
}

func (f failingBatch) WriteExtractions(ctx context.Context, xs []*graph.Extraction) error {
	*f.batches++
	for _, x := range xs {
		if x.Article.ID == f.articleID {
			return graph.Errorf("test.WriteExtractions", graph.Conflict, "refused")
		}
	}
	return f.ExtractionWriter.(graph.BatchWriter).WriteExtractions(ctx, xs)
}

// TestCopyFailureIsAlone: an article the target refuses fails alone; every
// other one is copied, whether the target writes one article at a time or
// in batches (the batch holding it is then written again one by one).
func TestCopyFailureIsAlone(t *testing.T) {
	for _, tt := range []struct {
		name  string
		batch bool
	}{
		{"one at a time", false},
		{"batches", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			from, to := source(t), open(t)
			bad := handMade(t).Article.ID
			var target graph.ExtractionWriter = failing{to, bad}
			batches := 0
			if tt.batch {
				target = failingBatch{failing{to, bad}, &batches}
			}
			sum, err := graphcopy.Copy(ctx, from, target, graphcopy.Options{Batch: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Failures) != 1 || sum.Failures[0].ArticleID != bad || graph.ErrorCode(sum.Failures[0].Err) != graph.Conflict {
				t.Fatalf("failures %v, want only %s, CONFLICT", sum.Failures, bad)
			}
			st, err := to.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != sum.Source.Articles-1 || sum.Articles != st.Articles {
				t.Errorf("target holds %d articles, summary says %d, want %d", st.Articles, sum.Articles, sum.Source.Articles-1)
			}
			if _, err := to.Article(ctx, bad); graph.ErrorCode(err) != graph.NotFound {
				t.Errorf("refused article: %v, want NOT_FOUND", err)
			}
			if want := (sum.Source.Articles + 1) / 2; tt.batch && batches != want {
				t.Errorf("%d batches written, want %d (batches of 2)", batches, want)
			}
		})
	}
}

// TestRebuildHandMade: the rebuilt extraction of an article holds the
// evidence it was written with.
func TestRebuildHandMade(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	x := handMade(t)
	if err := st.WriteExtraction(ctx, x); err != nil {
		t.Fatal(err)
	}
	a, err := st.Article(ctx, x.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	xs, errs, err := graphcopy.Rebuild(ctx, st, []*graph.Article{a})
	if err != nil || errs[0] != nil {
		t.Fatal(err, errs[0])
	}
	got := xs[0]
	if err := got.Validate(); err != nil {
		t.Fatalf("rebuilt extraction is invalid: %v", err)
	}
	sortedBy := func(f func(graph.Mention) int) cmp.Option {
		return cmpopts.SortSlices(func(a, b graph.Mention) bool { return f(a) < f(b) })
	}
	opts := append(cmpOpts,
		sortedBy(func(m graph.Mention) int { return m.Citation.Start }),
		cmpopts.SortSlices(func(a, b graph.Entity) bool { return a.ID < b.ID }),
		cmpopts.SortSlices(func(a, b string) bool { return a < b }),
		cmpopts.SortSlices(func(a, b graph.RelationshipEvidence) bool { return a.Citation.Start < b.Citation.Start }),
		cmpopts.IgnoreFields(graph.Article{}, "PublishedAt", "IngestedAt"),
		// Declared names are merged with mention forms, and undirected
		// evidence is stored with its endpoints ordered.
		cmpopts.IgnoreFields(graph.Entity{}, "Aliases"),
		cmpopts.IgnoreFields(graph.RelationshipEvidence{}, "SourceID", "TargetID"),
	)
	if diff := cmp.Diff(x, got, opts...); diff != "" {
		t.Errorf("rebuilt extraction (-written +rebuilt):\n%s", diff)
	}
}

// BenchmarkCopy copies the examples and the hand-made article into a new
// embedded store per iteration and reports articles per second; rebuilding
// is a small part of it, most of the time goes to the target's writes.
func BenchmarkCopy(b *testing.B) {
	ctx := context.Background()
	from := source(b)
	st, err := from.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		to, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprint(i, ".db")))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := graphcopy.Copy(ctx, from, to, graphcopy.Options{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		to.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(st.Articles*b.N)/b.Elapsed().Seconds(), "articles/s")
}
