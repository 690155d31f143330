package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Invented articles for the agreement test.
const (
	agreeDevText   = `The minister said the bridge would open in May. Residents claimed that the road was closed. "It is late," a builder admitted.`
	agreeTrainText = `Police said nobody was hurt, a witness added.`
)

// bratAttr is one attribution of an invented annotation: the substrings of
// the text that its source, cue and content cover ("" for none).
type bratAttr struct{ source, cue, content string }

// bratFile writes attrs as brat standoff over text, finding each substring
// in text so that the fixture reads as words rather than offsets.
func bratFile(t *testing.T, text string, attrs ...bratAttr) string {
	t.Helper()
	var b strings.Builder
	n := 0
	for i, a := range attrs {
		args := ""
		for _, part := range []struct{ role, sub string }{{"Source", a.source}, {"Cue", a.cue}, {"Content", a.content}} {
			if part.sub == "" {
				continue
			}
			at := strings.Index(text, part.sub)
			if at < 0 || strings.Count(text, part.sub) != 1 {
				t.Fatalf("%q is not once in %q", part.sub, text)
			}
			n++
			fmt.Fprintf(&b, "T%d\t%s %d %d\t%s\n", n, part.role, at, at+len(part.sub), part.sub)
			args += fmt.Sprintf(" %s:T%d", part.role, n)
		}
		fmt.Fprintf(&b, "E%d\tAttribution:T%d%s\n", i+1, n, args)
	}
	return b.String()
}

