-- Gatherings: reception days, outreach days (People's Saturday), forums, dialogues, service
-- days and working sessions; their series, bookings, what was raised and done at them, and the
-- law's minimum reception frequency as data. See docs/GATHERINGS.md.

-- A recurring plan: an RFC 5545 rule over local days, the local start time and length, and what
-- to do when an occurrence falls on a holiday of the unit's calendar.
CREATE TABLE gathering_series (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id         bigint NOT NULL REFERENCES units(id),
  kind            text NOT NULL CHECK (kind IN ('reception_day', 'outreach_day', 'forum', 'dialogue', 'service_day', 'working_session')),
  title           text NOT NULL,
  rrule           text NOT NULL,                -- 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2', without DTSTART
  first_day       date NOT NULL,                -- DTSTART, a local day
  until_day       date NOT NULL,                -- the last local day a gathering may fall on
  start_time      text NOT NULL CHECK (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  minutes         int NOT NULL CHECK (minutes BETWEEN 15 AND 1440),
  holiday_rule    text NOT NULL CHECK (holiday_rule IN ('skip', 'next_day', 'previous_day', 'keep')),
  exceptions      date[] NOT NULL DEFAULT '{}', -- single local days left out
  created_by      bigint REFERENCES accounts(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gathering_series_unit ON gathering_series (unit_id);

CREATE TABLE gatherings (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id         bigint NOT NULL REFERENCES units(id),
  unit_path       text NOT NULL,
  series_id       bigint REFERENCES gathering_series(id),
  kind            text NOT NULL CHECK (kind IN ('reception_day', 'outreach_day', 'forum', 'dialogue', 'service_day', 'working_session')),
  title           text NOT NULL,
  host_id         bigint REFERENCES accounts(id),
  -- who receives: the chairman (the law's minimum counts these), a vice-chairman, the citizen
  -- reception committee's regular reception, or another official
  host_role       text CHECK (host_role IN ('chairman', 'vice_chairman', 'reception_committee', 'other')),
  place           text,
  place_lat       double precision CHECK (place_lat BETWEEN -90 AND 90),
  place_lng       double precision CHECK (place_lng BETWEEN -180 AND 180),
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  capacity        int CHECK (capacity > 0),
  topics          text[] NOT NULL DEFAULT '{}',
  state           text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'open', 'closed', 'published', 'cancelled')),
  cancel_reason   text,
  attendance      int NOT NULL DEFAULT 0 CHECK (attendance >= 0),
  minutes_text    text,
  outcomes        text,
  summary         text,
  opened_at       timestamptz,
  closed_at       timestamptz,
  published_at    timestamptz,
  cancelled_at    timestamptz,
  created_by      bigint REFERENCES accounts(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK ((state = 'cancelled') = (cancel_reason IS NOT NULL))
);
CREATE INDEX gatherings_unit_start ON gatherings (unit_path text_pattern_ops, starts_at);
CREATE INDEX gatherings_start ON gatherings (starts_at);
CREATE INDEX gatherings_host ON gatherings (host_id, starts_at) WHERE state <> 'cancelled';
CREATE INDEX gatherings_series ON gatherings (series_id);

CREATE TABLE gathering_agencies (
  gathering_id    bigint NOT NULL REFERENCES gatherings(id),
  agency_id       bigint NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (gathering_id, agency_id)
);

-- Names of those received (reception); the count is gatherings.attendance.
CREATE TABLE gathering_attendees (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  gathering_id    bigint NOT NULL REFERENCES gatherings(id),
  name            text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gathering_attendees_gathering ON gathering_attendees (gathering_id);

-- Petitions born at a gathering: raised there, or sent ahead as a question.
CREATE TABLE gathering_petitions (
  petition_id     bigint PRIMARY KEY REFERENCES petitions(id),
  gathering_id    bigint NOT NULL REFERENCES gatherings(id),
  via             text NOT NULL CHECK (via IN ('raised', 'question_ahead')),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gathering_petitions_gathering ON gathering_petitions (gathering_id);

-- Services delivered, by type (certificates handed over, people measured, guided …).
CREATE TABLE gathering_services (
  gathering_id    bigint NOT NULL REFERENCES gatherings(id),
  service_type    text NOT NULL CHECK (service_type ~ '^[a-z][a-z0-9_]{0,63}$'),
  count           int NOT NULL CHECK (count >= 0),
  PRIMARY KEY (gathering_id, service_type)
);

-- "Three sides, one word": the resident's account, the agency's, the leader's conclusion, who is
-- responsible and by when; followed up like a petition's deadline.
CREATE TABLE gathering_records (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  gathering_id    bigint NOT NULL REFERENCES gatherings(id),
  petition_id     bigint REFERENCES petitions(id),
  resident_account text NOT NULL,
  agency_account  text NOT NULL,
  conclusion      text NOT NULL,
  responsible     text NOT NULL,
  due_on          date NOT NULL,
  done_at         timestamptz,
  done_note       text,
  created_by      bigint REFERENCES accounts(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gathering_records_gathering ON gathering_records (gathering_id);
CREATE INDEX gathering_records_open ON gathering_records (due_on) WHERE done_at IS NULL;

-- A resident's place at a gathering: a phone number and a confirmation code.
CREATE TABLE gathering_bookings (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  gathering_id    bigint NOT NULL REFERENCES gatherings(id),
  code            text NOT NULL UNIQUE,
  phone           text NOT NULL,
  name            text,
  cancelled_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX gathering_bookings_phone ON gathering_bookings (gathering_id, phone) WHERE cancelled_at IS NULL;

-- What the console sent, by the idempotency key it carried: a replayed entry is answered from
-- here and changes nothing.
CREATE TABLE gathering_entries (
  key             text PRIMARY KEY CHECK (key ~ '^[A-Za-z0-9_-]{8,64}$'),
  gathering_id    bigint NOT NULL REFERENCES gatherings(id),
  type            text NOT NULL,
  result          jsonb NOT NULL,
  created_by      bigint REFERENCES accounts(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gathering_entries_gathering ON gathering_entries (gathering_id);

-- The law's minimum reception frequency, per country, level of unit and role, with the dates it
-- holds. Law on Citizen Reception 2013 (Luật Tiếp công dân số 42/2013/QH13, in force
-- 1 July 2014), Article 12–15: the chairman of a commune People's Committee receives citizens at
-- least one day a week (Art. 15), of a district at least two days a month (Art. 14), of a
-- province at least one day a month (Art. 13). Administrators edit the rows (the 2025 reform
-- removed districts, for example).
CREATE TABLE reception_minimums (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  country         text NOT NULL,
  level           text NOT NULL,
  role            text NOT NULL CHECK (role IN ('chairman', 'vice_chairman', 'reception_committee', 'other')),
  days            int NOT NULL CHECK (days BETWEEN 1 AND 31),
  per             text NOT NULL CHECK (per IN ('week', 'month')),
  valid_from      date NOT NULL,
  valid_to        date,
  source          text NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (country, level, role, valid_from)
);
INSERT INTO reception_minimums (country, level, role, days, per, valid_from, source) VALUES
  ('VN', 'commune', 'chairman', 1, 'week', '2014-07-01', 'Luật Tiếp công dân 2013, Điều 15'),
  ('VN', 'district', 'chairman', 2, 'month', '2014-07-01', 'Luật Tiếp công dân 2013, Điều 14'),
  ('VN', 'province', 'chairman', 1, 'month', '2014-07-01', 'Luật Tiếp công dân 2013, Điều 13');
