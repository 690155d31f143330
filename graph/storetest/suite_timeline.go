package storetest

import (
	"context"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func (s suite) testTimeline(t *testing.T) {
	st := s.full(t, tieWorld(t)...)
	ctx := context.Background()
	tc := func(kv ...any) []graph.TypeCount {
		var out []graph.TypeCount
		for i := 0; i < len(kv); i += 2 {
			out = append(out, graph.TypeCount{Type: kv[i].(graph.RelationType), Count: kv[i+1].(int)})
		}
		return out
	}
	january := tc(graph.AlliedWith, 1, graph.Attacked, 1, graph.MemberOf, 1, graph.RivalOf, 1)
	june := tc(graph.AlliedWith, 1, graph.RivalOf, 1)
	february := tc(graph.RivalOf, 1)
	tests := []struct {
		name string
		q    graph.TimelineQuery
		want []graph.TimelineBucket
	}{
		{"months by default", graph.TimelineQuery{EntityID: tHub.id()}, []graph.TimelineBucket{
			{Start: day(2024, 1, 1), End: day(2024, 2, 1), Mentions: 5, Relationships: january, ClaimsAbout: 1, Articles: 1},
			{Start: day(2024, 6, 1), End: day(2024, 7, 1), Mentions: 2, Relationships: june, Articles: 1},
			{Start: day(2025, 2, 1), End: day(2025, 3, 1), Mentions: 2, Relationships: february, ClaimsBy: 1, Articles: 1},
		}},
		{"weeks start on Monday", graph.TimelineQuery{EntityID: tHub.id(), Bucket: graph.Week}, []graph.TimelineBucket{
			{Start: day(2024, 1, 15), End: day(2024, 1, 22), Mentions: 5, Relationships: january, ClaimsAbout: 1, Articles: 1},
			{Start: day(2024, 6, 10), End: day(2024, 6, 17), Mentions: 2, Relationships: june, Articles: 1},
			{Start: day(2025, 2, 3), End: day(2025, 2, 10), Mentions: 2, Relationships: february, ClaimsBy: 1, Articles: 1},
		}},
		{"years", graph.TimelineQuery{EntityID: tHub.id(), Bucket: graph.Year}, []graph.TimelineBucket{
			{Start: day(2024, 1, 1), End: day(2025, 1, 1), Mentions: 7,
				Relationships: tc(graph.AlliedWith, 2, graph.Attacked, 1, graph.MemberOf, 1, graph.RivalOf, 2), ClaimsAbout: 1, Articles: 2},
			{Start: day(2025, 1, 1), End: day(2026, 1, 1), Mentions: 2, Relationships: february, ClaimsBy: 1, Articles: 1},
		}},
		{"days within a range, until exclusive", graph.TimelineQuery{EntityID: tHub.id(), Bucket: graph.Day, Since: day(2024, 6, 1), Until: tieDates[2]},
			[]graph.TimelineBucket{{Start: day(2024, 6, 15), End: day(2024, 6, 16), Mentions: 2, Relationships: june, Articles: 1}}},
		{"a speaker", graph.TimelineQuery{EntityID: tAster.id(), Bucket: graph.Year, Until: newYear2025}, []graph.TimelineBucket{
			{Start: day(2024, 1, 1), End: day(2025, 1, 1), Mentions: 5,
				Relationships: tc(graph.AlliedWith, 2, graph.RivalOf, 2), ClaimsBy: 1, Articles: 2},
		}},
		{"nothing in range", graph.TimelineQuery{EntityID: tGorse.id(), Since: newYear2025}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Timeline(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, got, cmpOpts...); diff != "" {
				t.Errorf("Timeline (-want +got):\n%s", diff)
			}
		})
	}
}

func (s suite) testCoOccurrences(t *testing.T) {
	st := s.full(t, tieWorld(t)...)
	ctx := context.Background()
	co := func(n tieName, count, articles int, first, last time.Time) graph.CoOccurrence {
		return graph.CoOccurrence{EntityID: n.id(), Count: count, Articles: articles, FirstSeen: first, LastSeen: last}
	}
	d0, d1, d2 := tieDates[0], tieDates[1], tieDates[2]
	once := func(ns ...tieName) []graph.CoOccurrence {
		var out []graph.CoOccurrence
		for _, id := range sorted(names(ns...)...) {
			for _, n := range ns {
				if n.id() == id {
					out = append(out, co(n, 1, 1, d0, d0))
				}
			}
		}
		return out
	}
	sentenceOnce := []graph.CoOccurrence{co(tCedar, 1, 1, d0, d0), co(tDune, 1, 1, d0, d0), co(tElm, 1, 1, d2, d2)}
	sortCo(sentenceOnce)
	firstTwo := []graph.CoOccurrence{co(tAster, 3, 3, d0, d2), co(tElm, 3, 3, d0, d2)}
	sortCo(firstTwo)
	tests := []struct {
		name string
		q    graph.CoOccurrenceQuery
		want []graph.CoOccurrence
	}{
		{"sentences by default", graph.CoOccurrenceQuery{EntityID: tHub.id()},
			append([]graph.CoOccurrence{co(tAster, 4, 3, d0, d2), co(tBirch, 2, 2, d0, d1)}, sentenceOnce...)},
		{"articles", graph.CoOccurrenceQuery{EntityID: tHub.id(), Scope: graph.ArticleScope},
			append(append(firstTwo, co(tBirch, 2, 2, d0, d1)), once(tCedar, tDune, tFern, tGorse)...)},
		{"kinds", graph.CoOccurrenceQuery{EntityID: tAster.id(), Kinds: []graph.EntityKind{graph.Organization}},
			[]graph.CoOccurrence{co(tHub, 4, 3, d0, d2)}},
		{"date range", graph.CoOccurrenceQuery{EntityID: tHub.id(), Since: d1},
			append([]graph.CoOccurrence{co(tAster, 2, 2, d1, d2)}, sortedCo(co(tBirch, 1, 1, d1, d1), co(tElm, 1, 1, d2, d2))...)},
		{"page", graph.CoOccurrenceQuery{EntityID: tHub.id(), Page: graph.Page{Limit: 2, Offset: 1}},
			append([]graph.CoOccurrence{co(tBirch, 2, 2, d0, d1)}, sentenceOnce[0])},
		{"alone", graph.CoOccurrenceQuery{EntityID: tHub.id(), Kinds: []graph.EntityKind{graph.Person}}, nil},
	}
	if n, err := st.CountCoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: tHub.id()}); err != nil || n != 5 {
		t.Errorf("CountCoOccurrences(hub) = %d, %v; want 5", n, err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.CoOccurrences(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, got, cmpOpts...); diff != "" {
				t.Errorf("CoOccurrences (-want +got):\n%s", diff)
			}
			q := tt.q
			q.Page = all
			unpaged, err := st.CoOccurrences(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			n, err := st.CountCoOccurrences(ctx, tt.q)
			if err != nil || n != len(unpaged) {
				t.Errorf("CountCoOccurrences = %d, %v; want %d", n, err, len(unpaged))
			}
		})
	}
}

func sortCo(cs []graph.CoOccurrence) {
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[j].EntityID < cs[i].EntityID {
				cs[i], cs[j] = cs[j], cs[i]
			}
		}
	}
}

func sortedCo(cs ...graph.CoOccurrence) []graph.CoOccurrence {
	sortCo(cs)
	return cs
}
