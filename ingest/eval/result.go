package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// DefaultDataDir is where the shared evaluation data lives, relative to the
// repository root.
const DefaultDataDir = "../shared/eval-data"

// ErrAbsent is returned (wrapped) by loaders when a data set is not on disk.
var ErrAbsent = errors.New("data set absent")

// Tagger labels the tokens of one sentence with BIO labels; *ner.Model is one.
type Tagger interface {
	Tag(tokens []string) []string
}

// DocumentTagger is a Tagger that reads a whole document at once
// (*ner.Names); the scorers give it each document's sentences together.
type DocumentTagger interface {
	Tagger
	TagDocument(sents [][]string) [][]string
}

// tagDocument labels the sentences of one document: all at once with a
// DocumentTagger, else one by one.
func tagDocument(t Tagger, sents [][]string) [][]string {
	if dt, ok := t.(DocumentTagger); ok {
		return dt.TagDocument(sents)
	}
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = t.Tag(s)
	}
	return out
}

// Extractor turns an article into an extraction; the rule-based extractor
// in ingest/extract is one.
type Extractor interface {
	Extract(ctx context.Context, a *graph.Article) (*graph.Extraction, error)
}

// Row is one line of a result table.
type Row struct {
	Name string
	PRF
	// Score, when set, replaces the counts-based F1 (for measures such as
	// B³ that average per mention); P and R then hold the averaged values.
	Score *Score
}

// Score holds precision and recall that are not ratios of counts.
type Score struct{ P, R float64 }

// F1 of an averaged score.
func (s Score) F1() float64 {
	if s.P+s.R == 0 {
		return 0
	}
	return 2 * s.P * s.R / (s.P + s.R)
}

// Values returns the row's precision, recall and F1.
func (r Row) Values() (p, rc, f float64) {
	if r.Score != nil {
		return r.Score.P, r.Score.R, r.Score.F1()
	}
	return r.Precision(), r.Recall(), r.F1()
}

// Result is the score of one system on one data set.
type Result struct {
	Dataset  string // e.g. "conllpp/dev"
	Task     string // what is scored, e.g. "entity mentions, exact match"
	Absent   bool   // the data set is not on disk; Reason says where it was looked for
	Reason   string
	Docs     int           // documents (or sentences, for taggers) scored
	Words    int           // tokens read by the system, for throughput
	Failed   int           // documents the system returned an error for
	FirstErr string        // the first such error, to diagnose
	Elapsed  time.Duration // time spent in the system under test
	CPU      time.Duration // process CPU time during those calls (0 where unknown)
	Rows     []Row
	Notes    []string
}

// Row returns the row with the given name.
func (r Result) Row(name string) (Row, bool) {
	for _, row := range r.Rows {
		if row.Name == name {
			return row, true
		}
	}
	return Row{}, false
}

// absent builds the Result for a data set that is not there.
func absent(dataset, task string, err error) Result {
	return Result{Dataset: dataset, Task: task, Absent: true, Reason: err.Error()}
}

// checkDir returns a wrapped ErrAbsent when dir does not exist.
func checkDir(dir string) error {
	if _, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: %w", dir, ErrAbsent)
		}
		return err
	}
	return nil
}

// Report is a set of results printed as one table.
type Report struct {
	Results []Result
}

// Add appends r to the report.
func (rep *Report) Add(r Result) { rep.Results = append(rep.Results, r) }

// Write prints the report as an aligned text table.
func (rep Report) Write(w io.Writer) error {
	var b strings.Builder
	for _, r := range rep.Results {
		fmt.Fprintf(&b, "== %s — %s\n", r.Dataset, r.Task)
		if r.Absent {
			fmt.Fprintf(&b, "   absent: %s\n\n", r.Reason)
			continue
		}
		fmt.Fprintf(&b, "   %-26s %7s %7s %7s %6s %6s %6s\n", "", "P", "R", "F1", "TP", "FP", "FN")
		for _, row := range r.Rows {
			p, rc, f := row.Values()
			if row.Score != nil {
				fmt.Fprintf(&b, "   %-26s %7.4f %7.4f %7.4f\n", row.Name, p, rc, f)
				continue
			}
			fmt.Fprintf(&b, "   %-26s %7.4f %7.4f %7.4f %6d %6d %6d\n", row.Name, p, rc, f, row.TP, row.FP, row.FN)
		}
		fmt.Fprintf(&b, "   docs %d", r.Docs)
		if r.Words > 0 && r.Elapsed > 0 {
			fmt.Fprintf(&b, ", %d words in %s (%.0f words/s)", r.Words, r.Elapsed.Round(time.Millisecond), float64(r.Words)/r.Elapsed.Seconds())
			if r.CPU > 0 {
				fmt.Fprintf(&b, ", %.0f words/CPU-s", float64(r.Words)/r.CPU.Seconds())
			}
		}
		if r.Failed > 0 {
			fmt.Fprintf(&b, ", %d failed (first: %s)", r.Failed, r.FirstErr)
		}
		b.WriteString("\n")
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "   note: %s\n", n)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// String renders the report.
func (rep Report) String() string {
	var b strings.Builder
	_ = rep.Write(&b)
	return b.String()
}

// runExtractor calls x on a and records failures and time in res.
func runExtractor(ctx context.Context, x Extractor, a *graph.Article, res *Result) *graph.Extraction {
	tm := startTimer()
	ex, err := x.Extract(ctx, a)
	tm.stop(res)
	res.Words += len(strings.Fields(a.Text))
	if err == nil && ex == nil {
		err = errors.New("nil extraction")
	}
	if err != nil {
		res.Failed++
		if res.FirstErr == "" {
			res.FirstErr = fmt.Sprintf("%s: %v", a.Title, err)
		}
		return nil
	}
	return ex
}

// article builds the article an extractor is given for a gold document.
func article(id, text string) *graph.Article {
	h := graph.ContentHash(text)
	return &graph.Article{ID: graph.ArticleID("eval:"+id, h), URL: "eval:" + id, Title: id, Text: text, ContentHash: h}
}

func isAbsent(err error) bool { return errors.Is(err, ErrAbsent) }
