-- Levels with month rows only (communes, districts) keep the answer-time histogram too, at
-- month grain, so that their median is read from the rollups instead of from a scan of their
-- petitions (docs/PERFORMANCE.md). A level's histogram is used only once it is whole: on a
-- deployment that already has petitions, those levels read their medians from the petitions
-- as before until `zerodistance figures rebuild` fills the histogram and sets the flag.
ALTER TABLE figures_levels ADD COLUMN histogram boolean NOT NULL DEFAULT false;
UPDATE figures_levels SET histogram = grains = 'dm' OR NOT EXISTS (SELECT 1 FROM petitions);
