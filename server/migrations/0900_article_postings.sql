-- Article search reads, for each term of a question, the articles that hold it with their
-- language and weight: the term index carries them, so a search reads the index alone
-- (index-only scans) instead of one table page per posting (docs/PERFORMANCE.md, search).
DROP INDEX article_terms_term;
CREATE INDEX article_terms_postings ON article_terms (term) INCLUDE (article_id, language, weight);
