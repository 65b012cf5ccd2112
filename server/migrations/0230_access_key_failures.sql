-- Wrong access keys presented for a petition, kept one day: past a few a day the petition takes
-- no more guesses, from any address (docs/PETITIONS.md, "The access key").
CREATE TABLE access_key_failures (
  petition_id  bigint NOT NULL REFERENCES petitions(id),
  at           timestamptz NOT NULL
);
CREATE INDEX access_key_failures_petition ON access_key_failures (petition_id, at);
