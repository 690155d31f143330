package eval

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// An invented two-sentence document in GUM's CoNLL-U layout (columns:
// ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC).
var gumDoc = strings.Join([]string{
	"# newdoc id = invented",
	"# newpar",
	"# text = Mayor Ann Lee's team won.",
	"1\tMayor\tmayor\tNOUN\tNN\t_\t3\tcompound\t_\tEntity=(1-person-new-x-x-2-coref",
	"2\tAnn\tAnn\tPROPN\tNNP\t_\t3\tflat\t_\t_",
	"3-4\tLee's\t_\t_\t_\t_\t_\t_\t_\t_",
	"3\tLee\tLee\tPROPN\tNNP\t_\t5\tnmod:poss\t_\tEntity=1)",
	"4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_",
	"5\tteam\tteam\tNOUN\tNN\t_\t6\tnsubj\t_\tEntity=(2-organization-new-x-x-1-sgl)|SpaceAfter=No",
	"6\twon\twin\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
	"7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_",
	"",
	"# text = She left Oslo.",
	"1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-x-1-coref)",
	"2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_",
	"3\tOslo\tOslo\tPROPN\tNNP\t_\t2\tobj\t_\tEntity=(3-place-new-x-x-1-sgl-Oslo)|SpaceAfter=No",
	"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
	"",
	"# text = Club captain Ole Berg scored.",
	"1\tClub\tclub\tNOUN\tNN\t_\t2\tcompound\t_\tEntity=(4-person-new-x-x-1-sgl",
	"2\tcaptain\tcaptain\tNOUN\tNN\t_\t5\tnsubj\t_\t_",
	"3\tOle\tOle\tPROPN\tNNP\t_\t2\tappos\t_\t_",
	"4\tBerg\tBerg\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=4)",
	"5\tscored\tscore\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
	"6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_",
	"",
}, "\n")

func TestParseGUM(t *testing.T) {
	doc, err := ParseGUM(strings.NewReader(gumDoc))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Mayor Ann Lee's team won.\nShe left Oslo.\nClub captain Ole Berg scored."; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
	want := []GUMMention{
		{Entity: "1", Type: "person", Start: 0, End: 13, Head: [2]int{6, 13}, Named: true}, // "'s" split off; head is the name
		{Entity: "2", Type: "organization", Start: 16, End: 20, Head: [2]int{16, 20}},
		{Entity: "1", Type: "person", Start: 26, End: 29, Head: [2]int{26, 29}},
		{Entity: "3", Type: "place", Start: 35, End: 39, Head: [2]int{35, 39}, Named: true},
		{Entity: "4", Type: "person", Start: 41, End: 62, Head: [2]int{54, 62}, Named: true}, // named by the apposition
	}
	if diff := cmp.Diff(want, doc.Mentions); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	if got := doc.Sentences[0][3]; got != (GUMToken{Form: "'s", Start: 13, End: 15}) {
		t.Errorf("contraction part: %+v", got)
	}
	if len(doc.Sentences) != 3 || len(doc.Sentences[1]) != 4 {
		t.Errorf("sentences: %+v", doc.Sentences)
	}
	if _, err := ParseGUM(strings.NewReader("# text = x\n1\tx\tx\tX\tX\t_\t0\troot\t_\tEntity=(1-person-a\n")); err == nil {
		t.Error("unclosed entity: want an error")
	}
}

