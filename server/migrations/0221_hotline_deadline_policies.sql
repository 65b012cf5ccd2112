-- A deadline policy may hold for one channel only: the 12345 hotline's time limits are set by
-- each locality, not by national law, so a county records them as its own policy for the
-- hotline (docs/PETITIONS.md, "The 12345 hotline: a local choice"). At the same unit (or the
-- same country's or the deployment's defaults) a policy for the petition's channel wins over
-- one for every channel; a closer unit's policy still wins over a farther one's.
ALTER TABLE deadline_policies
  ADD COLUMN channel text CHECK (channel IN ('web', 'mobile', 'hotline', 'mailbox', 'forum', 'reception', 'counter', 'outreach'));

DROP INDEX deadline_policies_kind_unit;
CREATE UNIQUE INDEX deadline_policies_kind_unit
  ON deadline_policies (kind, coalesce(unit_id, 0), coalesce(country, ''), coalesce(channel, ''));