// writeAgreementData lays out two splits as PolNeAR does: dev has one
// article with three annotators and one with a single annotator, train one
// article with two.
func writeAgreementData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, s string) {
		path := filepath.Join(dir, "polnear", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("dev/text/art-one.txt", agreeDevText)
	// a1, the smallest id, is the gold in both of its pairs.
	write("dev/attributions/art-one_a1.ann", bratFile(t, agreeDevText,
		bratAttr{"The minister", "said", "the bridge would open in May"},
		bratAttr{"Residents", "claimed", "that the road was closed"},
		bratAttr{"a builder", "admitted", `"It is late,"`}))
	// b2 agrees on some spans, trims or stretches others, misses a source.
	write("dev/attributions/art-one_b2.ann", bratFile(t, agreeDevText,
		bratAttr{"minister", "said", "the bridge would open in May."},
		bratAttr{"Residents", "claimed that", "the road was closed"},
		bratAttr{"", "admitted", "It is late"}))
	// c3 is a third annotator who marked one cue only: it makes three
	// pairs on this article, (a1, b2), (a1, c3) and (b2, c3).
	write("dev/attributions/art-one_c3.ann", bratFile(t, agreeDevText,
		bratAttr{"", "said", ""}))
	write("dev/text/art-two.txt", agreeTrainText)
	write("dev/attributions/art-two_a1.ann", bratFile(t, agreeTrainText,
		bratAttr{"Police", "said", "nobody was hurt"}))

	write("train/text/art-three.txt", agreeTrainText)
	// 3e sorts before 7f, so 3e is the gold and its extra attribution is missed.
	write("train/attributions/art-three_7f.ann", bratFile(t, agreeTrainText,
		bratAttr{"Police", "said", "nobody was hurt"}))
	write("train/attributions/art-three_3e.ann", bratFile(t, agreeTrainText,
		bratAttr{"Police", "said", "nobody was hurt"},
		bratAttr{"a witness", "added", ""}))
	return dir
}

func TestPolNeARAgreement(t *testing.T) {
	dir := writeAgreementData(t)
	// Counts on dev/art-one, summed over its three pairs (gold first).
	// Exact match trims space and punctuation, so b2's "...in May." and
	// "It is late" match a1's "...in May" and "\"It is late,\"".
	//
	// a1 vs b2: source: "minister" overlaps "The minister" but is not
	// exact, "Residents" is, "a builder" is missed: exact 1/1/2, overlap
	// 2/0/1. Cue: "claimed that" is not exact to "claimed": exact 2/1/1,
	// overlap 3/0/0. Content: "the road was closed" is not exact to "that
	// the road was closed": exact 2/1/1, overlap 3/0/0.
	// a1 vs c3: c3 has no source or content and only "said": source 0/0/3,
	// cue 1/0/2, content 0/0/3, exact and overlap alike.
	// b2 vs c3: likewise against b2's 2 sources, 3 cues and 3 contents:
	// source 0/0/2, cue 1/0/2, content 0/0/3.
	//
	// As TP/FP/FN sums, e.g. source exact: TP 1, FP 1, FN 2+3+2 = 7.
	devRows := []Row{
		{Name: "source exact", PRF: PRF{TP: 1, FP: 1, FN: 7}},
		{Name: "source overlap", PRF: PRF{TP: 2, FN: 6}},
		{Name: "cue exact", PRF: PRF{TP: 4, FP: 1, FN: 5}},
		{Name: "cue overlap", PRF: PRF{TP: 5, FN: 4}},
		{Name: "content exact", PRF: PRF{TP: 2, FP: 1, FN: 7}},
		{Name: "content overlap", PRF: PRF{TP: 3, FN: 6}},
	}
	// Counts on train/art-three, its one pair: 7f against 3e, which has
	// an extra source and cue ("a witness", "added") but no extra content.
	trainRows := []Row{
		{Name: "source exact", PRF: PRF{TP: 1, FN: 1}},
		{Name: "source overlap", PRF: PRF{TP: 1, FN: 1}},
		{Name: "cue exact", PRF: PRF{TP: 1, FN: 1}},
		{Name: "cue overlap", PRF: PRF{TP: 1, FN: 1}},
		{Name: "content exact", PRF: PRF{TP: 1}},
		{Name: "content overlap", PRF: PRF{TP: 1}},
	}
	sum := func(a, b []Row) []Row {
		out := make([]Row, len(a))
		for i := range a {
			out[i] = a[i]
			out[i].Add(b[i].PRF)
		}
		return out
	}
	tests := []struct {
		name      string
		splits    []string
		want      Result
		wantNotes string // a substring of the notes, when set
	}{
		{"dev", []string{"dev"},
			Result{Dataset: "polnear/dev agreement", Task: agreementTask, Docs: 1, Rows: devRows}, "annotator pairs scored: 3 over 1 articles (3 distinct pairs of people); distinct annotators: 3"},
		{"train and dev", []string{"train", "dev"},
			Result{Dataset: "polnear/train+dev agreement", Task: agreementTask, Docs: 2, Rows: sum(trainRows, devRows)}, "annotator pairs scored: 4 over 2 articles (4 distinct pairs of people); distinct annotators: 5"},
		{"a split missing", []string{"train", "test"},
			Result{Dataset: "polnear/train agreement", Task: agreementTask, Docs: 1, Rows: trainRows}, "split(s) test not on disk"},
		{"every split missing", []string{"test", "other"},
			Result{Dataset: "polnear/test+other agreement", Task: agreementTask, Absent: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PolNeARAgreement(dir, tt.splits...)
			if err != nil {
				t.Fatal(err)
			}
			notes, reason := strings.Join(got.Notes, "\n"), got.Reason
			got.Notes, got.Reason = nil, ""
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("result (-want +got):\n%s", diff)
			}
			if !strings.Contains(notes, tt.wantNotes) {
				t.Errorf("notes %q, want them to mention %q", notes, tt.wantNotes)
			}
			if tt.want.Absent && !strings.Contains(reason, filepath.Join("polnear", "test")) {
				t.Errorf("absent reason %q does not say where it looked", reason)
			}
		})
	}
}

// TestPolNeARAgreementSymmetric: F1 does not depend on which annotator is
// called gold, so the ceiling does not hinge on LoadPolNeAR's choice.
func TestPolNeARAgreementSymmetric(t *testing.T) {
	text := []rune(agreeDevText)
	a, err := ParseBrat(strings.NewReader(bratFile(t, agreeDevText,
		bratAttr{"The minister", "said", "the bridge would open in May"},
		bratAttr{"a builder", "admitted", `"It is late,"`})), agreeDevText)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseBrat(strings.NewReader(bratFile(t, agreeDevText,
		bratAttr{"minister", "said", "the bridge would open"})), agreeDevText)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"Source", "Cue", "Content"} {
		ab, _ := SpanScores(text, a.Spans[part], b.Spans[part])
		ba, _ := SpanScores(text, b.Spans[part], a.Spans[part])
		if ab.F1() != ba.F1() || ab.Precision() != ba.Recall() {
			t.Errorf("%s: a as gold %+v, b as gold %+v: want P and R swapped, F1 equal", part, ab, ba)
		}
	}
}

func TestPolNeARAgreementNoSplit(t *testing.T) {
	if _, err := PolNeARAgreement(t.TempDir()); err == nil {
		t.Error("no split: want an error")
	}
}
