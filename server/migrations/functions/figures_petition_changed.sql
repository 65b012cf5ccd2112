-- The figures' trigger on petitions: every written petition takes back its old facts and adds
-- its new ones as rows of figures_deltas, which the fold job adds into the rollups.
CREATE OR REPLACE FUNCTION figures_petition_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  watermark timestamptz;
BEGIN
  -- The watermark is read after this row was written: a fold moving it locks the petitions it
  -- moves first, so either it waits for this transaction or this statement sees its watermark.
  SELECT overdue_before INTO watermark FROM figures_watermark;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO figures_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, overdue)
    SELECT * FROM figures_fact_row(OLD, (-1)::smallint, watermark);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO figures_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, overdue)
    SELECT * FROM figures_fact_row(NEW, (1)::smallint, watermark);
  END IF;
  RETURN NULL;
END
$$;
