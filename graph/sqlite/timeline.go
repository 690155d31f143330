package sqlite

import (
	"context"
	"database/sql"
	"maps"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// bucketStart returns the start of the bucket holding t, in UTC.
func bucketStart(b graph.Bucket, t time.Time) time.Time {
	t = t.UTC()
	y, m, d := t.Date()
	switch b {
	case graph.Day:
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	case graph.Week:
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7)) // back to Monday
	case graph.Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
}

func bucketEnd(b graph.Bucket, start time.Time) time.Time {
	switch b {
	case graph.Day:
		return start.AddDate(0, 0, 1)
	case graph.Week:
		return start.AddDate(0, 0, 7)
	case graph.Year:
		return start.AddDate(1, 0, 0)
	}
	return start.AddDate(0, 1, 0)
}

// Timeline buckets an entity's evidence by article date (see
// graph.Explorer). Each source is grouped by article in SQL, so the rows
// read are the entity's articles, not its citations.
func (s *Store) Timeline(ctx context.Context, q graph.TimelineQuery) ([]graph.TimelineBucket, error) {
	const op = "sqlite.Timeline"
	b := q.Bucket
	if b == "" {
		b = graph.Month
	}
	switch b {
	case graph.Day, graph.Week, graph.Month, graph.Year:
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown bucket %q", q.Bucket)
	}
	if err := checkRange(op, q.Since, q.Until, 0); err != nil {
		return nil, err
	}
	lo, hi := int64(-1<<63), int64(1<<63-1)
	if !q.Since.IsZero() {
		lo = q.Since.UnixMicro()
	}
	if !q.Until.IsZero() {
		hi = q.Until.UnixMicro()
	}
	buckets := map[time.Time]*graph.TimelineBucket{}
	articles := map[time.Time]map[string]bool{}
	types := map[time.Time]map[graph.RelationType]int{}
	bucket := func(date int64, article string) *graph.TimelineBucket {
		start := bucketStart(b, time.UnixMicro(date))
		tb := buckets[start]
		if tb == nil {
			tb = &graph.TimelineBucket{Start: start, End: bucketEnd(b, start)}
			buckets[start] = tb
			articles[start] = map[string]bool{}
			types[start] = map[graph.RelationType]int{}
		}
		articles[start][article] = true
		return tb
	}
	type row struct {
		date    int64
		article string
		label   string
		n       int
	}
	scan := func(sc interface{ Scan(...any) error }) (row, error) {
		var r row
		err := sc.Scan(&r.date, &r.article, &r.label, &r.n)
		return r, err
	}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM entities WHERE id = ?)`, q.EntityID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return graph.Errorf(op, graph.NotFound, "entity %q not found", q.EntityID)
		}
		queries := []string{
			`SELECT date, article_id, 'm', count(*) FROM mentions
				WHERE entity_id = ?1 AND date >= ?2 AND date < ?3 GROUP BY article_id`,
			`SELECT ev.date, ev.article_id, ev.type, count(*) FROM relationships r
				JOIN relationship_evidence ev ON ev.relationship_id = r.id
				WHERE (r.source_id = ?1 OR r.target_id = ?1) AND ev.date >= ?2 AND ev.date < ?3
				GROUP BY ev.article_id, ev.type`,
			`SELECT ev.date, ev.article_id, 'by', count(*) FROM claim_speakers cs
				JOIN claim_evidence ev ON ev.claim_id = cs.claim_id
				WHERE cs.entity_id = ?1 AND ev.date >= ?2 AND ev.date < ?3
				AND EXISTS (SELECT 1 FROM json_each(ev.speaker_ids) j WHERE j.value = ?1)
				GROUP BY ev.article_id`,
			`SELECT ev.date, ev.article_id, 'about', count(*) FROM claim_about ca
				JOIN claim_evidence ev ON ev.claim_id = ca.claim_id
				WHERE ca.entity_id = ?1 AND ev.date >= ?2 AND ev.date < ?3
				AND EXISTS (SELECT 1 FROM json_each(ev.about_ids) j WHERE j.value = ?1)
				GROUP BY ev.article_id`,
		}
		for _, query := range queries {
			rows, err := list(ctx, tx, query, []any{q.EntityID, lo, hi}, scan)
			if err != nil {
				return err
			}
			for _, r := range rows {
				tb := bucket(r.date, r.article)
				switch r.label {
				case "m":
					tb.Mentions += r.n
				case "by":
					tb.ClaimsBy += r.n
				case "about":
					tb.ClaimsAbout += r.n
				default:
					types[tb.Start][graph.RelationType(r.label)] += r.n
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	var out []graph.TimelineBucket
	for _, start := range slices.SortedFunc(maps.Keys(buckets), func(a, b time.Time) int { return a.Compare(b) }) {
		tb := buckets[start]
		tb.Articles = len(articles[start])
		for _, t := range slices.Sorted(maps.Keys(types[start])) {
			tb.Relationships = append(tb.Relationships, graph.TypeCount{Type: t, Count: types[start][t]})
		}
		out = append(out, *tb)
	}
	return out, nil
}

// coOccurrenceSQL returns the grouped query behind CoOccurrences and
// CountCoOccurrences, one row per co-occurring entity, and its arguments.
func coOccurrenceSQL(op string, q graph.CoOccurrenceQuery) (string, []any, error) {
	if err := checkRange(op, q.Since, q.Until, 0); err != nil {
		return "", nil, err
	}
	kinds, err := kindArgs(op, q.Kinds)
	if err != nil {
		return "", nil, err
	}
	var unit string // what one co-occurrence counts
	switch q.Scope {
	case graph.SentenceScope, "":
		unit = `o.article_id || ':' || o.sentence_index`
	case graph.ArticleScope:
		unit = `o.article_id`
	default:
		return "", nil, graph.Errorf(op, graph.Invalid, "unknown scope %q", q.Scope)
	}
	// m: the sentences (or articles) mentioning the entity, once each.
	m := `SELECT DISTINCT article_id, sentence_index, date FROM mentions WHERE entity_id = ?`
	var c conds
	c.add(`o.entity_id != ?`, q.EntityID)
	if q.Scope == graph.ArticleScope {
		m = `SELECT DISTINCT article_id, date FROM mentions WHERE entity_id = ?`
	} else {
		c.add(`o.sentence_index = m.sentence_index`)
	}
	if !q.Since.IsZero() {
		c.add(`m.date >= ?`, q.Since.UnixMicro())
	}
	if !q.Until.IsZero() {
		c.add(`m.date < ?`, q.Until.UnixMicro())
	}
	if len(kinds) > 0 {
		c.add(`o.entity_id IN (SELECT id FROM entities WHERE kind IN (`+placeholders(len(kinds))+`))`, kinds...)
	}
	return `WITH m AS (` + m + `)
			SELECT o.entity_id, count(DISTINCT ` + unit + `), count(DISTINCT o.article_id), min(m.date), max(m.date)
			FROM m JOIN mentions o ON o.article_id = m.article_id
			WHERE ` + c.and() + `
			GROUP BY o.entity_id`, append([]any{q.EntityID}, c.args...), nil
}

// entityExists returns NotFound when no entity has the id.
func entityExists(ctx context.Context, tx *sql.Tx, op, id string) error {
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM entities WHERE id = ?)`, id).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return graph.Errorf(op, graph.NotFound, "entity %q not found", id)
	}
	return nil
}

