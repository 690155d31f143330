package eval

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name   string
		labels string
		want   []chunk
	}{
		{"empty", "", nil},
		{"bio", "B-PER I-PER O B-LOC", []chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"adjacent B starts a new chunk", "B-PER B-PER", []chunk{{0, 1, "PER"}, {1, 2, "PER"}}},
		{"iob1 I after O starts a chunk", "O I-ORG I-ORG", []chunk{{1, 3, "ORG"}}},
		{"type change splits", "B-ORG I-LOC", []chunk{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"chunk at end", "O B-MISC I-MISC", []chunk{{1, 3, "MISC"}}},
		{"bilou", "B-PER L-PER U-LOC", []chunk{{0, 2, "PER"}, {2, 3, "LOC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := chunks(strings.Fields(tt.labels))
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(chunk{})); diff != "" {
				t.Errorf("chunks(%q) (-want +got):\n%s", tt.labels, diff)
			}
		})
	}
}

func TestScoreBIO(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		want       map[string]PRF
	}{
		{"perfect", "B-PER I-PER O", "B-PER I-PER O", map[string]PRF{"PER": {TP: 1}}},
		{"boundary error is a miss and a false alarm", "B-PER I-PER O", "B-PER O O", map[string]PRF{"PER": {FP: 1, FN: 1}}},
		{"type error", "B-ORG O", "B-LOC O", map[string]PRF{"ORG": {FN: 1}, "LOC": {FP: 1}}},
		{"spurious", "O O", "O B-MISC", map[string]PRF{"MISC": {FP: 1}}},
		{"two of three", "B-PER O B-LOC O B-ORG", "B-PER O B-LOC O O", map[string]PRF{"PER": {TP: 1}, "LOC": {TP: 1}, "ORG": {FN: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tab Table
			tab.ScoreBIO(strings.Fields(tt.gold), strings.Fields(tt.pred))
			if diff := cmp.Diff(tt.want, tab.ByType); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		name   string
		p      PRF
		pr, rc float64
		f1     float64
	}{
		{"zero", PRF{}, 0, 0, 0},
		{"half", PRF{TP: 1, FP: 1, FN: 1}, 0.5, 0.5, 0.5},
		{"precise", PRF{TP: 3, FN: 1}, 1, 0.75, 6.0 / 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.p.Precision() != tt.pr || tt.p.Recall() != tt.rc || abs(tt.p.F1()-tt.f1) > 1e-12 {
				t.Errorf("got P %v R %v F %v, want %v %v %v", tt.p.Precision(), tt.p.Recall(), tt.p.F1(), tt.pr, tt.rc, tt.f1)
			}
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestMicroAndReport(t *testing.T) {
	tab := Table{ByType: map[string]PRF{"PER": {TP: 2, FN: 2}, "MISC": {FP: 4}}}
	if got := tab.Micro("PER"); got != (PRF{TP: 2, FN: 2}) {
		t.Errorf("Micro(PER) = %+v", got)
	}
	if got := tab.Micro(); got != (PRF{TP: 2, FP: 4, FN: 2}) {
		t.Errorf("Micro() = %+v", got)
	}
	rep := Report{}
	rep.Add(Result{Dataset: "d", Task: "t", Rows: []Row{{Name: "PER", PRF: tab.ByType["PER"]}}})
	rep.Add(Result{Dataset: "gone", Absent: true, Reason: "not here"})
	out := rep.String()
	for _, want := range []string{"PER", "1.0000  0.5000  0.6667", "absent: not here"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
