-- Agency kinds and the service-point checklists, as data.

-- The kinds of office a unit may have. Adding a kind is a row, not a code change.
CREATE TABLE agency_kinds (
  key       text PRIMARY KEY,
  names     jsonb NOT NULL,            -- { "vi": …, "zh": …, "en": … }
  position  int NOT NULL DEFAULT 0
);

INSERT INTO agency_kinds (key, position, names) VALUES
  ('people_committee', 10, '{"vi":"Ủy ban nhân dân","zh":"人民政府（乡镇政府）","en":"People''s Committee"}'),
  ('one_stop_shop', 20, '{"vi":"Bộ phận một cửa","zh":"便民服务中心","en":"One-stop shop"}'),
  ('land_registry', 30, '{"vi":"Văn phòng đăng ký đất đai","zh":"不动产登记中心","en":"Land registry office"}'),
  ('police', 40, '{"vi":"Công an","zh":"派出所","en":"Police"}'),
  ('social_insurance', 50, '{"vi":"Bảo hiểm xã hội","zh":"社会保险经办机构","en":"Social insurance office"}'),
  ('citizen_reception', 60, '{"vi":"Ban Tiếp công dân","zh":"信访接待中心","en":"Citizen reception committee"}'),
  ('mass_mobilization', 70, '{"vi":"Ban Dân vận","zh":"群众工作站","en":"Mass mobilization committee"}'),
  ('fatherland_front', 80, '{"vi":"Ủy ban Mặt trận Tổ quốc","zh":"祖国阵线委员会","en":"Fatherland Front committee"}'),
  ('youth_union', 90, '{"vi":"Đoàn Thanh niên","zh":"共青团","en":"Youth union"}'),
  ('women_union', 100, '{"vi":"Hội Liên hiệp Phụ nữ","zh":"妇女联合会","en":"Women''s union"}'),
  ('veterans_association', 110, '{"vi":"Hội Cựu chiến binh","zh":"退役军人协会","en":"Veterans'' association"}'),
  ('party_committee', 120, '{"vi":"Đảng ủy","zh":"党委","en":"Party committee"}'),
  ('health_station', 130, '{"vi":"Trạm y tế","zh":"卫生院","en":"Health station"}'),
  ('school', 140, '{"vi":"Trường học","zh":"学校","en":"School"}'),
  ('other', 1000, '{"vi":"Cơ quan khác","zh":"其他部门","en":"Other agency"}');

ALTER TABLE agencies ADD CONSTRAINT agencies_kind_fk FOREIGN KEY (kind) REFERENCES agency_kinds (key);
CREATE INDEX agencies_unit_kind ON agencies (unit_id, kind, id);

-- Which checklist a unit's level follows. The checklists are Fenggang's township, village and
-- group levels; a Vietnamese commune (xã, phường, thị trấn, level 'commune') is the same tier
-- of government as a Chinese township, so it follows the township list. Levels without a row
-- (province, district, county …) have no checklist.
CREATE TABLE service_point_checklist_levels (
  unit_level       text PRIMARY KEY,
  checklist_level  text NOT NULL CHECK (checklist_level IN ('township', 'village', 'group'))
);
INSERT INTO service_point_checklist_levels (unit_level, checklist_level) VALUES
  ('township', 'township'),
  ('commune', 'township'),
  ('village', 'village'),
  ('group', 'group');

