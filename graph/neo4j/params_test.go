package neo4j

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/internal/boltpeer"
)

var paramRef = regexp.MustCompile(`\$(\w+)`)

// TestEveryStatementGetsItsParameters calls every Store method through the
// real driver and checks, for every statement sent, that each $parameter it
// uses was given: a misspelt parameter name would otherwise be null on a
// real server and quietly match nothing. It also checks that the calls
// reached every statement of the package.
func TestEveryStatementGetsItsParameters(t *testing.T) {
	touched := []any{true, []any{"ent_1"}, []any{"rel_1"}, []any{"clm_1"}, []any{[]any{"ent_1", "ent_2"}}}
	rules := exploreRules()
	st, p := openPeer(t, append([]boltpeer.Rule{
		answer(cypherClearArticle, []string{"found", "entityIds", "relIds", "claimIds", "merges"}, touched),
		answer(cypherStats, []string{"articles", "entities", "mentions", "relationships", "claims", "citations"},
			[]any{int64(1), int64(2), int64(3), int64(4), int64(5), int64(6)}),
	}, rules...)...)
	ctx := context.Background()
	calls := map[string]func() error{
		"WriteExtraction": func() error { return st.WriteExtraction(ctx, fixture(t)) },
		"DeleteArticle":   func() error { return st.DeleteArticle(ctx, "art_1") },
		"Article":         func() error { _, err := st.Article(ctx, "art_1"); return ignoreNotFound(err) },
		"Articles": func() error {
			_, err := st.Articles(ctx, graph.ArticleFilter{Outlet: "x", Order: graph.ArticlesByIngestedDesc})
			return err
		},
		"Entity":       func() error { _, err := st.Entity(ctx, "ent_1"); return ignoreNotFound(err) },
		"EntitiesByID": func() error { _, err := st.EntitiesByID(ctx, []string{"ent_1"}); return err },
		"SearchEntities": func() error {
			for _, q := range []string{"", "harbour un", "київ"} {
				if _, err := st.SearchEntities(ctx, graph.EntityFilter{Query: q, Kinds: []graph.EntityKind{graph.Group}}); err != nil {
					return err
				}
			}
			return nil
		},
		"Mentions": func() error {
			for _, f := range []graph.MentionFilter{{EntityID: "ent_1"}, {ArticleID: "art_1"}} {
				if _, err := st.Mentions(ctx, f); err != nil {
					return err
				}
			}
			return nil
		},
		"Relationships": func() error {
			for _, f := range []graph.RelationshipFilter{{}, {EntityID: "ent_1", Direction: graph.Outgoing}} {
				if _, err := st.Relationships(ctx, f); err != nil {
					return err
				}
			}
			return nil
		},
		"RelationshipEvidence": func() error { _, err := st.RelationshipEvidence(ctx, []string{"rel_1"}, 2); return err },
		"Claim":                func() error { _, err := st.Claim(ctx, "clm_1"); return ignoreNotFound(err) },
		"Claims": func() error {
			for _, f := range []graph.ClaimFilter{{}, {SpeakerID: "e"}, {AboutID: "e"}, {ArticleID: "a", Query: "strike"}} {
				if _, err := st.Claims(ctx, f); err != nil {
					return err
				}
			}
			return nil
		},
		"ClaimEvidence": func() error { _, err := st.ClaimEvidence(ctx, []string{"clm_1"}); return err },
		"Stats":         func() error { _, err := st.Stats(ctx); return err },
		"DeleteGraph":   func() error { return st.DeleteGraph(ctx) },
		"Relationship":  func() error { _, err := st.Relationship(ctx, "rel_1"); return ignoreNotFound(err) },
		"ArticlesByID":  func() error { _, err := st.ArticlesByID(ctx, []string{"art_1", "art_1"}); return err },
		"RelationshipsOf": func() error {
			_, err := st.RelationshipsOf(ctx, []string{"ent_1"}, graph.RelationshipFilter{Direction: graph.Incoming, Outlet: "x"})
			return err
		},
		"ClaimsOf": func() error {
			for _, by := range []bool{true, false} {
				if _, err := st.ClaimsOf(ctx, []string{"ent_1"}, by, graph.ClaimFilter{Order: graph.ClaimsByEvidence}); err != nil {
					return err
				}
			}
			return nil
		},
		"CountArticles": func() error { _, err := st.CountArticles(ctx, graph.ArticleFilter{}); return err },
		"CountMentions": func() error {
			for _, f := range []graph.MentionFilter{{EntityID: "ent_1"}, {ArticleID: "art_1"}} {
				if _, err := st.CountMentions(ctx, f); err != nil {
					return err
				}
			}
			return nil
		},
		"CountEntities": func() error {
			for _, q := range []string{"", "harbour un", "київ"} {
				if _, err := st.CountEntities(ctx, graph.EntityFilter{Query: q, Order: graph.EntitiesByName}); err != nil {
					return err
				}
			}
			return nil
		},
		"CountRelationships": func() error {
			for _, f := range []graph.RelationshipFilter{{}, {EntityID: "ent_1"}} {
				if _, err := st.CountRelationships(ctx, f); err != nil {
					return err
				}
			}
			return nil
		},
		"CountClaims": func() error {
			for _, f := range []graph.ClaimFilter{{}, {SpeakerID: "e"}, {AboutID: "e"}, {ArticleID: "a"}} {
				if _, err := st.CountClaims(ctx, f); err != nil {
					return err
				}
			}
			return nil
		},
		"Search":        func() error { _, err := st.Search(ctx, graph.SearchQuery{Text: "harbour"}); return err },
		"CountSearch":   func() error { _, err := st.CountSearch(ctx, graph.SearchQuery{Text: "harbour"}); return err },
		"SimilarClaims": func() error { _, err := st.SimilarClaims(ctx, "clm_1", 0.5, 10); return err },
		"Network": func() error {
			_, err := st.Network(ctx, graph.NetworkQuery{Seeds: []string{"ent_1"}, Depth: 2})
			return err
		},
		"Paths": func() error {
			for hops := 1; hops <= pathsMaxHops; hops++ {
				if _, err := st.Paths(ctx, graph.PathQuery{From: "ent_1", To: "ent_2", MaxHops: hops}); ignoreNotFound(err) != nil {
					return err
				}
			}
			return nil
		},
		"Timeline": func() error { return ignoreNotFound(second(st.Timeline(ctx, graph.TimelineQuery{EntityID: "ent_1"}))) },
		"CoOccurrences": func() error {
			return ignoreNotFound(second(st.CoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: "ent_1"})))
		},
		"CountCoOccurrences": func() error {
			return ignoreNotFound(second(st.CountCoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: "ent_1"})))
		},
		"Merge then unmerge": func() error {
			if _, err := st.MergeEntities(ctx, "ent_2", "ent_1"); err != nil {
				return err
			}
			return st.UnmergeEntities(ctx, "ent_1")
		},
		"Merges": func() error { _, err := st.Merges(ctx, graph.Page{}); return err },
	}
	for name, call := range calls {
		if err := call(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}

	sent := map[string]bool{}
	for _, e := range p.Events() {
		if e.Message != "RUN" {
			continue
		}
		sent[e.Query] = true
		for _, m := range paramRef.FindAllStringSubmatch(e.Query, -1) {
			if _, ok := e.Params[m[1]]; !ok {
				t.Errorf("statement %.50q uses $%s, which was not sent", e.Query, m[1])
			}
		}
	}
	for _, s := range collectStatements(t) {
		if !sent[s.Query] && !slices.Contains(schema, statement(s.Query)) {
			t.Errorf("%s was never sent: no test exercises it", s.Name)
		}
	}
}

