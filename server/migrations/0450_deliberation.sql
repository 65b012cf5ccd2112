-- Deliberation: councils of a unit and their members, matters through the stages proposal →
-- evaluation → review → resolution → implementation → inspection, and consultations in which an
-- electorate chooses among options. docs/DELIBERATION.md.

-- A deliberation body of a unit (a villager group's council, a party branch …). Quorum and
-- majority are data: a share num/den of a base, "more than" when strict, "at least" otherwise.
CREATE TABLE councils (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id             bigint NOT NULL REFERENCES units(id),
  kind                text NOT NULL CHECK (kind IN ('group_council', 'party_branch', 'village_council', 'commune_council', 'residents_council')),
  name                text NOT NULL,
  quorum_num          int NOT NULL DEFAULT 1 CHECK (quorum_num > 0),
  quorum_den          int NOT NULL DEFAULT 2 CHECK (quorum_den > 0 AND quorum_num <= quorum_den),
  quorum_strict       boolean NOT NULL DEFAULT true,
  majority_num        int NOT NULL DEFAULT 1 CHECK (majority_num > 0),
  majority_den        int NOT NULL DEFAULT 2 CHECK (majority_den > 0 AND majority_num <= majority_den),
  majority_strict     boolean NOT NULL DEFAULT true,
  majority_base       text NOT NULL DEFAULT 'present' CHECK (majority_base IN ('present', 'members', 'cast')),
  -- how many residents must co-sign a residents' proposal
  cosigners_required  int NOT NULL DEFAULT 5 CHECK (cosigners_required >= 0),
  -- how long the evaluation's comment period lasts
  comment_days        int NOT NULL DEFAULT 7 CHECK (comment_days BETWEEN 1 AND 90),
  created_at          timestamptz NOT NULL
);
CREATE INDEX councils_unit ON councils (unit_id);

-- A member's term: elected on a day, serving until a day (inclusive).
CREATE TABLE council_members (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id   bigint NOT NULL REFERENCES councils(id),
  name         text NOT NULL,
  account_id   bigint REFERENCES accounts(id),
  role         text NOT NULL CHECK (role IN ('chair', 'secretary', 'member')),
  party_member boolean NOT NULL DEFAULT false,
  elected_on   date NOT NULL,
  term_until   date NOT NULL CHECK (term_until >= elected_on),
  created_at   timestamptz NOT NULL
);
CREATE INDEX council_members_council ON council_members (council_id);
CREATE INDEX council_members_account ON council_members (account_id) WHERE account_id IS NOT NULL;

CREATE TABLE matters (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id         bigint NOT NULL REFERENCES councils(id),
  unit_id            bigint NOT NULL REFERENCES units(id),
  content            text NOT NULL CHECK (content IN ('development', 'law', 'morality', 'customs', 'harmony')),
  title              text NOT NULL,
  body               text NOT NULL DEFAULT '',
  proposer_kind      text NOT NULL CHECK (proposer_kind IN ('member', 'residents')),
  proposer_member_id bigint REFERENCES council_members(id),
  proposer_name      text NOT NULL,
  cosigners          jsonb NOT NULL DEFAULT '[]',
  stage              text NOT NULL CHECK (stage IN ('proposal', 'evaluation', 'review', 'resolution', 'implementation', 'inspection', 'completed', 'rejected', 'not_passed')),
  proposed_at        timestamptz NOT NULL,
  stage_changed_at   timestamptz NOT NULL,
  comments_close_at  timestamptz,
  review_outcome     text CHECK (review_outcome IN ('approved', 'returned', 'rejected')),
  review_reason      text,
  revision           int NOT NULL DEFAULT 1
);
CREATE INDEX matters_council ON matters (council_id, id DESC);
CREATE INDEX matters_unit_proposed ON matters (unit_id, proposed_at);

-- Documents of a matter or of a consultation's option: a title and where the file is.
CREATE TABLE deliberation_documents (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  matter_id    bigint REFERENCES matters(id),
  option_id    bigint,
  title        text NOT NULL,
  url          text NOT NULL,
  created_at   timestamptz NOT NULL,
  CHECK ((matter_id IS NULL) <> (option_id IS NULL))
);
CREATE INDEX deliberation_documents_matter ON deliberation_documents (matter_id) WHERE matter_id IS NOT NULL;
CREATE INDEX deliberation_documents_option ON deliberation_documents (option_id) WHERE option_id IS NOT NULL;

-- Residents' comments in the evaluation period, and members' written evaluations.
CREATE TABLE matter_comments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  matter_id   bigint NOT NULL REFERENCES matters(id),
  account_id  bigint REFERENCES accounts(id),
  member_id   bigint REFERENCES council_members(id),
  author_name text NOT NULL DEFAULT '',
  body        text NOT NULL,
  created_at  timestamptz NOT NULL,
  CHECK ((account_id IS NOT NULL) OR (member_id IS NOT NULL))
);
CREATE INDEX matter_comments_matter ON matter_comments (matter_id, id);

