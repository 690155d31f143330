// Package neo4j implements graph.Store, graph.Explorer and graph.Curator on
// Neo4j 5 (5.23 or later, for scoped CALL subqueries) through the official
// Go driver.
//
// Writes run in managed transactions (ExecuteWrite), so the driver retries
// transient failures; each article (or batch of articles, WriteExtractions)
// is one write transaction of a handful of UNWIND-batched statements,
// whatever its size, that takes its entities' locks in id order first. Reads go through
// ExecuteQuery, or one managed read transaction when an operation needs
// several statements (Network, Timeline). Batch reads are one UNWIND
// statement whatever the number of ids, and a hub's ties are always read
// through an ordered, limited subquery. Merges are reversible: evidence
// keeps the entity ids it was written with (see cypher_merge.go).
//
// Every session shares one bookmark manager, so a read always sees the
// writes this Store made before it, even on a cluster. Every Cypher
// statement is a constant of type statement, checked by Neo4j's own parser in
// CI (see cypher_lint_test.go and tools/cypherlint).
package neo4j

import (
	"context"
	"fmt"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/graph"
)

// Config says how to reach Neo4j.
type Config struct {
	// URI is the server, e.g. neo4j://localhost:7687 (routing) or
	// bolt://host:7687 (one server); +s and +ssc variants enable TLS.
	URI      string
	User     string
	Password string
	// Database is the database name; empty means the server's default.
	Database string
	// Graph names the graph inside the database: stores with different
	// names share one database without seeing each other's data (Neo4j
	// Community has a single user database). Empty is the default graph.
	Graph string

	// MaxRetryTime bounds how long the driver retries a transaction on
	// transient errors and lost connections; zero means 30s.
	MaxRetryTime time.Duration
	// ConnectTimeout bounds opening one connection; zero means 5s.
	ConnectTimeout time.Duration

	Logger zerolog.Logger
	// Clock stamps IngestedAt when an extraction leaves it zero; nil means
	// time.Now.
	Clock func() time.Time
}

// Store is a graph.Store on Neo4j. It is safe for concurrent use.
type Store struct {
	driver    neo4jdrv.DriverWithContext
	bookmarks neo4jdrv.BookmarkManager
	database  string
	ns        string
	log       zerolog.Logger
	now       func() time.Time
	// writes holds one token: the store's write transactions run one at a
	// time, like SQLite's single writer. Articles share hub entities, so
	// concurrent writers mostly wait for each other's locks in the server
	// anyway; writers in other processes queue for the locks in id order
	// (cypherLockWrite) rather than deadlock.
	writes chan struct{}
	counts retryCounts
}

var (
	_ graph.Store    = (*Store)(nil)
	_ graph.Explorer = (*Store)(nil)
	_ graph.Curator  = (*Store)(nil)
	// Ingest's group commits and graphcopy write through WriteExtractions.
	_ graph.BatchWriter = (*Store)(nil)
)

// Open connects to Neo4j, checks that it answers, and creates the
// constraints and indexes the store relies on (idempotently: each is
// CREATE ... IF NOT EXISTS).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	const op = "neo4j.Open"
	if cfg.URI == "" {
		return nil, graph.Errorf(op, graph.Invalid, "no Neo4j URI given")
	}
	if cfg.MaxRetryTime == 0 {
		cfg.MaxRetryTime = 30 * time.Second
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	auth := neo4jdrv.NoAuth()
	if cfg.User != "" || cfg.Password != "" {
		auth = neo4jdrv.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4jdrv.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.MaxTransactionRetryTime = cfg.MaxRetryTime
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout + cfg.MaxRetryTime
	})
	if err != nil {
		return nil, graph.E(op, graph.Invalid, "bad Neo4j URI", err)
	}
	s := &Store{
		driver:    driver,
		bookmarks: neo4jdrv.NewBookmarkManager(neo4jdrv.BookmarkManagerConfig{}),
		database:  cfg.Database,
		ns:        cfg.Graph,
		log:       cfg.Logger,
		now:       cfg.Clock,
		writes:    make(chan struct{}, 1),
	}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(context.WithoutCancel(ctx))
		return nil, s.wrap(ctx, op, err)
	}
	for _, st := range schema {
		if _, err := s.write(ctx, st, nil); err != nil && !schemaRaced(err) {
			driver.Close(context.WithoutCancel(ctx))
			return nil, s.wrap(ctx, op, err)
		}
	}
	s.log.Debug().Str("uri", cfg.URI).Str("database", cfg.Database).Msg("neo4j store open")
	return s, nil
}

