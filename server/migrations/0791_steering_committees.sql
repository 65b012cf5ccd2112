-- Steering committees (docs/REPORTS.md): members and roles, their regulation in versions,
-- meetings with agenda, attendance, minutes and decisions; each decision is a follow-up task
-- with an owner and a due time, watched by the follow-up sweep as a petition's due time is.

CREATE TABLE steering_committees (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     bigint NOT NULL UNIQUE REFERENCES units(id),
  name        text NOT NULL,
  created_by  bigint REFERENCES accounts(id),
  created_at  timestamptz NOT NULL
);

CREATE TABLE steering_members (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  committee_id  bigint NOT NULL REFERENCES steering_committees(id),
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('head', 'deputy', 'standing', 'member', 'secretary')),
  position      text,                            -- the post that seats them (Chairman of the People's Committee …)
  account_id    bigint REFERENCES accounts(id),  -- when the member is an official of the deployment
  email         text,
  position_order int NOT NULL DEFAULT 0,
  left_on       date,
  created_at    timestamptz NOT NULL
);
CREATE INDEX steering_members_committee ON steering_members (committee_id, position_order, id);

-- Each version is a whole text, kept: the regulation in force is the newest.
CREATE TABLE steering_regulations (
  committee_id  bigint NOT NULL REFERENCES steering_committees(id),
  version       int NOT NULL,
  title         text NOT NULL,
  articles      jsonb NOT NULL,                  -- [{ "title": …, "text": … }] in order
  adopted_on    date NOT NULL,
  created_by    bigint REFERENCES accounts(id),
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (committee_id, version)
);

CREATE TABLE steering_meetings (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  committee_id  bigint NOT NULL REFERENCES steering_committees(id),
  held_on       date NOT NULL,
  title         text NOT NULL,
  agenda        jsonb NOT NULL,                  -- ["item", …]
  minutes       text,
  created_by    bigint REFERENCES accounts(id),
  created_at    timestamptz NOT NULL
);
CREATE INDEX steering_meetings_committee ON steering_meetings (committee_id, held_on DESC);

CREATE TABLE steering_attendance (
  meeting_id  bigint NOT NULL REFERENCES steering_meetings(id),
  member_id   bigint NOT NULL REFERENCES steering_members(id),
  present     boolean NOT NULL,
  note        text,
  PRIMARY KEY (meeting_id, member_id)
);

-- A decision of a meeting and its follow-up task.
CREATE TABLE steering_decisions (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id            bigint NOT NULL REFERENCES steering_meetings(id),
  committee_id          bigint NOT NULL REFERENCES steering_committees(id),
  unit_id               bigint NOT NULL REFERENCES units(id),
  text                  text NOT NULL,
  owner_member_id       bigint NOT NULL REFERENCES steering_members(id),
  due_at                timestamptz NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at               timestamptz,
  done_note             text,
  overdue_at            timestamptz,             -- when the sweep found it past due
  escalated_at          timestamptz,             -- when the sweep sent it up the unit tree
  escalated_to_unit_id  bigint REFERENCES units(id),
  created_at            timestamptz NOT NULL
);
CREATE INDEX steering_decisions_open_due ON steering_decisions (due_at) WHERE status = 'open';
CREATE INDEX steering_decisions_committee ON steering_decisions (committee_id, id);
