package storetest

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

// hitIDs renders hits as "e:<id>" and "c:<id>".
func hitIDs(hs []graph.SearchHit) []string {
	var ids []string
	for _, h := range hs {
		if h.EntityID != "" {
			ids = append(ids, "e:"+h.EntityID)
		} else {
			ids = append(ids, "c:"+h.ClaimID)
		}
	}
	return ids
}

func (s suite) testFullTextSearch(t *testing.T) {
	st := s.full(t, append(world(t), tieWorld(t)...)...)
	ctx := context.Background()
	groups := []graph.EntityKind{graph.Group}
	tests := []struct {
		name string
		q    graph.SearchQuery
		want []string // in order; with set, in any order
		set  bool
	}{
		{"exact name first", graph.SearchQuery{Text: "evening hour"}, []string{"e:" + idEvening, "e:" + idWeekend}, false},
		{"exact alias", graph.SearchQuery{Text: "nvf"}, []string{"e:" + idNVF}, false},
		{"unicode prefix", graph.SearchQuery{Text: "київськ"}, []string{"e:" + idUniv}, false},
		{"exact claim first, then the entity", graph.SearchQuery{Text: "Hub Council would fall"}, []string{"c:" + claimFall}, false},
		{"exact entity, then claims", graph.SearchQuery{Text: "hub council"}, []string{"e:" + tHub.id(), "c:" + claimFall}, false},
		{"entities and claims", graph.SearchQuery{Text: "front"}, append(prefixed("e:", append(names(tAster, tBirch, tCedar, tDune, tElm, tFern, tGorse), idNVF)...),
			"c:"+claimWeaker, "c:"+claimFinished), true},
		{"claims only", graph.SearchQuery{Text: "front", Claims: true}, []string{"c:" + claimWeaker, "c:" + claimFinished}, true},
		{"entities only", graph.SearchQuery{Text: "front", Entities: true, Kinds: groups},
			prefixed("e:", append(names(tAster, tBirch, tCedar, tDune, tElm, tFern, tGorse), idNVF)...), true},
		{"kinds restrict entities only", graph.SearchQuery{Text: "front", Kinds: []graph.EntityKind{graph.Organization}},
			[]string{"c:" + claimWeaker, "c:" + claimFinished}, true},
		{"every word, as a prefix", graph.SearchQuery{Text: "val fro"}, []string{"e:" + idNVF}, false},
		{"no match", graph.SearchQuery{Text: "zzzz"}, nil, false},
		{"no word", graph.SearchQuery{Text: `"* - ()`}, nil, false},
		{"empty", graph.SearchQuery{}, nil, false},
	}
	if n, err := st.CountSearch(ctx, graph.SearchQuery{Text: "front", Page: graph.Page{Limit: 1}}); err != nil || n != 10 {
		t.Errorf("CountSearch(front, first 1) = %d, %v; want 10", n, err)
	}
	// An entity found through several of its names (Zoë Ábrahám is also
	// "the analyst") is one hit, and counts once.
	for _, text := range []string{"a", "the", "alden", "h"} {
		hits, err := st.Search(ctx, graph.SearchQuery{Text: text, Page: all})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := st.CountSearch(ctx, graph.SearchQuery{Text: text}); err != nil || n != len(hits) {
			t.Errorf("CountSearch(%q) = %d, %v; want %d", text, n, err, len(hits))
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			ids := hitIDs(got)
			if tt.set {
				ids, tt.want = sorted(ids...), sorted(tt.want...)
			}
			if diff := gocmp.Diff(tt.want, ids, cmpOpts...); diff != "" {
				t.Errorf("Search(%+v) (-want +got):\n%s", tt.q, diff)
			}
			checkHits(t, tt.q.Text, got)
			q := tt.q
			q.Page = all
			unpaged, err := st.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			n, err := st.CountSearch(ctx, tt.q)
			if err != nil || n != len(unpaged) {
				t.Errorf("CountSearch(%+v) = %d, %v; want %d", tt.q, n, err, len(unpaged))
			}
		})
	}

	t.Run("scores", func(t *testing.T) {
		got, err := st.Search(ctx, graph.SearchQuery{Text: "hub council"})
		if err != nil || len(got) != 2 {
			t.Fatalf("Search = %v, %v", got, err)
		}
		if got[0].Score < 1 || got[1].Score >= 1 || got[1].Score <= 0 {
			t.Errorf("scores = %v, %v; want an exact match at 1 or more and a partial one in (0, 1)", got[0].Score, got[1].Score)
		}
		if got[0].Matched != string(tHub) || got[1].Matched != "Hub Council would fall" {
			t.Errorf("matched = %q, %q; want the name and the claim text", got[0].Matched, got[1].Matched)
		}
		alias, err := st.Search(ctx, graph.SearchQuery{Text: "NVF"})
		if err != nil || len(alias) != 1 || alias[0].Matched != "NVF" || alias[0].Score < 1 {
			t.Errorf("Search(NVF) = %+v, %v; want the alias matched exactly", alias, err)
		}
	})

	t.Run("syntax is text", func(t *testing.T) {
		for _, q := range []string{`"`, `*`, `OR`, `NEAR(`, `front OR hub`, `text:front`, `-front`, `front*`, `(`, "front\x00", `'; DROP TABLE claims; --`} {
			got, err := st.Search(ctx, graph.SearchQuery{Text: q})
			if err != nil {
				t.Errorf("Search(%q) error: %v", q, err)
			}
			checkHits(t, q, got)
		}
	})

	t.Run("paging is stable", func(t *testing.T) {
		whole, err := st.Search(ctx, graph.SearchQuery{Text: "front"})
		if err != nil {
			t.Fatal(err)
		}
		var paged []graph.SearchHit
		for off := 0; off < len(whole)+3; off += 3 {
			page, err := st.Search(ctx, graph.SearchQuery{Text: "front", Page: graph.Page{Limit: 3, Offset: off}})
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, page...)
		}
		if diff := gocmp.Diff(hitIDs(whole), hitIDs(paged)); diff != "" {
			t.Errorf("pages differ from the whole list (-whole +pages):\n%s", diff)
		}
	})
}

