package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

// TestWidenSources checks when a claim's source takes the phrase the
// attribution tagger marked around it: only a wider phrase holding the
// speaker whole and clear of the cue and content.
func TestWidenSources(t *testing.T) {
	const text = "The plan will fail, said Ana Ruiz, a planner at the city office."
	x := newExtractor(t)
	// tokAt returns the index of the first token w.
	tokAt := func(d *doc, w string) int {
		for i, word := range d.words {
			if word == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	tests := []struct {
		name   string
		tagged func(d *doc) [2]int // the tagged source, in tokens
		want   string
	}{
		{"apposition", func(d *doc) [2]int { return [2]int{tokAt(d, "Ana"), tokAt(d, "office") + 1} }, "Ana Ruiz, a planner at the city office"},
		{"trailing punctuation trimmed", func(d *doc) [2]int { return [2]int{tokAt(d, "Ana"), tokAt(d, "office") + 2} }, "Ana Ruiz, a planner at the city office"},
		{"takes the cue", func(d *doc) [2]int { return [2]int{tokAt(d, "said"), tokAt(d, "office") + 1} }, "Ana Ruiz"},
		{"takes the content", func(d *doc) [2]int { return [2]int{tokAt(d, "fail"), tokAt(d, "Ruiz") + 1} }, "Ana Ruiz"},
		{"narrower", func(d *doc) [2]int { return [2]int{tokAt(d, "Ruiz"), tokAt(d, "Ruiz") + 1} }, "Ana Ruiz"},
		{"elsewhere", func(d *doc) [2]int { return [2]int{tokAt(d, "city"), tokAt(d, "office") + 1} }, "Ana Ruiz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(x, &graph.Article{ID: "art_t", Text: text})
			content := d.span(0, tokAt(d, "fail")+1)
			d.claims = []graph.ClaimEvidence{{
				Source:   d.span(tokAt(d, "Ana"), tokAt(d, "Ruiz")+1),
				Cue:      d.span(tokAt(d, "said"), tokAt(d, "said")+1),
				Citation: graph.Citation{Start: content.Start, End: content.End},
			}}
			tg := tt.tagged(d)
			d.taggedSources = []*attrSpan{{t0: tg[0], t1: tg[1]}}
			d.widenSpans()
			if diff := cmp.Diff(tt.want, d.claims[0].Source.Text); diff != "" {
				t.Errorf("source (-want +got):\n%s", diff)
			}
			if got := []rune(text)[d.claims[0].Source.Start:d.claims[0].Source.End]; string(got) != d.claims[0].Source.Text {
				t.Errorf("source offsets give %q, text %q", string(got), d.claims[0].Source.Text)
			}
		})
	}
}

// TestWidenCues checks the same for cues: "said on Monday" rather than
// "said", never over the source or the content.
func TestWidenCues(t *testing.T) {
	const text = "The plan will fail, Ana Ruiz said on Monday."
	x := newExtractor(t)
	tests := []struct {
		name       string
		from, to   string // first and last word of the tagged cue
		want       string
		wantSource string
	}{
		{"time", "said", "Monday", "said on Monday", "Ana Ruiz"},
		{"takes the source", "Ruiz", "Monday", "said", "Ana Ruiz"},
		{"takes the content", "fail", "said", "said", "Ana Ruiz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(x, &graph.Article{ID: "art_t", Text: text})
			at := map[string]int{}
			for i, w := range d.words {
				if _, ok := at[w]; !ok {
					at[w] = i
				}
			}
			content := d.span(0, at["fail"]+1)
			cue := d.span(at["said"], at["said"]+1)
			d.claims = []graph.ClaimEvidence{{
				Source:   d.span(at["Ana"], at["Ruiz"]+1),
				Cue:      cue,
				Citation: graph.Citation{Start: content.Start, End: content.End, Trigger: cue.Text},
			}}
			d.taggedCues = []*attrSpan{{t0: at[tt.from], t1: at[tt.to] + 1}}
			d.widenSpans()
			got := d.claims[0]
			if diff := cmp.Diff([]string{tt.want, tt.want, tt.wantSource}, []string{got.Cue.Text, got.Citation.Trigger, got.Source.Text}); diff != "" {
				t.Errorf("cue, trigger, source (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWidenInsideJoinedQuote checks that a claim whose content is bounded
// across its own attribution (a quote and its continuation around "X
// said") still takes the tagger's whole source phrase.
func TestWidenInsideJoinedQuote(t *testing.T) {
	const text = "“The plan will fail,” said Ana Ruiz, a planner at the city office. “It always does.”"
	x := newExtractor(t)
	d := newDoc(x, &graph.Article{ID: "art_t", Text: text})
	at := map[string]int{}
	for i, w := range d.words {
		if _, ok := at[w]; !ok {
			at[w] = i
		}
	}
	content := d.span(at["The"], at["does"]+1)
	d.claims = []graph.ClaimEvidence{{
		Source:   d.span(at["Ana"], at["Ruiz"]+1),
		Cue:      d.span(at["said"], at["said"]+1),
		Citation: graph.Citation{Start: content.Start, End: content.End},
	}}
	d.taggedSources = []*attrSpan{{t0: at["Ana"], t1: at["office"] + 1}}
	d.widenSpans()
	if diff := cmp.Diff("Ana Ruiz, a planner at the city office", d.claims[0].Source.Text); diff != "" {
		t.Errorf("source (-want +got):\n%s", diff)
	}
}
