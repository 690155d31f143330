package api

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// recordingFetch is a batchFunc over ints that records its batches and
// answers key*10, failing keys below zero, and panicking on key 666.
type recordingFetch struct {
	mu      sync.Mutex
	batches [][]int
}

func (f *recordingFetch) fetch(ctx context.Context, keys []int) ([]int, []error) {
	f.mu.Lock()
	f.batches = append(f.batches, append([]int(nil), keys...))
	f.mu.Unlock()
	vals := make([]int, len(keys))
	errs := make([]error, len(keys))
	for i, k := range keys {
		if k == 666 {
			panic("told to")
		}
		if k < 0 {
			errs[i] = graph.Errorf("test", graph.NotFound, "no %d", k)
			continue
		}
		vals[i] = k * 10
	}
	return vals, errs
}

func TestLoader(t *testing.T) {
	tests := []struct {
		name        string
		maxBatch    int
		rounds      [][]int // keys loaded concurrently, round after round
		wantBatches [][]int // as sets: order within a batch is not fixed
		wantCodes   map[int]graph.Code
		sizesOnly   bool // which key lands in which batch is up to the scheduler
	}{
		{"concurrent loads make one batch", 100, [][]int{{1, 2, 3}}, [][]int{{1, 2, 3}}, nil, false},
		{"repeated keys are fetched once", 100, [][]int{{1, 1, 2}, {2, 1}}, [][]int{{1, 2}}, nil, false},
		{"later rounds fetch only new keys", 100, [][]int{{1}, {1, 2}}, [][]int{{1}, {2}}, nil, false},
		{"large batches split", 2, [][]int{{1, 2, 3}}, [][]int{{1, 2}, {3}}, nil, true},
		{"errors stay with their keys", 100, [][]int{{-1, 4}}, [][]int{{-1, 4}}, map[int]graph.Code{-1: graph.NotFound}, false},
		{"a panic fails its batch only", 100, [][]int{{666, 5}, {6}}, [][]int{{5, 666}, {6}}, map[int]graph.Code{666: graph.Internal, 5: graph.Internal}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &recordingFetch{}
			l := newLoader(context.Background(), 5*time.Millisecond, tt.maxBatch, f.fetch)
			for _, round := range tt.rounds {
				var wg sync.WaitGroup
				for _, k := range round {
					wg.Add(1)
					go func() {
						defer wg.Done()
						v, err := l.load(context.Background(), k)
						if code := graph.ErrorCode(err); code != tt.wantCodes[k] {
							t.Errorf("load(%d): code %q, want %q (%v)", k, code, tt.wantCodes[k], err)
						}
						if err == nil && v != k*10 {
							t.Errorf("load(%d) = %d, want %d", k, v, k*10)
						}
					}()
				}
				wg.Wait()
			}
			if tt.sizesOnly {
				if diff := cmp.Diff(sizes(tt.wantBatches), sizes(f.batches)); diff != "" {
					t.Errorf("batch sizes (-want +got):\n%s", diff)
				}
			} else if diff := cmp.Diff(asSets(tt.wantBatches), asSets(f.batches)); diff != "" {
				t.Errorf("batches (-want +got):\n%s", diff)
			}
		})
	}
}

func sizes(batches [][]int) map[int]int {
	n := map[int]int{}
	for _, b := range batches {
		n[len(b)]++
	}
	return n
}

func asSets(batches [][]int) []map[int]bool {
	out := make([]map[int]bool, len(batches))
	for i, b := range batches {
		out[i] = map[int]bool{}
		for _, k := range b {
			out[i][k] = true
		}
	}
	// Batches of one round may complete in either order.
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if fmt.Sprint(out[j]) < fmt.Sprint(out[i]) {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestLoaderHonoursTheCallersContext(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	l := newLoader(context.Background(), time.Millisecond, 10, func(ctx context.Context, keys []int) ([]int, []error) {
		<-block
		return make([]int, len(keys)), nil
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := l.load(ctx, 1); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("load with an expired context: %v, want DeadlineExceeded", err)
	}
}

func TestLoaderPrime(t *testing.T) {
	f := &recordingFetch{}
	l := newLoader(context.Background(), time.Millisecond, 10, f.fetch)
	l.prime(7, 99)
	if v, err := l.load(context.Background(), 7); err != nil || v != 99 {
		t.Errorf("load of a primed key = %d, %v; want 99, nil", v, err)
	}
	if len(f.batches) != 0 {
		t.Errorf("a primed key was fetched: %v", f.batches)
	}
}
