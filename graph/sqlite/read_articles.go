package sqlite

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// outletKey folds an outlet name for the case-insensitive outlet filter.
func outletKey(outlet string) string { return strings.ToLower(strings.TrimSpace(outlet)) }

const articleColumns = `id, url, title, outlet, published_at, ingested_at, content_hash, text`

func scanArticle(sc interface{ Scan(...any) error }) (*graph.Article, error) {
	var (
		a                   graph.Article
		published, ingested sql.NullInt64
	)
	if err := sc.Scan(&a.ID, &a.URL, &a.Title, &a.Outlet, &published, &ingested, &a.ContentHash, &a.Text); err != nil {
		return nil, err
	}
	a.PublishedAt, a.IngestedAt = timeOf(published), timeOf(ingested)
	return &a, nil
}

// Article returns the article with the given id.
func (s *Store) Article(ctx context.Context, id string) (*graph.Article, error) {
	const op = "sqlite.Article"
	a, err := scanArticle(s.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, graph.Errorf(op, graph.NotFound, "article %q not found", id)
	}
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return a, nil
}

// articleOrders maps each article order to its ORDER BY. SQLite sorts NULL
// (undated) last in a descending order and first in an ascending one.
var articleOrders = map[graph.ArticleOrder]string{
	graph.ArticlesByPublishedDesc: `published_at DESC, id`,
	graph.ArticlesByPublishedAsc:  `published_at IS NULL, published_at, id`,
	graph.ArticlesByIngestedDesc:  `ingested_at DESC, id`,
}

func articleQuery(op string, f graph.ArticleFilter) (string, []any, error) {
	if err := checkRange(op, f.Since, f.Until, 0); err != nil {
		return "", nil, err
	}
	if _, ok := articleOrders[f.Order]; !ok {
		return "", nil, graph.Errorf(op, graph.Invalid, "unknown article order %q", f.Order)
	}
	var c conds
	if f.Outlet != "" {
		c.add(`outlet_key = ?`, outletKey(f.Outlet))
	}
	if !f.Since.IsZero() {
		c.add(`published_at >= ?`, f.Since.UnixMicro())
	}
	if !f.Until.IsZero() {
		c.add(`published_at < ?`, f.Until.UnixMicro())
	}
	return `articles WHERE ` + c.and(), c.args, nil
}

// Articles lists articles in f.Order, ties by id.
func (s *Store) Articles(ctx context.Context, f graph.ArticleFilter) ([]*graph.Article, error) {
	const op = "sqlite.Articles"
	p, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	from, args, err := articleQuery(op, f)
	if err != nil {
		return nil, err
	}
	out, err := list(ctx, s.read, `SELECT `+articleColumns+` FROM `+from+` ORDER BY `+articleOrders[f.Order]+` LIMIT ? OFFSET ?`,
		append(args, p.Limit, p.Offset), scanArticle)
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}

// CountArticles counts what Articles would list unpaged.
func (s *Store) CountArticles(ctx context.Context, f graph.ArticleFilter) (int, error) {
	const op = "sqlite.CountArticles"
	from, args, err := articleQuery(op, f)
	if err != nil {
		return 0, err
	}
	n, err := count(ctx, s.read, `SELECT count(*) FROM `+from, args)
	if err != nil {
		return 0, fail(ctx, op, err)
	}
	return n, nil
}

// ArticlesByID returns the articles with the given ids, in order, nil for
// unknown ids.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]*graph.Article, error) {
	const op = "sqlite.ArticlesByID"
	byID := make(map[string]*graph.Article, len(ids))
	for _, chunk := range chunks(dedupe(ids), 500) {
		as, err := list(ctx, s.read, `SELECT `+articleColumns+` FROM articles WHERE id IN (`+placeholders(len(chunk))+`)`,
			anys(chunk), scanArticle)
		if err != nil {
			return nil, fail(ctx, op, err)
		}
		for _, a := range as {
			byID[a.ID] = a
		}
	}
	out := make([]*graph.Article, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	const op = "sqlite.Stats"
	var st graph.Stats
	var relEv, claimEv int
	// The counts read every page of an index of each table, and those
	// pages lie scattered through the file: through the map, each page
	// faults in its neighbours too, and the process's resident memory
	// grows by most of the file (30–50 MB after the BBC folder, to count
	// 3 MB of index pages). Read with pread instead, into this connection's
	// page cache, which holds only the pages read; the map comes back for
	// the connection's next user.
	conn, err := s.read.Conn(ctx)
	if err != nil {
		return graph.Stats{}, fail(ctx, op, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA mmap_size = 0`); err != nil {
		return graph.Stats{}, fail(ctx, op, err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA mmap_size = `+strconv.Itoa(readerMmap)) // SQLite caps it at its own bound
	err = conn.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM mentions),
		(SELECT count(*) FROM relationships),
		(SELECT count(*) FROM claims),
		(SELECT count(*) FROM relationship_evidence WHERE relationship_id != ''),
		(SELECT count(*) FROM claim_evidence)`).
		Scan(&st.Articles, &st.Entities, &st.Mentions, &st.Relationships, &st.Claims, &relEv, &claimEv)
	if err != nil {
		return graph.Stats{}, fail(ctx, op, err)
	}
	st.Citations = relEv + claimEv
	return st, nil
}
