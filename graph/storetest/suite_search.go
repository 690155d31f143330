package storetest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

func (s suite) testSearch(t *testing.T) {
	st := s.withWorld(t, world(t)...)
	ctx := context.Background()
	tests := []struct {
		name  string
		f     graph.EntityFilter
		want  []string // exactly these, in this order
		first string   // or: at least one result, this one first
	}{
		{"name", graph.EntityFilter{Query: "Mountain Brigade"}, []string{idBrigade}, ""},
		{"case-insensitive", graph.EntityFilter{Query: "mOUNTAIN bRIGADE"}, []string{idBrigade}, ""},
		{"prefix of every word", graph.EntityFilter{Query: "north val"}, []string{idNVF}, ""},
		{"every word must match", graph.EntityFilter{Query: "northern brigade"}, nil, ""},
		{"alias", graph.EntityFilter{Query: "nvf"}, []string{idNVF}, ""},
		{"declared alias", graph.EntityFilter{Query: "kyiv"}, []string{idUniv}, ""},
		{"unicode name", graph.EntityFilter{Query: "київськ"}, []string{idUniv}, ""},
		{"unicode case folding", graph.EntityFilter{Query: "КИЇВСЬКИЙ УНІВЕРСИТЕТ"}, []string{idUniv}, ""},
		{"accented", graph.EntityFilter{Query: "ábrahám"}, []string{idZoe}, ""},
		// Evening Hour Weekend has more mentions, but Evening Hour is an
		// exact match.
		{"exact match first", graph.EntityFilter{Query: "evening hour"}, []string{idEvening, idWeekend}, ""},
		{"then by mentions", graph.EntityFilter{Query: "evening"}, []string{idWeekend, idEvening}, ""},
		{"exact alias first", graph.EntityFilter{Query: "NVF"}, []string{idNVF}, ""},
		{"kinds", graph.EntityFilter{Query: "alden", Kinds: []graph.EntityKind{graph.Place}}, []string{idPort}, ""},
		{"several kinds", graph.EntityFilter{Query: "alden", Kinds: []graph.EntityKind{graph.Place, graph.Outlet}},
			[]string{idPort, idRadio}, ""},
		{"kinds without query", graph.EntityFilter{Kinds: []graph.EntityKind{graph.Person}}, []string{idZoe, idVolkov}, ""},
		{"no match", graph.EntityFilter{Query: "zzzz"}, nil, ""},
		{"punctuation only", graph.EntityFilter{Query: `"* - ()`}, nil, ""},
		{"white space only", graph.EntityFilter{Query: "   "}, nil, idNVF},
		{"page", graph.EntityFilter{Query: "evening", Page: graph.Page{Limit: 1, Offset: 1}}, []string{idEvening}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.SearchEntities(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if tt.first != "" {
				if len(got) == 0 || got[0].ID != tt.first {
					t.Errorf("SearchEntities(%q) = %v, want %s first", tt.f.Query, entityIDs(got), tt.first)
				}
				return
			}
			if diff := cmp.Diff(tt.want, entityIDs(got), cmpOpts...); diff != "" {
				t.Errorf("SearchEntities(%q) (-want +got):\n%s", tt.f.Query, diff)
			}
		})
	}

	t.Run("query syntax is matched as text", func(t *testing.T) {
		for _, q := range []string{`"`, `*`, `OR`, `AND`, `NOT`, `NEAR(`, `NEAR(nvf brigade)`, `nvf OR brigade`,
			`nvf"`, `"nvf`, `name:nvf`, `-nvf`, `^nvf`, `(`, `)`, `'`, `\`, `%`, `_`, `{nvf}`, `nvf*`, `:`, `""""`,
			"nvf\x00", `'; DROP TABLE entities; --`} {
			got, err := st.SearchEntities(ctx, graph.EntityFilter{Query: q})
			if err != nil {
				t.Errorf("SearchEntities(%q) error: %v", q, err)
				continue
			}
			for _, e := range got {
				if e == nil {
					t.Errorf("SearchEntities(%q) returned nil", q)
				}
			}
		}
		got, err := st.SearchEntities(ctx, graph.EntityFilter{Query: `nvf"`})
		if err != nil || len(got) != 1 || got[0].ID != idNVF {
			t.Errorf(`SearchEntities("nvf\"") = %v, %v; want the NVF`, entityIDs(got), err)
		}
		stats, err := st.Stats(ctx)
		if err != nil || stats.Entities != 10 {
			t.Errorf("Stats after hostile queries = %+v, %v", stats, err)
		}
	})

	t.Run("paging is stable", func(t *testing.T) {
		for _, q := range []string{"", "alden", "evening"} {
			all, err := st.SearchEntities(ctx, graph.EntityFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			var paged []*graph.Entity
			for off := 0; off < len(all)+2; off += 2 {
				page, err := st.SearchEntities(ctx, graph.EntityFilter{Query: q, Page: graph.Page{Limit: 2, Offset: off}})
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, page...)
			}
			if diff := cmp.Diff(entityIDs(all), entityIDs(paged)); diff != "" {
				t.Errorf("query %q: pages differ from the whole list (-whole +pages):\n%s", q, diff)
			}
		}
	})

	t.Run("results are whole entities", func(t *testing.T) {
		got, err := st.SearchEntities(ctx, graph.EntityFilter{Query: "nvf"})
		if err != nil || len(got) != 1 {
			t.Fatalf("SearchEntities(nvf) = %v, %v", got, err)
		}
		want, err := st.Entity(ctx, idNVF)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got[0], cmpOpts...); diff != "" {
			t.Errorf("search result differs from Entity (-Entity +search):\n%s", diff)
		}
	})
}
