-- Schema version 2: per-entity reference counts of names, aliases, roles and
-- external-id keys, and external ids per declaration, so that recomputing a
-- much-cited entity costs index lookups instead of a scan of all its
-- declarations and mentions.

-- refs counts the articles that contribute the form. kind is 'alias' (a
-- declared name or alias, or a mention's surface form), 'role' (a declared
-- role or a mention's role) or 'extkey' (a key of declared external ids).
CREATE TABLE entity_forms (
	entity_id TEXT NOT NULL,
	kind      TEXT NOT NULL,
	value     TEXT NOT NULL,
	refs      INTEGER NOT NULL,
	PRIMARY KEY (entity_id, kind, value)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_forms_unreferenced ON entity_forms(entity_id) WHERE refs <= 0;

CREATE TABLE entity_external_ids (
	entity_id  TEXT NOT NULL,
	key        TEXT NOT NULL,
	date       INTEGER NOT NULL,
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	value      TEXT NOT NULL,
	PRIMARY KEY (entity_id, key, date, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_external_ids_by_article ON entity_external_ids(article_id);

CREATE INDEX entity_declarations_by_kind ON entity_declarations(entity_id, kind);

-- Backfill from what version 1 stored.
INSERT INTO entity_forms (entity_id, kind, value, refs)
SELECT entity_id, kind, v, count(DISTINCT article_id) FROM (
	SELECT entity_id, kind, trim(value, ' ' || char(9, 10, 13)) AS v, article_id FROM (
		SELECT entity_id, 'alias' AS kind, name AS value, article_id FROM entity_declarations
		UNION ALL SELECT d.entity_id, 'alias', j.value, d.article_id FROM entity_declarations d, json_each(d.aliases) j
		UNION ALL SELECT entity_id, 'alias', text, article_id FROM mentions
		UNION ALL SELECT d.entity_id, 'role', j.value, d.article_id FROM entity_declarations d, json_each(d.roles) j
		UNION ALL SELECT entity_id, 'role', role, article_id FROM mentions
		UNION ALL SELECT d.entity_id, 'extkey', j.key, d.article_id FROM entity_declarations d, json_each(d.external_ids) j
	)
) WHERE v != '' GROUP BY entity_id, kind, v;

INSERT INTO entity_external_ids (entity_id, key, date, article_id, value)
SELECT d.entity_id, j.key, d.date, d.article_id, j.value FROM entity_declarations d, json_each(d.external_ids) j;
