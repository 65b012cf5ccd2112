-- What each audit checkpoint sealed: for every subject whose chain grew since the previous
-- checkpoint, the chain's last event as of the checkpoint's max_event_id. The newest row per
-- subject is the head `zerodistance audit verify` expects, so deleting the last events of a
-- chain, or a whole chain, is found and named. A checkpoint's heads_hash covers its rows,
-- taken in event_id order (a number: no collation can change the order).
CREATE TABLE audit_checkpoint_heads (
  checkpoint_id  bigint NOT NULL REFERENCES audit_checkpoints(id),
  event_id       bigint NOT NULL,
  subject_type   text NOT NULL,
  subject_id     text NOT NULL,
  seq            int NOT NULL,
  hash           text NOT NULL,
  PRIMARY KEY (checkpoint_id, event_id)
);
CREATE INDEX audit_checkpoint_heads_subject ON audit_checkpoint_heads (subject_type, subject_id, checkpoint_id);
