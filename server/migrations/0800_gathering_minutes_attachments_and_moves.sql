-- Files of a gathering's minutes (photos, the PDF of the signed minutes), their bytes in
-- attachment_contents like a petition's; residents see the public ones once it is published.
-- And a series' day moved to another: the gathering planned in its place names the day it replaces.
-- See docs/GATHERINGS.md.
CREATE TABLE gathering_attachments (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  gathering_id    bigint NOT NULL REFERENCES gatherings(id),
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  filename        text NOT NULL,
  content_type    text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size            int NOT NULL CHECK (size > 0),
  public          boolean NOT NULL,
  uploaded_by     bigint REFERENCES accounts(id),
  created_at      timestamptz NOT NULL
);
CREATE INDEX gathering_attachments_gathering ON gathering_attachments (gathering_id);

ALTER TABLE gatherings ADD COLUMN moved_from date;
