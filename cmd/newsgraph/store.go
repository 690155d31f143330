package main

import (
	"context"
	"errors"
	"flag"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// DefaultStore is the store every command uses without --store: the
// embedded store, in a file in the working directory.
const DefaultStore = "sqlite:newsgraph.db"

// storeHelp describes the --store values, for flag help.
const storeHelp = "sqlite:PATH, or neo4j://HOST:7687 (also neo4j+s, neo4j+ssc, bolt, bolt+s, bolt+ssc)"

// neo4jFlags are the Neo4j credentials and database. What a store URL
// spells out wins over them, and they win over the environment
// (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).
type neo4jFlags struct {
	user, password, database string
}

func (n *neo4jFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&n.user, "neo4j-user", "", "Neo4j user (default $"+neo4j.EnvUser+")")
	fs.StringVar(&n.password, "neo4j-password", "",
		"Neo4j password (default $"+neo4j.EnvPassword+"; prefer the variable: flags show in process lists)")
	fs.StringVar(&n.database, "neo4j-database", "", "Neo4j database (default $"+neo4j.EnvDatabase+", else the server's default)")
}

// getenv is the lookup neo4j.ParseURL falls back on: the flags, then the
// environment.
func (n neo4jFlags) getenv(key string) string {
	var v string
	switch key {
	case neo4j.EnvUser:
		v = n.user
	case neo4j.EnvPassword:
		v = n.password
	case neo4j.EnvDatabase:
		v = n.database
	}
	if v != "" {
		return v
	}
	return os.Getenv(key)
}

// storeFlags name the store of a command: --store and the Neo4j flags.
type storeFlags struct {
	url   string
	neo4j neo4jFlags
}

func (s *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.url, "store", DefaultStore, "the store: "+storeHelp)
	s.neo4j.register(fs)
}

// String is the store URL with any password masked, for logs.
func (s storeFlags) String() string { return redactStore(s.url) }

// redactStore masks the password of a store URL, so that it never reaches a
// log or an error message.
func redactStore(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if i := strings.LastIndex(raw, "@"); i >= 0 {
			if j := strings.Index(raw, "://"); j >= 0 && j < i {
				return raw[:j+3] + "xxxxx" + raw[i:]
			}
		}
		return raw
	}
	return u.Redacted()
}

// openStore opens the store a --store URL names:
//
//	sqlite:PATH                      the embedded SQLite store (sqlite://PATH is accepted too)
//	neo4j://HOST[:PORT][/DATABASE]   Neo4j; also neo4j+s, neo4j+ssc, bolt, bolt+s, bolt+ssc
//
// Backends are added here, and nowhere else.
func openStore(ctx context.Context, s storeFlags, log zerolog.Logger, now func() time.Time) (graph.Store, error) {
	const op = "newsgraph.openStore"
	scheme, rest, ok := strings.Cut(s.url, ":")
	if !ok {
		return nil, graph.Errorf(op, graph.Invalid, "store %q has no scheme: want sqlite:PATH or neo4j://HOST:7687", s.url)
	}
	switch strings.ToLower(scheme) {
	case "sqlite":
		path := sqlitePath(rest)
		if path == "" {
			return nil, graph.Errorf(op, graph.Invalid, "store %q has no path: want sqlite:PATH", s.url)
		}
		st, err := sqlite.Open(ctx, path, sqlite.WithClock(now))
		if err != nil {
			return nil, graph.E(op, "cannot open the SQLite store "+path, err)
		}
		return st, nil
	case "neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc":
		cfg, err := neo4j.ParseURL(s.url, s.neo4j.getenv)
		if err != nil {
			return nil, withoutURL(op, err)
		}
		cfg.Logger, cfg.Clock = log, now
		st, err := neo4j.Open(ctx, cfg)
		if err != nil {
			return nil, graph.E(op, "cannot open the Neo4j store "+redactStore(s.url), err)
		}
		return st, nil
	}
	return nil, graph.Errorf(op, graph.Invalid, "unknown store %q: want sqlite:PATH or neo4j://HOST:7687", redactStore(s.url))
}

// sqlitePath is the file of a sqlite: store, given what follows the
// scheme.
func sqlitePath(rest string) string { return strings.TrimPrefix(rest, "//") }

// existingSQLite returns a NotFound error when s names a SQLite file that
// does not exist, for commands that read a store and must not create one.
func existingSQLite(s storeFlags) error {
	scheme, rest, ok := strings.Cut(s.url, ":")
	if !ok || !strings.EqualFold(scheme, "sqlite") || sqlitePath(rest) == "" {
		return nil
	}
	if _, err := os.Stat(sqlitePath(rest)); errors.Is(err, os.ErrNotExist) {
		return graph.Errorf("newsgraph.openStore", graph.NotFound, "no SQLite store at %s", sqlitePath(rest))
	}
	return nil
}

// withoutURL keeps a ParseURL error's code and message but drops a
// *url.Error's text, which quotes the whole URL, password included.
func withoutURL(op string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return graph.E(op, graph.ErrorCode(err), graph.ErrorMessage(err), ue.Err)
	}
	return graph.E(op, err)
}

// openStore opens the store and closes it with m.
func (m *Main) openStore(ctx context.Context, s storeFlags, log zerolog.Logger) (graph.Store, error) {
	st, err := openStore(ctx, s, log, m.Now)
	if err != nil {
		return nil, err
	}
	m.closers = append(m.closers, st)
	return st, nil
}
