-- One petition's contribution to the figures, with sign +1 (counted) or -1 (taken back): the
-- columns of figures_deltas. Inlined into the trigger's statements (see figures_petition_changed).
CREATE OR REPLACE FUNCTION figures_fact_row(p petitions, s smallint, overdue_before timestamptz) RETURNS TABLE (
  sign smallint, origin_unit_path text, day date, kind text, channel text, category text,
  accepted boolean, rejected boolean, answer_minutes int, resolved boolean, resolved_on_time boolean,
  escalated_to_path text, transferred boolean, rating text, overdue boolean
) LANGUAGE sql STABLE AS $$
  SELECT s,
         p.origin_unit_path,
         (p.submitted_at AT TIME ZONE (SELECT u.time_zone FROM units u WHERE u.id = p.origin_unit_id))::date,
         p.kind, p.channel,
         CASE WHEN p.category IS NULL OR p.category IN (SELECT c.category FROM figures_categories c) THEN p.category ELSE 'other' END,
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
