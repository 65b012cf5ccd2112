-- The deadline sweep (docs/PETITIONS.md, "The deadline sweep"): reminders before a petition's
-- due time, the overdue notice at it, and the automatic escalation its policy may ask for.

-- How far each stage has got: every petition open with a due time up to done_until has had
-- the stage. The sweep reads only what fell due since, through petitions_open_due.
CREATE TABLE deadline_sweep_state (
  stage       text PRIMARY KEY,
  done_until  timestamptz NOT NULL
);

-- What the sweep did, once per petition, stage and due time: a new due time (an extension,
-- an escalation, a reopening) gets its own reminders. Written before acting, in the same
-- transaction, so that of two sweeps on one petition exactly one acts.
CREATE TABLE deadline_actions (
  petition_id   bigint NOT NULL REFERENCES petitions(id),
  stage         text NOT NULL,
  due_at        timestamptz NOT NULL,
  at            timestamptz NOT NULL,
  notified      int NOT NULL DEFAULT 0,            -- officials told
  escalated_to  bigint REFERENCES units(id),       -- the unit it was escalated to, if it was
  PRIMARY KEY (petition_id, stage, due_at)
);
