package sqlite

import (
	"context"
	"database/sql"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// claimState is what recomputing a claim reads before it writes: the
// aggregates of its evidence, its earliest citation and its stored row.
type claimState struct {
	n                  int
	first, last        int64
	verbatim           bool
	maxConf            float64
	logMiss            sqlSum // Σ ln(1 - c) over the citations with c < 1
	lead               citationKey
	text, cue, trigger string // of the earliest citation
	speakers, about    []string

	rowid    sql.NullInt64 // valid when the claim has a row
	oldText  string
	oldLinks [2]string // speaker_ids, about_ids

	made *graph.Claim // a new claim, once aggregated
}

// citationKey orders a claim's citations, earliest first.
type citationKey struct {
	date       int64
	article    string
	start, seq int64
}

func (a citationKey) before(b citationKey) bool {
	switch {
	case a.date != b.date:
		return a.date < b.date
	case a.article != b.article:
		return a.article < b.article // BINARY collation: byte order, as Go compares
	case a.start != b.start:
		return a.start < b.start
	}
	return a.seq < b.seq
}

// sqlSum adds floats as SQLite's sum() does (Kahan-Babuska-Neumaier, since
// SQLite 3.43), so that a sum taken here over the rows SQLite would have
// summed, in the same order, is the same float to the last bit: claims
// written before and after keep their confidence.
// TestClaimSumMatchesSQLite holds it to the linked SQLite.
type sqlSum struct {
	n        int
	sum, err float64
}

func (s *sqlSum) add(r float64) {
	t := s.sum + r
	if math.Abs(s.sum) > math.Abs(r) {
		s.err += (s.sum - t) + r
	} else {
		s.err += (r - t) + s.sum
	}
	s.sum = t
	s.n++
}

// value is the sum, and false when nothing was added (SQL's NULL).
func (s *sqlSum) value() (float64, bool) {
	if s.n == 0 {
		return 0, false
	}
	if math.IsInf(s.err, 0) || math.IsNaN(s.err) {
		return s.sum, true
	}
	return s.sum + s.err, true
}

// recomputeClaims brings the claims ids, sorted, up to date with their
// evidence. Their states are read with two statements for the whole group
// commit (see loadClaimStates); the new claims and the links of every
// claim are inserted many rows a statement; a claim that changes or loses
// its evidence is written on its own.
func recomputeClaims(ctx context.Context, tx *txq, ids []string) error {
	states, err := loadClaimStates(ctx, tx, ids)
	if err != nil {
		return err
	}
	var (
		fresh []*claimState // claims without a row, in id order
		links [2][]any      // claim_speakers, claim_about rows to insert
	)
	for _, id := range ids {
		st := states[id]
		if st.n == 0 {
			if err := deleteClaim(ctx, tx, id, st.rowid); err != nil {
				return err
			}
			continue
		}
		c := st.claim(id)
		if !st.rowid.Valid {
			st.made = c
			fresh = append(fresh, st)
			st.oldLinks = [2]string{"[]", "[]"}
		} else if err := updateClaim(ctx, tx, c, st); err != nil {
			return err
		}
		for i, ids := range [2][]string{c.SpeakerIDs, c.AboutIDs} {
			old, err := stringsOf(st.oldLinks[i])
			if err != nil {
				return err
			}
			for _, eid := range old {
				if !slices.Contains(ids, eid) {
					if _, err := tx.ExecContext(ctx, `DELETE FROM `+linkTables[i]+` WHERE entity_id = ? AND claim_id = ?`, eid, id); err != nil {
						return err
					}
				}
			}
			for _, eid := range ids {
				if !slices.Contains(old, eid) {
					links[i] = append(links[i], eid, id)
				}
			}
		}
	}
	if err := insertClaims(ctx, tx, fresh); err != nil {
		return err
	}
	for i, rows := range links {
		if err := linkRows[i].exec(ctx, tx, rows); err != nil {
			return err
		}
	}
	return nil
}

// linkTables are the tables of a claim's speakers and subjects, in the
// order of claimState.oldLinks.
var linkTables = [2]string{"claim_speakers", "claim_about"}

var (
	linkRows = [2]*rowInserter{newRowInserter(linkTables[0], `entity_id`, `claim_id`),
		newRowInserter(linkTables[1], `entity_id`, `claim_id`)}
	claimRows = newRowInserter(`claims`, `rowid`, `id`, `text`, `normalized`, `verbatim`, `cue`,
		`speaker_ids`, `about_ids`, `evidence_count`, `first_seen`, `last_seen`, `confidence`)
	claimTextRows = newRowInserter(`claims_fts`, `rowid`, `text`)
)

// claim is the claim st aggregates.
func (st *claimState) claim(id string) *graph.Claim {
	c := &graph.Claim{ID: id, Text: st.text, Cue: st.cue, Verbatim: st.verbatim, EvidenceCount: st.n}
	if c.Cue == "" {
		c.Cue = st.trigger
	}
	c.Confidence = 1
	if logMiss, ok := st.logMiss.value(); ok && st.maxConf < 1 {
		c.Confidence = -math.Expm1(logMiss)
	}
	slices.Sort(st.speakers)
	slices.Sort(st.about)
	c.SpeakerIDs, c.AboutIDs = st.speakers, st.about
	return c
}

// claimValues are the values of c's row after its rowid and id; first
// and last are the dates of its evidence as stored.
func claimValues(c *graph.Claim, first, last int64) []any {
	return []any{c.Text, graph.NormalizeClaim(c.Text), c.Verbatim, c.Cue,
		jsonText(nonNil(c.SpeakerIDs)), jsonText(nonNil(c.AboutIDs)), c.EvidenceCount, first, last, c.Confidence}
}

// insertClaims inserts new claims with the rowids SQLite would have given
// them one by one (the largest plus one, in order), and their text into
// the search index under those rowids.
func insertClaims(ctx context.Context, tx *txq, cs []*claimState) error {
	if len(cs) == 0 {
		return nil
	}
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM claims`).Scan(&top); err != nil {
		return err
	}
	rows := make([]any, 0, len(cs)*claimRows.cols)
	texts := make([]any, 0, len(cs)*claimTextRows.cols)
	for i, st := range cs {
		rowid := top + 1 + int64(i)
		rows = append(append(rows, rowid, st.made.ID), claimValues(st.made, st.first, st.last)...)
		texts = append(texts, rowid, st.made.Text)
	}
	if err := claimRows.exec(ctx, tx, rows); err != nil {
		return err
	}
	return claimTextRows.exec(ctx, tx, texts)
}

func updateClaim(ctx context.Context, tx *txq, c *graph.Claim, st *claimState) error {
	rowid := st.rowid.Int64
	if _, err := tx.ExecContext(ctx, `UPDATE claims SET text = ?, normalized = ?, verbatim = ?, cue = ?,
		speaker_ids = ?, about_ids = ?, evidence_count = ?, first_seen = ?, last_seen = ?, confidence = ?
		WHERE rowid = ?`, append(claimValues(c, st.first, st.last), rowid)...); err != nil {
		return err
	}
	if st.oldText == c.Text {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM claims_fts WHERE rowid = ?`, rowid); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO claims_fts (rowid, text) VALUES (?, ?)`, rowid, c.Text)
	return err
}

// deleteClaim removes a claim no evidence supports any more, if it has a
// row.
func deleteClaim(ctx context.Context, tx *txq, id string, rowid sql.NullInt64) error {
	if !rowid.Valid {
		return nil
	}
	for _, table := range linkTables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE claim_id = ?`, id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM claims_fts WHERE rowid = ?`, rowid.Int64); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE rowid = ?`, rowid.Int64)
	return err
}

