-- Insight: the routing suggestion learned from the deployment's own routed history, and
-- hotspots (a unit's category whose last week rose well above its previous eight weeks).

-- One model per target ('category', 'agency'): the latest training replaces the previous one.
-- model holds the counts of a multinomial naive Bayes over the petition's terms (JSON); the
-- accuracy is measured on the newest fifth of the history, held out while a first model was
-- trained on the rest.
CREATE TABLE routing_models (
  target          text PRIMARY KEY CHECK (target IN ('category', 'agency')),
  trained_at      timestamptz NOT NULL,
  examples        int NOT NULL,
  held_out        int NOT NULL,
  labels          int NOT NULL,
  accuracy        real,          -- the first suggestion was right (NULL: too little history)
  top3_accuracy   real,          -- the right one was among the three suggested
  baseline        real,          -- always suggesting the most frequent label
  model           jsonb NOT NULL
);

-- A flagged rise: the petitions submitted in a unit's subtree in one category during the week
-- that ends at week_end, against the weekly mean of the eight weeks before it.
CREATE TABLE hotspots (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id         bigint NOT NULL REFERENCES units(id),
  unit_path       text NOT NULL,
  category        text NOT NULL,
  week_end        timestamptz NOT NULL,
  count           int NOT NULL,
  baseline        real NOT NULL,   -- mean per week over the eight weeks before
  score           real NOT NULL,   -- (count - baseline) / sqrt(max(baseline, 1))
  petition_ids    bigint[] NOT NULL,
  flagged_at      timestamptz NOT NULL,
  UNIQUE (unit_id, category, week_end)
);
CREATE INDEX hotspots_unit ON hotspots (unit_path text_pattern_ops, week_end DESC);
