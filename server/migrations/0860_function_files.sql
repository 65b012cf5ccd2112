-- Each SQL function's current definition is one file, server/migrations/functions/<name>.sql.
-- The migrator applies a file after the numbered migrations whenever its content changed, and
-- records here which content each function has now. Backups leave this table out: a restored
-- database gets every file applied again.
CREATE TABLE schema_functions (
  name       text PRIMARY KEY,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
