package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/graph"
)

// Memo is a durable map from strings to small values, in a JetStream
// key-value bucket beside the jobs: what feed followers remember across
// restarts (feed validators, the item URLs they have seen), shared by every
// process on the queue.
type Memo struct {
	kv jetstream.KeyValue
}

// Memo opens (creating it when needed) the memo called name (letters,
// digits, - and _).
func (q *Queue) Memo(ctx context.Context, name string) (*Memo, error) {
	const op = "queue.Memo"
	if !validName(name) {
		return nil, graph.Errorf(op, graph.Invalid, "memo name %q: want letters, digits, - and _", name)
	}
	kv, err := q.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      q.opts.Namespace + "_" + name,
		Description: "newsgraph: " + name,
		History:     1,
		Storage:     jetstream.FileStorage,
		Replicas:    q.opts.Replicas,
	})
	if err != nil {
		return nil, jsError(op, "cannot create the bucket "+name, err)
	}
	return &Memo{kv: kv}, nil
}

// memoKey hashes a key (a URL may hold characters bucket keys may not).
func memoKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:16])
}

// Get returns the value of key; ok is false when there is none.
func (m *Memo) Get(ctx context.Context, key string) (value []byte, ok bool, err error) {
	e, err := m.kv.Get(ctx, memoKey(key))
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		return nil, false, nil
	case err != nil:
		return nil, false, jsError("queue.Memo.Get", "cannot read the memo", err)
	}
	return e.Value(), true, nil
}

// Put sets the value of key.
func (m *Memo) Put(ctx context.Context, key string, value []byte) error {
	if _, err := m.kv.Put(ctx, memoKey(key), value); err != nil {
		return jsError("queue.Memo.Put", "cannot write the memo", err)
	}
	return nil
}
