package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

func (s suite) testWrite(t *testing.T) {
	t.Run("round trip", func(t *testing.T) {
		x := valley(t, false)
		st := s.withWorld(t, x)
		ctx := context.Background()
		a, err := st.Article(ctx, x.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := x.Article
		want.PublishedAt = utc(want.PublishedAt)
		if diff := cmp.Diff(&want, a, cmpOpts...); diff != "" {
			t.Errorf("Article (-want +got):\n%s", diff)
		}
		ms, err := st.Mentions(ctx, graph.MentionFilter{ArticleID: x.Article.ID})
		if err != nil {
			t.Fatal(err)
		}
		var wantMs []*graph.Mention
		for i := range x.Mentions {
			wantMs = append(wantMs, &x.Mentions[i])
		}
		slices.SortStableFunc(wantMs, func(a, b *graph.Mention) int { return a.Citation.Start - b.Citation.Start })
		if diff := cmp.Diff(wantMs, ms, cmpOpts...); diff != "" {
			t.Errorf("Mentions (-want +got):\n%s", diff)
		}
		for _, r := range x.Relationships {
			ev, err := st.RelationshipEvidence(ctx, []string{r.ID()}, 0)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]graph.Citation{r.Citation}, ev[r.ID()], cmpOpts...); diff != "" {
				t.Errorf("RelationshipEvidence(%s) (-want +got):\n%s", r.Type, diff)
			}
		}
		for _, c := range x.Claims {
			ev, err := st.ClaimEvidence(ctx, []string{c.ClaimID})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]graph.ClaimEvidence{c}, ev[c.ClaimID], cmpOpts...); diff != "" {
				t.Errorf("ClaimEvidence(%q) (-want +got):\n%s", c.Text, diff)
			}
		}
		nvf, err := st.Entity(ctx, idNVF)
		if err != nil {
			t.Fatal(err)
		}
		wantNVF := &graph.Entity{
			ID: idNVF, Kind: graph.Group, Name: "Northern Valley Front", Aliases: []string{"NVF"},
			ExternalIDs: map[string]string{"wikidata": "Q99999901"},
			FirstSeen:   utc(dateValley), LastSeen: utc(dateValley), MentionCount: 3,
		}
		if diff := cmp.Diff(wantNVF, nvf, cmpOpts...); diff != "" {
			t.Errorf("Entity (-want +got):\n%s", diff)
		}
		checkUTC(t, takeSnapshot(t, st))
	})

	t.Run("idempotent", func(t *testing.T) {
		st := s.withWorld(t, world(t)...)
		before := takeSnapshot(t, st)
		write(t, st, world(t)...)
		after := takeSnapshot(t, st)
		checkUTC(t, after)
		if diff := cmp.Diff(before, after, cmpOpts...); diff != "" {
			t.Errorf("second write changed the store (-first +second):\n%s", diff)
		}
	})

	t.Run("order does not matter", func(t *testing.T) {
		xs := world(t)
		forward := takeSnapshot(t, s.withWorld(t, xs...))
		slices.Reverse(xs)
		backward := takeSnapshot(t, s.withWorld(t, xs...))
		if diff := cmp.Diff(forward, backward, cmpOpts...); diff != "" {
			t.Errorf("write order changed the store (-forward +backward):\n%s", diff)
		}
	})

	t.Run("replace removes stale evidence", func(t *testing.T) {
		st := s.withWorld(t, world(t)...)
		write(t, st, valley(t, true))
		clean := s.withWorld(t, valley(t, true), coastal(t), undated(t))
		if diff := cmp.Diff(takeSnapshot(t, clean), takeSnapshot(t, st), cmpOpts...); diff != "" {
			t.Errorf("replaced extraction differs from a clean write (-clean +replaced):\n%s", diff)
		}
		ctx := context.Background()
		if _, err := st.Claim(ctx, claimWeaker); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Claim(stale) error = %v, want NOT_FOUND", err)
		}
		zoe, err := st.Entity(ctx, idZoe)
		if err != nil {
			t.Fatal(err)
		}
		if zoe.MentionCount != 1 || len(zoe.Aliases) != 0 {
			t.Errorf("Entity(zoe) kept stale mentions: count %d, aliases %q", zoe.MentionCount, zoe.Aliases)
		}
	})

	t.Run("keeps first ingest date", func(t *testing.T) {
		x := undated(t)
		st := s.withWorld(t, x)
		later := *x
		later.Article.IngestedAt = ingestDate.Add(48 * time.Hour)
		write(t, st, &later)
		ctx := context.Background()
		a, err := st.Article(ctx, x.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !a.IngestedAt.Equal(ingestDate) {
			t.Errorf("IngestedAt = %v after a rewrite, want the first %v", a.IngestedAt, ingestDate)
		}
		e, err := st.Entity(ctx, idWeekend)
		if err != nil {
			t.Fatal(err)
		}
		if !e.LastSeen.Equal(ingestDate) {
			t.Errorf("LastSeen = %v, want the first ingest date %v", e.LastSeen, ingestDate)
		}
	})

	t.Run("sets a missing ingest date", func(t *testing.T) {
		x := undated(t)
		x.Article.IngestedAt = time.Time{}
		st := s.withWorld(t, x)
		a, err := st.Article(context.Background(), x.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.IngestedAt.IsZero() || a.IngestedAt.Location() != time.UTC {
			t.Errorf("IngestedAt = %v, want a UTC time set by the store", a.IngestedAt)
		}
	})

	t.Run("rejects invalid extractions", func(t *testing.T) {
		tests := []struct {
			name    string
			corrupt func(x *graph.Extraction)
		}{
			{"no article id", func(x *graph.Extraction) { x.Article.ID = "" }},
			{"unknown entity kind", func(x *graph.Extraction) { x.Entities[0].Kind = "ALIEN" }},
			{"undeclared entity", func(x *graph.Extraction) { x.Mentions[0].EntityID = "ent_nobody" }},
			{"span outside text", func(x *graph.Extraction) { x.Mentions[0].Citation.End = 1 << 20 }},
			{"unknown relationship type", func(x *graph.Extraction) { x.Relationships[0].Type = "LOVES" }},
			{"confidence above one", func(x *graph.Extraction) { x.Claims[0].Citation.Confidence = 1.5 }},
		}
		st := s.open(t)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				x := valley(t, false)
				tt.corrupt(x)
				if err := st.WriteExtraction(context.Background(), x); graph.ErrorCode(err) != graph.Invalid {
					t.Errorf("WriteExtraction error = %v, want INVALID", err)
				}
			})
		}
		if err := st.WriteExtraction(context.Background(), nil); graph.ErrorCode(err) != graph.Invalid {
			t.Errorf("WriteExtraction(nil) error = %v, want INVALID", err)
		}
		if diff := cmp.Diff(graph.Stats{}, takeSnapshot(t, st).Stats); diff != "" {
			t.Errorf("rejected writes left data (-want +got):\n%s", diff)
		}
	})

	t.Run("canceled context", func(t *testing.T) {
		st := s.open(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := st.WriteExtraction(ctx, valley(t, false)); err == nil {
			t.Error("WriteExtraction with a canceled context succeeded")
		}
		if _, err := st.SearchEntities(ctx, graph.EntityFilter{}); err == nil {
			t.Error("SearchEntities with a canceled context succeeded")
		}
		if _, err := st.Article(ctx, "art_x"); err == nil {
			t.Error("Article with a canceled context succeeded")
		}
		if diff := cmp.Diff(graph.Stats{}, takeSnapshot(t, st).Stats); diff != "" {
			t.Errorf("canceled write left data (-want +got):\n%s", diff)
		}
	})
}
