package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// TestDefiniteRoleSpeakers: "the <role>" speaks for the one person the
// article gave that role, before the name or in an apposition, and a
// later "he" continues that person; a role no one, or a narrower role
// someone, was given names no one, as before. Each case lists every
// claim as "speakers | cue | listed".
func TestDefiniteRoleSpeakers(t *testing.T) {
	runListedCases(t, []listedCase{
		{"title before the name, then a pronoun",
			`Harbour Minister Piet Vos will publish the plan on Monday. Opposition member Tom Hale said the plan came too late. The harbour minister said the new quay would open in the spring. He said: "We have listened to the fishermen."`,
			[]string{"PERSON:Tom Hale | said | listed", "PERSON:Piet Vos | said | listed", "PERSON:Piet Vos | said | listed"}},
		{"apposition",
			`Piet Vos, the harbour minister, visited the docks. Tom Hale, who leads the dockers, said the visit was welcome. The harbour minister told reporters the quay would open in the spring.`,
			[]string{"PERSON:Tom Hale | said | listed", "PERSON:Piet Vos | told | listed"}},
		{"a narrower role names another office",
			`Shadow Harbour Minister Piet Vos criticised the plan. The harbour minister said the new quay would open in the spring.`,
			[]string{" | said | listed"}},
	})
}

// TestAgentSpeakers: in "X's agent Y said" the agent Y speaks for X, so
// Y is the speaker, in a quote and in reported speech.
func TestAgentSpeakers(t *testing.T) {
	runListedCases(t, []listedCase{
		{"quote, inverted",
			`Singer Tom Hale is said to be engaged. "No date has been set for a wedding," said Hale's agent Ana Ruiz.`,
			[]string{"PERSON:Ana Ruiz | said | listed"}},
		{"reported speech",
			`Winger Tom Hale missed training on Monday. Hale's publicist Ana Ruiz said the player had a cold.`,
			[]string{"PERSON:Ana Ruiz | said | listed"}},
	})
}

// TestObjectActCues: a vote, writing a work and telling of a topic are no
// statements when their object is a noun phrase: tentative. With a clause
// they report speech and stay listed.
func TestObjectActCues(t *testing.T) {
	runListedCases(t, []listedCase{
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
		{"writing, inverted",
			"Columnist Tom Hale said the board met in May. The mayor had then dropped the plan in July, after weeks of protests by the fishermen at the harbour gates, writes Mr Hale.",
			[]string{"PERSON:Tom Hale | said | listed", "PERSON:Mr Hale | writes | listed"}},
		{"telling of how",
			"Survivors have told of how they clung to the wreckage for hours.",
			[]string{" | have told of | listed"}},
	})
}

// TestAttributionInsideContent: a content that holds its own cue and
// source at its end is cut before them; one that runs on after them is
// left as it is.
func TestAttributionInsideContent(t *testing.T) {
	d := newDoc(nil, &graph.Article{ID: "art_t", Text: "The quay will open in May, said Ana Ruiz, the harbour master."})
	words := d.words
	at := func(w string) int {
		for i, x := range words {
			if x == w {
				return i
			}
		}
		t.Fatalf("no %q in %q", w, words)
		return -1
	}
	k0, src := at("said"), at("Ana")
	end := len(words) - 1 // before the full stop
	tests := []struct {
		name           string
		c0, c1, k0, k1 int
		spk            *speaker
		want           string
	}{
		{"cue and source at the end", 0, end, k0, k0 + 1, &speaker{t0: src, t1: end}, "The quay will open in May"},
		{"source outside", 0, k0 + 1, k0, k0 + 1, &speaker{t0: src, t1: end}, "The quay will open in May, said"},
		{"content runs on after the source", 0, end, k0, k0 + 1, &speaker{t0: src, t1: src + 2}, "The quay will open in May, said Ana Ruiz, the harbour master"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.span(tt.c0, d.attributionInside(tt.c0, tt.c1, tt.k0, tt.k1, tt.spk)).Text
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("content (-want +got):\n%s", diff)
			}
		})
	}
}

// TestObjectActClauses: the clause tests that keep a writing or telling
// cue listed: a content opening with a subject pronoun, and a quote after
// a colon inside the content; and a particle after a verb that is no verb
// of telling ("accused the club of ...") keeps its statement.
func TestObjectActClauses(t *testing.T) {
	runListedCases(t, []listedCase{
		{"a clause without that",
			"Ana Ruiz, a nurse from Leeds, wrote she believed the ward would close within a year.",
			[]string{"PERSON:Ana Ruiz | wrote | listed"}},
	})
}

// TestReportingCueClauses checks reportingCue on cue and content spans
// the tagger might give: a verb of telling before "of" needs a clause, a
// quote after a colon in the content is one, and "of" after another verb
// ("accused the club of") leaves the cue a reporting one.
func TestReportingCueClauses(t *testing.T) {
	tests := []struct {
		name, sentence, cue, content string
		want                         bool
	}{
		{"telling of a topic", "Ana Ruiz told of her fear after the storm.", "told of", "her fear after the storm", false},
		{"a quote after a colon", `Ana Ruiz asked of the closure: "Who will care for the old now?"`, "asked of", `the closure: "Who will care for the old now?`, true},
		{"a particle after another verb", "Tom Hale accused the bank of using the quay as a car park.", "accused the bank of", "using the quay as a car park", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(nil, &graph.Article{ID: "art_t", Text: tt.sentence})
			k0, k1 := tokenSpan(t, d, tt.cue)
			c0, c1 := tokenSpan(t, d, tt.content)
			if got := d.reportingCue(k0, k1, c0, c1); got != tt.want {
				t.Errorf("reportingCue(%q, %q) = %v, want %v", tt.cue, tt.content, got, tt.want)
			}
		})
	}
}

// tokenSpan returns the first token span of d whose text is phrase.
func tokenSpan(t *testing.T, d *doc, phrase string) (int, int) {
	t.Helper()
	for i := range d.words {
		for j := i + 1; j <= len(d.words); j++ {
			if d.span(i, j).Text == phrase {
				return i, j
			}
		}
	}
	t.Fatalf("no span %q in %q", phrase, d.words)
	return 0, 0
}

// listedCase is a text and its claims as listedClaims lists them.
type listedCase struct {
	name, text string
	want       []string
}

// runListedCases runs each case as a subtest.
func runListedCases(t *testing.T, tests []listedCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := listedClaims(t, "Report\n\n"+tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
		})
	}
}
