-- The working lists of an inbox ("to accept, due first", "overdue") read a unit's open
-- petitions only, about 7% of all. petitions_inbox holds every petition: over a province's
-- subtree at 1e6 petitions it is ~47,000 entries for 449 to accept (13 ms) or 2,358 overdue
-- (25 ms). This one holds the open petitions alone (~3,400 entries there), with every column
-- the list filters on. Led by the unit path: a status list equal to the open statuses is
-- implied by the predicate and dropped from the index condition, so a leading status would
-- leave a scan of the whole index.
CREATE INDEX petitions_open_inbox ON petitions (unit_path text_pattern_ops, status, due_at)
  INCLUDE (id, kind, channel, category, handler_id, leader_id, reported_official_id, ack_due_at)
  WHERE status IN ('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened');
