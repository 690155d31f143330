package neo4j

import (
	"errors"
	"sync/atomic"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// codeDeadlock is the code of the error Neo4j ends a transaction with when
// it finds it waiting for locks in a cycle; the driver retries it, as every
// TransientError.
const codeDeadlock = "Neo.TransientError.Transaction.DeadlockDetected"

// retryCounts counts, since Open, the write transactions the driver ran
// again and how many of those had failed on a deadlock.
type retryCounts struct {
	retries, deadlocks atomic.Int64
}

// WriteRetries reports how many write attempts the driver retried since
// the store was opened, and how many of them had failed on a deadlock
// (the others on other transient errors or lost connections). Writers that
// share entities across processes should see few: see cypherLockWrite.
func (s *Store) WriteRetries() (retries, deadlocks int64) {
	return s.counts.retries.Load(), s.counts.deadlocks.Load()
}

// counted wraps the work of a managed write transaction to count the
// driver's retries of it (ExecuteWrite calls work again, after a back-off,
// when it or the commit failed with a retryable error, until the retry
// time runs out).
func counted[T any](s *Store, op string, work neo4jdrv.ManagedTransactionWorkT[T]) neo4jdrv.ManagedTransactionWorkT[T] {
	attempt := 0
	var last error
	return func(tx neo4jdrv.ManagedTransaction) (T, error) {
		attempt++
		if attempt > 1 {
			s.counts.retries.Add(1)
			var e *neo4jdrv.Neo4jError
			deadlock := errors.As(last, &e) && e.Code == codeDeadlock
			if deadlock {
				s.counts.deadlocks.Add(1)
			}
			s.log.Debug().Str("op", op).Int("attempt", attempt).Bool("deadlock", deadlock).Msg("neo4j write retried")
		}
		v, err := work(tx)
		last = err
		return v, err
	}
}
