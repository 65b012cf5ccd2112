-- An official's photo in the public staff directory (optional): the bytes are an attachment
-- content, kept once per content; one photo per official.
CREATE TABLE official_photos (
  account_id    bigint PRIMARY KEY REFERENCES accounts(id),
  sha256        text NOT NULL REFERENCES attachment_contents(sha256),
  content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size          int NOT NULL CHECK (size > 0),
  updated_by    bigint NOT NULL REFERENCES accounts(id),
  updated_at    timestamptz NOT NULL
);
