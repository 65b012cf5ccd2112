-- Reports (docs/REPORTS.md): what a steering committee reads each month, quarter and year.

-- The targets a unit sets for the three rates; a unit without its own takes its nearest
-- ancestor's. Rates are fractions (0.95 = 95%); NULL: no target for that rate.
CREATE TABLE report_targets (
  unit_id            bigint PRIMARY KEY REFERENCES units(id),
  resolution_rate    numeric(5,4) CHECK (resolution_rate BETWEEN 0 AND 1),
  on_time_rate       numeric(5,4) CHECK (on_time_rate BETWEEN 0 AND 1),
  satisfaction_rate  numeric(5,4) CHECK (satisfaction_rate BETWEEN 0 AND 1),
  updated_by         bigint REFERENCES accounts(id),
  updated_at         timestamptz NOT NULL
);

-- An archived report: the figures of a unit and a closed period as they were when it was
-- produced, and its PDF in the unit's language, byte for byte. Never updated.
CREATE TABLE reports (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id      bigint NOT NULL REFERENCES units(id),
  period       text NOT NULL,                 -- 2026-03, 2026-Q1, 2026
  from_day     date NOT NULL,
  to_day       date NOT NULL,
  audience     text NOT NULL CHECK (audience IN ('staff', 'public')),
  locale       text NOT NULL CHECK (locale IN ('vi', 'zh', 'en')),
  content      jsonb NOT NULL,
  pdf          bytea NOT NULL,
  sha256       text NOT NULL,
  produced_at  timestamptz NOT NULL,
  UNIQUE (unit_id, period, audience)
);
CREATE INDEX reports_unit ON reports (unit_id, from_day DESC);

CREATE FUNCTION reports_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an archived report never changes (report %)', OLD.id;
END $$;
CREATE TRIGGER reports_frozen BEFORE UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION reports_never_change();
