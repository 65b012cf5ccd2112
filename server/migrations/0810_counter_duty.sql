-- Who is on duty at a counter now, held by the server (no longer in the tablet's browser): a
-- kiosk rating that names nobody is attributed to this official at the moment it is given.
CREATE TABLE service_point_duty (
  service_point_id  bigint PRIMARY KEY REFERENCES service_points(id),
  official_id       bigint REFERENCES accounts(id),
  set_by            bigint NOT NULL REFERENCES accounts(id),
  set_at            timestamptz NOT NULL
);
