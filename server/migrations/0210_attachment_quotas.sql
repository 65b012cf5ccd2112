-- Which signed-in resident uploaded a file: their uploads over all their petitions count
-- against one storage quota (ZD_ATTACHMENT_QUOTA_RESIDENT_MB).
ALTER TABLE petition_attachments ADD COLUMN uploaded_by_resident bigint REFERENCES accounts(id);
CREATE INDEX petition_attachments_resident ON petition_attachments (uploaded_by_resident) WHERE uploaded_by_resident IS NOT NULL;
