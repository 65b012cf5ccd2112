-- Deadline policies per country, with their legal source, and review (复查; a second complaint)
-- and re-review (复核) as steps of a petition with their own time limits.
--
-- A policy row is now one of: a unit's own (unit_id set, holding for its subtree), a country's
-- default (unit_id NULL, country set: every unit of that country), or the deployment default
-- (both NULL). The closest holds: the unit's own or an ancestor's, else the country's, else the
-- deployment's. docs/PETITIONS.md gives the rules and their sources.
ALTER TABLE deadline_policies
  ADD COLUMN country text CHECK (country ~ '^[A-Z]{2}$'),
  -- the statute or the local decision a policy follows, shown on the policy page
  ADD COLUMN legal_source text,
  -- the acceptance period counts working days (the project's service standard) or calendar
  -- days ("15日内", China's regulation on letters and visits)
  ADD COLUMN ack_day_type text NOT NULL DEFAULT 'working' CHECK (ack_day_type IN ('working', 'calendar')),
  -- how long after the answer the resident may ask for a review, and how long the unit above
  -- has to answer a review and a re-review (NULL: the rules have no such step)
  ADD COLUMN review_request_days int CHECK (review_request_days > 0),
  ADD COLUMN review_days int CHECK (review_days > 0),
  ADD COLUMN re_review_days int CHECK (re_review_days > 0),
  ADD CONSTRAINT deadline_policies_country_default CHECK (unit_id IS NULL OR country IS NULL),
  ADD CONSTRAINT deadline_policies_re_review_after_review CHECK (re_review_days IS NULL OR review_days IS NOT NULL);

DROP INDEX deadline_policies_kind_unit;
CREATE UNIQUE INDEX deadline_policies_kind_unit ON deadline_policies (kind, coalesce(unit_id, 0), coalesce(country, ''));

-- The deployment defaults follow Vietnamese law (migration 0100); say so, and add the second
-- complaint: Law on Complaints 2011 art. 33 (asked within 30 days) and art. 37 (settled
-- within 45 days; a unit in a remote area sets 60 in its own policy).
UPDATE deadline_policies SET legal_source = CASE kind
    WHEN 'complaint' THEN 'Luật Khiếu nại 2011 (02/2011/QH13), điều 28 (lần đầu: 30 ngày, phức tạp 45), điều 33 và 37 (lần hai: 45 ngày); Bộ luật Dân sự 2015, điều 147–148'
    WHEN 'denunciation' THEN 'Luật Tố cáo 2018 (25/2018/QH14), điều 30: 30 ngày, gia hạn một lần (phức tạp) hoặc hai lần (đặc biệt phức tạp), mỗi lần tối đa 30 ngày'
    ELSE 'Tiêu chuẩn phục vụ của dự án (không do luật định): một cửa, trả lời trực tiếp'
  END
 WHERE unit_id IS NULL AND country IS NULL;
UPDATE deadline_policies SET review_request_days = 30, review_days = 45
 WHERE unit_id IS NULL AND country IS NULL AND kind = 'complaint';

-- China: 信访工作条例 (2022; before it the 信访条例 of 2005, arts. 21–22, 33, 34, 35): whether a
-- matter is accepted decided and the petitioner told within 15 days; handled within 60 days of
-- acceptance, extendable once by at most 30 days; review and re-review each asked within 30
-- days of the written answer and answered within 30 days. Urgent acknowledgement within 2
-- office hours and an urgent help request within a day are the project's service standard.
INSERT INTO deadline_policies (kind, unit_id, country, ack_working_days, ack_day_type, urgent_ack_working_hours,
                               resolution_days, urgent_resolution_days, day_type, max_extensions, extension_days,
                               anonymous_allowed, reopen_days, review_request_days, review_days, re_review_days,
                               legal_source)
SELECT kind, NULL, 'CN', 15, 'calendar', 2, 60, urgent, 'calendar', 1, 30, anonymous_allowed, 30, 30, 30, 30,
       '《信访工作条例》（2022年）第四章；原《信访条例》（2005年）第二十一条、第二十二条（15日内告知是否受理）、第三十三条（60日内办结，延长不超过30日）、第三十四条（复查30日）、第三十五条（复核30日）'
  FROM (VALUES ('question', NULL::int, true), ('help_request', 1, true), ('suggestion', NULL, true),
               ('conduct_report', NULL, true), ('complaint', NULL, false), ('denunciation', NULL, true))
       AS k(kind, urgent, anonymous_allowed);

-- Where a petition is in its review: NULL (first handling), 'review' or 're_review'; when each
-- was asked for. The figures of reviews (/api/v1/stats/reviews) count these.
ALTER TABLE petitions
  ADD COLUMN review_stage text CHECK (review_stage IN ('review', 're_review')),
  ADD COLUMN reviewed_at timestamptz,
  ADD COLUMN re_reviewed_at timestamptz;
