package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

const claimColumns = `c.id, c.text, c.normalized, c.verbatim, c.cue, c.speaker_ids, c.about_ids,
	c.evidence_count, c.first_seen, c.last_seen, c.confidence`

func scanClaim(sc interface{ Scan(...any) error }) (*graph.Claim, error) {
	var (
		c           graph.Claim
		sp, ab      string
		first, last sql.NullInt64
	)
	if err := sc.Scan(&c.ID, &c.Text, &c.Normalized, &c.Verbatim, &c.Cue, &sp, &ab,
		&c.EvidenceCount, &first, &last, &c.Confidence); err != nil {
		return nil, err
	}
	var err error
	if c.SpeakerIDs, err = stringsOf(sp); err != nil {
		return nil, err
	}
	if c.AboutIDs, err = stringsOf(ab); err != nil {
		return nil, err
	}
	c.FirstSeen, c.LastSeen = timeOf(first), timeOf(last)
	return &c, nil
}

// Claim returns the claim with the given id.
func (s *Store) Claim(ctx context.Context, id string) (*graph.Claim, error) {
	const op = "sqlite.Claim"
	c, err := scanClaim(s.read.QueryRowContext(ctx, `SELECT `+claimColumns+` FROM claims c WHERE c.id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, graph.Errorf(op, graph.NotFound, "claim %q not found", id)
	}
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return c, nil
}

// claimQuery builds the FROM and WHERE of a claim list, its arguments and
// its ORDER BY; ok is false when the query has words but none that can
// match.
func claimQuery(op string, f graph.ClaimFilter) (where string, args []any, order string, ok bool, err error) {
	if err := checkRange(op, f.Since, f.Until, f.MinConfidence); err != nil {
		return "", nil, "", false, err
	}
	switch f.Order {
	case graph.ClaimsByFirstSeen:
		order = `c.first_seen, c.id`
	case graph.ClaimsByEvidence:
		order = `c.evidence_count DESC, c.id`
	case graph.ClaimsByLastSeen:
		order = `c.last_seen DESC, c.id`
	default:
		return "", nil, "", false, graph.Errorf(op, graph.Invalid, "unknown claim order %q", f.Order)
	}
	var c conds
	if f.SpeakerID != "" {
		c.add(`c.id IN (SELECT claim_id FROM claim_speakers WHERE entity_id = ?)`, f.SpeakerID)
	}
	if f.AboutID != "" {
		c.add(`c.id IN (SELECT claim_id FROM claim_about WHERE entity_id = ?)`, f.AboutID)
	}
	if f.ArticleID != "" {
		c.add(`c.id IN (SELECT claim_id FROM claim_evidence WHERE article_id = ?)`, f.ArticleID)
	}
	if strings.TrimSpace(f.Query) != "" {
		match, words := ftsQuery(f.Query, false)
		if !words {
			return "", nil, "", false, nil // no word in the query can match claim text
		}
		c.add(`c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`, match)
	}
	if floor := f.ConfidenceFloor(); floor > 0 {
		c.add(`c.confidence >= ?`, floor)
	}
	evidenceExists(&c, "claim_evidence", "ev.claim_id = c.id", f.Since, f.Until, f.Outlet)
	return `claims c WHERE ` + c.and(), c.args, order, true, nil
}

// Claims lists claims matching f, in f.Order, ties by id.
func (s *Store) Claims(ctx context.Context, f graph.ClaimFilter) ([]*graph.Claim, error) {
	const op = "sqlite.Claims"
	p, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	return s.claims(ctx, op, s.read, f, p)
}

func (s *Store) claims(ctx context.Context, op string, q querier, f graph.ClaimFilter, p graph.Page) ([]*graph.Claim, error) {
	from, args, order, ok, err := claimQuery(op, f)
	if err != nil || !ok {
		return nil, err
	}
	out, err := list(ctx, q, `SELECT `+claimColumns+` FROM `+from+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, p.Limit, p.Offset), scanClaim)
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}

// CountClaims counts what Claims would list unpaged.
func (s *Store) CountClaims(ctx context.Context, f graph.ClaimFilter) (int, error) {
	const op = "sqlite.CountClaims"
	from, args, _, ok, err := claimQuery(op, f)
	if err != nil || !ok {
		return 0, err
	}
	n, err := count(ctx, s.read, `SELECT count(*) FROM `+from, args)
	if err != nil {
		return 0, fail(ctx, op, err)
	}
	return n, nil
}

// ClaimsOf returns, for each entity, the claims it made (by) or the claims
// about it, matching f, f.Page per entity.
func (s *Store) ClaimsOf(ctx context.Context, entityIDs []string, by bool, f graph.ClaimFilter) (map[string][]*graph.Claim, error) {
	const op = "sqlite.ClaimsOf"
	p, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	if _, _, _, _, err := claimQuery(op, f); err != nil {
		return nil, err
	}
	out := map[string][]*graph.Claim{}
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		for _, id := range dedupe(entityIDs) {
			g := f
			if by {
				g.SpeakerID = id
			} else {
				g.AboutID = id
			}
			cs, err := s.claims(ctx, op, tx, g, p)
			if err != nil {
				return err
			}
			if len(cs) > 0 {
				out[id] = cs
			}
		}
		return nil
	})
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}

// ClaimEvidence returns each claim's evidence by article date, article id,
// then start offset. Unknown ids have no entry.
func (s *Store) ClaimEvidence(ctx context.Context, ids []string) (map[string][]graph.ClaimEvidence, error) {
	const op = "sqlite.ClaimEvidence"
	out := map[string][]graph.ClaimEvidence{}
	for _, chunk := range chunks(dedupe(ids), 500) {
		rows, err := s.read.QueryContext(ctx, `SELECT claim_id, text, verbatim,
			source_start, source_end, source_text, cue_start, cue_end, cue_text, speaker_ids, about_ids,
			article_id, sentence_index, sentence_text, start, end_, trigger_, extractor, confidence
			FROM claim_evidence WHERE claim_id IN (`+placeholders(len(chunk))+`)
			ORDER BY claim_id, date, article_id, start, seq`, anys(chunk)...)
		if err != nil {
			return nil, fail(ctx, op, err)
		}
		err = func() error {
			defer rows.Close()
			for rows.Next() {
				var (
					e      graph.ClaimEvidence
					sp, ab string
				)
				c := &e.Citation
				if err := rows.Scan(&e.ClaimID, &e.Text, &e.Verbatim,
					&e.Source.Start, &e.Source.End, &e.Source.Text, &e.Cue.Start, &e.Cue.End, &e.Cue.Text, &sp, &ab,
					&c.ArticleID, &c.SentenceIndex, &c.SentenceText, &c.Start, &c.End, &c.Trigger, &c.Extractor, &c.Confidence); err != nil {
					return err
				}
				var err error
				if e.SpeakerIDs, err = stringsOf(sp); err != nil {
					return err
				}
				if e.AboutIDs, err = stringsOf(ab); err != nil {
					return err
				}
				out[e.ClaimID] = append(out[e.ClaimID], e)
			}
			return rows.Err()
		}()
		if err != nil {
			return nil, fail(ctx, op, err)
		}
	}
	return out, nil
}
