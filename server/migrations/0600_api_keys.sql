-- Keys that other systems present (an Open311 client such as FixMyStreet, a city app). An
-- administrator issues one per client; the key is shown once and only its SHA-256 is kept.
-- A key holds in its unit's subtree (no unit: the whole deployment) and is refused after it
-- is revoked.
CREATE TABLE api_keys (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client      text NOT NULL CHECK (length(client) BETWEEN 1 AND 200),
  prefix      text NOT NULL,
  key_hash    text NOT NULL UNIQUE,
  unit_id     bigint REFERENCES units(id),
  per_minute  integer NOT NULL CHECK (per_minute BETWEEN 1 AND 100000),
  created_by  bigint REFERENCES accounts(id),
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  revoked_by  bigint REFERENCES accounts(id),
  last_used_at timestamptz
);

-- Requests per key and minute, for the key's rate limit (shared by every server process).
CREATE TABLE api_key_usage (
  key_id  bigint NOT NULL REFERENCES api_keys(id),
  minute  timestamptz NOT NULL,
  n       integer NOT NULL,
  PRIMARY KEY (key_id, minute)
);
