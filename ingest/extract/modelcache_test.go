package extract

import (
	"errors"
	"runtime"
	"testing"
)

// TestSharedModel: extractors alive at once share one copy; once none holds
// it, the collector frees it and the next request loads it again; a failed
// load is returned and not cached.
func TestSharedModel(t *testing.T) {
	type model struct{ weights []float32 }
	loads := 0
	fail := false
	s := &sharedModel[model]{load: func() (*model, error) {
		if fail {
			return nil, errors.New("corrupt model")
		}
		loads++
		return &model{weights: make([]float32, 1<<16)}, nil
	}}

	a, err := s.get()
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.get()
	if err != nil {
		t.Fatal(err)
	}
	if a != b || loads != 1 {
		t.Fatalf("two gets while the model is held: same copy %v, loads %d; want true, 1", a == b, loads)
	}
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)

	a, b = nil, nil
	runtime.GC()
	if _, err := s.get(); err != nil {
		t.Fatal(err)
	}
	if loads != 2 {
		t.Errorf("get after the last holder went: loads %d, want 2 (the copy should have been freed)", loads)
	}

	runtime.GC()
	fail = true
	if m, err := s.get(); err == nil || m != nil {
		t.Errorf("get with a failing load = %v, %v; want nil and the error", m, err)
	}
}
