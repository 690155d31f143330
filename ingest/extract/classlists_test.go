package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestClassListKinds checks the kind a class noun gives the names it
// introduces or closes, and that a one-word "person" before a body's seat
// or staff is read as a body, each in context: "Name=KIND" for every
// mention (in sorted order), the kind in context where there is one, else the entity's.
func TestClassListKinds(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"deities such as", "Pilgrims still honour old deities such as Tarvos, Nemetona and Sulis at the spring.",
			[]string{"Tarvos=PERSON", "Nemetona=PERSON", "Sulis=PERSON"}},
		{"plural class noun in apposition", "The city told the religious schools Santa Brigida and Collegio Vesta to pay the tax.",
			[]string{"Santa Brigida=ORGANIZATION", "Collegio Vesta=ORGANIZATION"}},
		{"a class noun that begins the sentence", "Charities such as Velvet Harbour and Mossgrove Friends asked for more time.",
			[]string{"Velvet Harbour=ORGANIZATION", "Mossgrove Friends=ORGANIZATION"}},
		{"the murder of a name", "In the game, players look into the murder of Harrowdale in a flooded city.",
			[]string{"Harrowdale=PERSON"}},
		{"and other towns", "Ellery Dunmore, Ottley Vance and other towns closed their pools.",
			[]string{"Ellery Dunmore=PLACE", "Ottley Vance=PLACE"}},
		{"groups included", "The charitable groups included Velvet Harbour, Mossgrove Friends and Tallow Circle.",
			[]string{"Velvet Harbour=ORGANIZATION", "Mossgrove Friends=ORGANIZATION", "Tallow Circle=ORGANIZATION"}},
		{"a team including its players", "The team, including Marta Kowal and Ines Brandt, flew home on Sunday.",
			[]string{"Marta Kowal=PERSON", "Ines Brandt=PERSON"}},
		{"a band that included a person", "The band included Tom Vayle and Rhys Okoro in those years.",
			[]string{"Tom Vayle=PERSON", "Rhys Okoro=PERSON"}},
		{"a one-word person before a founder", "Quorvix founder Amy Loh spoke on Monday. Quorvix said sales rose.",
			[]string{"Quorvix=ORGANIZATION", "Amy Loh=PERSON", "Quorvix=ORGANIZATION"}},
		{"a religion in a list", "Some old faiths such as Velorism draw new followers.",
			[]string{"Velorism=ORGANIZATION"}},
		{"an occupation before a name", "The show opened with gowns by fashion designer Corvane last night.",
			[]string{"Corvane=PERSON"}},
		{"an apposition after a name", "Pupils at Collegio Vesta, a catholic school in the old town, left early.",
			[]string{"Collegio Vesta=ORGANIZATION"}},
		{"a noun after the apposition's class makes it a modifier", "Pupils at Collegio Vesta, a school bus driver said, left early.",
			[]string{"Collegio Vesta=PLACE"}},
		{"a place's class noun after a body's name with of", "The Tarsini Council of the Molvena region, Ugo Tassi said, needs money.",
			[]string{"Tarsini Council of the Molvena=ORGANIZATION", "Ugo Tassi=PERSON"}},
		{"an office's title", "The Kestrel Health Secretary met farmers on Monday.",
			[]string{"Kestrel Health Secretary=PERSON"}},
		{"a site posts are made to", "The clip was posted to Chatwell on Friday. Later Chatwell removed it.",
			[]string{"Chatwell=ORGANIZATION", "Chatwell=ORGANIZATION"}},
		{"the plural of a people's adjective", "Thousands of Greeks in Vantorre marched.",
			[]string{"Greeks=PERSON", "Vantorre=PLACE"}},
		{"a list ends at its last name", "Without athletes like Tom Vayle and Rhys Okoro, Norway lost again.",
			[]string{"Tom Vayle=PERSON", "Rhys Okoro=PERSON", "Norway=PLACE"}},
		{"a possessor before a listed name", "Top singers such as Norway's Ann Vale toured the north.",
			[]string{"Norway=PLACE", "Ann Vale=PERSON"}},
		{"a class noun before the and a name is no apposition", "They are the two countries the Kestrel Bank fears for.",
			[]string{"Kestrel Bank=ORGANIZATION"}},
		{"a place whose name ends in s is no people", "Sales rose in the Americas and in the Maldives.",
			[]string{"Americas=PLACE", "Maldives=PLACE"}},
		{"a person named in full before her staff", "Amy Quorvix spoke on Monday. Quorvix employees cheered her.",
			[]string{"Amy Quorvix=PERSON", "Quorvix=PERSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, byID := extractText(t, tt.text)
			var got []string
			for _, m := range ex.Mentions {
				k := string(m.KindInContext)
				if k == "" {
					k, _, _ = strings.Cut(byID[m.EntityID], ":")
				}
				got = append(got, m.Text+"="+k)
			}
			slices.Sort(got)
			slices.Sort(tt.want)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mention kinds (-want +got):\n%s", diff)
			}
		})
	}
}