func TestMentionScores(t *testing.T) {
	gold := []GUMMention{
		{Entity: "1", Type: "person", Start: 0, End: 13, Head: [2]int{6, 13}},  // "Mayor Ann Lee"-like
		{Entity: "2", Type: "place", Start: 20, End: 24, Head: [2]int{20, 24}}, // a place
	}
	tests := []struct {
		name    string
		pred    []PredictedMention
		untyped PRF
		typed   map[string]PRF
	}{
		{"head inside gold matches", []PredictedMention{{Entity: "a", Type: "person", Start: 6, End: 13}},
			PRF{TP: 1, FN: 1}, map[string]PRF{"person": {TP: 1}, "place": {FN: 1}}},
		{"wrong kind counts untyped only", []PredictedMention{{Entity: "b", Type: "organization", Start: 20, End: 24}},
			PRF{TP: 1, FN: 1}, map[string]PRF{"organization": {FP: 1}, "person": {FN: 1}, "place": {FN: 1}}},
		{"missing the head is no match", []PredictedMention{{Entity: "a", Type: "person", Start: 0, End: 5}},
			PRF{FP: 1, FN: 2}, map[string]PRF{"person": {FP: 1, FN: 1}, "place": {FN: 1}}},
		{"past the gold span is no match", []PredictedMention{{Entity: "a", Type: "place", Start: 18, End: 26}},
			PRF{FP: 1, FN: 2}, map[string]PRF{"person": {FN: 1}, "place": {FP: 1, FN: 1}}},
		{"two inside one gold: the right type matches", []PredictedMention{
			{Entity: "o", Type: "organization", Start: 6, End: 9}, {Entity: "a", Type: "person", Start: 10, End: 13}},
			PRF{TP: 1, FP: 1, FN: 1}, map[string]PRF{"organization": {FP: 1}, "person": {TP: 1}, "place": {FN: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, ty := MentionScores(gold, tt.pred)
			if u != tt.untyped {
				t.Errorf("untyped %+v, want %+v", u, tt.untyped)
			}
			if diff := cmp.Diff(tt.typed, ty); diff != "" {
				t.Errorf("typed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBCubed(t *testing.T) {
	// Gold: {a1 a2 a3} one entity, {b1} another. Mentions laid out at 0,10,20,30.
	gold := []GUMMention{
		{Entity: "A", Start: 0, End: 5, Head: [2]int{0, 5}},
		{Entity: "A", Start: 10, End: 15, Head: [2]int{10, 15}},
		{Entity: "A", Start: 20, End: 25, Head: [2]int{20, 25}},
		{Entity: "B", Start: 30, End: 35, Head: [2]int{30, 35}},
	}
	m := func(ent string, start int) PredictedMention {
		return PredictedMention{Entity: ent, Start: start, End: start + 5}
	}
	tests := []struct {
		name string
		pred []PredictedMention
		p, r float64
	}{
		{"perfect", []PredictedMention{m("x", 0), m("x", 10), m("x", 20), m("y", 30)}, 1, 1},
		{"all singletons", []PredictedMention{m("1", 0), m("2", 10), m("3", 20), m("4", 30)}, 1, (1.0/3*3 + 1) / 4},
		{"all merged", []PredictedMention{m("x", 0), m("x", 10), m("x", 20), m("x", 30)}, (3.0/4*3 + 1.0/4) / 4, 1},
		{"unaligned mentions are left out", []PredictedMention{m("x", 0), m("x", 10), m("x", 50)}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, n := BCubed(gold, tt.pred, alignMentions(gold, tt.pred))
			if abs(p/float64(n)-tt.p) > 1e-9 || abs(r/float64(n)-tt.r) > 1e-9 {
				t.Errorf("P %.4f R %.4f, want %.4f %.4f", p/float64(n), r/float64(n), tt.p, tt.r)
			}
		})
	}
}

// TestPredictedMentionsInContext checks that the GUM scorer types a
// mention by its kind in context when asked, and by its entity's kind
// otherwise.
func TestPredictedMentionsInContext(t *testing.T) {
	ex := &graph.Extraction{
		Entities: []graph.Entity{{ID: "no", Kind: graph.Place}, {ID: "pr", Kind: graph.Program}},
		Mentions: []graph.Mention{
			{EntityID: "no", KindInContext: graph.Organization, Citation: graph.Citation{Start: 0, End: 6}},
			{EntityID: "no", Citation: graph.Citation{Start: 20, End: 26}},
			{EntityID: "pr", Citation: graph.Citation{Start: 30, End: 35}},
		},
	}
	tests := []struct {
		name      string
		inContext bool
		want      []PredictedMention
	}{
		{"in context", true, []PredictedMention{
			{Entity: "no", Type: "organization", Kind: graph.Organization, Start: 0, End: 6},
			{Entity: "no", Type: "place", Kind: graph.Place, Start: 20, End: 26},
		}},
		{"entity kinds only", false, []PredictedMention{
			{Entity: "no", Type: "place", Kind: graph.Place, Start: 0, End: 6},
			{Entity: "no", Type: "place", Kind: graph.Place, Start: 20, End: 26},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, predictedMentions(ex, tt.inContext)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
