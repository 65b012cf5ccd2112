-- Calendar overrides: the days on which a country's (or one unit's) calendar differs from
-- weekends plus the public holidays of `date-holidays`. 'holiday' makes a day a day off
-- (extra days off, the days off of a swap, local holidays); 'working' makes a weekend or
-- holiday a working day (China's 调休 make-up days, Vietnam's swapped Saturdays).
-- unit_id NULL: the whole country; otherwise that unit and every unit below it.
CREATE TABLE calendar_days (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  country  text NOT NULL,                        -- ISO 3166 code, as units.country
  unit_id  bigint REFERENCES units(id) ON DELETE CASCADE,
  day      date NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('holiday', 'working')),
  name     text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX calendar_days_unique ON calendar_days (country, coalesce(unit_id, 0), day);
CREATE INDEX calendar_days_unit ON calendar_days (unit_id) WHERE unit_id IS NOT NULL;

-- China 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）.
-- Every day off of each period is listed (date-holidays knows only some of the statutory days,
-- and not the 2025 reform that added 除夕 and 5月2日), then the make-up working days.
INSERT INTO calendar_days (country, day, kind, name)
SELECT 'CN', d::date, 'holiday', p.name
  FROM (VALUES
    ('2025-01-01'::date, '2025-01-01'::date, '元旦'),
    ('2025-01-28', '2025-02-04', '春节'),
    ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'),
    ('2025-05-31', '2025-06-02', '端午节'),
    ('2025-10-01', '2025-10-08', '国庆节、中秋节')
  ) AS p(first_day, last_day, name),
  generate_series(p.first_day, p.last_day, interval '1 day') AS d;
INSERT INTO calendar_days (country, day, kind, name) VALUES
  ('CN', '2025-01-26', 'working', '春节调休上班'),
  ('CN', '2025-02-08', 'working', '春节调休上班'),
  ('CN', '2025-04-27', 'working', '劳动节调休上班'),
  ('CN', '2025-09-28', 'working', '国庆节、中秋节调休上班'),
  ('CN', '2025-10-11', 'working', '国庆节、中秋节调休上班');

-- China 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社受权发布）.
INSERT INTO calendar_days (country, day, kind, name)
SELECT 'CN', d::date, 'holiday', p.name
  FROM (VALUES
    ('2026-01-01'::date, '2026-01-03'::date, '元旦'),
    ('2026-02-15', '2026-02-23', '春节'),
    ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'),
    ('2026-06-19', '2026-06-21', '端午节'),
    ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
  ) AS p(first_day, last_day, name),
  generate_series(p.first_day, p.last_day, interval '1 day') AS d;
INSERT INTO calendar_days (country, day, kind, name) VALUES
  ('CN', '2026-01-04', 'working', '元旦调休上班'),
  ('CN', '2026-02-14', 'working', '春节调休上班'),
  ('CN', '2026-02-28', 'working', '春节调休上班'),
  ('CN', '2026-05-09', 'working', '劳动节调休上班'),
  ('CN', '2026-09-20', 'working', '国庆节调休上班'),
  ('CN', '2026-10-10', 'working', '国庆节调休上班');

-- Viet Nam 2025: Văn bản số 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (ý kiến
-- của Thủ tướng về nghỉ Tết Âm lịch và các dịp lễ năm 2025) under Bộ luật Lao động 2019,
-- Điều 112. Tết Ất Tỵ: off Sat 25/01 – Sun 02/02, the five Tết days being Mon 27/01 – Fri 31/01;
-- date-holidays counts 28/01 – 01/02, so 27/01 is added. 30/4–1/5: Fri 02/05 off, worked on
-- Sat 26/04. Quốc khánh: 02/9 and the adjacent Mon 01/9 (Điều 112 gives two days).
INSERT INTO calendar_days (country, day, kind, name) VALUES
  ('VN', '2025-01-27', 'holiday', 'Tết Nguyên đán'),
  ('VN', '2025-04-26', 'working', 'Làm bù cho thứ Sáu 02/5 (hoán đổi dịp 30/4 – 1/5)'),
  ('VN', '2025-05-02', 'holiday', 'Nghỉ hoán đổi dịp 30/4 – 1/5'),
  ('VN', '2025-09-01', 'holiday', 'Quốc khánh (ngày liền kề)');

-- Viet Nam 2026. Tết Dương lịch: Văn phòng Chính phủ, văn bản ngày 25/12/2025 (ý kiến Phó Thủ
-- tướng Phạm Thị Thanh Trà), Bộ Nội vụ thông báo cùng ngày: Fri 02/01 off, worked on Sat 10/01.
-- Tết Bính Ngọ: off Sat 14/02 – Sun 22/02, the five Tết days Mon 16/02 – Fri 20/02, which is what
-- date-holidays gives, so no row. Giỗ Tổ Hùng Vương falls on Sun 26/4: the next working day,
-- Mon 27/4, is off instead (Bộ luật Lao động 2019, Điều 111 khoản 3). Quốc khánh: Văn phòng
-- Chính phủ, văn bản truyền đạt ý kiến Thủ tướng (October 2025): off Sat 29/8 – Wed 02/9, the
-- adjacent day being Tue 01/9, and Mon 31/8 swapped with Sat 22/8.
INSERT INTO calendar_days (country, day, kind, name) VALUES
  ('VN', '2026-01-02', 'holiday', 'Nghỉ hoán đổi dịp Tết Dương lịch'),
  ('VN', '2026-01-10', 'working', 'Làm bù cho thứ Sáu 02/01 (hoán đổi dịp Tết Dương lịch)'),
  ('VN', '2026-04-27', 'holiday', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
  ('VN', '2026-08-22', 'working', 'Làm bù cho thứ Hai 31/8 (hoán đổi dịp Quốc khánh)'),
  ('VN', '2026-08-31', 'holiday', 'Nghỉ hoán đổi dịp Quốc khánh'),
  ('VN', '2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề)');
