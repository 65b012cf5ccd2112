-- Open311 GeoReport v2. A service is what a resident may report through an Open311 client:
-- one kind of petition with its category, its names in vi / zh / en, and the attributes the
-- client asks for. A service of a unit holds in its whole subtree; one without a unit holds
-- everywhere; a unit's own service replaces an inherited one of the same code.
CREATE TABLE open311_services (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id       bigint REFERENCES units(id),
  code          text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
  names         jsonb NOT NULL,
  descriptions  jsonb NOT NULL DEFAULT '{}',
  -- Denunciations and conduct reports protect who speaks; they never come through Open311.
  kind          text NOT NULL CHECK (kind NOT IN ('denunciation', 'conduct_report')),
  category      text,
  service_group text,
  keywords      text NOT NULL DEFAULT '',
  attributes    jsonb NOT NULL DEFAULT '[]',
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX open311_services_code ON open311_services (coalesce(unit_id, 0), code);

-- A petition that arrived through Open311: the client's key, the token, the attribute values.
CREATE TABLE open311_requests (
  petition_id  bigint PRIMARY KEY REFERENCES petitions(id),
  token        text NOT NULL UNIQUE,
  service_id   bigint NOT NULL REFERENCES open311_services(id),
  api_key_id   bigint NOT NULL REFERENCES api_keys(id),
  attributes   jsonb NOT NULL DEFAULT '{}',
  media_url    text,
  created_at   timestamptz NOT NULL
);

-- Updates another system posted on a request (FixMyStreet's servicerequestupdates). Its own
-- update id, per key, makes a repeated post a no-op.
CREATE TABLE open311_updates (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  api_key_id   bigint NOT NULL REFERENCES api_keys(id),
  external_id  text NOT NULL,
  petition_id  bigint NOT NULL REFERENCES petitions(id),
  status       text NOT NULL CHECK (status IN ('open', 'closed')),
  description  text NOT NULL,
  media_url    text,
  updated_at   timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  UNIQUE (api_key_id, external_id)
);
CREATE INDEX open311_updates_petition ON open311_updates (petition_id);

-- Every deployment starts with one service per common category: a suggestion of that topic.
INSERT INTO open311_services (code, names, kind, category, service_group) VALUES
  ('land', '{"en":"Land","vi":"Đất đai","zh":"土地"}', 'suggestion', 'land', 'petitions'),
  ('construction', '{"en":"Construction","vi":"Xây dựng","zh":"建设"}', 'suggestion', 'construction', 'petitions'),
  ('environment', '{"en":"Environment","vi":"Môi trường","zh":"环境"}', 'suggestion', 'environment', 'petitions'),
  ('roads', '{"en":"Roads and transport","vi":"Giao thông","zh":"道路交通"}', 'suggestion', 'roads', 'petitions'),
  ('water_power', '{"en":"Water and power","vi":"Điện, nước","zh":"水电"}', 'suggestion', 'water_power', 'petitions'),
  ('social_insurance', '{"en":"Social insurance","vi":"Bảo hiểm xã hội","zh":"社会保险"}', 'question', 'social_insurance', 'petitions'),
  ('health', '{"en":"Health","vi":"Y tế","zh":"医疗卫生"}', 'suggestion', 'health', 'petitions'),
  ('education', '{"en":"Education","vi":"Giáo dục","zh":"教育"}', 'suggestion', 'education', 'petitions'),
  ('security', '{"en":"Public order","vi":"An ninh trật tự","zh":"治安"}', 'suggestion', 'security', 'petitions'),
  ('procedures', '{"en":"Administrative procedures","vi":"Thủ tục hành chính","zh":"行政手续"}', 'question', 'procedures', 'petitions'),
  ('other', '{"en":"Other","vi":"Khác","zh":"其他"}', 'suggestion', 'other', 'petitions');
