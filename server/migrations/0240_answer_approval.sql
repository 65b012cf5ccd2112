-- Units where an answer waits for the responsible leader's approval before the resident is
-- told. A row holds for the unit and every unit below it.
CREATE TABLE answer_approval_units (
  unit_id     bigint PRIMARY KEY REFERENCES units(id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  bigint REFERENCES accounts(id)
);

-- The answer a handler wrote, held until a leader approves (it is then sent) or returns it.
ALTER TABLE petitions
  ADD COLUMN pending_answer_text    text,
  ADD COLUMN pending_answer_publish boolean,
  ADD COLUMN pending_answer_by      bigint REFERENCES accounts(id),
  ADD COLUMN pending_answer_at      timestamptz;
