package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestObjectActs: a cue whose object is a thing ("announced plans to",
// "denied reports that", "called for an inquiry"), a charge ("accused X
// of"), a thing shown ("pointed to the figures") or a label ("called the
// budget a disgrace") makes an act, not a claim; the same cues with a
// clause stay claims.
func TestObjectActs(t *testing.T) {
	intro := "The mayor of Dunmere, Ruth Amble, spoke to reporters on Monday. "
	runListedCases(t, []listedCase{
		{"announced plans", intro + "Ms Amble announced plans to close three libraries next year.", nil},
		{"announced a list with a relative clause", intro + "Ms Amble announced a list of streets that will be resurfaced in May.", nil},
		{"announced that", intro + "Ms Amble announced that three libraries would close next year.",
			[]string{"PERSON:Ruth Amble | announced | listed"}},
		{"announced a clause", intro + "Ms Amble announced the libraries would close next year.",
			[]string{"PERSON:Ruth Amble | announced | listed"}},
		{"accused of", intro + "Ms Amble accused the harbour board of wasting public money.", nil},
		{"accusing in a longer cue", intro + "Ms Amble responded by accusing the harbour board of wasting public money.", nil},
		{"pointed to a thing", intro + "Ms Amble pointed to the falling number of visitors at the castle.", nil},
		{"pointed to a risk that", intro + "Ms Amble pointed to the risk that the harbour would silt up within a decade.",
			[]string{"PERSON:Ruth Amble | pointed to | listed"}},
		{"called it a label", intro + "Ms Amble called the new budget a disgrace for the town.", nil},
		{"denied reports", intro + "Ms Amble denied reports that she would resign before the summer.", nil},
		{"denied a clause with a past verb", intro + "Ms Amble denied the council misled residents about the flood risk.",
			[]string{"PERSON:Ruth Amble | denied | listed"}},
		{"denied suggestions without that", intro + "Ms Amble denied suggestions she wanted to leave the council before the summer.", nil},
		{"a quoted phrase inside the writer's clause", intro + "Ms Amble warned the \"harbour question\" was the real test for the council this year.", nil},
		{"cited as", intro + "Ms Amble cited the closure of the paper mill as proof of the decline.", nil},
		{"called for a thing", intro + "Ms Amble called for an inquiry into the fire at the harbour.", nil},
		// An object and its infinitive is a demand (directives.go).
		{"called for an object and its infinitive", intro + "Ms Amble called for the harbour board to publish its accounts.", nil},
	})
}

// TestNamingParticiple: "a ferry, called Skylark," names a thing; no one
// speaks.
func TestNamingParticiple(t *testing.T) {
	runListedCases(t, []listedCase{
		{"a name given", "The harbour board bought a new ferry, called Skylark, to serve the islands.", nil},
	})
}

// TestOwnedSpeaker: in "<Name>'s agent said" the agent speaks, not the
// owner; the source phrase identifies the speaker, unnamed. A name after
// the role ("<Name>'s lawyer Ann Lee") still speaks.
func TestOwnedSpeaker(t *testing.T) {
	intro := "Striker Karl Huber scored twice for Dunmere on Saturday. "
	runListedCases(t, []listedCase{
		{"according to the agent", intro + "According to Huber's agent, the player will stay at the club until June.",
			[]string{" | According to | listed"}},
		{"the mother said", intro + "Huber's mother said the family would move back to Dunmere in the spring.",
			[]string{" | said | listed"}},
		{"the oldest friend", intro + "Huber's oldest friend said the striker was unhappy with the coach.",
			[]string{" | said | listed"}},
		{"a named lawyer", intro + "Huber's lawyer Ann Lee said the striker had done nothing wrong.",
			[]string{"PERSON:Ann Lee | said | listed"}},
	})
}

// TestGivenNameGender: "he" does not stand for a woman the article names
// only by given name and surname, nor "she" for a man.
func TestGivenNameGender(t *testing.T) {
	runListedCases(t, []listedCase{
		{"he after a woman named last",
			"Harbour master Tom Hale met the ferry captain Helen Ward on the quay at dawn. \"We will have to close the port in May,\" he said.",
			[]string{"PERSON:Tom Hale | said | listed"}},
		{"she after a man named last",
			"Helen Ward met the harbour master Tom Hale on the quay at dawn. \"We will have to close the port in May,\" she said.",
			[]string{"PERSON:Helen Ward | said | listed"}},
	})
}

// TestBeCues: a cue holding a form of "be" is speech only as a
// progressive of a speech verb, as hearsay, or as a statement due ("is
// to tell"); "was asked whether", "is tipped to", "was speaking as" are
// not.
func TestBeCues(t *testing.T) {
	runListedCases(t, []listedCase{
		{"asked a question", "Ruth Amble was asked whether the harbour would close in May.", nil},
		{"tipped to", "Ruth Amble is tipped to ask the council for a new harbour budget next week.", nil},
		{"speaking as", "Ruth Amble was speaking as the council opened its new offices in the harbour.", nil},
		{"a progressive of speech", "Ruth Amble is saying the harbour will close in May.",
			[]string{"PERSON:Ruth Amble | is saying | listed"}},
		{"a statement due", "Ruth Amble is to tell the council that the harbour will close in May.",
			[]string{"PERSON:Ruth Amble | is to tell | listed"}},
	})
}

// TestBareNumberSource: a number alone as source identifies no one.
func TestBareNumberSource(t *testing.T) {
	tests := []struct {
		source string
		want   bool
	}{
		{"34", true},
		{"1,200", true},
		{"70%", false},
		{"Dunmere", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			if got := bareNumber(tt.source); got != tt.want {
				t.Errorf("bareNumber(%q) = %v, want %v", tt.source, got, tt.want)
			}
		})
	}
}

