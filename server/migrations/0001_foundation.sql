-- Foundation: administrative units, agencies, service points, accounts, grants, sessions, audit.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- A node of the administrative tree. Depth and level names are data: Vietnam since 2025 is
-- province → commune, China is province → city → county → township → village.
CREATE TABLE units (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code          text NOT NULL UNIQUE,            -- the official code
  name          text NOT NULL,                   -- the official name, in the country's language
  names         jsonb NOT NULL DEFAULT '{}',     -- { "vi": …, "zh": …, "en": … }
  level         text NOT NULL,
  parent_id     bigint REFERENCES units(id),
  -- '/<id>/<id>/…/' from the root down to this unit: a subtree is one prefix (LIKE 'path%').
  path          text NOT NULL,
  depth         int NOT NULL,
  country       text NOT NULL,                   -- ISO 3166 code, picks the holiday calendar
  time_zone     text NOT NULL,
  valid_from    date,
  valid_to      date,                            -- set when the unit was merged or dissolved
  replaced_by_id bigint REFERENCES units(id),    -- the unit that took it over
  -- every name, lower-cased and without diacritics, so "thanh chuong" finds "Thanh Chương"
  search_key    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_path ON units (path text_pattern_ops);
CREATE INDEX units_search ON units USING gin (search_key gin_trgm_ops);

-- An office inside a unit: People's Committee, one-stop shop, land registry, police …
CREATE TABLE agencies (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     bigint NOT NULL REFERENCES units(id),
  kind        text NOT NULL,
  name        text NOT NULL,
  names       jsonb NOT NULL DEFAULT '{}',
  phone       text,
  email       text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agencies_unit ON agencies (unit_id);

-- The checklist of service points per level ("7+N" for a township …), as data.
CREATE TABLE service_point_kinds (
  key        text PRIMARY KEY,
  level      text NOT NULL,
  required   boolean NOT NULL,
  names      jsonb NOT NULL,
  position   int NOT NULL DEFAULT 0
);

CREATE TABLE service_points (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     bigint NOT NULL REFERENCES units(id),
  kind        text NOT NULL REFERENCES service_point_kinds(key),
  name        text NOT NULL,
  address     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_points_unit ON service_points (unit_id);

-- Officials sign in with a password; residents with a one-time code to their phone or e-mail.
CREATE TABLE accounts (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('official', 'resident')),
  username        text UNIQUE,
  password_hash   text,
  name            text NOT NULL DEFAULT '',
  phone           text,
  email           text,
  agency_id       bigint REFERENCES agencies(id),
  position        text,
  locale          text,
  failed_logins   int NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  disabled_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'official' OR (username IS NOT NULL AND password_hash IS NOT NULL))
);
CREATE UNIQUE INDEX accounts_resident_phone ON accounts (phone) WHERE kind = 'resident' AND phone IS NOT NULL;
CREATE UNIQUE INDEX accounts_resident_email ON accounts (lower(email)) WHERE kind = 'resident' AND email IS NOT NULL;
CREATE INDEX accounts_agency ON accounts (agency_id);

-- (account, unit, role): the role holds in the unit and every unit below it.
-- unit_id NULL means the whole deployment (the first administrator).
CREATE TABLE grants (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id  bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  unit_id     bigint REFERENCES units(id),
  role        text NOT NULL CHECK (role IN ('administrator', 'leader', 'dispatcher', 'handler',
                                            'reception_officer', 'council_secretary', 'auditor')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX grants_unique ON grants (account_id, coalesce(unit_id, 0), role);
CREATE INDEX grants_unit ON grants (unit_id);

-- The token itself is never stored: only its SHA-256.
CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  account_id    bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE one_time_codes (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  destination   text NOT NULL,                 -- a normalised phone number or e-mail address
  code_hash     text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  attempts      int NOT NULL DEFAULT 0,
  consumed_at   timestamptz
);
CREATE INDEX one_time_codes_destination ON one_time_codes (destination, created_at DESC);

-- Append-only and hash-chained per subject: one chain per subject keeps unrelated writes
-- from waiting on each other; checkpoints seal all chain heads together.
CREATE TABLE audit_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at   timestamptz NOT NULL,
  actor_id      bigint,
  actor_label   text NOT NULL,
  action        text NOT NULL,
  subject_type  text NOT NULL,
  subject_id    text NOT NULL,
  unit_id       bigint,
  changes       jsonb NOT NULL DEFAULT '{}',
  seq           int NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL,
  UNIQUE (subject_type, subject_id, seq)
);
CREATE INDEX audit_events_unit ON audit_events (unit_id, id);

CREATE TABLE audit_checkpoints (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at     timestamptz NOT NULL,
  max_event_id   bigint NOT NULL,
  event_count    bigint NOT NULL,
  heads_hash     text NOT NULL,
  prev_hash      text NOT NULL,
  hash           text NOT NULL
);