// CoOccurrences lists the entities mentioned in the same sentence (or
// article) as q.EntityID (see graph.Explorer).
func (s *Store) CoOccurrences(ctx context.Context, q graph.CoOccurrenceQuery) ([]graph.CoOccurrence, error) {
	const op = "sqlite.CoOccurrences"
	p, err := q.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	query, args, err := coOccurrenceSQL(op, q)
	if err != nil {
		return nil, err
	}
	var out []graph.CoOccurrence
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		if err := entityExists(ctx, tx, op, q.EntityID); err != nil {
			return err
		}
		rows, err := list(ctx, tx, query+` ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?`, append(args, p.Limit, p.Offset),
			func(sc interface{ Scan(...any) error }) (graph.CoOccurrence, error) {
				var (
					co          graph.CoOccurrence
					first, last sql.NullInt64
				)
				err := sc.Scan(&co.EntityID, &co.Count, &co.Articles, &first, &last)
				co.FirstSeen, co.LastSeen = timeOf(first), timeOf(last)
				return co, err
			})
		out = rows
		return err
	})
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}

// CountCoOccurrences counts what CoOccurrences would list unpaged.
func (s *Store) CountCoOccurrences(ctx context.Context, q graph.CoOccurrenceQuery) (int, error) {
	const op = "sqlite.CountCoOccurrences"
	query, args, err := coOccurrenceSQL(op, q)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		if err := entityExists(ctx, tx, op, q.EntityID); err != nil {
			return err
		}
		n, err = count(ctx, tx, `SELECT count(*) FROM (`+query+`)`, args)
		return err
	})
	if err != nil {
		return 0, fail(ctx, op, err)
	}
	return n, nil
}
