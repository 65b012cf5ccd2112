-- /metrics counts failed notifications at every scrape; sent ones pile up beside them, so the
-- count reads a partial index of the few that failed rather than the whole outbox.
CREATE INDEX notification_outbox_failed ON notification_outbox (id) WHERE state = 'failed';
