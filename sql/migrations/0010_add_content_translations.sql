-- Multilingual content (issue 15 part 6): a call's title and description and each criterion's
-- name and guidance in French, Spanish and Portuguese beside the English. English stays where
-- it is (calls.title, calls.description, criteria.name, and criteria.guidance, new here) and
-- every reader of it (search, exports, open data, mail) keeps reading it there; a translation is
-- one row per record, field and language, so a language left out is no row rather than an empty
-- column, and each table keeps its foreign key to the record it translates. Same text on both
-- dialects.

-- How a reviewer should read a criterion, in English; '' when the call gives none.
ALTER TABLE criteria ADD COLUMN guidance TEXT NOT NULL DEFAULT '';

CREATE TABLE call_texts (
  call_id BIGINT NOT NULL REFERENCES calls (id),
  field TEXT NOT NULL CHECK (field IN ('title', 'description')),
  language TEXT NOT NULL CHECK (language IN ('fr', 'es', 'pt')),
  text TEXT NOT NULL,
  PRIMARY KEY (call_id, field, language)
);

CREATE TABLE criterion_texts (
  criterion_id BIGINT NOT NULL REFERENCES criteria (id),
  field TEXT NOT NULL CHECK (field IN ('name', 'guidance')),
  language TEXT NOT NULL CHECK (language IN ('fr', 'es', 'pt')),
  text TEXT NOT NULL,
  PRIMARY KEY (criterion_id, field, language)
);
