-- Codes of conduct as data, and satisfaction measured where people are served.

-- A unit's code of conduct (Cẩm Tâm's 10 principles, "5 knows, 4 increases, 4 shows, 3 no's",
-- Thanh Chương's five triples …). A set holds in the unit and every unit below it.
CREATE TABLE norm_sets (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     bigint NOT NULL REFERENCES units(id),
  key         text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, key)
);

-- Every edit of a set is a new version; an evaluation and a rating cite the version in force.
CREATE TABLE norm_set_versions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  set_id      bigint NOT NULL REFERENCES norm_sets(id),
  version     int NOT NULL CHECK (version >= 1),
  names       jsonb NOT NULL,            -- { "vi": …, "zh": …, "en": … }
  valid_from  timestamptz NOT NULL,
  created_by  bigint REFERENCES accounts(id),
  UNIQUE (set_id, version)
);

-- The norms of one version: a code (unique in the version) and its text in three languages.
CREATE TABLE norms (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id  bigint NOT NULL REFERENCES norm_set_versions(id),
  code        text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$'),
  texts       jsonb NOT NULL,
  position    int NOT NULL,
  UNIQUE (version_id, code)
);

-- The norms a resident says a conduct report is about (norms rows: each cites its version).
CREATE TABLE petition_reported_norms (
  petition_id bigint NOT NULL REFERENCES petitions(id),
  norm_id     bigint NOT NULL REFERENCES norms(id),
  PRIMARY KEY (petition_id, norm_id)
);

-- The finding on a conduct report: upheld or not, by the case's responsible leader.
CREATE TABLE conduct_findings (
  petition_id  bigint PRIMARY KEY REFERENCES petitions(id),
  official_id  bigint NOT NULL REFERENCES accounts(id),
  unit_path    text NOT NULL,            -- the unit of the reported official's highest grant
  outcome      text NOT NULL CHECK (outcome IN ('upheld', 'not_upheld')),
  norm_ids     bigint[] NOT NULL DEFAULT '{}',
  reasons      text NOT NULL,
  recorded_by  bigint NOT NULL REFERENCES accounts(id),
  recorded_at  timestamptz NOT NULL
);
CREATE INDEX conduct_findings_official ON conduct_findings (official_id, recorded_at);
CREATE INDEX conduct_findings_unit ON conduct_findings (unit_path text_pattern_ops, recorded_at);

-- A tablet at a counter, enrolled by an administrator and bound to a service point. Only
-- hashes of the one-time enrolment code and of the device token are kept.
CREATE TABLE satisfaction_devices (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_point_id      bigint NOT NULL REFERENCES service_points(id),
  name                  text NOT NULL,
  enrolment_code_hash   text,
  enrolment_expires_at  timestamptz,
  token_hash            text UNIQUE,
  enrolled_at           timestamptz,
  revoked_at            timestamptz,
  created_by            bigint NOT NULL REFERENCES accounts(id),
  created_at            timestamptz NOT NULL
);
CREATE UNIQUE INDEX satisfaction_devices_code ON satisfaction_devices (enrolment_code_hash) WHERE enrolment_code_hash IS NOT NULL;

-- The key that signs the rating links of the QR codes: one row, drawn when the table is made.
CREATE TABLE satisfaction_link_keys (
  id    int PRIMARY KEY CHECK (id = 1),
  key   text NOT NULL
);
INSERT INTO satisfaction_link_keys (id, key)
  VALUES (1, encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));

-- A face-scale rating (1–5) given at a counter kiosk or on a resident's own phone.
CREATE TABLE satisfaction_ratings (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source            text NOT NULL CHECK (source IN ('kiosk', 'link')),
  device_id         bigint REFERENCES satisfaction_devices(id),
  rater_hash        text,                -- the phone's browser (a cookie's hash), for the flood limit
  service_point_id  bigint NOT NULL REFERENCES service_points(id),
  unit_id           bigint NOT NULL REFERENCES units(id),
  unit_path         text NOT NULL,
  official_id       bigint REFERENCES accounts(id),
  procedure         text,
  score             int NOT NULL CHECK (score BETWEEN 1 AND 5),
  norm_ids          bigint[] NOT NULL DEFAULT '{}',
  comment           text,
  created_at        timestamptz NOT NULL,
  CHECK ((source = 'kiosk') = (device_id IS NOT NULL))
);
CREATE INDEX satisfaction_ratings_official ON satisfaction_ratings (official_id, created_at);
CREATE INDEX satisfaction_ratings_unit ON satisfaction_ratings (unit_path text_pattern_ops, created_at);
CREATE INDEX satisfaction_ratings_device ON satisfaction_ratings (device_id, created_at);
CREATE INDEX satisfaction_ratings_rater ON satisfaction_ratings (rater_hash, created_at);
