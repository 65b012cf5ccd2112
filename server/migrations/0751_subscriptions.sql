-- Residents follow a unit (and every unit below it), a category, or both, and receive its
-- announcements by SMS or e-mail through the notification outbox. No account is needed:
-- each message carries the subscription's unsubscribe code, which ends it without sign-in.
CREATE TABLE subscriptions (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id          bigint REFERENCES units(id),       -- NULL: announcements of every unit
  unit_path        text,
  category         text,                              -- NULL: every category
  channel          text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient        text NOT NULL,                     -- a normalised phone number or a lower-case e-mail address
  locale           text NOT NULL CHECK (locale IN ('vi', 'zh', 'en')),
  code             text NOT NULL UNIQUE,              -- the unsubscribe code in every message
  created_at       timestamptz NOT NULL,
  unsubscribed_at  timestamptz,
  CHECK (unit_id IS NOT NULL OR category IS NOT NULL),
  CHECK ((unit_id IS NULL) = (unit_path IS NULL))
);
-- One active subscription per recipient and what it follows.
CREATE UNIQUE INDEX subscriptions_active ON subscriptions (channel, recipient, coalesce(unit_id, 0), coalesce(category, ''))
  WHERE unsubscribed_at IS NULL;
CREATE INDEX subscriptions_unit ON subscriptions (unit_path text_pattern_ops) WHERE unsubscribed_at IS NULL;

-- An announcement is sent to its followers once, when it is first published.
ALTER TABLE articles ADD COLUMN announced_at timestamptz;
