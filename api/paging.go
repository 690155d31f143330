package api

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// Cursors are opaque to clients: base64 of "offset:N", N being the
// position of the item in the whole list. Offsets are what the store
// contract pages by; keyset cursors can replace them without clients
// noticing.
const cursorPrefix = "offset:"

func encodeCursor(offset int) string {
	return base64.StdEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, error) {
	b, err := base64.StdEncoding.DecodeString(c)
	if err == nil {
		if s, ok := strings.CutPrefix(string(b), cursorPrefix); ok {
			if n, err := strconv.Atoi(s); err == nil && n >= 0 {
				return n, nil
			}
		}
	}
	return 0, graph.Errorf("api.cursor", graph.Invalid, "invalid cursor %q", c)
}

// pageOf turns first/after arguments into a store page: after the item at
// the cursor, at most first items (default graph.DefaultLimit).
func pageOf(first *int, after *string, defaultLimit int) (graph.Page, error) {
	p := graph.Page{Limit: defaultLimit}
	if first != nil {
		if *first < 0 || *first > graph.MaxLimit {
			return p, graph.Errorf("api.page", graph.Invalid, "first must be between 0 and %d, got %d", graph.MaxLimit, *first)
		}
		p.Limit = *first
	}
	if after != nil && *after != "" {
		n, err := decodeCursor(*after)
		if err != nil {
			return p, err
		}
		p.Offset = n + 1
	}
	return p, nil
}

// lister lists one page of a list; the store's list methods, bound to a filter.
type lister[T any] func(ctx context.Context, p graph.Page) ([]T, error)

// window is one page of a list with its cursors and page info.
type window[T any] struct {
	items    []T
	cursors  []string
	pageInfo *model.PageInfo
}

// fetchWindow lists page p, finding out whether more items follow by
// asking for one more item than the page holds.
func fetchWindow[T any](ctx context.Context, p graph.Page, list lister[T]) (window[T], error) {
	if p.Limit == 0 {
		// A zero Limit means "the default" to the store; first: 0 means none.
		return makeWindow[T](nil, p.Offset, false), nil
	}
	probe := p
	if probe.Limit < graph.MaxLimit {
		probe.Limit++
	}
	items, err := list(ctx, probe)
	if err != nil {
		return window[T]{}, err
	}
	more := len(items) > p.Limit
	if more {
		items = items[:p.Limit]
	} else if probe.Limit == p.Limit && len(items) == p.Limit {
		next, err := list(ctx, graph.Page{Limit: 1, Offset: p.Offset + p.Limit})
		if err != nil {
			return window[T]{}, err
		}
		more = len(next) > 0
	}
	return makeWindow(items, p.Offset, more), nil
}

func makeWindow[T any](items []T, offset int, more bool) window[T] {
	w := window[T]{items: items, cursors: make([]string, len(items)), pageInfo: &model.PageInfo{
		HasNextPage:     more,
		HasPreviousPage: offset > 0,
	}}
	for i := range items {
		w.cursors[i] = encodeCursor(offset + i)
	}
	if len(items) > 0 {
		w.pageInfo.StartCursor = &w.cursors[0]
		w.pageInfo.EndCursor = &w.cursors[len(items)-1]
	}
	return w
}
