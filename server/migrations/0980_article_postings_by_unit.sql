-- Article search reads, for each word of a question, the postings of the articles the reader
-- may see: a commune's residents see its own, its villages' and the units' above it, a few
-- percent of a national index. The article's unit path in the postings, after the term, lets the
-- search read just those postings instead of every article's (a Vietnamese question over 1e5
-- articles read 70,000 postings to keep 4,600). Articles never change units, so the copy holds.
ALTER TABLE article_terms ADD COLUMN unit_path text;
UPDATE article_terms t SET unit_path = a.unit_path FROM articles a WHERE a.id = t.article_id;
ALTER TABLE article_terms ALTER COLUMN unit_path SET NOT NULL;
DROP INDEX article_terms_postings;
CREATE INDEX article_terms_postings ON article_terms (term, unit_path text_pattern_ops) INCLUDE (article_id, language, weight);

-- How many articles hold each term (BM25's document frequency), kept with the postings: counting
-- them at each search read every posting of every word of the question.
CREATE TABLE article_term_counts (
  term text PRIMARY KEY,
  articles integer NOT NULL
);
INSERT INTO article_term_counts (term, articles)
  SELECT term, count(DISTINCT article_id) FROM article_terms GROUP BY term;
