-- Petitions: one intake for every channel, the case state machine, deadlines, ratings.
-- Personal data lives in petitioners, never in petitions, so that lists, figures and exports
-- built on petitions carry none. Each petition row also keeps the facts the public figures
-- count (milestone times, resolved / on time, escalated, transferred, rating), so that
-- /api/v1/stats is one scan of one table.

-- Deadline policies per kind: a row with unit_id NULL is the deployment default; a row for a
-- unit holds for that unit and every unit below it, the closest unit up the tree winning.
CREATE TABLE deadline_policies (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind                      text NOT NULL CHECK (kind IN ('question', 'suggestion', 'complaint',
                              'denunciation', 'help_request', 'conduct_report')),
  unit_id                   bigint REFERENCES units(id),
  -- acknowledgement (acceptance or rejection): working days, or working hours when urgent
  ack_working_days          int NOT NULL CHECK (ack_working_days >= 0),
  urgent_ack_working_hours  int CHECK (urgent_ack_working_hours > 0),
  -- resolution: counted in working days of the unit's calendar or in calendar days
  resolution_days           int NOT NULL CHECK (resolution_days > 0),
  urgent_resolution_days    int CHECK (urgent_resolution_days > 0),
  day_type                  text NOT NULL CHECK (day_type IN ('working', 'calendar')),
  -- extensions by a leader: how many (NULL: any number) and how long each (NULL: any length)
  max_extensions            int CHECK (max_extensions >= 0),
  extension_days            int CHECK (extension_days > 0),
  anonymous_allowed         boolean NOT NULL,
  -- an unsatisfied resident may reopen the answer this many calendar days after it
  reopen_days               int NOT NULL CHECK (reopen_days >= 0),
  -- the deadline sweep escalates an overdue case to the parent unit by itself
  auto_escalate             boolean NOT NULL DEFAULT false,
  updated_at                timestamptz NOT NULL DEFAULT now(),
  updated_by                bigint REFERENCES accounts(id)
);
CREATE UNIQUE INDEX deadline_policies_kind_unit ON deadline_policies (kind, coalesce(unit_id, 0));

-- Defaults (docs/PETITIONS.md gives the sources).
INSERT INTO deadline_policies (kind, unit_id, ack_working_days, urgent_ack_working_hours, resolution_days,
                               urgent_resolution_days, day_type, max_extensions, extension_days,
                               anonymous_allowed, reopen_days)
VALUES
  ('question',       NULL, 2, 2,  7, NULL, 'working',  NULL, NULL, true,  30),
  ('help_request',   NULL, 2, 2,  5, 1,    'working',  NULL, NULL, true,  30),
  ('suggestion',     NULL, 2, 2, 10, NULL, 'working',  NULL, NULL, true,  30),
  ('conduct_report', NULL, 2, 2, 15, NULL, 'working',  NULL, NULL, true,  30),
  ('complaint',      NULL, 2, 2, 30, NULL, 'calendar', 1,    15,   false, 30),
  ('denunciation',   NULL, 2, 2, 30, NULL, 'calendar', 2,    30,   false, 30);

