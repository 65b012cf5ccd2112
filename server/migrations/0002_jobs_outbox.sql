-- Background jobs, the notification outbox, and in-app notices for officials.
-- Every server process polls these tables; rows are leased with FOR UPDATE SKIP LOCKED, so
-- several processes on one database share the work without a queue server.

-- A unit of background work. `key` makes scheduling idempotent: enqueuing a key that exists
-- is a no-op. A claimed job is 'running' until locked_until; a process that dies leaves the
-- lease to expire, and another process claims the job again (handlers are idempotent).
CREATE TABLE jobs (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  key           text UNIQUE,
  state         text NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'running', 'done', 'failed', 'cancelled')),
  run_at        timestamptz NOT NULL,
  attempts      int NOT NULL DEFAULT 0,
  max_attempts  int NOT NULL DEFAULT 10,
  lease_token   text,                 -- who holds the job now; a stale holder cannot finish it
  locked_until  timestamptz,
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
-- The poll looks only at work that can become due.
CREATE INDEX jobs_pending ON jobs (run_at) WHERE state = 'pending';
CREATE INDEX jobs_running ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state IN ('done', 'cancelled');

-- A message to a resident or an official, written in the same transaction as the change
-- that causes it, so nothing is lost while a transport is down. Rendered at delivery in the
-- row's locale. `dedupe_key` makes a notification exactly-once.
CREATE TABLE notification_outbox (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel          text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient        text NOT NULL,
  template         text NOT NULL,
  locale           text NOT NULL CHECK (locale IN ('vi', 'zh', 'en')),
  params           jsonb NOT NULL DEFAULT '{}',
  dedupe_key       text UNIQUE,
  state            text NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts         int NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  lease_token      text,
  locked_until     timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz
);
CREATE INDEX notification_outbox_pending ON notification_outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX notification_outbox_sending ON notification_outbox (locked_until) WHERE state = 'sending';

-- What an official sees in the workspace: assignments, reminders, overdue cases, escalations.
CREATE TABLE official_notices (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  template      text NOT NULL,
  params        jsonb NOT NULL DEFAULT '{}',
  subject_type  text,                 -- what the notice is about, e.g. 'petition'
  subject_id    text,
  dedupe_key    text UNIQUE,
  created_at    timestamptz NOT NULL,
  read_at       timestamptz
);
CREATE INDEX official_notices_account ON official_notices (account_id, id DESC);
CREATE INDEX official_notices_unread ON official_notices (account_id, id DESC) WHERE read_at IS NULL;
