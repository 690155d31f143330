package ingest

import (
	"sort"
	"sync"
)

// Tally collects a batch's failures and skips as they come, from any
// goroutine, and adds them to a summary in the order their articles were
// read, whatever order the workers finished them in. The batch of Ingest
// and a queue's producer (which loads articles itself) share it, so that
// both report the same way.
type Tally struct {
	mu       sync.Mutex
	failures []seqFailure
	skipped  []seqSkip
}

type seqFailure struct {
	seq int
	Failure
}

type seqSkip struct {
	seq int
	Skip
}

// Fail records the failure of the article read seq-th.
func (t *Tally) Fail(seq int, f Failure) {
	t.mu.Lock()
	t.failures = append(t.failures, seqFailure{seq, f})
	t.mu.Unlock()
}

// Skip records that the file read seq-th is not an article.
func (t *Tally) Skip(seq int, s Skip) {
	t.mu.Lock()
	t.skipped = append(t.skipped, seqSkip{seq, s})
	t.mu.Unlock()
}

// AddTo appends what was recorded to sum's Failures and Skipped, each in
// the order read.
func (t *Tally) AddTo(sum *Summary) {
	t.mu.Lock()
	defer t.mu.Unlock()
	sort.Slice(t.failures, func(i, j int) bool { return t.failures[i].seq < t.failures[j].seq })
	for _, f := range t.failures {
		sum.Failures = append(sum.Failures, f.Failure)
	}
	sort.Slice(t.skipped, func(i, j int) bool { return t.skipped[i].seq < t.skipped[j].seq })
	for _, s := range t.skipped {
		sum.Skipped = append(sum.Skipped, s.Skip)
	}
}
