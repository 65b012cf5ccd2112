-- Webhooks: an administrator subscribes a URL to events of a unit's subtree (no unit: the whole
-- deployment). The secret signs every delivery (HMAC-SHA256); it is shown once, when the
-- subscription is made, and kept because every delivery needs it.
CREATE TABLE webhook_subscriptions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url          text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  unit_id      bigint REFERENCES units(id),
  events       text[] NOT NULL CHECK (cardinality(events) > 0),
  secret       text NOT NULL,
  description  text NOT NULL DEFAULT '',
  created_by   bigint REFERENCES accounts(id),
  created_at   timestamptz NOT NULL,
  disabled_at  timestamptz,
  disabled_by  bigint REFERENCES accounts(id)
);

-- One delivery per subscription and event that happened; its id goes with every attempt, so
-- a receiver that sees it twice knows it is the same event.
CREATE TABLE webhook_deliveries (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id      uuid NOT NULL UNIQUE,
  subscription_id  bigint NOT NULL REFERENCES webhook_subscriptions(id),
  event            text NOT NULL,
  source_id        bigint NOT NULL,
  body             text NOT NULL,
  created_at       timestamptz NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  last_status      integer,
  last_error       text,
  last_attempt_at  timestamptz,
  delivered_at     timestamptz,
  failed_at        timestamptz,
  UNIQUE (subscription_id, event, source_id)
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id DESC);

-- How far the audit trail has been read for events.
CREATE TABLE webhook_cursor (
  one          boolean PRIMARY KEY DEFAULT true CHECK (one),
  last_event_id bigint NOT NULL
);
INSERT INTO webhook_cursor (last_event_id) VALUES (0);
