-- Schema version 1: articles, entity declarations and evidence, and the
-- aggregates (entities, relationships, claims) recomputed from them.
--
-- Times are INTEGER microseconds since the Unix epoch, UTC; NULL for a zero
-- time. Evidence rows carry their article's date (Article.Date) so that
-- first/last-seen aggregates are index range scans, not joins.

CREATE TABLE articles (
	id           TEXT PRIMARY KEY,
	url          TEXT NOT NULL,
	title        TEXT NOT NULL,
	outlet       TEXT NOT NULL,
	outlet_key   TEXT NOT NULL, -- lower-cased outlet, for the case-insensitive filter
	published_at INTEGER,
	ingested_at  INTEGER NOT NULL,
	date         INTEGER NOT NULL,
	content_hash TEXT NOT NULL,
	text         TEXT NOT NULL
) STRICT;
CREATE INDEX articles_by_published ON articles(published_at DESC, id);
CREATE INDEX articles_by_outlet ON articles(outlet_key, published_at DESC, id);

-- How one article declares an entity; entities merge their declarations.
CREATE TABLE entity_declarations (
	article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity_id    TEXT NOT NULL,
	date         INTEGER NOT NULL,
	kind         TEXT NOT NULL,
	name         TEXT NOT NULL,
	aliases      TEXT NOT NULL, -- JSON array
	roles        TEXT NOT NULL, -- JSON array
	external_ids TEXT NOT NULL, -- JSON object
	PRIMARY KEY (article_id, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_declarations_by_entity ON entity_declarations(entity_id, date, article_id);

CREATE TABLE mentions (
	article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq            INTEGER NOT NULL,
	entity_id      TEXT NOT NULL,
	date           INTEGER NOT NULL,
	text           TEXT NOT NULL,
	role           TEXT NOT NULL,
	sentence_index INTEGER NOT NULL,
	sentence_text  TEXT NOT NULL,
	start          INTEGER NOT NULL,
	end_           INTEGER NOT NULL,
	trigger_       TEXT NOT NULL,
	extractor      TEXT NOT NULL,
	confidence     REAL NOT NULL,
	PRIMARY KEY (article_id, seq)
) STRICT;
CREATE INDEX mentions_by_entity ON mentions(entity_id, article_id, start);
CREATE INDEX mentions_by_entity_date ON mentions(entity_id, date);

CREATE TABLE entities (
	id            TEXT PRIMARY KEY,
	kind          TEXT NOT NULL,
	name          TEXT NOT NULL,
	aliases       TEXT NOT NULL, -- JSON array, sorted
	roles         TEXT NOT NULL, -- JSON array, sorted
	external_ids  TEXT NOT NULL, -- JSON object
	first_seen    INTEGER,
	last_seen     INTEGER,
	mention_count INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX entities_by_mentions ON entities(mention_count DESC, id);
CREATE INDEX entities_by_kind ON entities(kind, mention_count DESC, id);

-- Every name and alias of an entity, one row each, indexed for search.
CREATE TABLE entity_names (
	rowid     INTEGER PRIMARY KEY,
	entity_id TEXT NOT NULL,
	name      TEXT NOT NULL,
	key       TEXT NOT NULL -- graph.CanonicalKey(name), for exact matches
) STRICT;
CREATE INDEX entity_names_by_entity ON entity_names(entity_id);
CREATE INDEX entity_names_by_key ON entity_names(key);
CREATE VIRTUAL TABLE entity_names_fts USING fts5(
	name, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE relationship_evidence (
	article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq             INTEGER NOT NULL,
	relationship_id TEXT NOT NULL,
	type            TEXT NOT NULL,
	source_id       TEXT NOT NULL, -- as written in the evidence
	target_id       TEXT NOT NULL,
	date            INTEGER NOT NULL,
	sentence_index  INTEGER NOT NULL,
	sentence_text   TEXT NOT NULL,
	start           INTEGER NOT NULL,
	end_            INTEGER NOT NULL,
	trigger_        TEXT NOT NULL,
	extractor       TEXT NOT NULL,
	confidence      REAL NOT NULL,
	PRIMARY KEY (article_id, seq)
) STRICT;
CREATE INDEX relationship_evidence_by_relationship
	ON relationship_evidence(relationship_id, date, article_id, start);

CREATE TABLE relationships (
	id             TEXT PRIMARY KEY,
	type           TEXT NOT NULL,
	source_id      TEXT NOT NULL, -- ordered by id when undirected
	target_id      TEXT NOT NULL,
	directed       INTEGER NOT NULL,
	evidence_count INTEGER NOT NULL,
	first_seen     INTEGER,
	last_seen      INTEGER,
	confidence     REAL NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX relationships_by_count ON relationships(evidence_count DESC, id);
CREATE INDEX relationships_by_source ON relationships(source_id, evidence_count DESC, id);
CREATE INDEX relationships_by_target ON relationships(target_id, evidence_count DESC, id);
CREATE INDEX relationships_by_type ON relationships(type, evidence_count DESC, id);

CREATE TABLE claim_evidence (
	article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq            INTEGER NOT NULL,
	claim_id       TEXT NOT NULL,
	date           INTEGER NOT NULL,
	text           TEXT NOT NULL,
	verbatim       INTEGER NOT NULL,
	source_start   INTEGER NOT NULL,
	source_end     INTEGER NOT NULL,
	source_text    TEXT NOT NULL,
	cue_start      INTEGER NOT NULL,
	cue_end        INTEGER NOT NULL,
	cue_text       TEXT NOT NULL,
	speaker_ids    TEXT NOT NULL, -- JSON array, as written
	about_ids      TEXT NOT NULL, -- JSON array, as written
	sentence_index INTEGER NOT NULL,
	sentence_text  TEXT NOT NULL,
	start          INTEGER NOT NULL,
	end_           INTEGER NOT NULL,
	trigger_       TEXT NOT NULL,
	extractor      TEXT NOT NULL,
	confidence     REAL NOT NULL,
	PRIMARY KEY (article_id, seq)
) STRICT;
CREATE INDEX claim_evidence_by_claim ON claim_evidence(claim_id, date, article_id, start);
CREATE INDEX claim_evidence_by_article ON claim_evidence(article_id, claim_id);

CREATE TABLE claims (
	rowid          INTEGER PRIMARY KEY, -- the claims_fts rowid
	id             TEXT NOT NULL UNIQUE,
	text           TEXT NOT NULL,
	normalized     TEXT NOT NULL,
	verbatim       INTEGER NOT NULL,
	cue            TEXT NOT NULL,
	speaker_ids    TEXT NOT NULL, -- JSON array, sorted
	about_ids      TEXT NOT NULL, -- JSON array, sorted
	evidence_count INTEGER NOT NULL,
	first_seen     INTEGER,
	last_seen      INTEGER,
	confidence     REAL NOT NULL
) STRICT;
CREATE INDEX claims_by_first_seen ON claims(first_seen, id);
CREATE VIRTUAL TABLE claims_fts USING fts5(
	text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);

-- Who made and who is the subject of each claim: the union over its evidence.
CREATE TABLE claim_speakers (
	entity_id TEXT NOT NULL,
	claim_id  TEXT NOT NULL,
	PRIMARY KEY (entity_id, claim_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_speakers_by_claim ON claim_speakers(claim_id);
CREATE TABLE claim_about (
	entity_id TEXT NOT NULL,
	claim_id  TEXT NOT NULL,
	PRIMARY KEY (entity_id, claim_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_about_by_claim ON claim_about(claim_id);
