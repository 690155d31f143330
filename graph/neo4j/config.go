package neo4j

import (
	"net/url"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Environment variables ParseURL reads for what the URL leaves out.
const (
	EnvUser     = "NEO4J_USER"
	EnvPassword = "NEO4J_PASSWORD"
	EnvDatabase = "NEO4J_DATABASE"
)

// schemes are the driver's URI schemes: neo4j routes (servers, clusters,
// Aura), bolt talks to one server; +s verifies TLS, +ssc accepts
// self-signed certificates.
var schemes = map[string]bool{
	"neo4j": true, "neo4j+s": true, "neo4j+ssc": true,
	"bolt": true, "bolt+s": true, "bolt+ssc": true,
}

// ParseURL turns a --store URL into a Config:
//
//	neo4j://[USER[:PASSWORD]@]HOST[:PORT][/DATABASE][?graph=NAME]
//
// Credentials and database missing from the URL come from getenv
// (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE; pass os.Getenv), so that
// passwords need not appear on command lines. Logger and Clock are left for
// the caller to set.
func ParseURL(raw string, getenv func(string) string) (Config, error) {
	const op = "neo4j.ParseURL"
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	u, err := url.Parse(raw)
	if err != nil {
		return Config{}, graph.E(op, graph.Invalid, "bad Neo4j store URL", err)
	}
	scheme := strings.ToLower(u.Scheme)
	if !schemes[scheme] {
		return Config{}, graph.Errorf(op, graph.Invalid, "Neo4j store URL must start with neo4j://, neo4j+s://, bolt:// or bolt+s://")
	}
	if u.Host == "" {
		return Config{}, graph.Errorf(op, graph.Invalid, "Neo4j store URL has no host")
	}
	cfg := Config{
		URI:      scheme + "://" + u.Host,
		User:     getenv(EnvUser),
		Password: getenv(EnvPassword),
		Database: strings.Trim(u.Path, "/"),
		Graph:    u.Query().Get("graph"),
	}
	if u.User != nil {
		cfg.User = u.User.Username()
		if p, ok := u.User.Password(); ok {
			cfg.Password = p
		}
	}
	if cfg.Database == "" {
		cfg.Database = getenv(EnvDatabase)
	}
	if strings.Contains(cfg.Database, "/") {
		return Config{}, graph.Errorf(op, graph.Invalid, "Neo4j database name %q has a slash", cfg.Database)
	}
	return cfg, nil
}
