-- "Already reported?" (GET /api/v1/petitions/public?q=…, asked while a resident types a new
-- petition): the public petitions of a commune that share most words with the draft. The search
-- words are in the index, so the matches of a subtree are found and ranked on its entries alone:
-- a busy commune's 3,303 petitions over 1e6 took 38 ms with a heap visit each, 1.4 ms here (warm).
-- The path is the first key, for any subtree; the submission time orders equal ranks.
CREATE INDEX petitions_public_search ON petitions (origin_unit_path text_pattern_ops, submitted_at DESC) INCLUDE (id, search)
  WHERE consent_to_publish AND case_id IS NULL
    AND kind IN ('question', 'suggestion', 'help_request')
    AND status NOT IN ('rejected', 'merged');
