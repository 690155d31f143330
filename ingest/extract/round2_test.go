package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDefiniteRoleSpeakers: "the <role>" speaks for the one person the
// article gave that role, before the name or in an apposition, and a
// later "he" continues that person; a role no one, or a narrower role
// someone, was given names no one, as before. Each case lists every
// claim as "speakers | cue | listed".
func TestDefiniteRoleSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"title before the name, then a pronoun",
			`Harbour Minister Piet Vos will publish the plan on Monday. Opposition member Tom Hale said the plan came too late. The harbour minister said the new quay would open in the spring. He said: "We have listened to the fishermen."`,
			[]string{"PERSON:Tom Hale | said | listed", "PERSON:Piet Vos | said | listed", "PERSON:Piet Vos | said | listed"}},
		{"apposition",
			`Piet Vos, the harbour minister, visited the docks. Tom Hale, who leads the dockers, said the visit was welcome. The harbour minister told reporters the quay would open in the spring.`,
			[]string{"PERSON:Tom Hale | said | listed", "PERSON:Piet Vos | told | listed"}},
		{"a narrower role names another office",
			`Shadow Harbour Minister Piet Vos criticised the plan. The harbour minister said the new quay would open in the spring.`,
			[]string{" | said | listed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := listedClaims(t, "Report\n\n"+tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAgentSpeakers: in "X's agent Y said" the agent Y speaks for X, so
// Y is the speaker, in a quote and in reported speech.
func TestAgentSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"quote, inverted",
			`Singer Tom Hale is said to be engaged. "No date has been set for a wedding," said Hale's agent Ana Ruiz.`,
			[]string{"PERSON:Ana Ruiz | said | listed"}},
		{"reported speech",
			`Winger Tom Hale missed training on Monday. Hale's publicist Ana Ruiz said the player had a cold.`,
			[]string{"PERSON:Ana Ruiz | said | listed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := listedClaims(t, "Report\n\n"+tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
		})
	}
}

// TestObjectActCues: a vote, writing a work and telling of a topic are no
// statements when their object is a noun phrase: tentative. With a clause
// they report speech and stay listed.
func TestObjectActCues(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a vote",
			"Kestrel Bank board member Tom Hale voted for a rise in interest rates to 5%.",
			[]string{"PERSON:Tom Hale | voted for | tentative"}},
		{"writing a work",
			"Tom Hale, a composer from Leeds, wrote the music for an opera based on a novel about the harbour.",
			[]string{"PERSON:Tom Hale | wrote | tentative"}},
		{"writing a clause",
			"Tom Hale, a composer from Leeds, wrote in his diary that the opera would never be staged.",
			[]string{"PERSON:Tom Hale | wrote | listed"}},
		{"telling of a topic",
			`Former soldier Tom Hale has told of the "terrible" days he spent in the camp.`,
			[]string{"PERSON:Tom Hale | has told of | tentative"}},
		{"telling of how",
			"Survivors have told of how they clung to the wreckage for hours.",
			[]string{" | have told of | listed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := listedClaims(t, "Report\n\n"+tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
		})
	}
}
