-- Search (issue 15): one row of text per record a reader may find with GET /api/v1/search, in
-- search_documents, kept in step by the use cases that write the text, in their transaction
-- (services/stores/search_store.h: the same SELECTs as the fill at the end of this file).
--   proposal:      reference, the current version's title, the city's name; body: the summary
--                  and the English translation where one is attached
--   grant:         reference, the proposal's title, the city's name and the proposal's reference
--   organisation:  its org-id identifier, name, country and region
--   call:          code, title; body: the description
-- A reader who sees only a proposal's reference, title and city (a partner reviewer before the
-- no-conflict declaration) matches only those columns: body is the only column that is not.
CREATE TABLE search_documents (
  id @ID@,
  kind TEXT NOT NULL CHECK (kind IN ('proposal', 'grant', 'organisation', 'call')),
  record_id BIGINT NOT NULL,
  reference TEXT NOT NULL,
  title TEXT NOT NULL,
  context TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (kind, record_id)
);

-- SQLite: an FTS5 index over search_documents (external content: the text is stored once),
-- kept in step by triggers inside the writing transaction. The unicode61 tokenizer folds case
-- and, with remove_diacritics 2, accents: "Sao Paulo" finds "São Paulo". bm25 ranks.
@SQLITE@ CREATE VIRTUAL TABLE search_fts USING fts5(reference, title, context, body, content='search_documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
@SQLITE@ CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
@SQLITE@   INSERT INTO search_fts (rowid, reference, title, context, body) VALUES (new.id, new.reference, new.title, new.context, new.body); END;
@SQLITE@ CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
@SQLITE@   INSERT INTO search_fts (search_fts, rowid, reference, title, context, body) VALUES ('delete', old.id, old.reference, old.title, old.context, old.body); END;
@SQLITE@ CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
@SQLITE@   INSERT INTO search_fts (search_fts, rowid, reference, title, context, body) VALUES ('delete', old.id, old.reference, old.title, old.context, old.body); INSERT INTO search_fts (rowid, reference, title, context, body) VALUES (new.id, new.reference, new.title, new.context, new.body); END;

-- PostgreSQL: full-text search with a configuration of our own, citygrants_search: the 'simple'
-- parser and dictionary (no stemming and no stop words: the text comes in four languages, and
-- names of cities and partners must match as written), after the unaccent dictionary (Debian's
-- postgresql package ships the extension; it is trusted, so the database owner may create it).
-- The extension goes into public when it is missing (one per database, whichever schema a fund
-- uses), else it is used wherever it already is. A GIN index over the weighted vector (A:
-- reference and title, B: context, D: body); ts_rank ranks. Hyphens are read as spaces first:
-- the default parser reads GCF-2026-0007 as 'gcf', '-2026', '-0007' (signed numbers), which
-- the words 2026 and 0007 would not find. The vector expression is the one
-- services/stores/search_store.cpp queries with.
@PG@ DO $$ DECLARE s name; BEGIN IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN CREATE EXTENSION unaccent SCHEMA public; END IF; SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'; CREATE TEXT SEARCH CONFIGURATION citygrants_search (COPY = pg_catalog.simple); EXECUTE format('ALTER TEXT SEARCH CONFIGURATION citygrants_search ALTER MAPPING FOR asciihword, asciiword, hword, hword_asciipart, hword_part, word WITH %I.unaccent, pg_catalog.simple', s); END $$;
@PG@ CREATE INDEX search_documents_text ON search_documents USING GIN ((setweight(to_tsvector('citygrants_search', translate(reference, '-', ' ')), 'A') || setweight(to_tsvector('citygrants_search', translate(title, '-', ' ')), 'A') || setweight(to_tsvector('citygrants_search', translate(context, '-', ' ')), 'B') || setweight(to_tsvector('citygrants_search', translate(body, '-', ' ')), 'D')));

-- The records there are now.
INSERT INTO search_documents (kind, record_id, reference, title, context, body)
SELECT 'proposal', p.id, p.reference, v.title, o.name, v.summary || COALESCE(' ' || v.translation_en, '')
FROM proposals p
JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version
JOIN organisations o ON o.id = p.city_org_id;
INSERT INTO search_documents (kind, record_id, reference, title, context, body)
SELECT 'grant', g.id, g.reference, v.title, o.name || ' ' || p.reference, ''
FROM grants g
JOIN proposals p ON p.id = g.proposal_id
JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version
JOIN organisations o ON o.id = g.city_org_id;
INSERT INTO search_documents (kind, record_id, reference, title, context, body)
SELECT 'organisation', o.id, o.identifier, o.name, o.country || ' ' || o.region, ''
FROM organisations o;
INSERT INTO search_documents (kind, record_id, reference, title, context, body)
SELECT 'call', c.id, c.code, c.title, '', c.description
FROM calls c;
