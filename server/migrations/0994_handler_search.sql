-- An official's search of their own cases (GET /api/v1/knowledge/search, the inbox's search):
-- the cases a handler has are found through petitions_handler, but their search words were
-- read from the table, a row each: the bench's busiest commune handler (2,806 cases over 1e6
-- petitions) took 19 ms in EXPLAIN ANALYZE; with the words in the entries, 2.5 ms. Only cases
-- with a handler are entered, so intake does not write it. The vectors too long for a btree
-- entry (the bound of migration 0993) have an index of their own and are read from the table.
CREATE INDEX petitions_handler_search ON petitions (handler_id) INCLUDE (id, due_at, reported_official_id, search)
  WHERE handler_id IS NOT NULL AND octet_length(search::text) + 4 * length(search) <= 2300;
CREATE INDEX petitions_handler_search_long ON petitions (handler_id)
  WHERE handler_id IS NOT NULL AND NOT (octet_length(search::text) + 4 * length(search) <= 2300);
