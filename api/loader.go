package api

import (
	"context"
	"sync"
	"time"
)

// batchFunc fetches the values of keys in one go. It returns one value per
// key, in order (the zero value where a key has none), and either no
// errors, one error for the whole batch, or one error per key.
type batchFunc[K comparable, V any] func(ctx context.Context, keys []K) ([]V, []error)

// loader is a per-request dataloader: look-ups that concurrent resolvers
// make within one short window are fetched by a single batchFunc call, and
// every result is kept for the rest of the request, so that a key is never
// fetched twice. It is written here rather than imported because it is
// small and the request-scoped shape (one context, no global cache) is
// exactly what the API needs.
type loader[K comparable, V any] struct {
	ctx      context.Context // the request's; batches outlive no request
	fetch    batchFunc[K, V]
	wait     time.Duration
	maxBatch int

	mu      sync.Mutex
	cache   map[K]*result[V]
	pending []K
	timer   *time.Timer
}

type result[V any] struct {
	done chan struct{}
	val  V
	err  error
}

func newLoader[K comparable, V any](ctx context.Context, wait time.Duration, maxBatch int, fetch batchFunc[K, V]) *loader[K, V] {
	return &loader[K, V]{ctx: ctx, fetch: fetch, wait: wait, maxBatch: maxBatch, cache: make(map[K]*result[V])}
}

// load returns the value of key, waiting for the batch it joins.
func (l *loader[K, V]) load(ctx context.Context, key K) (V, error) {
	return l.await(ctx, l.enqueue(key))
}

// loadAll returns the values of keys, in order; they join one batch.
func (l *loader[K, V]) loadAll(ctx context.Context, keys []K) ([]V, error) {
	rs := make([]*result[V], len(keys))
	for i, k := range keys {
		rs[i] = l.enqueue(k)
	}
	vals := make([]V, len(keys))
	for i, r := range rs {
		v, err := l.await(ctx, r)
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	return vals, nil
}

// prime stores a value fetched by other means, such as a list query, so
// that later look-ups of the key cost nothing.
func (l *loader[K, V]) prime(key K, val V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.cache[key]; ok {
		return
	}
	r := &result[V]{done: make(chan struct{}), val: val}
	close(r.done)
	l.cache[key] = r
}

func (l *loader[K, V]) enqueue(key K) *result[V] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.cache[key]; ok {
		return r
	}
	r := &result[V]{done: make(chan struct{})}
	l.cache[key] = r
	l.pending = append(l.pending, key)
	switch {
	case len(l.pending) >= l.maxBatch:
		keys := l.takeLocked()
		go l.run(keys)
	case len(l.pending) == 1:
		l.timer = time.AfterFunc(l.wait, l.flush)
	}
	return r
}

func (l *loader[K, V]) await(ctx context.Context, r *result[V]) (V, error) {
	select {
	case <-r.done:
		return r.val, r.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// takeLocked empties the pending batch; l.mu must be held.
func (l *loader[K, V]) takeLocked() []K {
	keys := l.pending
	l.pending = nil
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	return keys
}

// flush sends the pending batch when its window closes.
func (l *loader[K, V]) flush() {
	l.mu.Lock()
	keys := l.takeLocked()
	l.mu.Unlock()
	if len(keys) > 0 {
		l.run(keys)
	}
}

func (l *loader[K, V]) run(keys []K) {
	vals, errs := safeFetch(l.ctx, l.fetch, keys)
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, k := range keys {
		r := l.cache[k]
		switch {
		case len(errs) == len(keys):
			r.err = errs[i]
		case len(errs) > 0:
			r.err = errs[0]
		}
		if r.err == nil && i < len(vals) {
			r.val = vals[i]
		}
		close(r.done)
	}
}

// perKey turns a single-key fetch into a batchFunc that runs the fetches of
// a batch concurrently (at most parallel at a time). The store calls are
// not fewer, but they finish together, so the look-ups their results
// trigger in nested fields fall into one batch too.
func perKey[K comparable, V any](parallel int, fetch func(ctx context.Context, key K) (V, error)) batchFunc[K, V] {
	return func(ctx context.Context, keys []K) ([]V, []error) {
		vals := make([]V, len(keys))
		errs := make([]error, len(keys))
		sem := make(chan struct{}, parallel)
		var wg sync.WaitGroup
		for i, k := range keys {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				defer func() {
					if p := recover(); p != nil {
						errs[i] = panicError(p)
					}
				}()
				vals[i], errs[i] = fetch(ctx, k)
			}()
		}
		wg.Wait()
		return vals, errs
	}
}

// safeFetch runs fetch, turning a panic into an error: batches run on
// goroutines of their own, outside gqlgen's recovery, where a panic would
// take the whole server down.
func safeFetch[K comparable, V any](ctx context.Context, fetch batchFunc[K, V], keys []K) (vals []V, errs []error) {
	defer func() {
		if p := recover(); p != nil {
			vals, errs = nil, []error{panicError(p)}
		}
	}()
	return fetch(ctx, keys)
}