-- Required ("7", "5", "3") and optional ("+N") service points per level, from 当代贵州 2014年29期,
-- 汤莉《“四直为民”：联系服务群众新举措》 (seeds/003): township "7+N" — government (party
-- affairs) service centre, mass work station, "tea-country attendants" volunteer team, grid
-- service management platform, moral lecture hall, legal service centre, service hotline;
-- village "5+N" — government (party affairs) service centre, mass work room, village power,
-- post and rural credit service, volunteer team, moral lecture hall; group "3+N" — mass work
-- point, group deliberation council, convenience house. A key is unique across levels, so it
-- carries its level: 'village.clinic' and 'group.clinic' are two rows.
INSERT INTO service_point_kinds (key, level, required, position, names) VALUES
  ('township.government_service_centre', 'township', true, 10,
   '{"vi":"Trung tâm phục vụ hành chính công","zh":"政务（党务）服务中心","en":"Government service centre"}'),
  ('township.mass_work_station', 'township', true, 20,
   '{"vi":"Trạm công tác quần chúng","zh":"群众工作站","en":"Mass work station"}'),
  ('township.volunteer_service_team', 'township', true, 30,
   '{"vi":"Đội tình nguyện phục vụ nhân dân","zh":"志愿服务队（茶乡勤务员）","en":"Volunteer service team"}'),
  ('township.grid_management_platform', 'township', true, 40,
   '{"vi":"Nền tảng quản lý theo lưới","zh":"网格化服务管理信息平台","en":"Grid management platform"}'),
  ('township.moral_lecture_hall', 'township', true, 50,
   '{"vi":"Giảng đường đạo đức","zh":"道德讲堂","en":"Moral lecture hall"}'),
  ('township.legal_service_centre', 'township', true, 60,
   '{"vi":"Trung tâm dịch vụ pháp lý","zh":"法律服务中心","en":"Legal service centre"}'),
  ('township.service_hotline', 'township', true, 70,
   '{"vi":"Đường dây nóng phục vụ người dân","zh":"便民服务热线","en":"Service hotline"}'),
  ('township.rural_credit_service', 'township', false, 110,
   '{"vi":"Dịch vụ tín dụng nông thôn","zh":"农信服务","en":"Rural credit service"}'),
  ('township.citizen_information_service', 'township', false, 120,
   '{"vi":"Kênh thông tin cho người dân","zh":"百姓通信息服务","en":"Citizen information service"}'),

  ('village.government_service_centre', 'village', true, 10,
   '{"vi":"Điểm phục vụ hành chính","zh":"政务（党务）服务中心","en":"Government service centre"}'),
  ('village.mass_work_room', 'village', true, 20,
   '{"vi":"Phòng công tác quần chúng","zh":"群众工作室","en":"Mass work room"}'),
  ('village.utilities_post_credit_service', 'village', true, 30,
   '{"vi":"Điểm dịch vụ điện, bưu chính và tín dụng","zh":"村电村邮农信服务","en":"Power, post and rural credit service"}'),
  ('village.volunteer_service_team', 'village', true, 40,
   '{"vi":"Đội tình nguyện phục vụ nhân dân","zh":"志愿服务队（茶乡勤务员）","en":"Volunteer service team"}'),
  ('village.moral_lecture_hall', 'village', true, 50,
   '{"vi":"Giảng đường đạo đức","zh":"道德讲堂","en":"Moral lecture hall"}'),
  ('village.clinic', 'village', false, 110,
   '{"vi":"Phòng y tế","zh":"卫生室","en":"Clinic"}'),
  ('village.library', 'village', false, 120,
   '{"vi":"Tủ sách nông thôn","zh":"农家书屋","en":"Village library"}'),
  ('village.shop', 'village', false, 130,
   '{"vi":"Cửa hàng nông thôn","zh":"农家超市","en":"Village shop"}'),
  ('village.fitness', 'village', false, 140,
   '{"vi":"Điểm thể dục thể thao","zh":"体育健身","en":"Sports and fitness ground"}'),
  ('village.legal_aid', 'village', false, 150,
   '{"vi":"Trợ giúp pháp lý","zh":"法律援助","en":"Legal aid"}'),
  ('village.convenience_house', 'village', false, 160,
   '{"vi":"Nhà tiện ích cho dân","zh":"便民服务屋（茶乡便民屋）","en":"Convenience house"}'),

  ('group.mass_work_point', 'group', true, 10,
   '{"vi":"Điểm công tác quần chúng","zh":"群众工作点","en":"Mass work point"}'),
  ('group.deliberation_council', 'group', true, 20,
   '{"vi":"Hội đồng bàn bạc của tổ","zh":"组议事会","en":"Group deliberation council"}'),
  ('group.convenience_house', 'group', true, 30,
   '{"vi":"Nhà tiện ích cho dân","zh":"便民服务屋（茶乡便民屋）","en":"Convenience house"}'),
  ('group.clinic', 'group', false, 110,
   '{"vi":"Phòng y tế","zh":"卫生室","en":"Clinic"}'),
  ('group.library', 'group', false, 120,
   '{"vi":"Tủ sách nông thôn","zh":"农家书屋","en":"Village library"}'),
  ('group.fitness', 'group', false, 130,
   '{"vi":"Điểm thể dục thể thao","zh":"体育健身","en":"Sports and fitness ground"}'),
  ('group.shop', 'group', false, 140,
   '{"vi":"Cửa hàng nông thôn","zh":"农家超市","en":"Village shop"}'),
  ('group.rural_credit_service', 'group', false, 150,
   '{"vi":"Dịch vụ tín dụng nông thôn","zh":"农信服务","en":"Rural credit service"}');

CREATE INDEX service_points_unit_kind ON service_points (unit_id, kind);
