package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

// claimView is what the claim tests compare.
type claimView struct {
	Source, Cue, Content string
	Speakers             string
	Verbatim             bool
}

// TestClaimForms checks the quote and reported-speech rules, which find
// the claims the attribution tagger misses; they run alone here.
func TestClaimForms(t *testing.T) {
	rules := newExtractor(t).RulesOnly()
	const panel = "In an episode of Newsnight, Anna Berg brought together political analyst Karl Huber and university lecturer Sara Lind. "
	tests := []struct {
		name string
		text string
		want claimView
	}{
		{"quote then speaker", "“The group is growing fast,” Karl Huber said.",
			claimView{"Karl Huber", "said", "The group is growing fast", "Karl Huber", true}},
		{"quote then inverted speaker", "“The group is growing fast,” said analyst Karl Huber.",
			claimView{"analyst Karl Huber", "said", "The group is growing fast", "Karl Huber", true}},
		{"speaker then quote", "Karl Huber said: “The group is growing fast.”",
			claimView{"Karl Huber", "said", "The group is growing fast", "Karl Huber", true}},
		{"quote with a stray mark", "Karl Huber said: \"The group is growing. \"It recruits online every day.\"",
			claimView{"Karl Huber", "said", "The group is growing. It recruits online every day", "Karl Huber", true}},
		{"quote continued after its attribution", "“The group is growing,” Karl Huber said. “It recruits online every day.”",
			claimView{"Karl Huber", "said", "The group is growing. It recruits online every day", "Karl Huber", true}},
		{"quote continued in its sentence", "“The group is growing,” Karl Huber said, “and it recruits online.”",
			claimView{"Karl Huber", "said", "The group is growing and it recruits online", "Karl Huber", true}},
		{"quote then dash", "“The ceasefire will not hold.” ― Karl Huber",
			claimView{"Karl Huber", "―", "The ceasefire will not hold", "Karl Huber", true}},
		{"quote with pronoun", "Karl Huber spoke first. “The group is growing fast,” he said.",
			claimView{"he", "said", "The group is growing fast", "Karl Huber", true}},
		{"said that", "Analyst Karl Huber said that the Taliban had lost ground in the north.",
			claimView{"Analyst Karl Huber", "said", "the Taliban had lost ground in the north", "Karl Huber", false}},
		{"warned that with role", "Political expert Karl Huber warned that ISKP would exploit the unrest.",
			claimView{"Political expert Karl Huber", "warned", "ISKP would exploit the unrest", "Karl Huber", false}},
		{"argued without that", "Karl Huber argued the ceasefire would not hold.",
			claimView{"Karl Huber", "argued", "the ceasefire would not hold", "Karl Huber", false}},
		{"final attribution", "The ceasefire will not hold, Karl Huber said.",
			claimView{"Karl Huber", "said", "The ceasefire will not hold", "Karl Huber", false}},
		{"final attribution inverted", "The ceasefire will not hold, said analyst Karl Huber.",
			claimView{"analyst Karl Huber", "said", "The ceasefire will not hold", "Karl Huber", false}},
		{"medial attribution", "The ceasefire, Karl Huber said, will not hold.",
			claimView{"Karl Huber", "said", "The ceasefire will not hold", "Karl Huber", false}},
		{"speaker with apposition", "Karl Huber, a lecturer at Carrow University, said the ceasefire would not hold.",
			claimView{"Karl Huber", "said", "the ceasefire would not hold", "Karl Huber", false}},
		{"double single quotes", "''The ceasefire will not hold,'' Karl Huber said.",
			claimView{"Karl Huber", "said", "The ceasefire will not hold", "Karl Huber", true}},
		{"according to medial", "The talks, according to Karl Huber, have stalled.",
			claimView{"Karl Huber", "according to", "The talks have stalled", "Karl Huber", false}},
		{"according to final", "The talks have stalled, according to Karl Huber.",
			claimView{"Karl Huber", "according to", "The talks have stalled", "Karl Huber", false}},
		{"according to initial", "According to Karl Huber, the talks have stalled.",
			claimView{"Karl Huber", "According to", "the talks have stalled", "Karl Huber", false}},
		{"group speaker experts", panel + "The experts emphasized the need for regional cooperation.",
			claimView{"The experts", "emphasized", "the need for regional cooperation", "Karl Huber, Sara Lind", false}},
		{"group speaker analysts that", panel + "The analysts on the programme argued that the group recruits online.",
			claimView{"The analysts", "argued", "the group recruits online", "Karl Huber, Sara Lind", false}},
		{"unnamed group speaker", "Local elders said that the bridge was destroyed.",
			claimView{"Local elders", "said", "the bridge was destroyed", "", false}},
	}
	used := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractTextWith(t, rules, tt.text)
			for _, c := range ex.Claims {
				used[strings.TrimPrefix(c.Citation.Extractor, "rules/"+version+":")] = true
			}
			wantClaim(t, claimViews(ex, names), tt.want)
		})
	}
	for _, p := range claimPatterns {
		if !used[p.name] {
			t.Errorf("claim pattern %q is exercised by no test case", p.name)
		}
	}
	for _, q := range []string{"quote-after", "quote-after-inverted", "quote-before", "quote-dash"} {
		if !used[q] {
			t.Errorf("quote rule %q is exercised by no test case", q)
		}
	}
}

