-- Scorecards computed from the record: criteria per job position as data, grade thresholds as
-- data, inspection findings entered by a superior, the public ranking's minimum volume, and the
-- yearly review of each official.

-- A unit's framework for one job position (accounts.position), or for every position (NULL).
-- It holds in the unit and every unit below it; the nearest one up the tree applies.
CREATE TABLE scorecard_frameworks (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id         bigint NOT NULL REFERENCES units(id),
  position        text,
  excellent_from  numeric(5,2) NOT NULL CHECK (excellent_from BETWEEN 0 AND 100),
  good_from       numeric(5,2) NOT NULL CHECK (good_from BETWEEN 0 AND 100),
  completed_from  numeric(5,2) NOT NULL CHECK (completed_from BETWEEN 0 AND 100),
  updated_by      bigint REFERENCES accounts(id),
  updated_at      timestamptz NOT NULL,
  CHECK (excellent_from >= good_from AND good_from >= completed_from)
);
CREATE UNIQUE INDEX scorecard_frameworks_unit_position ON scorecard_frameworks (unit_id, coalesce(position, ''));

-- A criterion: which measure of the record, its weight, and the scale that maps the measured
-- value to 0–100 (worst → 0, best → 100; worst above best for counts where fewer is better).
CREATE TABLE scorecard_criteria (
  framework_id  bigint NOT NULL REFERENCES scorecard_frameworks(id) ON DELETE CASCADE,
  measure       text NOT NULL CHECK (measure IN ('on_time_rate', 'satisfaction', 'reopen_rate', 'overdue_count', 'online_share', 'gatherings_held', 'upheld_conduct', 'inspection_findings')),
  weight        numeric(6,2) NOT NULL CHECK (weight > 0),
  worst         numeric(8,2) NOT NULL,
  best          numeric(8,2) NOT NULL CHECK (best <> worst),
  position      int NOT NULL,
  PRIMARY KEY (framework_id, measure)
);

-- What an inspection of public duty found about an official, entered by a superior.
CREATE TABLE inspection_findings (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  official_id bigint NOT NULL REFERENCES accounts(id),
  unit_id     bigint NOT NULL REFERENCES units(id),
  unit_path   text NOT NULL,
  found_on    date NOT NULL,
  text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  entered_by  bigint NOT NULL REFERENCES accounts(id),
  entered_at  timestamptz NOT NULL
);
CREATE INDEX inspection_findings_official ON inspection_findings (official_id, found_on);
CREATE INDEX inspection_findings_unit ON inspection_findings (unit_path text_pattern_ops, found_on);

-- The public ranking of the units below this one leaves out units with fewer rated cases.
CREATE TABLE ranking_settings (
  unit_id     bigint PRIMARY KEY REFERENCES units(id),
  min_volume  int NOT NULL CHECK (min_volume >= 1),
  updated_by  bigint REFERENCES accounts(id),
  updated_at  timestamptz NOT NULL
);

-- The yearly review: the official's self-assessment, then the leader's grade; the computed
-- scorecard is kept as it stood when the leader graded.
CREATE TABLE yearly_reviews (
  official_id      bigint NOT NULL REFERENCES accounts(id),
  year             int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  self_assessment  text,
  self_at          timestamptz,
  computed_grade   text CHECK (computed_grade IN ('excellent', 'good', 'completed', 'not_completed')),
  computed_total   numeric(5,2),
  scorecard        jsonb,
  leader_grade     text CHECK (leader_grade IN ('excellent', 'good', 'completed', 'not_completed')),
  leader_reasons   text,
  leader_id        bigint REFERENCES accounts(id),
  graded_at        timestamptz,
  PRIMARY KEY (official_id, year),
  CHECK (leader_grade IS NULL OR leader_grade = computed_grade OR leader_reasons IS NOT NULL)
);