// loadClaimStates reads the states of claims ids with two statements for
// them all: their citations, each claim's an index range scan read in the
// index's order (claim_evidence_by_claim, then the rowid), which is the
// order in which SQL's sum() added them when each claim had a statement of
// its own; and their stored rows.
func loadClaimStates(ctx context.Context, tx *txq, ids []string) (map[string]*claimState, error) {
	out := make(map[string]*claimState, len(ids))
	for _, id := range ids {
		out[id] = &claimState{}
	}
	for _, tab := range idTables(ids) {
		if err := readCitations(ctx, tx, tab, out); err != nil {
			return nil, err
		}
		if err := readClaimRows(ctx, tx, tab, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// citationsQuery reads the citations of the claims that from lists (see
// idTable), claim by claim, each claim's in the order of
// claim_evidence_by_claim.
func citationsQuery(from string) string {
	return `SELECT e.claim_id, e.date, e.article_id, e.start, e.seq, e.verbatim,
			e.confidence, CASE WHEN e.confidence < 1 THEN ln(1 - e.confidence) END,
			e.text, e.cue_text, e.trigger_, e.speaker_ids, e.about_ids
		FROM ` + from + ` ids JOIN claim_evidence e ON e.claim_id = ids.value
		ORDER BY ids.key, e.date, e.article_id, e.start, e.rowid`
}

func readCitations(ctx context.Context, tx *txq, tab idTable, out map[string]*claimState) error {
	rows, err := tx.QueryContext(ctx, citationsQuery(tab.from), tab.arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id                 string
			k                  citationKey
			verbatim           bool
			conf               float64
			logMiss            sql.NullFloat64
			text, cue, trigger string
			lists              [2]string
		)
		if err := rows.Scan(&id, &k.date, &k.article, &k.start, &k.seq, &verbatim, &conf, &logMiss,
			&text, &cue, &trigger, &lists[0], &lists[1]); err != nil {
			return err
		}
		st := out[id]
		if st == nil {
			return graph.Errorf("sqlite.loadClaimStates", graph.Internal, "claim %s was not asked for", id)
		}
		if st.n == 0 || k.before(st.lead) {
			st.lead, st.text, st.cue, st.trigger = k, text, cue, trigger
		}
		if st.n == 0 || k.date < st.first {
			st.first = k.date
		}
		if st.n == 0 || k.date > st.last {
			st.last = k.date
		}
		if st.n == 0 || conf > st.maxConf {
			st.maxConf = conf
		}
		st.verbatim = st.verbatim || verbatim
		if logMiss.Valid {
			st.logMiss.add(logMiss.Float64)
		}
		st.n++
		for i, into := range [2]*[]string{&st.speakers, &st.about} {
			ids, err := stringsOf(lists[i])
			if err != nil {
				return err
			}
			for _, eid := range ids {
				if !slices.Contains(*into, eid) {
					*into = append(*into, eid)
				}
			}
		}
	}
	return rows.Err()
}

func readClaimRows(ctx context.Context, tx *txq, tab idTable, out map[string]*claimState) error {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.rowid, c.text, c.speaker_ids, c.about_ids
		FROM `+tab.from+` ids JOIN claims c ON c.id = ids.value`, tab.arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id string
			st claimState
		)
		if err := rows.Scan(&id, &st.rowid, &st.oldText, &st.oldLinks[0], &st.oldLinks[1]); err != nil {
			return err
		}
		if o := out[id]; o != nil {
			o.rowid, o.oldText, o.oldLinks = st.rowid, st.oldText, st.oldLinks
		}
	}
	return rows.Err()
}