// Close closes the driver and its connections.
func (s *Store) Close() error {
	if err := s.driver.Close(context.Background()); err != nil {
		return graph.E("neo4j.Close", graph.Internal, err)
	}
	return nil
}

// session opens a session on the configured database that shares the
// store's bookmarks.
func (s *Store) session(ctx context.Context, mode neo4jdrv.AccessMode) neo4jdrv.SessionWithContext {
	return s.driver.NewSession(ctx, neo4jdrv.SessionConfig{
		AccessMode:      mode,
		DatabaseName:    s.database,
		BookmarkManager: s.bookmarks,
	})
}

// lockWrites waits for the store's write token, or for ctx to end, and
// returns the function that gives it back.
func (s *Store) lockWrites(ctx context.Context, op string) (func(), error) {
	if s.writes == nil { // a Store not made by Open, in tests
		return func() {}, nil
	}
	select {
	case s.writes <- struct{}{}:
		return func() { <-s.writes }, nil
	case <-ctx.Done():
		return nil, s.wrap(ctx, op, ctx.Err())
	}
}

// write runs one statement in its own managed write transaction.
func (s *Store) write(ctx context.Context, st statement, params map[string]any) ([]*neo4jdrv.Record, error) {
	sess := s.session(ctx, neo4jdrv.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	return neo4jdrv.ExecuteWrite(ctx, sess, func(tx neo4jdrv.ManagedTransaction) ([]*neo4jdrv.Record, error) {
		return s.run(ctx, tx, st, params)
	}, txTimeout(ctx)...)
}

// txTimeout passes the context's deadline on to the server, so that Neo4j
// stops work the caller no longer waits for.
func txTimeout(ctx context.Context) []func(*neo4jdrv.TransactionConfig) {
	deadline, ok := ctx.Deadline()
	if !ok {
		return nil
	}
	// The server rejects timeouts below a millisecond as "no timeout".
	return []func(*neo4jdrv.TransactionConfig){neo4jdrv.WithTxTimeout(max(time.Until(deadline), time.Millisecond))}
}

// read runs one statement in a managed read transaction, routed to a
// reader and chained to the store's earlier writes by bookmarks.
func (s *Store) read(ctx context.Context, op string, st statement, params map[string]any) ([]*neo4jdrv.Record, error) {
	res, err := neo4jdrv.ExecuteQuery(ctx, s.driver, string(st), s.withGraph(params),
		neo4jdrv.EagerResultTransformer,
		neo4jdrv.ExecuteQueryWithDatabase(s.database),
		neo4jdrv.ExecuteQueryWithReadersRouting(),
		neo4jdrv.ExecuteQueryWithBookmarkManager(s.bookmarks),
		neo4jdrv.ExecuteQueryWithTransactionConfig(txTimeout(ctx)...),
	)
	if err != nil {
		return nil, s.wrap(ctx, op, err)
	}
	return res.Records, nil
}

// withGraph adds the graph name every statement matches on.
func (s *Store) withGraph(params map[string]any) map[string]any {
	if params == nil {
		params = map[string]any{}
	}
	params["ns"] = s.ns
	return params
}

// run runs one statement inside a transaction and collects its records.
func (s *Store) run(ctx context.Context, tx neo4jdrv.ManagedTransaction, st statement, params map[string]any) ([]*neo4jdrv.Record, error) {
	res, err := tx.Run(ctx, string(st), s.withGraph(params))
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	return recs, nil
}

// DeleteGraph deletes everything in the store's graph (Config.Graph), in
// batches of one transaction each: its relationships, then its nodes.
func (s *Store) DeleteGraph(ctx context.Context) error {
	for _, st := range []statement{cypherDeleteGraphEdges, cypherDeleteGraph} {
		for {
			recs, err := s.write(ctx, st, nil)
			if err != nil {
				return s.wrap(ctx, "neo4j.DeleteGraph", err)
			}
			if len(recs) == 0 || props(recs[0].AsMap()).int("deleted") == 0 {
				break
			}
		}
	}
	return nil
}

// String names the store for logs.
func (s *Store) String() string {
	t := s.driver.Target()
	return fmt.Sprintf("neo4j %s/%s#%s", t.Host, s.database, s.ns)
}
