-- Public figures, second step (docs/STATS.md, "How the figures stay fast"):
-- 1. Rollups only where they pay: per level name, day and month rows ('dm') for the large
--    units, month rows ('m') for the middle ones, none for villages and below, whose figures
--    are read from the petitions themselves (through petitions_origin). Measured at a million
--    petitions, day rows of communes and villages held ~5 rows per petition.
-- 2. "Overdue" becomes a counter like the others: a petition counts as overdue in the rollups
--    when it is open and due before stats_watermark.overdue_before; the fold job moves the
--    watermark up to now, and a query adds the few petitions that fell due since, read
--    through petitions_open_due. This replaces the per-hour rows of open petitions.

CREATE TABLE stats_levels (
  level   text PRIMARY KEY,                               -- units.level
  grains  text NOT NULL CHECK (grains IN ('dm', 'm'))     -- day and month rows, or month rows
);
INSERT INTO stats_levels (level, grains) VALUES
  ('country', 'dm'), ('province', 'dm'), ('city', 'dm'),
  ('district', 'm'), ('county', 'm'), ('commune', 'm'), ('township', 'm'), ('ward', 'm'), ('town', 'm');

CREATE TABLE stats_watermark (
  one             boolean PRIMARY KEY DEFAULT true CHECK (one),
  overdue_before  timestamptz NOT NULL
);
INSERT INTO stats_watermark (one, overdue_before) VALUES (true, '-infinity');

DROP TRIGGER petitions_stats_insert ON petitions;
DROP TRIGGER petitions_stats_delete ON petitions;
DROP TRIGGER petitions_stats_update ON petitions;
DROP FUNCTION stats_petition_changed();
DROP FUNCTION stats_fact_row(petitions, smallint);
DROP TABLE stats_open_due;

-- Start again from the petitions: the deltas below are folded by the job as usual.
DELETE FROM stats_deltas;
TRUNCATE stats_counts, stats_answer_hist;
ALTER TABLE stats_deltas DROP COLUMN open_due_at;
ALTER TABLE stats_deltas ADD COLUMN overdue boolean NOT NULL DEFAULT false;
ALTER TABLE stats_counts ADD COLUMN overdue bigint NOT NULL DEFAULT 0;

-- What one petition contributes; `overdue_before` is the watermark the rollups are counted at.
CREATE FUNCTION stats_fact_row(p petitions, s smallint, overdue_before timestamptz) RETURNS TABLE (
  sign smallint, origin_unit_path text, day date, kind text, channel text, category text,
  accepted boolean, rejected boolean, answer_minutes int, resolved boolean, resolved_on_time boolean,
  escalated_to_path text, transferred boolean, rating text, overdue boolean
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
         p.status IN ('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened')
           AND p.due_at < overdue_before
$$;

CREATE FUNCTION stats_petition_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The watermark is read after this row was written: a fold moving it locks the petitions it
  -- moves first, so either it waits for this transaction or this statement sees its watermark.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO stats_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, overdue)
    SELECT * FROM stats_fact_row(OLD, (-1)::smallint, (SELECT overdue_before FROM stats_watermark));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stats_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, overdue)
    SELECT * FROM stats_fact_row(NEW, (1)::smallint, (SELECT overdue_before FROM stats_watermark));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER petitions_stats_insert AFTER INSERT ON petitions
  FOR EACH ROW EXECUTE FUNCTION stats_petition_changed();
CREATE TRIGGER petitions_stats_delete AFTER DELETE ON petitions
  FOR EACH ROW EXECUTE FUNCTION stats_petition_changed();
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

INSERT INTO stats_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                          answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                          rating, overdue)
SELECT f.* FROM petitions p CROSS JOIN LATERAL stats_fact_row(p, 1::smallint, '-infinity') f;
