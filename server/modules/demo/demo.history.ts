/**
 * The demo's lived-in history: the petitions behind the articles' figures of 2023, and a spread
 * of everyday cases in the weeks before the demo was seeded (new, being handled, overdue,
 * answered and rated). Pure data: demo.queries.ts writes it in a few bulk statements.
 *
 * - Thanh Nho's "people ask, officials answer" forum: 7 sessions, 77 opinions, 70 resolved,
 *   7 sent up to Thanh Chương district, which is still handling them.
 * - Fenggang's people's sentiment mailbox (民情快递): 785 collected, 741 handled.
 * - Anh Sơn's citizen reception: 59 of 60 resolved, the district's 98.3%.
 * - Nam Đàn town's one-stop counter official: ten cases of the last weeks, for their scorecard.
 */
import crypto from 'node:crypto';
import type { Channel, EventVisibility, PetitionKind, PetitionStatus, RatingScore } from '../../contract/domain.ts';
import { trackingAlphabet, trackingCodeLength } from '../petitions/index.ts';

type Rating = RatingScore;

interface DemoEvent {
  type: 'submitted' | 'accepted' | 'assigned' | 'started' | 'answered' | 'escalated' | 'closed' | 'rated';
  at: Date;
  /** A demo official's username; null for the resident or the system. */
  by: string | null;
  toStatus: PetitionStatus;
  text?: string;
  visibility: EventVisibility;
}

interface DemoPetition {
  trackingCode: string;
  kind: PetitionKind;
  category: string | null;
  channel: Channel;
  body: string;
  language: 'vi' | 'zh';
  status: PetitionStatus;
  /** Unit codes: where it was submitted, and where it is now. */
  origin: string;
  unit: string;
  recordedBy: string | null;
  handler: string | null;
  leader: string | null;
  submittedAt: Date;
  ackDueAt: Date;
  dueAt: Date;
  acceptedAt: Date | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  answerText: string | null;
  answeredOnTheSpot: boolean;
  closedAt: Date | null;
  escalatedAt: Date | null;
  rating: Rating | null;
  ratedAt: Date | null;
  resident: { name: string | null; locale: 'vi' | 'zh' };
  /** Where it is about: spread around the centre of its commune or county, for the maps. */
  place: { lat: number; lng: number } | null;
  events: DemoEvent[];
}

/** Rough centres of the demo's communes and counties (origin unit codes). */
const centres: Record<string, [number, number]> = {
  '17719': [18.7334, 105.3311], // Thanh Nho
  '17770': [18.7612, 105.3987],
  '17374': [18.9021, 105.4502],
  '17950': [18.6977, 105.5002], // Nam Đàn town
  '520327': [27.9553, 107.7163], // Fenggang county
  '520327108': [27.9804, 107.6512],
  '520327101': [27.9421, 107.7508],
  '520327108201': [27.9911, 107.6423],
  '520327101203': [27.9315, 107.7629], // Linjiang village
};

/** The n-th petition's place near its unit's centre: within about 1.5 km, the same at every seed. */
function placeOf(n: number, origin: string): DemoPetition['place'] {
  const centre = centres[origin];
  if (!centre) return null;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lat: round(centre[0] + (((n * 37) % 41) - 20) * 0.0007), lng: round(centre[1] + (((n * 53) % 43) - 21) * 0.0007) };
}

const hour = 3_600_000;
const day = 24 * hour;
/** Local wall-clock time in Viet Nam (UTC+7) or China (UTC+8). */
const local = (date: string, time: string, offset: 7 | 8) => new Date(Date.parse(`${date}T${time}:00Z`) - offset * hour);

/**
 * The due times of the deadline policies in force at a unit (by code), in its calendar: the
 * seed reads them from the database, so Thanh Nho's cases are due per Vietnamese law and
 * Fenggang's per China's regulation on letters and visits.
 */
export interface DemoDeadlines {
  ackDue(unit: string, kind: PetitionKind, channel: Channel, from: Date): Date;
  resolutionDue(unit: string, kind: PetitionKind, channel: Channel, from: Date): Date;
}

