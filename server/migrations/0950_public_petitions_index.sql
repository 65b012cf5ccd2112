-- The public list and map of a unit's subtree (GET /api/v1/petitions/public): the newest
-- petitions residents let the public see. The subtree's path is a key column, so the path test
-- is made on the index entries while walking them newest first: a province finds its 20 newest
-- among the country's without a heap visit per petition of other provinces (7 s → 2 ms over
-- 1e6 petitions). Small subtrees (a village) still take petitions_origin.
CREATE INDEX petitions_public_newest ON petitions (submitted_at DESC, id DESC, origin_unit_path text_pattern_ops)
  WHERE consent_to_publish AND case_id IS NULL
    AND kind IN ('question', 'suggestion', 'help_request')
    AND status NOT IN ('rejected', 'merged');
