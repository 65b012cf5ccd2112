-- A unit's targets are set per year: a report compares its rates with the targets of its
-- period's year. Targets set before carry no year and stay the unit's default, used for a
-- year that has none of its own.
ALTER TABLE report_targets DROP CONSTRAINT report_targets_pkey;
ALTER TABLE report_targets ADD COLUMN year smallint CHECK (year BETWEEN 1900 AND 2999);
ALTER TABLE report_targets ADD CONSTRAINT report_targets_unit_year UNIQUE NULLS NOT DISTINCT (unit_id, year);
