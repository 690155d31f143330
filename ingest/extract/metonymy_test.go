package extract

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKindInContext checks which mentions of places record that the
// article uses them as organisations (a national team, a state at war),
// while their entities stay places.
func TestKindInContext(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "text@offset" of the mentions used as organisations
	}{
		{"contest verb marks both sides", "Norway defeated Denmark on Sunday evening.", []string{"Norway@0", "Denmark@16"}},
		{"score line", "Group B — Norway 2 – 1 Denmark.", []string{"Norway@10", "Denmark@23"}},
		{"one-token score and a loss to", "On Friday Norway lost 1-2 to Denmark in the opening game.", []string{"Norway@10", "Denmark@29"}},
		{"apposition before the opponent", "Norway beat debutants Iceland by two goals.", []string{"Norway@0", "Iceland@22"}},
		{"coach after the name", "After the game the Iceland coach praised his players.", []string{"Iceland@19"}},
		{"other mentions follow, but not after a locative", "Norway beat Denmark. Fans in Norway cheered, and Norway now lead the group.",
			[]string{"Norway@0", "Denmark@12", "Norway@49"}},
		{"armed act of a list of states", "Yesterday Armenia and Azerbaijan exchanged artillery fire near the border.", []string{"Armenia@10", "Azerbaijan@22"}},
		{"a shorter name of a side", "Norway beat South Korea 2-0. Korea had more of the ball.", []string{"Norway@0", "South Korea@12", "Korea@29"}},
		{"an invasion", "In 1990 Iraq invaded its neighbour.", []string{"Iraq@8"}},
		{"a place where something happens stays", "Storms hit Norway and Denmark on Sunday, and trains in Sweden stopped.", nil},
		{"a year is no score", "Norway 2018 was a good year for tourism, officials in Oslo said.", nil},
		{"a team from a country stays a place", "The finals saw a US team face a squad from Brazil.", nil},
		{"a policy is no armed act", "Malaysia has maintained its policy on migrants.", nil},
		{"members of a body, and its other mentions even after a locative", "Two former members of Norway joined the rival sect. Life inside Norway was strict, they said.",
			[]string{"Norway@22", "Norway@64"}},
		{"a classifier noun before the name", "The party Denmark won three seats in the local vote.", []string{"Denmark@10"}},
		{"a firm's seat after the name", "She met the engineers at Iceland headquarters last week.", []string{"Iceland@25"}},
		{"a place's parliament is no membership", "He became a member of Norway's parliament in 2001.", nil},
		{"citizens of a place stay a place", "Citizens of Norway voted on Sunday.", nil},
		{"a classifier ending the heading before", "Coach joins the national team\n\nNorway closed its roads on Sunday.", nil},
		{"a count word makes a compound", "It was the first three party Norway election in decades.", nil},
		{"a member of a longer name", "Two members of Norway Vexa Club resigned.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, byID := extractText(t, tt.text)
			var got []string
			for _, m := range ex.Mentions {
				if m.KindInContext == "" {
					continue
				}
				if m.KindInContext != "ORGANIZATION" {
					t.Errorf("%q in context %s, want ORGANIZATION", m.Text, m.KindInContext)
				}
				if k := byID[m.EntityID]; k[:6] != "PLACE:" {
					t.Errorf("%q: entity %q, want a place", m.Text, k)
				}
				got = append(got, m.Text+"@"+strconv.Itoa(m.Citation.Start))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mentions used as organisations (-want +got):\n%s", diff)
			}
		})
	}
}