/** The same codes on every seeding, so a second run finds the history there and adds nothing. */
function demoTrackingCode(n: number): string {
  const bytes = crypto.createHash('sha256').update(`zero-distance demo petition ${n}`).digest();
  let code = '';
  for (let i = 0; i < trackingCodeLength; i++) code += trackingAlphabet[bytes[i] % trackingAlphabet.length];
  return code;
}

interface Outcome {
  /** Answered this long after submission (0: on the spot); undefined: not answered. */
  answerAfter?: number;
  answerText?: string;
  closeAfter?: number;
  escalateAfter?: { ms: number; to: string; by: string | null };
  handler?: string;
  leader?: string;
  rating?: { score: Rating; after: number };
  /** Open cases: how far they got. */
  open?: 'received' | 'accepted' | 'in_progress';
}

/** What a resident sent, where and when. */
interface Submission {
  kind: PetitionKind; category: string | null; channel: Channel; body: string; origin: string; submittedAt: Date; resident: string | null; recordedBy: string | null;
}

function petitionAt(
  deadlines: DemoDeadlines,
  n: number,
  base: Submission,
  o: Outcome,
): DemoPetition {
  const language = /^52/.test(base.origin) ? 'zh' : 'vi';
  const s = base.submittedAt.getTime();
  const at = (after: number) => new Date(s + after);
  const events: DemoEvent[] = [{ type: 'submitted', at: base.submittedAt, by: base.recordedBy, toStatus: 'received', visibility: 'public' }];
  let status: PetitionStatus = 'received';
  let acceptedAt: Date | null = null;
  const acceptAfter = o.answerAfter === 0 ? 0 : Math.min(hour * 20, o.answerAfter ?? o.escalateAfter?.ms ?? hour * 20);
  if (o.open !== 'received') {
    acceptedAt = at(acceptAfter);
    status = 'accepted';
    if (o.answerAfter !== 0) events.push({ type: 'accepted', at: acceptedAt, by: o.leader ?? base.recordedBy, toStatus: 'accepted', visibility: 'public' });
  }
  if (o.handler && o.answerAfter !== 0) {
    events.push({ type: 'assigned', at: at(acceptAfter + hour), by: o.leader ?? null, toStatus: 'assigned', visibility: 'internal' });
    events.push({ type: 'started', at: at(acceptAfter + 2 * hour), by: o.handler, toStatus: 'in_progress', visibility: 'public' });
    status = 'in_progress';
  }
  let dueAt = deadlines.resolutionDue(base.origin, base.kind, base.channel, acceptedAt ?? base.submittedAt);
  let unit = base.origin;
  let escalatedAt: Date | null = null;
  if (o.escalateAfter) {
    escalatedAt = at(o.escalateAfter.ms);
    unit = o.escalateAfter.to;
    status = 'accepted';
    dueAt = deadlines.resolutionDue(unit, base.kind, base.channel, escalatedAt);
    events.push({ type: 'escalated', at: escalatedAt, by: o.escalateAfter.by, toStatus: 'accepted', visibility: 'public', text: language === 'zh' ? '超出本级权限，上报处理' : 'Vượt thẩm quyền của xã, chuyển huyện giải quyết' });
  }
  let answeredAt: Date | null = null;
  if (o.answerAfter !== undefined) {
    answeredAt = at(o.answerAfter);
    status = 'answered';
    events.push({ type: 'answered', at: answeredAt, by: o.handler ?? base.recordedBy, toStatus: 'answered', text: o.answerText, visibility: 'public' });
  }
  let ratedAt: Date | null = null;
  if (o.rating) {
    ratedAt = at(o.rating.after);
    events.push({ type: 'rated', at: ratedAt, by: null, toStatus: status, visibility: 'public' });
  }
  let closedAt: Date | null = null;
  if (o.closeAfter !== undefined) {
    closedAt = at(o.closeAfter);
    status = 'closed';
    events.push({ type: 'closed', at: closedAt, by: o.leader ?? base.recordedBy, toStatus: 'closed', visibility: 'public' });
  }
  return {
    trackingCode: demoTrackingCode(n),
    kind: base.kind,
    category: base.category,
    channel: base.channel,
    body: base.body,
    language,
    status,
    origin: base.origin,
    unit,
    recordedBy: base.recordedBy,
    handler: o.handler ?? null,
    leader: o.leader ?? null,
    submittedAt: base.submittedAt,
    ackDueAt: deadlines.ackDue(base.origin, base.kind, base.channel, base.submittedAt),
    dueAt,
    acceptedAt,
    answeredAt,
    answeredBy: answeredAt ? (o.handler ?? base.recordedBy) : null,
    answerText: o.answerText ?? null,
    answeredOnTheSpot: o.answerAfter === 0,
    closedAt,
    escalatedAt,
    rating: o.rating?.score ?? null,
    ratedAt,
    resident: { name: base.resident, locale: language },
    place: placeOf(n, base.origin),
    events,
  };
}

