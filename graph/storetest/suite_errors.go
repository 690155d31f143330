package storetest

import (
	"context"
	"math"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func (s suite) testErrors(t *testing.T) {
	st := s.withWorld(t, valley(t, false))
	ctx := context.Background()
	call := func(f func() error) func() error { return f }
	tests := []struct {
		name string
		call func() error
		want graph.Code
	}{
		{"unknown article", call(func() error { _, err := st.Article(ctx, "art_unknown"); return err }), graph.NotFound},
		{"unknown entity", call(func() error { _, err := st.Entity(ctx, "ent_unknown"); return err }), graph.NotFound},
		{"unknown claim", call(func() error { _, err := st.Claim(ctx, "clm_unknown"); return err }), graph.NotFound},
		{"delete unknown article", call(func() error { return st.DeleteArticle(ctx, "art_unknown") }), graph.NotFound},
		{"limit above maximum", call(func() error {
			_, err := st.SearchEntities(ctx, graph.EntityFilter{Page: graph.Page{Limit: graph.MaxLimit + 1}})
			return err
		}), graph.Invalid},
		{"negative offset", call(func() error {
			_, err := st.Articles(ctx, graph.ArticleFilter{Page: graph.Page{Offset: -1}})
			return err
		}), graph.Invalid},
		{"negative limit", call(func() error {
			_, err := st.Claims(ctx, graph.ClaimFilter{Page: graph.Page{Limit: -1}})
			return err
		}), graph.Invalid},
		{"unknown entity kind", call(func() error {
			_, err := st.SearchEntities(ctx, graph.EntityFilter{Query: "nvf", Kinds: []graph.EntityKind{"ALIEN"}})
			return err
		}), graph.Invalid},
		{"mention filter without ids", call(func() error {
			_, err := st.Mentions(ctx, graph.MentionFilter{})
			return err
		}), graph.Invalid},
		{"mention count without ids", call(func() error {
			_, err := st.CountMentions(ctx, graph.MentionFilter{})
			return err
		}), graph.Invalid},
		{"unknown relationship type", call(func() error {
			_, err := st.Relationships(ctx, graph.RelationshipFilter{Types: []graph.RelationType{"LOVES"}})
			return err
		}), graph.Invalid},
		{"unknown direction", call(func() error {
			_, err := st.Relationships(ctx, graph.RelationshipFilter{EntityID: idNVF, Direction: "SIDEWAYS"})
			return err
		}), graph.Invalid},
		{"confidence above one", call(func() error {
			_, err := st.Relationships(ctx, graph.RelationshipFilter{MinConfidence: 1.5})
			return err
		}), graph.Invalid},
		{"confidence not a number", call(func() error {
			_, err := st.Relationships(ctx, graph.RelationshipFilter{MinConfidence: math.NaN()})
			return err
		}), graph.Invalid},
		{"mentions page too large", call(func() error {
			_, err := st.Mentions(ctx, graph.MentionFilter{EntityID: idNVF, Page: graph.Page{Limit: graph.MaxLimit + 1}})
			return err
		}), graph.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if got := graph.ErrorCode(err); got != tt.want {
				t.Errorf("error = %v, code %q; want %q", err, got, tt.want)
			}
			if msg := graph.ErrorMessage(err); msg == "" {
				t.Errorf("error %v has no client message", err)
			}
		})
	}
}
