-- Public figures, third step (docs/STATS.md, "Categories"): the figures name only the
-- categories of a known list. A petition's category is any short text its author chose
-- ("nguyen-van-a-land-dispute" is as valid as "land"), and byCategory is public: a category
-- outside the list is counted as 'other', in the rollups and in the deltas alike, so the text
-- never reaches the figures (nor the rollups, whose size no longer grows with free texts).
-- After editing this list, `zerodistance stats rebuild`.
CREATE TABLE stats_categories (
  category  text PRIMARY KEY CHECK (category ~ '^[a-z0-9][a-z0-9_.-]*$')
);
-- The topics the web forms offer (web/src/app/types.ts), 'other' included.
INSERT INTO stats_categories (category) VALUES
  ('land'), ('construction'), ('environment'), ('roads'), ('water_power'), ('social_insurance'),
  ('health'), ('education'), ('security'), ('procedures'), ('other');

CREATE OR REPLACE FUNCTION stats_fact_row(p petitions, s smallint, overdue_before timestamptz) RETURNS TABLE (
  sign smallint, origin_unit_path text, day date, kind text, channel text, category text,
  accepted boolean, rejected boolean, answer_minutes int, resolved boolean, resolved_on_time boolean,
  escalated_to_path text, transferred boolean, rating text, overdue boolean
) LANGUAGE sql STABLE AS $$
  SELECT s,
         p.origin_unit_path,
         (p.submitted_at AT TIME ZONE (SELECT u.time_zone FROM units u WHERE u.id = p.origin_unit_id))::date,
         p.kind, p.channel,
         CASE WHEN p.category IS NULL OR p.category IN (SELECT c.category FROM stats_categories c) THEN p.category ELSE 'other' END,
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

-- What is already counted moves to 'other' the same way.
UPDATE stats_deltas SET category = 'other'
 WHERE category IS NOT NULL AND category NOT IN (SELECT category FROM stats_categories);

INSERT INTO stats_counts AS t (unit_id, grain, day, dim, value, received, accepted, rejected, answered, resolved,
                               resolved_on_time, escalated, transferred, rated, satisfied, acceptable, unsatisfied, overdue)
SELECT unit_id, grain, day, 'g', 'other', sum(received), sum(accepted), sum(rejected), sum(answered), sum(resolved),
       sum(resolved_on_time), sum(escalated), sum(transferred), sum(rated), sum(satisfied), sum(acceptable),
       sum(unsatisfied), sum(overdue)
  FROM stats_counts
 WHERE dim = 'g' AND value <> '' AND value NOT IN (SELECT category FROM stats_categories)
 GROUP BY unit_id, grain, day
ON CONFLICT (unit_id, grain, day, dim, value) DO UPDATE SET
  received = t.received + excluded.received, accepted = t.accepted + excluded.accepted,
  rejected = t.rejected + excluded.rejected, answered = t.answered + excluded.answered,
  resolved = t.resolved + excluded.resolved, resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
  escalated = t.escalated + excluded.escalated, transferred = t.transferred + excluded.transferred,
  rated = t.rated + excluded.rated, satisfied = t.satisfied + excluded.satisfied,
  acceptable = t.acceptable + excluded.acceptable, unsatisfied = t.unsatisfied + excluded.unsatisfied,
  overdue = t.overdue + excluded.overdue;

DELETE FROM stats_counts WHERE dim = 'g' AND value <> '' AND value NOT IN (SELECT category FROM stats_categories);