CREATE TABLE petitions (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- 8 characters from an alphabet without 0/O/1/I: read over the phone without mistakes
  tracking_code         text NOT NULL UNIQUE,
  kind                  text NOT NULL CHECK (kind IN ('question', 'suggestion', 'complaint',
                          'denunciation', 'help_request', 'conduct_report')),
  category              text,
  channel               text NOT NULL CHECK (channel IN ('web', 'mobile', 'hotline', 'mailbox', 'forum',
                          'reception', 'counter', 'outreach')),
  title                 text,
  body                  text NOT NULL,
  language              text,
  status                text NOT NULL CHECK (status IN ('received', 'accepted', 'rejected', 'transferred',
                          'assigned', 'in_progress', 'answered', 'closed', 'reopened', 'merged')),
  urgent                boolean NOT NULL DEFAULT false,
  anonymous             boolean NOT NULL DEFAULT false,
  consent_to_publish    boolean NOT NULL DEFAULT false,
  location_lat          double precision,
  location_lng          double precision,
  location_address      text,

  -- where the case is now (escalation and transfer move it), denormalised for scope filters
  unit_id               bigint NOT NULL REFERENCES units(id),
  unit_path             text NOT NULL,
  agency_id             bigint REFERENCES agencies(id),
  -- where it was first submitted: the figures of a unit count what was submitted to its subtree
  origin_unit_id        bigint NOT NULL REFERENCES units(id),
  origin_unit_path      text NOT NULL,

  -- a conduct report names the official it is about; that official never sees it
  reported_official_id  bigint REFERENCES accounts(id),
  recorded_by           bigint REFERENCES accounts(id),    -- the official who took it down, if any

  -- the five clear items: content (body, or the dispatcher's task statement), handler,
  -- responsible leader, due time, expected result
  task                  text,
  handler_id            bigint REFERENCES accounts(id),
  leader_id             bigint REFERENCES accounts(id),
  expected_result       text,
  ack_due_at            timestamptz NOT NULL,
  due_at                timestamptz NOT NULL,
  original_due_at       timestamptz NOT NULL,           -- the first resolution due time (set at intake, again at first acceptance)

  answer_text           text,
  answer_publish        boolean NOT NULL DEFAULT false,
  answered_by           bigint REFERENCES accounts(id),
  answer_count          int NOT NULL DEFAULT 0,          -- answers given (a reopened case is answered again)
  answered_on_the_spot  boolean NOT NULL DEFAULT false,

  -- merge: this petition's answer is the case's (case_id is the petition holding it)
  case_id               bigint REFERENCES petitions(id),
  merged_at             timestamptz,

  -- milestone facts, for the figures
  submitted_at          timestamptz NOT NULL,
  accepted_at           timestamptz,                     -- first acceptance (an on-the-spot answer accepts too)
  rejected_at           timestamptz,
  answered_at           timestamptz,                     -- first answer
  last_answered_at      timestamptz,
  closed_at             timestamptz,
  resolved              boolean NOT NULL DEFAULT false,  -- answered or closed, and not reopened since
  resolved_at           timestamptz,
  resolved_on_time      boolean,                         -- resolved_at <= due_at at that time; NULL while unresolved
  reopen_count          int NOT NULL DEFAULT 0,
  reopened_at           timestamptz,
  escalation_count      int NOT NULL DEFAULT 0,
  escalated_at          timestamptz,                     -- first escalation
  escalated_to_path     text,                            -- path of the highest unit it was escalated to
  transfer_count        int NOT NULL DEFAULT 0,
  transferred_at        timestamptz,                     -- first transfer
  extension_count       int NOT NULL DEFAULT 0,
  rating                text CHECK (rating IN ('satisfied', 'acceptable', 'unsatisfied')),  -- latest rating
  rated_at              timestamptz,

  search                tsvector NOT NULL,
  version               int NOT NULL DEFAULT 1,         -- optimistic concurrency: every change adds 1
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL
);
-- The officials' inbox: a subtree, a status, the most urgent first.
CREATE INDEX petitions_inbox ON petitions (unit_path text_pattern_ops, status, due_at);
CREATE INDEX petitions_handler ON petitions (handler_id, status);
CREATE INDEX petitions_leader ON petitions (leader_id, status);
CREATE INDEX petitions_origin ON petitions (origin_unit_path text_pattern_ops, submitted_at);
CREATE INDEX petitions_open_due ON petitions (due_at)
  WHERE status IN ('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened');
CREATE INDEX petitions_case ON petitions (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX petitions_reported ON petitions (reported_official_id) WHERE reported_official_id IS NOT NULL;
CREATE INDEX petitions_search ON petitions USING gin (search);

-- The person behind a petition. A merged case has many: one per merged petition, each with
-- its own access key, its own notifications and its own rating.
CREATE TABLE petitioners (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id          bigint NOT NULL REFERENCES petitions(id),
  resident_account_id  bigint REFERENCES accounts(id),
  name                 text,
  phone                text,
  phone_key            text,              -- digits without the country prefix or trunk 0, for lookup
  email                text,
  address              text,
  locale               text NOT NULL CHECK (locale IN ('vi', 'zh', 'en')),
  access_key_hash      text NOT NULL,     -- SHA-256 of the key given once at intake
  created_at           timestamptz NOT NULL
);
CREATE INDEX petitioners_petition ON petitioners (petition_id);
CREATE INDEX petitioners_phone ON petitioners (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX petitioners_account ON petitioners (resident_account_id) WHERE resident_account_id IS NOT NULL;

-- The timeline: 'public' events show on the tracking page, 'internal' ones only to officials.
CREATE TABLE petition_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id   bigint NOT NULL REFERENCES petitions(id),
  at            timestamptz NOT NULL,
  type          text NOT NULL,
  actor_id      bigint REFERENCES accounts(id),
  actor_label   text NOT NULL,            -- 'official', 'resident', 'anonymous', 'system:<what>'
  from_status   text,
  to_status     text,
  unit_id       bigint REFERENCES units(id),  -- the unit the case is at after the event
  reason        text,
  text          text,
  data          jsonb NOT NULL DEFAULT '{}',
  visibility    text NOT NULL CHECK (visibility IN ('public', 'internal'))
);
CREATE INDEX petition_events_petition ON petition_events (petition_id, id);

-- One rating per petitioner per answer (a reopened case answered again may be rated again).
CREATE TABLE petition_ratings (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id    bigint NOT NULL REFERENCES petitions(id),   -- the petition the petitioner submitted
  case_id        bigint NOT NULL REFERENCES petitions(id),   -- the case whose answer is rated
  petitioner_id  bigint NOT NULL REFERENCES petitioners(id),
  answer_number  int NOT NULL,
  score          text NOT NULL CHECK (score IN ('satisfied', 'acceptable', 'unsatisfied')),
  reasons        jsonb NOT NULL DEFAULT '[]',
  comment        text,
  reopen         boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  UNIQUE (petitioner_id, answer_number)
);
CREATE INDEX petition_ratings_case ON petition_ratings (case_id);

-- Photos and PDFs, stored once per content under <dataDir>/attachments/ab/cd/<sha256>.
CREATE TABLE petition_attachments (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id    bigint NOT NULL REFERENCES petitions(id),
  sha256         text NOT NULL,
  filename       text NOT NULL,
  content_type   text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size           int NOT NULL,
  uploaded_by    bigint REFERENCES accounts(id),  -- NULL: the resident, with the access key
  created_at     timestamptz NOT NULL
);
CREATE INDEX petition_attachments_petition ON petition_attachments (petition_id);
