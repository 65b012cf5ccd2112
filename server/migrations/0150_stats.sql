-- Public figures (docs/STATS.md): rollups kept exactly in step with the petitions' facts.
--
-- A trigger on petitions appends a delta row whenever a fact the figures count changes (the
-- old facts with sign -1, the new with +1), in the transaction of the change. Intake only
-- appends: no counter row for a province or the country is locked by every intake. A
-- recurring job folds the deltas into the rollups; a query reads the rollups plus the deltas
-- not yet folded, in one snapshot, so the figures are always exact.

-- What one petition contributes, at the moment it is written. `day` is the day it was first
-- submitted, in the time zone of the unit it was submitted to.
CREATE TABLE stats_deltas (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sign               smallint NOT NULL CHECK (sign IN (-1, 1)),
  origin_unit_path   text NOT NULL,
  day                date NOT NULL,
  kind               text NOT NULL,
  channel            text NOT NULL,
  category           text,
  accepted           boolean NOT NULL,
  rejected           boolean NOT NULL,
  -- whole minutes from submission to the first answer; NULL while never answered
  answer_minutes     int,
  resolved           boolean NOT NULL,
  resolved_on_time   boolean NOT NULL,
  escalated_to_path  text,
  transferred        boolean NOT NULL,
  rating             text,
  -- the due time while the petition is open (not answered, closed, rejected or merged)
  open_due_at        timestamptz
);

CREATE FUNCTION stats_fact_row(p petitions, s smallint) RETURNS TABLE (
  sign smallint, origin_unit_path text, day date, kind text, channel text, category text,
  accepted boolean, rejected boolean, answer_minutes int, resolved boolean, resolved_on_time boolean,
  escalated_to_path text, transferred boolean, rating text, open_due_at timestamptz
) LANGUAGE sql STABLE AS $$
  SELECT s,
         p.origin_unit_path,
         (p.submitted_at AT TIME ZONE (SELECT u.time_zone FROM units u WHERE u.id = p.origin_unit_id))::date,
         p.kind, p.channel, p.category,
         p.accepted_at IS NOT NULL,
         p.rejected_at IS NOT NULL,
         CASE WHEN p.answered_at IS NOT NULL
              THEN greatest(0, floor(extract(epoch FROM p.answered_at - p.submitted_at) / 60))::int END,
         p.resolved,
         p.resolved AND coalesce(p.resolved_on_time, false),
         p.escalated_to_path,
         p.transfer_count > 0,
         p.rating,
         CASE WHEN p.status IN ('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened')
              THEN p.due_at END
$$;

CREATE FUNCTION stats_petition_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO stats_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, open_due_at)
    SELECT * FROM stats_fact_row(OLD, (-1)::smallint);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stats_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, open_due_at)
    SELECT * FROM stats_fact_row(NEW, (1)::smallint);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER petitions_stats_insert AFTER INSERT ON petitions
  FOR EACH ROW EXECUTE FUNCTION stats_petition_changed();
CREATE TRIGGER petitions_stats_delete AFTER DELETE ON petitions
  FOR EACH ROW EXECUTE FUNCTION stats_petition_changed();
-- Most updates (a note, an assignment, a new version) leave the facts alone and write nothing.
CREATE TRIGGER petitions_stats_update AFTER UPDATE ON petitions
  FOR EACH ROW
  WHEN ((OLD.origin_unit_id, OLD.origin_unit_path, OLD.submitted_at, OLD.kind, OLD.channel, OLD.category,
         OLD.accepted_at IS NULL, OLD.rejected_at IS NULL, OLD.answered_at, OLD.resolved, OLD.resolved_on_time,
         OLD.escalated_to_path, OLD.transfer_count > 0, OLD.rating,
         CASE WHEN OLD.status IN ('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened')
              THEN OLD.due_at END)
        IS DISTINCT FROM
        (NEW.origin_unit_id, NEW.origin_unit_path, NEW.submitted_at, NEW.kind, NEW.channel, NEW.category,
         NEW.accepted_at IS NULL, NEW.rejected_at IS NULL, NEW.answered_at, NEW.resolved, NEW.resolved_on_time,
         NEW.escalated_to_path, NEW.transfer_count > 0, NEW.rating,
         CASE WHEN NEW.status IN ('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened')
              THEN NEW.due_at END))
  EXECUTE FUNCTION stats_petition_changed();

-- The rollups. unit_id is the unit whose figures the row holds (its whole subtree), 0 for the
-- whole deployment. grain 'd': one submitted day; 'm': a calendar month (day = its first day).
-- A period is read as whole months plus the days at its ends.

-- Counters per dimension: 'k' kind, 'c' channel, 'g' category ('' for none). Every petition is
-- in exactly one row per dimension, so the kind rows add up to the totals.
CREATE TABLE stats_counts (
  unit_id           bigint NOT NULL,
  grain             "char" NOT NULL CHECK (grain IN ('d', 'm')),
  day               date NOT NULL,
  dim               "char" NOT NULL CHECK (dim IN ('k', 'c', 'g')),
  value             text NOT NULL,
  received          bigint NOT NULL,
  accepted          bigint NOT NULL,
  rejected          bigint NOT NULL,
  answered          bigint NOT NULL,
  resolved          bigint NOT NULL,
  resolved_on_time  bigint NOT NULL,
  -- escalated to a unit outside this row's unit's subtree
  escalated         bigint NOT NULL,
  transferred       bigint NOT NULL,
  rated             bigint NOT NULL,
  satisfied         bigint NOT NULL,
  acceptable        bigint NOT NULL,
  unsatisfied       bigint NOT NULL,
  PRIMARY KEY (unit_id, grain, day, dim, value)
);
CREATE INDEX stats_counts_empty ON stats_counts (unit_id) WHERE received = 0;

-- Minutes to the first answer, as a three-level histogram so that the exact median is found
-- by reading a few rows per level: level 0 whole days (parent 0), level 1 hours within a day
-- (parent: the day), level 2 minutes within an hour (parent: the hour).
CREATE TABLE stats_answer_hist (
  unit_id  bigint NOT NULL,
  level    smallint NOT NULL CHECK (level IN (0, 1, 2)),
  parent   int NOT NULL,
  grain    "char" NOT NULL CHECK (grain IN ('d', 'm')),
  day      date NOT NULL,
  bucket   int NOT NULL,
  n        bigint NOT NULL,
  PRIMARY KEY (unit_id, level, parent, grain, day, bucket)
);
CREATE INDEX stats_answer_hist_empty ON stats_answer_hist (unit_id) WHERE n = 0;

-- Open petitions by the hour their due time falls in (hours since 1970, UTC): "overdue now"
-- is the rows of past hours plus the petitions due earlier in the current hour, read from
-- petitions_open_due.
CREATE TABLE stats_open_due (
  unit_id   bigint NOT NULL,
  grain     "char" NOT NULL CHECK (grain IN ('d', 'm')),
  day       date NOT NULL,
  due_hour  int NOT NULL,
  dim       "char" NOT NULL CHECK (dim IN ('k', 'c', 'g')),
  value     text NOT NULL,
  n         bigint NOT NULL,
  PRIMARY KEY (unit_id, grain, day, due_hour, dim, value)
);
CREATE INDEX stats_open_due_empty ON stats_open_due (unit_id) WHERE n = 0;
