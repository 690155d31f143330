package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

func TestEntityResolution(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		form  string // a surface form in the text
		want  string // the "KIND:Name" of the entity it must resolve to
		alias string // an alias the entity must carry, if any
	}{
		{"acronym definition in parentheses", "The Eastern Ridge Brigades (ERB) grew. Later the ERB split.", "ERB", "GROUP:Eastern Ridge Brigades", "ERB"},
		{"acronym definition with or", "The Centre for Rural Studies, or CRS, published data. The CRS is small.", "CRS", "ORGANIZATION:Centre for Rural Studies", "CRS"},
		{"gazetteer acronym", "ISKP fighters attacked. The Islamic State Khorasan (IS-K) denied it.", "IS-K", "GROUP:Islamic State Khorasan Province", "Islamic State Khorasan"},
		{"gazetteer alias Daesh", "Daesh claimed the attack.", "Daesh", "GROUP:Islamic State", "Daesh"},
		{"possessive", "IS-K's leaders met.", "IS-K", "GROUP:Islamic State Khorasan Province", "IS-K"},
		{"surname reference", "Political expert Shahab Karimi spoke. Karimi said more.", "Karimi", "PERSON:Shahab Karimi", "Karimi"},
		{"title and surname", "Minister Patricia Holm visited. Ms Holm left.", "Holm", "PERSON:Patricia Holm", "Holm"},
		{"head word group", "The Valley Liberation Front was formed in 2019.", "Valley Liberation Front", "GROUP:Valley Liberation Front", ""},
		{"head word university", "She teaches at Carrow University.", "Carrow University", "ORGANIZATION:Carrow University", ""},
		{"place cue", "The families moved to Darband last year.", "Darband", "PLACE:Darband", ""},
		{"role makes a person", "Host Leyla Demir opened the show.", "Leyla Demir", "PERSON:Leyla Demir", ""},
		// A part of a longer group name is that group, or after a locative
		// preposition with a place head, the place it is named after.
		{"fragment of a group name", "The Southern Harran Mujahideen Front grew. Fighters loyal to Harran Mujahideen then left the city.", "Harran Mujahideen", "GROUP:Southern Harran Mujahideen Front", ""},
		{"fragment of a known group name", "The Islamic State Khorasan Province grew. Fighters loyal to Khorasan Province then left the city.", "Khorasan Province", "PLACE:Khorasan", ""},
		{"fragment naming a place", "The Harran Province Liberation Front grew. Its cells spread across Harran Province within a year.", "Harran Province", "PLACE:Harran Province", ""},
		{"fragment of a named front", "The Northern Valley Liberation Front held talks. A spokesman for Valley Liberation said little.", "Valley Liberation", "GROUP:Northern Valley Liberation Front", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			var ent *graph.Entity
			for _, m := range ex.Mentions {
				if m.Text == tt.form {
					for i := range ex.Entities {
						if ex.Entities[i].ID == m.EntityID {
							ent = &ex.Entities[i]
						}
					}
				}
			}
			if ent == nil {
				t.Fatalf("no mention %q; entities %v", tt.form, names)
			}
			if got := names[ent.ID]; got != tt.want {
				t.Errorf("%q resolved to %s, want %s", tt.form, got, tt.want)
			}
			if tt.alias != "" && !contains(ent.Aliases, tt.alias) {
				t.Errorf("aliases %v lack %q", ent.Aliases, tt.alias)
			}
			if ent.ID != graph.EntityID(ent.Kind, graph.CanonicalKey(ent.Name)) {
				t.Errorf("entity id is not EntityID(kind, CanonicalKey(name))")
			}
		})
	}
}

func TestNoFalseMentions(t *testing.T) {
	tests := []struct{ name, text string }{
		{"heading words", "Understanding the Emergence and Goals\n\nNothing here."},
		{"sentence-initial common words", "Despite the rain, nothing happened. Unlike before, it ended."},
		{"lower-case text", "the us and them of it is that we all went home."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, _ := extractText(t, tt.text)
			var got []string
			for _, m := range ex.Mentions {
				got = append(got, m.Text)
			}
			sort.Strings(got)
			if diff := cmp.Diff([]string(nil), got); diff != "" {
				t.Errorf("unexpected mentions (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAnaphora checks that "the group" resolves to its antecedent for
// relations, without becoming a mention or an alias of it (stores turn
// mention texts into aliases).
func TestAnaphora(t *testing.T) {
	ex, names := extractText(t, "The Crescent Martyrs Front grew in 2020. Last year the group attacked the Northern Defence Army.")
	want := "ATTACKED GROUP:Crescent Martyrs Front -> GROUP:Northern Defence Army"
	if got := relationStrings(ex, names); !contains(got, want) {
		t.Errorf("relations %v lack %q", got, want)
	}
	for _, m := range ex.Mentions {
		if m.Text == "the group" {
			t.Errorf("anaphor emitted as a mention of %s", names[m.EntityID])
		}
	}
	for _, e := range ex.Entities {
		if contains(e.Aliases, "the group") {
			t.Errorf("%s has the anaphor as an alias", e.Name)
		}
	}
	// Two candidate groups make "the group" ambiguous: no link.
	ex, names = extractText(t, "Hamas met Fatah. The group attacked the Northern Defence Army.")
	for _, r := range relationStrings(ex, names) {
		if strings.HasPrefix(r, "ATTACKED") {
			t.Errorf("ambiguous anaphor gave %s", r)
		}
	}
}

// TestSharedSurname checks that two people sharing a surname stay two
// entities, and that the surname alone goes to the one named last.
func TestSharedSurname(t *testing.T) {
	ex, names := extractText(t, "Senator Maria Castell met her brother, Judge Tomas Castell, on Monday. Castell later said the meeting was private.")
	people := 0
	for _, e := range ex.Entities {
		if e.Kind == graph.Person && strings.HasSuffix(e.Name, "Castell") {
			people++
			if e.Name == "Castell" {
				t.Errorf("the bare surname became an entity of its own")
			}
		}
	}
	if people != 2 {
		t.Errorf("got %d Castell people, want 2 (%v)", people, names)
	}
	for _, m := range ex.Mentions {
		if m.Text == "Castell" && names[m.EntityID] != "PERSON:Tomas Castell" {
			t.Errorf("Castell -> %s, want the one named last", names[m.EntityID])
		}
	}
}