-- The resolution meeting: who was present and how they voted.
CREATE TABLE matter_meetings (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  matter_id       bigint NOT NULL REFERENCES matters(id),
  held_on         date NOT NULL,
  members_total   int NOT NULL,
  present_ids     bigint[] NOT NULL,
  votes_for       int NOT NULL,
  votes_against   int NOT NULL,
  abstentions     int NOT NULL,
  passed          boolean NOT NULL,
  minutes         text NOT NULL DEFAULT '',
  recorded_at     timestamptz NOT NULL
);
CREATE UNIQUE INDEX matter_meetings_matter ON matter_meetings (matter_id);

CREATE TABLE matter_tasks (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  matter_id     bigint NOT NULL REFERENCES matters(id),
  title         text NOT NULL,
  owner         text NOT NULL,
  due_on        date NOT NULL,
  status        text NOT NULL CHECK (status IN ('open', 'done', 'contested', 'accepted')),
  progress      int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  spent         numeric(16, 2) NOT NULL DEFAULT 0,
  done_on       date,
  created_at    timestamptz NOT NULL
);
CREATE INDEX matter_tasks_matter ON matter_tasks (matter_id, id);

CREATE TABLE task_progress (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id     bigint NOT NULL REFERENCES matter_tasks(id),
  note        text NOT NULL DEFAULT '',
  progress    int NOT NULL CHECK (progress BETWEEN 0 AND 100),
  spent       numeric(16, 2) NOT NULL DEFAULT 0 CHECK (spent >= 0),
  photos      jsonb NOT NULL DEFAULT '[]',
  reported_on date NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX task_progress_task ON task_progress (task_id, id);

CREATE TABLE task_inspections (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id     bigint NOT NULL REFERENCES matter_tasks(id),
  matter_id   bigint NOT NULL REFERENCES matters(id),
  account_id  bigint REFERENCES accounts(id),
  verdict     text NOT NULL CHECK (verdict IN ('accepted', 'contested')),
  note        text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL
);
CREATE INDEX task_inspections_matter ON task_inspections (matter_id, id);

-- Residents who follow a matter or a consultation.
CREATE TABLE deliberation_follows (
  account_id      bigint NOT NULL REFERENCES accounts(id),
  matter_id       bigint REFERENCES matters(id),
  consultation_id bigint,
  created_at      timestamptz NOT NULL,
  CHECK ((matter_id IS NULL) <> (consultation_id IS NULL))
);
CREATE UNIQUE INDEX deliberation_follows_matter ON deliberation_follows (account_id, matter_id) WHERE matter_id IS NOT NULL;
CREATE UNIQUE INDEX deliberation_follows_consultation ON deliberation_follows (account_id, consultation_id) WHERE consultation_id IS NOT NULL;

-- Residents choosing among options (Block 10's three cemetery sites).
CREATE TABLE consultations (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id          bigint NOT NULL REFERENCES units(id),
  title            text NOT NULL,
  body             text NOT NULL DEFAULT '',
  electorate_kind  text NOT NULL CHECK (electorate_kind IN ('household', 'resident')),
  changeable       boolean NOT NULL DEFAULT false,
  status           text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  closes_at        timestamptz NOT NULL,
  opened_at        timestamptz,
  closed_at        timestamptz,
  created_at       timestamptz NOT NULL
);
CREATE INDEX consultations_unit ON consultations (unit_id, id DESC);

CREATE TABLE consultation_options (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id  bigint NOT NULL REFERENCES consultations(id),
  position         int NOT NULL,
  title            text NOT NULL,
  body             text NOT NULL DEFAULT '',
  place_name       text,
  lat              double precision CHECK (lat BETWEEN -90 AND 90),
  lng              double precision CHECK (lng BETWEEN -180 AND 180),
  UNIQUE (consultation_id, position)
);
ALTER TABLE deliberation_documents ADD FOREIGN KEY (option_id) REFERENCES consultation_options(id);

-- The electorate: one row per household or resident. voted_at is the "has voted" mark; it says
-- nothing of the choice, which is in consultation_ballots with no reference to the voter.
CREATE TABLE consultation_voters (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id  bigint NOT NULL REFERENCES consultations(id),
  ref              text NOT NULL,
  name             text NOT NULL,
  phone            text,
  voted_at         timestamptz,
  vote_channel     text CHECK (vote_channel IN ('code', 'paper')),
  UNIQUE (consultation_id, ref)
);
CREATE UNIQUE INDEX consultation_voters_phone ON consultation_voters (consultation_id, phone) WHERE phone IS NOT NULL;

-- A ballot: the option chosen, under a random id. receipt_hash lets its voter (who alone holds the
-- receipt) change it while the consultation allows; it is null for paper ballots.
CREATE TABLE consultation_ballots (
  id               uuid PRIMARY KEY,
  consultation_id  bigint NOT NULL REFERENCES consultations(id),
  option_id        bigint NOT NULL REFERENCES consultation_options(id),
  receipt_hash     text UNIQUE
);
CREATE INDEX consultation_ballots_consultation ON consultation_ballots (consultation_id, option_id);

-- One-time codes sent to a voter's phone.
CREATE TABLE consultation_codes (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  voter_id    bigint NOT NULL REFERENCES consultation_voters(id),
  code_hash   text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  attempts    int NOT NULL DEFAULT 0,
  consumed_at timestamptz
);
CREATE INDEX consultation_codes_voter ON consultation_codes (voter_id, id DESC);
