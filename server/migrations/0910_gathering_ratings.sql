-- Residents who attended a gathering rate it with their booking code: the rating joins the same
-- satisfaction pool as the counter's and the phone's, with source 'gathering', once per booking.
ALTER TABLE satisfaction_ratings DROP CONSTRAINT satisfaction_ratings_source_check;
ALTER TABLE satisfaction_ratings ADD CONSTRAINT satisfaction_ratings_source_check CHECK (source IN ('kiosk', 'link', 'gathering'));
ALTER TABLE satisfaction_ratings ALTER COLUMN service_point_id DROP NOT NULL;
ALTER TABLE satisfaction_ratings ADD COLUMN gathering_id bigint REFERENCES gatherings(id);
ALTER TABLE satisfaction_ratings ADD COLUMN booking_id bigint UNIQUE REFERENCES gathering_bookings(id);
-- A gathering's rating names its gathering and booking and no counter; the others a counter only.
ALTER TABLE satisfaction_ratings ADD CONSTRAINT satisfaction_ratings_place_check CHECK (
  CASE WHEN source = 'gathering'
       THEN gathering_id IS NOT NULL AND booking_id IS NOT NULL AND service_point_id IS NULL
       ELSE gathering_id IS NULL AND booking_id IS NULL AND service_point_id IS NOT NULL END);
CREATE INDEX satisfaction_ratings_gathering ON satisfaction_ratings (gathering_id) WHERE gathering_id IS NOT NULL;