func prefixed(p string, ids ...string) []string {
	var out []string
	for _, id := range ids {
		out = append(out, p+id)
	}
	return out
}

// checkHits checks what holds of every result list: scores positive and
// descending, ties by id, every hit saying what it matched.
func checkHits(t *testing.T, q string, hs []graph.SearchHit) {
	t.Helper()
	for i, h := range hs {
		if (h.EntityID == "") == (h.ClaimID == "") || h.Matched == "" || !(h.Score > 0) || math.IsInf(h.Score, 0) {
			t.Errorf("Search(%q) hit %d = %+v: want one id, a matched text and a positive score", q, i, h)
		}
		if i > 0 {
			p := hs[i-1]
			if p.Score < h.Score || (p.Score == h.Score && p.EntityID+p.ClaimID > h.EntityID+h.ClaimID) {
				t.Errorf("Search(%q) hits %d and %d out of order: %+v, %+v", q, i-1, i, p, h)
			}
		}
	}
}

// The near-duplicate claims: the first two differ in one word.
var similarTexts = []string{
	"the ceasefire will collapse within a week",
	"the ceasefire will collapse within a month",
	"the ceasefire will hold",
	"prices rose sharply",
}

func similarWorld(t testing.TB) *graph.Extraction {
	var sentences []string
	for _, c := range similarTexts {
		sentences = append(sentences, "Ilse Marr said "+c+".")
	}
	b := article(t, "https://ceasefire.example/1", "Tie Wire", "Ceasefire", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		strings.Join(sentences, " "))
	ilse := b.entity(graph.Person, "Ilse Marr")
	for i, c := range similarTexts {
		b.mention(ilse, "Ilse Marr", i, "")
		x := &b.x
		x.Claims = append(x.Claims, graph.ClaimEvidence{
			ClaimID: tieClaimID(c), Text: c, Source: b.span("Ilse Marr", i), Cue: b.span("said", i),
			SpeakerIDs: []string{ilse}, Citation: b.cite(c, 0, "said", 0.7),
		})
	}
	return b.build()
}

func (s suite) testSimilarClaims(t *testing.T) {
	st := s.full(t, similarWorld(t), valley(t, false))
	ctx := context.Background()
	week, month, hold := tieClaimID(similarTexts[0]), tieClaimID(similarTexts[1]), tieClaimID(similarTexts[2])
	tests := []struct {
		name  string
		claim string
		min   float64
		limit int
		want  []string
	}{
		{"near-duplicate", week, 0.5, 10, []string{month}},
		{"every claim sharing a bigram, most similar first", week, 0, 10, []string{month, hold}},
		{"limit", week, 0, 1, []string{month}},
		{"symmetric", month, 0.5, 0, []string{week}},
		{"nothing alike", tieClaimID(similarTexts[3]), 0, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.SimilarClaims(ctx, tt.claim, tt.min, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, sc := range got {
				ids = append(ids, sc.Claim.ID)
				c, err := st.Claim(ctx, tt.claim)
				if err != nil {
					t.Fatal(err)
				}
				if want := graph.ClaimSimilarity(c.Text, sc.Claim.Text); math.Abs(sc.Score-want) > 1e-9 {
					t.Errorf("score of %q = %v, want graph.ClaimSimilarity = %v", sc.Claim.Text, sc.Score, want)
				}
			}
			if diff := gocmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("SimilarClaims (-want +got):\n%s", diff)
			}
			if slices.Contains(ids, tt.claim) {
				t.Error("SimilarClaims returned the claim itself")
			}
		})
	}
	for _, tt := range []struct {
		name  string
		claim string
		min   float64
		want  graph.Code
	}{
		{"unknown claim", "clm_unknown", 0.5, graph.NotFound},
		{"similarity above one", week, 1.5, graph.Invalid},
		{"similarity not a number", week, math.NaN(), graph.Invalid},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := st.SimilarClaims(ctx, tt.claim, tt.min, 10); graph.ErrorCode(err) != tt.want {
				t.Errorf("SimilarClaims error = %v, want %s", err, tt.want)
			}
		})
	}
	_ = fmt.Sprint
}
