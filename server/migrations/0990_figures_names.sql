-- The figures module's rollups, their trigger and their fold job take the module's name: the
-- tables, functions and job were called stats_* / stats.fold, the API, the code and the
-- interface say "figures". Renames only: no row moves, and the triggers follow their functions.
ALTER TABLE stats_answer_hist RENAME TO figures_answer_hist;
ALTER TABLE figures_answer_hist RENAME CONSTRAINT stats_answer_hist_pkey TO figures_answer_hist_pkey;
ALTER TABLE figures_answer_hist RENAME CONSTRAINT stats_answer_hist_grain_check TO figures_answer_hist_grain_check;
ALTER TABLE figures_answer_hist RENAME CONSTRAINT stats_answer_hist_level_check TO figures_answer_hist_level_check;
ALTER INDEX stats_answer_hist_empty RENAME TO figures_answer_hist_empty;

ALTER TABLE stats_categories RENAME TO figures_categories;
ALTER TABLE figures_categories RENAME CONSTRAINT stats_categories_pkey TO figures_categories_pkey;
ALTER TABLE figures_categories RENAME CONSTRAINT stats_categories_category_check TO figures_categories_category_check;

ALTER TABLE stats_counts RENAME TO figures_counts;
ALTER TABLE figures_counts RENAME CONSTRAINT stats_counts_pkey TO figures_counts_pkey;
ALTER TABLE figures_counts RENAME CONSTRAINT stats_counts_dim_check TO figures_counts_dim_check;
ALTER TABLE figures_counts RENAME CONSTRAINT stats_counts_grain_check TO figures_counts_grain_check;
ALTER INDEX stats_counts_empty RENAME TO figures_counts_empty;

ALTER TABLE stats_deltas RENAME TO figures_deltas;
ALTER TABLE figures_deltas RENAME CONSTRAINT stats_deltas_pkey TO figures_deltas_pkey;
ALTER TABLE figures_deltas RENAME CONSTRAINT stats_deltas_sign_check TO figures_deltas_sign_check;
ALTER SEQUENCE stats_deltas_id_seq RENAME TO figures_deltas_id_seq;

ALTER TABLE stats_levels RENAME TO figures_levels;
ALTER TABLE figures_levels RENAME CONSTRAINT stats_levels_pkey TO figures_levels_pkey;
ALTER TABLE figures_levels RENAME CONSTRAINT stats_levels_grains_check TO figures_levels_grains_check;

ALTER TABLE stats_watermark RENAME TO figures_watermark;
ALTER TABLE figures_watermark RENAME CONSTRAINT stats_watermark_pkey TO figures_watermark_pkey;
ALTER TABLE figures_watermark RENAME CONSTRAINT stats_watermark_one_check TO figures_watermark_one_check;

-- Their bodies, which name the tables, are the function files figures_*.sql, applied after this.
ALTER FUNCTION stats_fact_row(petitions, smallint, timestamptz) RENAME TO figures_fact_row;
ALTER FUNCTION stats_petition_changed() RENAME TO figures_petition_changed;
ALTER TRIGGER petitions_stats_insert ON petitions RENAME TO petitions_figures_insert;
ALTER TRIGGER petitions_stats_update ON petitions RENAME TO petitions_figures_update;
ALTER TRIGGER petitions_stats_delete ON petitions RENAME TO petitions_figures_delete;

-- A fold already scheduled runs under the new name.
UPDATE jobs SET kind = 'figures.fold', key = replace(key, 'recurring:stats.fold:', 'recurring:figures.fold:') WHERE kind = 'stats.fold';
