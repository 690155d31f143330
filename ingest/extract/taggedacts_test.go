package extract

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestCueSupportTrim checks which parts of an act each kind of backing
// keeps: all with a reporting word or the peer's word-for-word cue, source
// and content with the peer's overlapping cue alone, the content alone
// with neither.
func TestCueSupportTrim(t *testing.T) {
	full := graph.ClaimEvidence{
		Source:   graph.Span{Start: 0, End: 5, Text: "Marta"},
		Cue:      graph.Span{Start: 6, End: 12, Text: "toured"},
		Citation: graph.Citation{Start: 13, End: 30},
	}
	tests := []struct {
		name             string
		sup              cueSupport
		wantCue, wantSrc bool
	}{
		{"reporting word", cueSupport{word: true}, true, true},
		{"peer only", cueSupport{peer: true}, false, true},
		{"peer labels the same cue", cueSupport{peer: true, same: true}, true, true},
		{"nothing", cueSupport{}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := full
			tt.sup.trim(&a)
			if got := a.Cue.End > a.Cue.Start; got != tt.wantCue {
				t.Errorf("cue kept = %v, want %v", got, tt.wantCue)
			}
			if got := a.Source.End > a.Source.Start; got != tt.wantSrc {
				t.Errorf("source kept = %v, want %v", got, tt.wantSrc)
			}
			if a.Citation != full.Citation {
				t.Errorf("content changed: %+v", a.Citation)
			}
		})
	}
}

// TestLeftoverActs hands the assembly tagged spans no claim took and
// checks which become acts: a cue with a reporting word does, with its
// source and content; one without (and no peer) does not; a cue a claim
// already holds does not come back.
func TestLeftoverActs(t *testing.T) {
	tests := []struct {
		name, text      string
		src, cue, cnt   string // tagged spans, by their words
		claimCue        bool   // a claim already holds the cue
		wantAct         bool
		wantSrc, wantCt string
	}{
		{"reporting word", "Marta Quell told the harbour board the ferry would run again by spring.",
			"Marta Quell", "told", "the ferry would run again by spring", false, true, "Marta Quell", "the ferry would run again by spring"},
		{"no reporting word", "Marta Quell toured the harbour with two engineers on a wet afternoon.",
			"Marta Quell", "toured", "the harbour", false, false, "", ""},
		{"cue already a claim's", "Marta Quell told the harbour board the ferry would run again by spring.",
			"Marta Quell", "told", "the ferry would run again by spring", true, false, "", ""},
	}
	x := newExtractor(t).WithPeerAttributor(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ts := oneTaggedSentence(x, tt.text)
			ts.sources = []*attrSpan{findWords(t, d, tt.src)}
			ts.cues = []*attrSpan{findWords(t, d, tt.cue)}
			ts.contents = []*attrSpan{findWords(t, d, tt.cnt)}
			if tt.claimCue {
				k, c := ts.cues[0], ts.contents[0]
				cnt := d.span(c.t0, c.t1)
				d.claims = append(d.claims, graph.ClaimEvidence{Cue: d.span(k.t0, k.t1),
					Citation: graph.Citation{ArticleID: "art_t", Start: cnt.Start, End: cnt.End}})
			}
			d.addTaggedActs()
			d.addRejectedActs()
			a := oneAct(t, d, tt.wantAct)
			if a == nil {
				return
			}
			if a.Cue.Text != tt.cue || a.Source.Text != tt.wantSrc {
				t.Errorf("act cue %q source %q, want %q and %q", a.Cue.Text, a.Source.Text, tt.cue, tt.wantSrc)
			}
			if got := []rune(tt.text)[a.Citation.Start:a.Citation.End]; string(got) != tt.wantCt {
				t.Errorf("act content %q, want %q", string(got), tt.wantCt)
			}
		})
	}
}

// findWords returns the tokens of d spelling words, as a tagged span.
func findWords(t *testing.T, d *doc, words string) *attrSpan {
	t.Helper()
	ws := strings.Fields(words)
	for i := 0; i+len(ws) <= len(d.words); i++ {
		if reflect.DeepEqual(d.words[i:i+len(ws)], ws) {
			return &attrSpan{t0: i, t1: i + len(ws)}
		}
	}
	t.Fatalf("%q not in %q", words, d.words)
	return nil
}

// TestPeerLeavesClaims checks that the accurate extractor's second tagger
// changes only the acts: the claims are the same with or without it, and
// it never takes an act away.
func TestPeerLeavesClaims(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the accurate models")
	}
	x, err := NewWith(Accurate)
	if err != nil {
		t.Fatal(err)
	}
	if x.attrPeer == nil {
		t.Fatal("the accurate extractor has no peer tagger")
	}
	texts := []struct{ name, text string }{
		{"statement and pledge", "The mayor of Calder Bay, Ines Varga, said on Tuesday that the ferry would run again by spring. " +
			"She pledged more money for the harbour and criticised the port authority for its delays. " +
			"Union leaders have been sceptical of the plan, and one warned that the workers would strike."},
		{"poll and quotes", "Most residents back the new bridge, a survey by the Calder Institute found. " +
			"\"We have waited long enough,\" said Tomas Brell, who runs a bakery near the docks. " +
			"Opponents, however, have questioned the cost and accused the council of hiding the real figures."},
	}
	for _, tt := range texts {
		t.Run(tt.name, func(t *testing.T) {
			a := &graph.Article{ID: "art_t", Text: tt.text}
			with, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			without, err := x.WithPeerAttributor(nil).Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(with.Claims, without.Claims) {
				t.Errorf("claims differ with the peer:\n%+v\nwithout:\n%+v", with.Claims, without.Claims)
			}
			if len(with.Acts) < len(without.Acts) {
				t.Errorf("the peer took acts away: %d with, %d without", len(with.Acts), len(without.Acts))
			}
		})
	}
}

// oneTaggedSentence returns a doc of text whose first sentence the
// attribution tagger has run on, with no spans yet, and that sentence's
// tags.
func oneTaggedSentence(x *Extractor, text string) (*doc, *attrSentence) {
	d := newDoc(x, &graph.Article{ID: "art_t", Text: text})
	d.tagged = make([]attrSentence, len(d.sents))
	ts := &d.tagged[0]
	ts.ran = true
	return d, ts
}

// oneAct checks that d made exactly one act when want is set, and none
// otherwise, and returns it (nil when none was wanted).
func oneAct(t *testing.T, d *doc, want bool) *graph.ClaimEvidence {
	t.Helper()
	if got := len(d.actClaims) == 1; got != want {
		t.Fatalf("act made = %v, want %v; acts %+v", got, want, d.actClaims)
	}
	if !want {
		return nil
	}
	return &d.actClaims[0]
}
