package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// TestLeftoverContents hands the assembly a tagged content and checks when
// it becomes an act of its own, with no cue or source: when nothing holds
// it and it has minRestContent tokens or more.
func TestLeftoverContents(t *testing.T) {
	text := "Whether the ferry would run again by spring was still unclear to the harbour board."
	tests := []struct {
		name, cnt   string // the tagged content, by its words
		used, held  bool   // a claim took the span; a claim's content overlaps it
		wantContent string // the act's content; "" for no act
	}{
		{"nothing holds it", "the ferry would run again by spring", false, false, "the ferry would run again by spring"},
		{"too short", "the ferry", false, false, ""},
		{"a claim took it", "the ferry would run again by spring", true, false, ""},
		{"a claim's content overlaps it", "the ferry would run again by spring", false, true, ""},
	}
	x := newExtractor(t).WithPeerAttributor(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ts := oneTaggedSentence(x, text)
			c := findWords(t, d, tt.cnt)
			c.used = tt.used
			ts.contents = []*attrSpan{c}
			if tt.held {
				held := d.span(c.t0+1, c.t1+2)
				d.claims = append(d.claims, graph.ClaimEvidence{Citation: graph.Citation{ArticleID: "art_t", Start: held.Start, End: held.End}})
			}
			d.addTaggedActs()
			d.addRejectedActs()
			if tt.wantContent == "" {
				if len(d.actClaims) != 0 {
					t.Fatalf("acts %+v, want none", d.actClaims)
				}
				return
			}
			if len(d.actClaims) != 1 {
				t.Fatalf("acts %+v, want one", d.actClaims)
			}
			a := d.actClaims[0]
			if a.Cue != (graph.Span{}) || a.Source != (graph.Span{}) {
				t.Errorf("act cue %+v source %+v, want none", a.Cue, a.Source)
			}
			if got := string([]rune(text)[a.Citation.Start:a.Citation.End]); got != tt.wantContent {
				t.Errorf("act content %q, want %q", got, tt.wantContent)
			}
		})
	}
}

// TestPeerSameCue checks that a leftover cue with no reporting word keeps
// its cue when the peer tagger labels the very same words, only its source
// when the peer's cue merely overlaps it, and makes no act without the
// peer.
func TestPeerSameCue(t *testing.T) {
	text := "Marta Quell toured the harbour with two engineers on a wet afternoon."
	tests := []struct {
		name    string
		peerCue string // the peer's cue, by its words; "" for none
		wantAct bool
		wantCue string
		wantSrc string
	}{
		{"same words", "toured", true, "toured", "Marta Quell"},
		{"wider cue", "toured the", true, "", "Marta Quell"},
		{"no peer cue", "", false, "", ""},
	}
	x := newExtractor(t).WithPeerAttributor(&ner.Model{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ts := oneTaggedSentence(x, text)
			ts.sources = []*attrSpan{findWords(t, d, "Marta Quell")}
			ts.cues = []*attrSpan{findWords(t, d, "toured")}
			ts.contents = []*attrSpan{findWords(t, d, "the harbour")}
			// The peer's tags are set in advance, so the empty model is never run.
			p := &attrSentence{ran: true}
			if tt.peerCue != "" {
				p.cues = []*attrSpan{findWords(t, d, tt.peerCue)}
			}
			d.peer = map[int]*attrSentence{0: p}
			d.addTaggedActs()
			d.addRejectedActs()
			a := oneAct(t, d, tt.wantAct)
			if a == nil {
				return
			}
			if a.Cue.Text != tt.wantCue || a.Source.Text != tt.wantSrc {
				t.Errorf("act cue %q source %q, want %q and %q", a.Cue.Text, a.Source.Text, tt.wantCue, tt.wantSrc)
			}
		})
	}
}
