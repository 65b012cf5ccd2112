-- The bytes of attachments live in the database, once per content, so that every server
-- process of a deployment reads what any of them stored, and a backup holds them with the rows
-- that name them. (They were files under <dataDir>/attachments/ab/cd/<sha256>; a server moves
-- those it finds there into this table when it starts.)
CREATE TABLE attachment_contents (
  sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  data       bytea NOT NULL,
  size       int NOT NULL CHECK (size = octet_length(data)),
  created_at timestamptz NOT NULL
);
