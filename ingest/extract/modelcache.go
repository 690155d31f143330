package extract

import (
	"sync"
	"weak"
)

// sharedModel loads an immutable model on first use and shares it between
// every extractor alive at the same time. It keeps only a weak pointer:
// once no extractor holds the model, the collector may free it, so a
// process that moves from one kind of models to the other (eval's
// --extractor both) does not hold both in memory, and a model no one uses
// costs nothing. A later request after such a collection loads it again.
type sharedModel[T any] struct {
	load func() (*T, error)

	mu sync.Mutex
	p  weak.Pointer[T]
}

// get returns the live model, loading it when none is.
func (s *sharedModel[T]) get() (*T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v := s.p.Value(); v != nil {
		return v, nil
	}
	v, err := s.load()
	if err != nil {
		return nil, err
	}
	s.p = weak.Make(v)
	return v, nil
}