const forumTopics: Array<[PetitionKind, string, string]> = [
  ['question', 'land', 'Hỏi thủ tục chuyển đất vườn sang đất ở để làm nhà'],
  ['suggestion', 'roads', 'Đề nghị sửa đoạn đường liên xóm bị sạt lở sau mưa lũ'],
  ['help_request', 'social_welfare', 'Xin hỗ trợ hồ sơ trợ cấp cho người cao tuổi neo đơn'],
  ['question', 'land', 'Hỏi về cấp giấy chứng nhận quyền sử dụng đất rừng sản xuất'],
  ['complaint', 'environment', 'Phản ánh trại chăn nuôi xả nước thải ra kênh tưới'],
  ['suggestion', 'electricity', 'Đề nghị lắp thêm đèn chiếu sáng ở ngã ba xóm'],
  ['question', 'health', 'Hỏi cách gia hạn thẻ bảo hiểm y tế trên ứng dụng VssID'],
];

const mailboxTopics: Array<[PetitionKind, string, string]> = [
  ['question', 'social_welfare', '请问城乡居民养老保险怎么补缴'],
  ['suggestion', 'roads', '建议硬化通组公路，雨天出行困难'],
  ['help_request', 'water', '组里饮水管道破裂，请求帮助维修'],
  ['question', 'land', '咨询宅基地审批需要哪些材料'],
  ['suggestion', 'education', '建议村小学增设课后看护'],
  ['complaint', 'environment', '反映茶厂夜间噪音扰民'],
];

/**
 * Every demo petition, in a fixed order; `now` places the everyday cases (the weeks before the
 * demo was seeded), the articles' history is in 2023.
 */
