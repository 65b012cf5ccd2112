-- An archived report is a record: the trigger reports_frozen refuses every update of one.
CREATE OR REPLACE FUNCTION reports_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an archived report never changes (report %)', OLD.id;
END $$;