// TestRunOnAttribution: a content ends before a second speaker's clause
// joined by "and", and before the writer's own source added after a
// comma.
func TestRunOnAttribution(t *testing.T) {
	tests := []contentCase{
		{"a second speaker after and",
			"The board said harbour fees rose by 2% in May and Kestrel Bank reported a fall of 1% in the same month.",
			"harbour fees rose by 2% in May and Kestrel Bank reported a fall of 1% in the same month",
			"harbour fees rose by 2% in May"},
		{"the writer's source after a comma",
			"Ana Ruiz believes the cost of the new quay would be high, the Dunmere Gazette reported.",
			"the cost of the new quay would be high, the Dunmere Gazette reported",
			"the cost of the new quay would be high"},
		{"two subjects joined by and",
			"The board said harbour fees and ferry fares would rise in May.",
			"harbour fees and ferry fares would rise in May",
			"harbour fees and ferry fares would rise in May"},
	}
	runContentCases(t, tests, func(d *doc, c0, c1 int) int { return d.runOnEnd(c0, c1) })
}

// TestRunOnJoinedSubjects: two names joined by "and" before a reporting
// verb are one subject, and a content that holds them is not cut.
func TestRunOnJoinedSubjects(t *testing.T) {
	text := "The letter showed that both Ana Ruiz and Tom Hale thought the quay was too small."
	d := newDoc(nil, &graph.Article{ID: "art_t", Text: text})
	c0, c1 := tokenSpan(t, d, "both Ana Ruiz and Tom Hale thought the quay was too small")
	if got := d.span(c0, d.runOnEnd(c0, c1)).Text; got != "both Ana Ruiz and Tom Hale thought the quay was too small" {
		t.Errorf("content cut to %q", got)
	}
}

// TestSubordinateTail: a content cut after its opening adverbial clause
// runs on to the main clause; one that stands before its cue does not.
func TestSubordinateTail(t *testing.T) {
	tests := []contentCase{
		{"an adverbial clause before the main clause",
			"Tom Hale said that although the ferry still ran, the harbour would close in May.",
			"although the ferry still ran",
			"although the ferry still ran, the harbour would close in May"},
		{"a content that holds its complementizer",
			"Tom Hale said that although the ferry still ran, the harbour would close in May.",
			"that although the ferry still ran",
			"that although the ferry still ran, the harbour would close in May"},
		{"a content before its cue",
			"Although the ferry still ran, the harbour would close, Tom Hale said.",
			"Although the ferry still ran",
			"Although the ferry still ran"},
	}
	runContentCases(t, tests, func(d *doc, c0, c1 int) int { return d.subordinateTail(d.sentenceOf(c0), c0, c1) })
}
