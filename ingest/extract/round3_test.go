package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// TestHeadSpeakers: the head of a source phrase speaks. A name that only
// modifies a class noun or a role ("Ruritania FC coach Ann Lee", "Tom
// Hale's daughter Ana") is not the speaker; a role phrase resolves only to
// a person, else the claim names no one and is tentative; a source cut off
// after "and" is a fragment. Each case lists every claim as "speakers |
// cue | listed".
func TestHeadSpeakers(t *testing.T) {
	runListedCases(t, []listedCase{
		{"a possessor's relative",
			"Fisherman Tom Hale drowned in the storm last week. Mr Hale's daughter Ana, 34, said the coastguard had come too late.",
			[]string{" | said | tentative"}},
		{"a modifier, then the person in apposition",
			"The Harbour Party's Kestrel leader, Ana Ruiz, said the quay would be finished by May.",
			[]string{"PERSON:Ana Ruiz | said | listed"}},
		{"a quote's speaker after a film's title",
			`"These prizes mean everything to us," said Harbour Lights producer Ana Ruiz.`,
			[]string{"PERSON:Ana Ruiz | said | listed"}},
		{"a country before a class noun",
			"A new quay opens every month, according to Ruritanian policy institute Open Harbours, but few of them are used.",
			[]string{" | according to | tentative"}},
	})
}

// TestRivalPronouns: a "he" opening its sentence after a sentence naming
// two men goes to the subject of that sentence, or is left unresolved
// (tentative) when the resolver would pick the other man.
func TestRivalPronouns(t *testing.T) {
	runListedCases(t, []listedCase{
		{"the object is picked",
			`Farmer Tom Hale met the harbour minister, Piet Vos, on Monday. He said the quay would flood the fields.`,
			[]string{" | said | tentative"}},
		{"the subject is kept",
			`Piet Vos met farmer Tom Hale on Monday. He said the quay would open in May.`,
			[]string{"PERSON:Piet Vos | said | listed"}},
	})
}

// TestNounPhraseCues: "added to" a noun phrase, a cue ending in "with"
// and "proposed" with a noun-phrase object say nothing; with a clause
// they stay listed.
func TestNounPhraseCues(t *testing.T) {
	runListedCases(t, []listedCase{
		{"added a clause", "Striker Tom Hale has added that he will stay at the club.", []string{"PERSON:Tom Hale | added | listed"}},
		{"talks with", "Tom Hale had talks with the harbour board in May about a job at the port.", []string{"PERSON:Tom Hale | had talks with | tentative"}},
		{"proposed a clause", "The harbour board has proposed that larger boats pay a new fee.", []string{" | has proposed | listed"}},
	})
}

// TestRunOnContent: a content span ends where a quote closes its
// sentence and the writer's next sentence begins, and before a
// contrasting clause with its own speaker; a quote that goes on is kept.
func TestRunOnContent(t *testing.T) {
	tests := []contentCase{
		{"past a closing quote",
			`Ana Ruiz told the radio: "The quay is too small. We need a bigger one." The board meets next week.`,
			`The quay is too small. We need a bigger one." The board meets next week`,
			`The quay is too small. We need a bigger one."`},
		{"a contrasting clause",
			"The board said the fee would rise, while the union argued that it should be scrapped.",
			"the fee would rise, while the union argued that it should be scrapped",
			"the fee would rise"},
		{"a contrasting clause without a speaker",
			"The board said the fee would rise, while costs would fall.",
			"the fee would rise, while costs would fall",
			"the fee would rise, while costs would fall"},
	}
	runContentCases(t, tests, func(d *doc, c0, c1 int) int { return d.runOnEnd(c0, c1) })
}

// TestFragmentSource: a source span cut off after a conjunction or a
// preposition names no one and makes its claim tentative.
func TestFragmentSource(t *testing.T) {
	d := newDoc(nil, &graph.Article{ID: "art_t", Text: "The survey counted the boats and found that a third had no licence."})
	t0, t1 := tokenSpan(t, d, "the boats and")
	if got := d.sourceSpeaker(t0, t1); len(got.ents) != 0 || got.factor >= 1 {
		t.Errorf("sourceSpeaker(%q) = %d entities, factor %.2f; want none and a factor below 1", "the boats and", len(got.ents), got.factor)
	}
}

// TestNounPhraseCueSpans checks reportingCue on tagger-like spans: "added
// to" and "proposed" with a noun phrase, and a cue ending in "with", are
// no reporting cues; "proposed that" is one.
func TestNounPhraseCueSpans(t *testing.T) {
	tests := []struct {
		name, sentence, cue, content string
		want                         bool
	}{
		{"added to", "Tom Hale has added to talk of a move.", "has added", "to talk of a move", false},
		{"added a clause", "Tom Hale has added he will stay.", "has added", "he will stay", true},
		{"proposed a noun phrase", "The board has proposed a new fee for boats.", "has proposed", "a new fee for boats", false},
		{"proposed that", "The board has proposed that boats pay a fee.", "has proposed", "that boats pay a fee", true},
		{"talks with", "Ana Ruiz held talks with the fishermen in May.", "held talks with", "the fishermen in May", false},
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

// contentCase is a content span of text that a rule should end at want.
type contentCase struct{ name, text, span, want string }

// runContentCases checks, case by case, where end makes the content that
// starts as tt.span end.
func runContentCases(t *testing.T, tests []contentCase, end func(d *doc, c0, c1 int) int) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(nil, &graph.Article{ID: "art_t", Text: tt.text})
			c0, c1 := tokenSpan(t, d, tt.span)
			if diff := cmp.Diff(tt.want, d.span(c0, end(d, c0, c1)).Text); diff != "" {
				t.Errorf("content (-want +got):\n%s", diff)
			}
		})
	}
}
