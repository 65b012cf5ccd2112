-- The figures' trigger on petitions, unchanged in what it writes. Its watermark argument was a
-- sub-select, which keeps PostgreSQL from inlining stats_fact_row: the function's body was
-- planned again for every petition written (about half a millisecond per intake, the largest
-- part of it). Read into a variable, the call is inlined into a statement whose plan PL/pgSQL
-- keeps for the session.
CREATE OR REPLACE FUNCTION stats_petition_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  watermark timestamptz;
BEGIN
  -- The watermark is read after this row was written: a fold moving it locks the petitions it
  -- moves first, so either it waits for this transaction or this statement sees its watermark.
  SELECT overdue_before INTO watermark FROM stats_watermark;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO stats_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, overdue)
    SELECT * FROM stats_fact_row(OLD, (-1)::smallint, watermark);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stats_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, overdue)
    SELECT * FROM stats_fact_row(NEW, (1)::smallint, watermark);
  END IF;
  RETURN NULL;
END
$$;
