package queue

import (
	"context"
	"testing"
	"time"
)

// TestSlowHandlerIsDone checks that a task whose handler outlasts the
// bookkeeping time of its delivery (it waited for an extraction slot and a
// group commit) still ends with its job done, not running for ever.
func TestSlowHandlerIsDone(t *testing.T) {
	opts := testOptions(t)
	opts.stateTimeout = 100 * time.Millisecond
	q := openQueue(t, "", t.TempDir(), opts)
	consume(t, q, 1, func(ctx context.Context, _ *Task) (Counts, error) {
		time.Sleep(5 * opts.stateTimeout)
		return Counts{}, nil
	})
	task := article("An article whose write waits for others.")
	j, err := q.Enqueue(context.Background(), &task)
	if err != nil {
		t.Fatal(err)
	}
	await(t, q, j.ID, Done)
	awaitEmpty(t, q)
}
