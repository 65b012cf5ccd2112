-- A btree entry holds at most 2,704 bytes, and petitions_public_search (migration 0970) carried
-- every public petition's search vector: a public petition with a long text (the form allows
-- 20,000 characters) could not be stored at all. The index now holds the vectors that fit, and
-- the few that do not are found through a small index of their own and read from the table.
-- The bound is on the vector's text form, which an index predicate may use (the binary form is
-- at most its text plus 4 bytes a word plus a header): at most 2,300 bytes with the other columns
-- well under the limit. The queries repeat the same expression (searchFitsIndex, petitions.queries.ts).
DROP INDEX petitions_public_search;
CREATE INDEX petitions_public_search ON petitions (origin_unit_path text_pattern_ops, submitted_at DESC) INCLUDE (id, search)
  WHERE consent_to_publish AND case_id IS NULL
    AND kind IN ('question', 'suggestion', 'help_request')
    AND status NOT IN ('rejected', 'merged')
    AND octet_length(search::text) + 4 * length(search) <= 2300;
CREATE INDEX petitions_public_search_long ON petitions (origin_unit_path text_pattern_ops)
  WHERE consent_to_publish AND case_id IS NULL
    AND kind IN ('question', 'suggestion', 'help_request')
    AND status NOT IN ('rejected', 'merged')
    AND NOT (octet_length(search::text) + 4 * length(search) <= 2300);