// second returns the error of a two-result call.
func second[T any](_ T, err error) error { return err }

func ignoreNotFound(err error) error {
	if graph.ErrorCode(err) == graph.NotFound {
		return nil
	}
	return err
}

// TestModelCoversGoSide checks the property keys the Go code writes (the
// maps extractionParams builds) and reads (decode.go) against the model the
// Cypher lint checks statements with.
func TestModelCoversGoSide(t *testing.T) {
	s := &Store{ns: "g"}
	params, _ := s.extractionParams(fixture(t), map[string]string{})
	written := map[string]bool{}
	for k := range params["article"].(map[string]any) {
		written[k] = true
	}
	for _, list := range []string{"entities", "mentions", "relationships", "claims"} {
		for _, row := range params[list].([]any) {
			for k := range row.(map[string]any)["props"].(map[string]any) {
				written[k] = true
			}
		}
	}

	read := map[string]bool{}
	f, err := parser.ParseFile(token.NewFileSet(), "decode.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	getters := map[string]bool{"str": true, "int": true, "float": true, "bool": true, "time": true, "strings": true}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		lit, isLit := call.Args[0].(*ast.BasicLit)
		if ok && isLit && getters[sel.Sel.Name] && lit.Kind == token.STRING {
			k, _ := strconv.Unquote(lit.Value)
			read[k] = true
		}
		return true
	})
	if len(written) < 30 || len(read) < 30 {
		t.Fatalf("collected %d written and %d read keys; the collector is broken", len(written), len(read))
	}
	for what, keys := range map[string]map[string]bool{"written": written, "read": read} {
		for k := range keys {
			if !slices.Contains(model.PropertyKeys, k) {
				t.Errorf("property %q is %s by the Go code but not in the model", k, what)
			}
		}
	}
}
