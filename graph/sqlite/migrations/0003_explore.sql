-- Schema version 3: what exploring and curating the graph need (issue 5).
--
-- Merges. Evidence rows keep, next to the entity ids they count for now
-- (resolved through the merges in force), the ids their extraction wrote,
-- in written_* columns that are NULL while the two agree. Merging and
-- unmerging rewrite the resolved columns from the written ones, so that
-- unmerging restores exactly what was there. Declarations, entity forms and
-- external ids stay keyed by the written id: a survivor gathers those of
-- every entity merged into it. Evidence of a tie between two entities
-- merged into one has relationship_id '' and supports no relationship.
CREATE TABLE merges (
	from_id   TEXT PRIMARY KEY,
	into_id   TEXT NOT NULL,
	from_name TEXT NOT NULL,
	from_kind TEXT NOT NULL,
	merged_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX merges_by_into ON merges(into_id);
CREATE INDEX merges_by_date ON merges(merged_at DESC, from_id);

ALTER TABLE mentions ADD COLUMN written_entity_id TEXT;
ALTER TABLE relationship_evidence ADD COLUMN written_source_id TEXT;
ALTER TABLE relationship_evidence ADD COLUMN written_target_id TEXT;
ALTER TABLE claim_evidence ADD COLUMN written_speaker_ids TEXT;
ALTER TABLE claim_evidence ADD COLUMN written_about_ids TEXT;

-- The canonical key of the entity's name, for the NAME order.
ALTER TABLE entities ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE entities SET name_key = coalesce((SELECT n.key FROM entity_names n
	WHERE n.entity_id = entities.id AND n.name = entities.name LIMIT 1), lower(name));
CREATE INDEX entities_by_name ON entities(name_key, id);
CREATE INDEX entities_by_last_seen ON entities(last_seen DESC, id);

-- Evidence by article and sentence, for co-occurrence and the outlet
-- filters.
CREATE INDEX mentions_by_sentence ON mentions(article_id, sentence_index, entity_id);

CREATE INDEX relationships_by_confidence ON relationships(confidence DESC, id);
CREATE INDEX relationships_by_last_seen ON relationships(last_seen DESC, id);
CREATE INDEX relationships_by_first_seen ON relationships(first_seen, id);
CREATE INDEX claims_by_evidence ON claims(evidence_count DESC, id);
CREATE INDEX claims_by_last_seen ON claims(last_seen DESC, id);

-- The evidence rows a merge rewrote, for unmerging.
CREATE INDEX mentions_by_written ON mentions(written_entity_id) WHERE written_entity_id IS NOT NULL;

-- An entity's ties by weight, covering every column, so that listing an
-- entity's ties or exploring a hub reads its strongest ties from the
-- index alone: a lookup in the table per tie costs more than the scan.
DROP INDEX relationships_by_source;
DROP INDEX relationships_by_target;
CREATE INDEX relationships_by_source ON relationships(source_id, evidence_count DESC, id,
	target_id, type, directed, confidence, first_seen, last_seen);
CREATE INDEX relationships_by_target ON relationships(target_id, evidence_count DESC, id,
	source_id, type, directed, confidence, first_seen, last_seen);