export function demoHistory(now: Date, deadlines: DemoDeadlines): DemoPetition[] {
  const all: DemoPetition[] = [];
  const petition = (n: number, base: Submission, o: Outcome) => petitionAt(deadlines, n, base, o);
  let n = 0;

  // Thanh Nho's forum, the second Saturday of seven months of 2023, at 8 in the morning.
  const sessions = ['2023-03-11', '2023-04-08', '2023-05-13', '2023-06-10', '2023-07-08', '2023-08-12', '2023-09-09'];
  let onTheSpot = 0;
  for (const [s, date] of sessions.entries()) {
    for (let i = 0; i < 11; i++, n++) {
      const [kind, category, text] = forumTopics[(s + i) % forumTopics.length];
      const base = {
        kind, category, channel: 'forum' as const, body: `${text} (ý kiến tại diễn đàn "Dân hỏi, cán bộ trả lời", phiên ${s + 1})`,
        origin: '17719', submittedAt: local(date, '08:00', 7), resident: `Người dân xóm ${1 + (i % 9)}`, recordedBy: 'thanhnho.dispatcher',
      };
      if (i === 10) {
        // One opinion a session is beyond the commune: the district is handling it.
        all.push(petition(n, base, { escalateAfter: { ms: 3 * day, to: '428', by: 'thanhnho.dispatcher' }, leader: 'thanhnho.leader' }));
      } else if (kind !== 'complaint' && onTheSpot < 40) {
        onTheSpot++;
        all.push(petition(n, base, { answerAfter: 0, answerText: 'Lãnh đạo xã đã trả lời trực tiếp tại diễn đàn.', closeAfter: 2 * day }));
      } else {
        all.push(petition(n, base, {
          answerAfter: (4 + (i % 5)) * day, answerText: 'UBND xã đã kiểm tra và giải quyết; kết quả đã thông báo tại xóm.',
          handler: 'thanhnho.handler', leader: 'thanhnho.leader', closeAfter: i % 2 ? (12 + i) * day : undefined,
        }));
      }
    }
  }

  // Fenggang's mailbox through 2023: 785 letters, 741 answered; the rest still being worked on.
  const fenggangUnits = ['520327', '520327108', '520327101', '520327108201', '520327101203'];
  for (let i = 0; i < 785; i++, n++) {
    const [kind, category, text] = mailboxTopics[i % mailboxTopics.length];
    const date = new Date(Date.UTC(2023, 0, 3) + Math.floor((i * 360) / 785) * day).toISOString().slice(0, 10);
    const base = {
      kind: i < 741 ? kind : 'complaint' as PetitionKind, category, channel: 'mailbox' as const, body: `${text}（民情快递第 ${i + 1} 件）`,
      origin: fenggangUnits[i % fenggangUnits.length], submittedAt: local(date, '09:30', 8), resident: i % 7 ? `群众${i + 1}` : null,
      recordedBy: 'fenggang.dispatcher',
    };
    all.push(petition(n, base, i < 741
      ? { answerAfter: (2 + (i % 9)) * day, answerText: '已由县群众工作中心直接办理并答复。', handler: 'fenggang.dispatcher', leader: 'fenggang.head', closeAfter: i % 3 ? undefined : (15 + (i % 9)) * day }
      : { open: 'accepted', leader: 'fenggang.head' }));
  }

  // Anh Sơn's reception days of 2023: 59 of 60 resolved.
  for (let i = 0; i < 60; i++, n++) {
    const date = `2023-${String(1 + Math.floor(i / 5)).padStart(2, '0')}-${i % 5 < 3 ? '10' : '25'}`;
    const base = {
      kind: (i % 2 ? 'suggestion' : 'complaint') as PetitionKind, category: i % 3 ? 'land' : 'administration', channel: 'reception' as const,
      body: `Kiến nghị tại buổi tiếp công dân định kỳ của Chủ tịch UBND huyện Anh Sơn (${i + 1})`, origin: '424',
      submittedAt: local(date, '08:30', 7), resident: `Công dân ${i + 1}`, recordedBy: null,
    };
    all.push(petition(n, base, i < 59 ? { answerAfter: (5 + (i % 10)) * day, answerText: 'Đã giải quyết dứt điểm, trả lời bằng văn bản.', closeAfter: 20 * day } : { open: 'accepted' }));
  }

  // Everyday cases of the last weeks: new, being handled, overdue, answered and rated.
  const ago = (days: number, hours: number) => new Date(now.getTime() - days * day - hours * hour);
  const everyday: Array<[PetitionKind, string, Channel, string, string | null, number, Outcome]> = [
    ['question', 'land', 'web', 'Hỏi thủ tục tách thửa đất để chia cho con', '17719', 1, { open: 'received' }],
    ['help_request', 'water', 'hotline', 'Giếng khoan của xóm 5 bị nhiễm phèn, xin hỗ trợ kiểm tra nước', '17719', 2, { open: 'received' }],
    ['suggestion', 'roads', 'mobile', 'Đề nghị làm gờ giảm tốc trước cổng trường tiểu học', '17770', 1, { open: 'received' }],
    ['question', 'social_welfare', 'counter', 'Hỏi hồ sơ hưởng trợ cấp cho người khuyết tật', '15163', 0, { open: 'received' }],
    ['question', 'land', 'web', '请问农村房屋翻建需要办理什么手续', '520327101203', 1, { open: 'received' }],
    ['help_request', 'roads', 'hotline', 'Cây đổ chắn ngang đường xóm 2 sau bão', '17719', 4, { open: 'in_progress', handler: 'thanhnho.handler', leader: 'thanhnho.leader' }],
    ['suggestion', 'environment', 'web', 'Đề nghị bố trí thêm điểm tập kết rác ở chợ xã', '17719', 6, { open: 'in_progress', handler: 'thanhnho.handler', leader: 'thanhnho.leader' }],
    ['complaint', 'land', 'reception', 'Khiếu nại việc đo đạc lại ranh giới thửa đất giáp nhà hàng xóm', '17719', 12, { open: 'in_progress', handler: 'thanhnho.handler', leader: 'thanhnho.leader' }],
    // Overdue: promised and not yet done, so the inbox and the figures show them.
    ['question', 'health', 'hotline', 'Hỏi lịch tiêm chủng mở rộng tháng này của trạm y tế', '17719', 20, { open: 'in_progress', handler: 'thanhnho.handler', leader: 'thanhnho.leader' }],
    ['help_request', 'electricity', 'web', 'Cột điện nghiêng ở xóm 7, xin kiểm tra gấp', '17374', 16, { open: 'accepted' }],
    // In China a matter is handled within 60 days of acceptance: this one is past them.
    ['suggestion', 'roads', 'web', '建议在临江村渡口增设安全护栏', '520327101203', 75, { open: 'accepted', leader: 'fenggang.head' }],
    ['question', 'land', 'counter', 'Hỏi phí trước bạ khi nhận thừa kế nhà đất', '16285', 18, { open: 'received' }],
    // Answered, some rated.
    ['question', 'land', 'web', 'Hỏi thời hạn cấp đổi sổ đỏ bị rách', '17719', 14, { answerAfter: 3 * day, answerText: 'Anh/chị nộp hồ sơ tại Bộ phận Một cửa; thời hạn 10 ngày làm việc.', handler: 'thanhnho.handler', leader: 'thanhnho.leader', rating: { score: 'satisfied', after: 4 * day } }],
    ['help_request', 'water', 'hotline', 'Đường ống nước sạch xóm 3 bị vỡ', '17719', 10, { answerAfter: 1 * day, answerText: 'Đã sửa xong đường ống sáng nay.', handler: 'thanhnho.handler', leader: 'thanhnho.leader', rating: { score: 'satisfied', after: 2 * day }, closeAfter: 3 * day }],
    ['suggestion', 'roads', 'mobile', 'Đề nghị nạo vét mương thoát nước trước mùa mưa', '17719', 21, { answerAfter: 12 * day, answerText: 'Xã đã đưa vào kế hoạch nạo vét tháng tới.', handler: 'thanhnho.handler', leader: 'thanhnho.leader', rating: { score: 'acceptable', after: 13 * day } }],
    ['complaint', 'environment', 'web', 'Phản ánh khói đốt rơm rạ gây ô nhiễm khu dân cư', '17770', 9, { answerAfter: 5 * day, answerText: 'Đã nhắc nhở các hộ và tuyên truyền không đốt rơm rạ.', rating: { score: 'unsatisfied', after: 6 * day } }],
    ['question', 'social_welfare', 'web', '请问高龄津贴每月什么时候发放', '520327108201', 8, { answerAfter: 2 * day, answerText: '高龄津贴每月10日前发放到社保卡。', handler: 'fenggang.dispatcher', leader: 'fenggang.head', rating: { score: 'satisfied', after: 3 * day } }],
    ['help_request', 'roads', 'hotline', '组里通组路塌方，请求处理', '520327101203', 15, { answerAfter: 4 * day, answerText: '镇里已安排施工队修复。', handler: 'fenggang.dispatcher', leader: 'fenggang.head', closeAfter: 6 * day }],
    ['question', 'administration', 'counter', 'Hỏi thủ tục đăng ký khai sinh cho con', '18001-K10', 7, { answerAfter: 0, answerText: 'Cán bộ một cửa đã hướng dẫn trực tiếp.' }],
    ['suggestion', 'culture', 'outreach', 'Đề nghị sửa nhà văn hóa khối trước Tết', '18001-K10', 11, { answerAfter: 6 * day, answerText: 'Thị trấn đã bố trí kinh phí sửa chữa.' }],
    // A week of muddy tap water in Thanh Thinh: the hotspot of the demo (none in the eight weeks before).
    ['help_request', 'water', 'hotline', 'Nước máy xóm 2 đục và có mùi lạ từ hôm qua', '17770', 1, { answerAfter: 10 * hour, answerText: 'Xã đã báo nhà máy nước súc xả đường ống và lấy mẫu nước.' }],
    ['help_request', 'water', 'hotline', 'Nước sinh hoạt khu chợ Thanh Thịnh có cặn vàng', '17770', 1, { answerAfter: 10 * hour, answerText: 'Xã đã báo nhà máy nước súc xả đường ống và lấy mẫu nước.' }],
    ['help_request', 'water', 'web', 'Nước máy nhà tôi ở xóm 4 có mùi clo rất nặng', '17770', 2, { answerAfter: 10 * hour, answerText: 'Xã đã báo nhà máy nước súc xả đường ống và lấy mẫu nước.' }],
    ['help_request', 'water', 'mobile', 'Đề nghị kiểm tra chất lượng nước máy xóm 1, nước đục', '17770', 2, { answerAfter: 10 * hour, answerText: 'Xã đã báo nhà máy nước súc xả đường ống và lấy mẫu nước.' }],
    ['help_request', 'water', 'hotline', 'Nước máy đục, trẻ con tắm bị ngứa, xóm 6', '17770', 3, { answerAfter: 10 * hour, answerText: 'Xã đã báo nhà máy nước súc xả đường ống và lấy mẫu nước.' }],
    ['help_request', 'water', 'web', 'Nước sạch xóm 3 có màu vàng, không dám nấu ăn', '17770', 4, { answerAfter: 10 * hour, answerText: 'Xã đã báo nhà máy nước súc xả đường ống và lấy mẫu nước.' }],
    ['help_request', 'water', 'hotline', 'Nước máy khu trường học có mùi tanh', '17770', 5, { answerAfter: 10 * hour, answerText: 'Xã đã báo nhà máy nước súc xả đường ống và lấy mẫu nước.' }],
    ['help_request', 'water', 'counter', 'Hỏi vì sao nước máy mấy hôm nay bị đục', '17770', 6, { answerAfter: 10 * hour, answerText: 'Xã đã báo nhà máy nước súc xả đường ống và lấy mẫu nước.' }],
  ];
  for (const [i, [kind, category, channel, body, origin, daysAgo, outcome]] of everyday.entries()) {
    all.push(petition(n++, {
      kind, category, channel, body, origin: origin!, submittedAt: ago(daysAgo, 2 + (i % 6)),
      resident: i % 4 ? (origin!.startsWith('52') ? `张${'伟芳敏静'[i % 4]}` : `Nguyễn Thị ${'ABCDE'[i % 5]}`) : null,
      recordedBy: channel === 'web' || channel === 'mobile' ? null : origin!.startsWith('52') ? 'fenggang.dispatcher' : origin === '17719' ? 'thanhnho.dispatcher' : null,
    }, outcome));
  }

  // Nam Đàn town's one-stop counter official (article 004): mostly online, mostly on time, two
  // answered late, most rated, so the official's scorecard under the district's framework has
  // numbers to show and cases behind each.
  const onestop = 'namdan.onestop';
  const namDan: Array<[PetitionKind, string, Channel, string, number, Outcome]> = [
    ['question', 'administration', 'web', 'Hỏi thủ tục đăng ký thường trú cho con sau khi chuyển về ở với ông bà', 34, { answerAfter: 2 * day, answerText: 'Anh/chị nộp hồ sơ trực tuyến trên Cổng dịch vụ công; Công an thị trấn giải quyết trong 7 ngày làm việc.', handler: onestop, rating: { score: 'satisfied', after: 3 * day }, closeAfter: 5 * day }],
    ['question', 'land', 'web', 'Hỏi thời hạn đăng ký biến động đất đai khi nhận tặng cho', 48, { answerAfter: 40 * day, answerText: 'Thời hạn 30 ngày kể từ ngày ký hợp đồng tặng cho; hồ sơ nộp tại Bộ phận Một cửa.', handler: onestop, rating: { score: 'acceptable', after: 41 * day } }],
    ['help_request', 'administration', 'mobile', 'Xin hướng dẫn cấp bản sao trích lục khai sinh trực tuyến', 29, { answerAfter: 1 * day, answerText: 'Đã gửi hướng dẫn từng bước; bản sao trích lục được trả qua bưu điện.', handler: onestop, rating: { score: 'satisfied', after: 2 * day } }],
    ['question', 'administration', 'counter', 'Hỏi giấy tờ cần mang khi đăng ký kết hôn', 26, { answerAfter: 0, answerText: 'Cán bộ một cửa đã hướng dẫn trực tiếp tại quầy.', handler: onestop, rating: { score: 'satisfied', after: 1 * hour } }],
    ['question', 'social_welfare', 'web', 'Hỏi hồ sơ hưởng trợ cấp hằng tháng cho người cao tuổi', 21, { answerAfter: 3 * day, answerText: 'Hồ sơ gồm tờ khai và bản sao căn cước; nộp trực tuyến hoặc tại quầy một cửa.', handler: onestop, rating: { score: 'satisfied', after: 4 * day }, closeAfter: 6 * day }],
    ['suggestion', 'administration', 'web', 'Đề nghị bố trí thêm máy tra cứu hồ sơ ở Bộ phận Một cửa', 52, { answerAfter: 44 * day, answerText: 'Thị trấn đã đưa vào kế hoạch mua sắm quý tới.', handler: onestop, rating: { score: 'unsatisfied', after: 45 * day } }],
    ['question', 'land', 'counter', 'Hỏi lệ phí cấp đổi giấy chứng nhận quyền sử dụng đất', 15, { answerAfter: 2 * day, answerText: 'Lệ phí theo nghị quyết của HĐND tỉnh; đã gửi bảng lệ phí.', handler: onestop, rating: { score: 'acceptable', after: 3 * day } }],
    ['help_request', 'administration', 'mobile', 'Nộp hồ sơ trực tuyến bị báo lỗi tệp đính kèm, xin hỗ trợ', 10, { answerAfter: 1 * day, answerText: 'Đã hướng dẫn chuyển tệp sang PDF dưới 10 MB; hồ sơ đã nộp thành công.', handler: onestop, rating: { score: 'satisfied', after: 2 * day } }],
    ['question', 'administration', 'web', 'Hỏi thời gian trả kết quả chứng thực chữ ký', 6, { answerAfter: 2 * day, answerText: 'Trả kết quả trong ngày nếu nộp trước 15 giờ.', handler: onestop }],
    ['question', 'health', 'web', 'Hỏi cách gia hạn thẻ bảo hiểm y tế hộ gia đình', 2, { open: 'in_progress', handler: onestop }],
  ];
  for (const [i, [kind, category, channel, body, daysAgo, outcome]] of namDan.entries()) {
    all.push(petition(n++, {
      kind, category, channel, body, origin: '17950', submittedAt: ago(daysAgo, 1 + (i % 5)),
      resident: i % 3 ? `Trần Văn ${'HKLMN'[i % 5]}` : null, recordedBy: channel === 'counter' ? onestop : null,
    }, outcome));
  }
  return all;
}