func TestClaimSpansAndIDs(t *testing.T) {
	text := "Karl Huber said that the Taliban had lost ground. Another article: Karl Huber said that the Taliban had lost ground."
	ex, names := extractText(t, text)
	if len(ex.Claims) != 2 {
		t.Fatalf("got %d claims, want 2", len(ex.Claims))
	}
	if ex.Claims[0].ClaimID != ex.Claims[1].ClaimID {
		t.Error("the same statement got two claim ids")
	}
	runes := []rune(text)
	for _, c := range ex.Claims {
		for _, sp := range []struct {
			name       string
			start, end int
			text       string
		}{
			{"content", c.Citation.Start, c.Citation.End, c.Text},
			{"source", c.Source.Start, c.Source.End, c.Source.Text},
			{"cue", c.Cue.Start, c.Cue.End, c.Cue.Text},
		} {
			got := string(runes[sp.start:sp.end])
			if sp.name == "content" {
				// The span follows PolNeAR and keeps the complementiser;
				// the claim text leaves it out.
				got = strings.TrimPrefix(got, "that ")
			}
			if got != sp.text {
				t.Errorf("%s span gives %q, text is %q", sp.name, got, sp.text)
			}
		}
		if len(c.AboutIDs) != 1 || names[c.AboutIDs[0]] != "GROUP:Taliban" {
			t.Errorf("about = %v, want the Taliban", c.AboutIDs)
		}
	}
}

// TestTaggedClaims checks the claims of the default extractor, whose
// attribution tagger follows PolNeAR's span conventions: the source is the
// whole noun phrase (role and apposition included), the content keeps
// "that" while the claim text drops it, and the speaker is the head of
// the source phrase.
func TestTaggedClaims(t *testing.T) {
	tests := []struct {
		name string
		text string
		want claimView
	}{
		{"said that", "Analyst Karl Huber said that the Taliban had lost ground in the north.",
			claimView{"Analyst Karl Huber", "said", "the Taliban had lost ground in the north", "Karl Huber", false}},
		{"apposition", "Karl Huber, a lecturer at Carrow University, said the ceasefire would not hold.",
			claimView{"Karl Huber, a lecturer at Carrow University", "said", "the ceasefire would not hold", "Karl Huber", false}},
		{"quote then speaker", "“The group is growing fast,” Karl Huber said.",
			claimView{"Karl Huber", "said", "The group is growing fast", "Karl Huber", true}},
		{"pronoun", "Karl Huber spoke first. He said the talks had stalled.",
			claimView{"He", "said", "the talks had stalled", "Karl Huber", false}},
		{"inverted speaker after the cue", "New cards will help people keep their details safe online, said Microsoft.",
			claimView{"Microsoft", "said", "New cards will help people keep their details safe online", "ORGANIZATION:Microsoft", false}},
		{"participle takes the main clause's speaker", "Analyst Karl Huber praised the plan, adding that it would cut costs.",
			claimView{"Analyst Karl Huber", "adding", "it would cut costs", "Karl Huber", false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			wantClaim(t, claimViews(ex, names), tt.want)
		})
	}
}

// TestSameClaimTwoArticles checks that one statement reported in two
// styles gets one claim id.
func TestSameClaimTwoArticles(t *testing.T) {
	a, _ := extractText(t, "Karl Huber said that the ceasefire will not hold.")
	b, _ := extractText(t, "“The ceasefire will not hold,” Karl Huber said.")
	if len(a.Claims) == 0 || len(b.Claims) == 0 {
		t.Fatalf("claims: %d and %d, want one each", len(a.Claims), len(b.Claims))
	}
	if a.Claims[0].ClaimID != b.Claims[0].ClaimID {
		t.Errorf("claim ids differ: %q (%s) vs %q (%s)", a.Claims[0].Text, a.Claims[0].ClaimID, b.Claims[0].Text, b.Claims[0].ClaimID)
	}
}

// claimViews renders an extraction's claims for comparison, speakers by
// name.
func claimViews(ex *graph.Extraction, names map[string]string) []claimView {
	var out []claimView
	for _, c := range ex.Claims {
		var sp []string
		for _, id := range c.SpeakerIDs {
			sp = append(sp, strings.TrimPrefix(names[id], "PERSON:"))
		}
		sort.Strings(sp)
		out = append(out, claimView{c.Source.Text, c.Cue.Text, c.Text, strings.Join(sp, ", "), c.Verbatim})
	}
	return out
}

// wantClaim fails t unless got holds want.
func wantClaim(t *testing.T, got []claimView, want claimView) {
	t.Helper()
	for _, g := range got {
		if g == want {
			return
		}
	}
	t.Errorf("claims lack the wanted one (-want +got):\n%s", cmp.Diff([]claimView{want}, got))
}
