-- Knowledge: articles (published answers, procedure guides, announcements), their versions in
-- one or more languages, the search terms of what is published, and the drafts of new
-- petitions that met an article while the resident typed (deflection).

-- An article belongs to a unit: residents of that unit's subtree see it. Its current version
-- is being written, waits for review or is published; the version residents read is
-- published_version (kept while a newer one is written) until it is withdrawn.
CREATE TABLE articles (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind                text NOT NULL CHECK (kind IN ('answer', 'guide', 'announcement')),
  state               text NOT NULL CHECK (state IN ('draft', 'in_review', 'published', 'withdrawn')),
  unit_id             bigint NOT NULL REFERENCES units(id),
  unit_path           text NOT NULL,
  category            text,
  -- a published answer: the petition it came from (its residents' consent is checked at publication)
  source_petition_id  bigint REFERENCES petitions(id),
  -- a procedure guide: where to go
  service_point_id    bigint REFERENCES service_points(id),
  valid_from          date,
  valid_to            date,
  version             int NOT NULL DEFAULT 1,
  published_version   int,
  author_id           bigint NOT NULL REFERENCES accounts(id),   -- of the current version
  submitted_at        timestamptz,
  reviewed_by         bigint REFERENCES accounts(id),
  published_at        timestamptz,
  withdrawn_at        timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX articles_unit ON articles (unit_path text_pattern_ops, state);
CREATE INDEX articles_source ON articles (source_petition_id) WHERE source_petition_id IS NOT NULL;

-- What each version says, per language. A procedure guide's steps, papers, fees, time limit
-- and place are in guide (JSON).
CREATE TABLE article_versions (
  article_id   bigint NOT NULL REFERENCES articles(id),
  version      int NOT NULL,
  language     text NOT NULL CHECK (language IN ('vi', 'zh', 'en')),
  title        text NOT NULL,
  body         text NOT NULL,
  guide        jsonb,
  author_id    bigint NOT NULL REFERENCES accounts(id),
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (article_id, version, language)
);

-- The search terms of the published version of each article, per language, computed by the
-- server (knowledge.text.ts: folded, segmented, traditional Chinese made simplified), so that
-- both databases rank alike.
CREATE TABLE article_terms (
  article_id   bigint NOT NULL REFERENCES articles(id),
  language     text NOT NULL,
  term         text NOT NULL,
  weight       real NOT NULL,
  PRIMARY KEY (article_id, language, term)
);
CREATE INDEX article_terms_term ON article_terms (term);

-- A resident's draft of a new petition, known only by a random token the page made: which
-- unit, whether an article was suggested, opened, and whether the petition was sent after all.
CREATE TABLE petition_drafts (
  token               text PRIMARY KEY,
  unit_id             bigint NOT NULL REFERENCES units(id),
  unit_path           text NOT NULL,
  started_at          timestamptz NOT NULL,
  suggested_at        timestamptz,
  opened_article_id   bigint REFERENCES articles(id),
  opened_at           timestamptz,
  submitted_at        timestamptz
);
CREATE INDEX petition_drafts_unit ON petition_drafts (unit_path text_pattern_ops, started_at);
