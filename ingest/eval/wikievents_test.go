package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAlignTokens(t *testing.T) {
	got, err := alignTokens("Rebels shelled Ménaka  today.", []string{"Rebels", "shelled", "Ménaka", "today", "."})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{0, 6}, {7, 14}, {15, 21}, {23, 28}, {28, 29}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := alignTokens("abc", []string{"abd"}); err == nil {
		t.Error("missing token: want an error")
	}
}

func TestBuildEventDoc(t *testing.T) {
	var w wikiDoc
	w.DocID, w.Text = "d", "Rebels attacked the base; rebels killed two guards."
	w.Tokens = []string{"Rebels", "attacked", "the", "base", ";", "rebels", "killed", "two", "guards", "."}
	type ent = struct {
		ID    string `json:"id"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	w.Entities = []ent{{"T1", 0, 1, "Rebels"}, {"T2", 3, 4, "base"}, {"T3", 5, 6, "rebels"}, {"T4", 8, 9, "guards"}}
	w.Events = make([]struct {
		Type string `json:"event_type"`
		Args []struct {
			EntityID string `json:"entity_id"`
			Role     string `json:"role"`
		} `json:"arguments"`
	}, 3)
	w.Events[0].Type = "Conflict.Attack.Unspecified"
	w.Events[0].Args = append(w.Events[0].Args, struct {
		EntityID string `json:"entity_id"`
		Role     string `json:"role"`
	}{"T1", "Attacker"}, struct {
		EntityID string `json:"entity_id"`
		Role     string `json:"role"`
	}{"T2", "Target"})
	w.Events[1].Type = "Life.Die.Unspecified"
	w.Events[1].Args = append(w.Events[1].Args, struct {
		EntityID string `json:"entity_id"`
		Role     string `json:"role"`
	}{"T3", "Killer"}, struct {
		EntityID string `json:"entity_id"`
		Role     string `json:"role"`
	}{"T4", "Victim"})
	w.Events[2].Type = "Contact.Contact.Meet" // not an attack
	w.Events[2].Args = w.Events[1].Args
	d, err := buildEventDoc(w, [][]string{{"T1", "T3"}})
	if err != nil {
		t.Fatal(err)
	}
	// Cluster 0 is the rebels (T1, T3); the base and the guards are singletons.
	if diff := cmp.Diff([][2]int{{0, 1}, {0, 2}}, d.Attacks); diff != "" {
		t.Errorf("attacks (-want +got):\n%s", diff)
	}
	if got := d.Clusters[0]; len(got) != 2 || got[1].Start != 26 || got[1].End != 32 {
		t.Errorf("rebels cluster: %+v", got)
	}
}

func TestAttackScores(t *testing.T) {
	d := EventDoc{
		Clusters: [][]Mention{
			{{Start: 0, End: 6, Text: "Rebels"}, {Start: 30, End: 36, Text: "rebels"}},
			{{Start: 20, End: 24, Text: "base"}},
			{{Start: 40, End: 46, Text: "guards"}},
		},
		Attacks: [][2]int{{0, 1}, {0, 2}},
	}
	ent := func(s, e int, names ...string) PredictedEntity {
		return PredictedEntity{Spans: [][2]int{{s, e}}, Names: names}
	}
	tests := []struct {
		name string
		pred []PredictedPair
		want PRF
	}{
		{"none", nil, PRF{FN: 2}},
		{"both by span", []PredictedPair{{ent(30, 36), ent(20, 24)}, {ent(0, 6), ent(40, 46)}}, PRF{TP: 2}},
		{"by name", []PredictedPair{{ent(100, 101, "REBELS"), ent(200, 201, "base")}}, PRF{TP: 1, FN: 1}},
		{"reversed direction is wrong", []PredictedPair{{ent(20, 24), ent(0, 6)}}, PRF{FP: 1, FN: 2}},
		{"gold pair matched once", []PredictedPair{{ent(0, 6), ent(20, 24)}, {ent(30, 36), ent(20, 24)}}, PRF{TP: 1, FP: 1, FN: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AttackScores(d, tt.pred); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
