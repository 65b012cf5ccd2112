/**
 * The demo's reports: Tân Thọ's 16-member steering committee with its 9-article regulation,
 * its meetings whose decisions are followed up (one done, one due soon, one overdue and
 * escalated), its targets of 2023 and its archived monthly reports of 2023 (produced when the
 * demo is seeded, so they state the figures of that moment).
 */
import pino from 'pino';
import type { AppContext } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { resolveUnit } from '../units/index.ts';
import { adoptRegulation, archiveReport, completeDecision, createCommittee, parsePeriod, recordMeeting, setTargets, sweepFollowUps } from '../reports/index.ts';
import type { SeedContext } from './seed.ts';
import { committeeIdOfUnit, committeeMemberIds, hasMeetingTitled, hasYearTargets } from './demo.queries.ts';

const actor = { kind: 'system' as const, label: 'demo' };

const members: Array<{ name: string; role: 'head' | 'deputy' | 'standing' | 'member' | 'secretary'; position: string }> = [
  { name: 'Lê Văn Hùng', role: 'head', position: 'Bí thư Đảng ủy xã' },
  { name: 'Nguyễn Thị Lan', role: 'deputy', position: 'Phó Bí thư Thường trực Đảng ủy' },
  { name: 'Trịnh Văn Minh', role: 'deputy', position: 'Chủ tịch UBND xã' },
  { name: 'Lê Thị Hoa', role: 'standing', position: 'Chủ tịch Ủy ban MTTQ xã' },
  { name: 'Đỗ Văn Bình', role: 'standing', position: 'Trưởng khối Dân vận' },
  { name: 'Phạm Văn Tuấn', role: 'member', position: 'Phó Chủ tịch UBND xã' },
  { name: 'Hoàng Thị Mai', role: 'member', position: 'Chủ tịch Hội Liên hiệp Phụ nữ' },
  { name: 'Nguyễn Văn Thắng', role: 'member', position: 'Chủ tịch Hội Nông dân' },
  { name: 'Lê Văn Cường', role: 'member', position: 'Chủ tịch Hội Cựu chiến binh' },
  { name: 'Trần Văn Nam', role: 'member', position: 'Bí thư Đoàn Thanh niên' },
  { name: 'Vũ Thị Hằng', role: 'member', position: 'Công chức Văn phòng - Thống kê' },
  { name: 'Lê Văn Sơn', role: 'member', position: 'Trưởng Công an xã' },
  { name: 'Nguyễn Văn Hải', role: 'member', position: 'Chỉ huy trưởng Quân sự xã' },
  { name: 'Đinh Thị Thu', role: 'member', position: 'Công chức Địa chính - Xây dựng' },
  { name: 'Mai Văn Long', role: 'member', position: 'Công chức Tư pháp - Hộ tịch' },
  { name: 'Lê Thị Nga', role: 'secretary', position: 'Cán bộ Văn phòng Đảng ủy' },
];

const articles = [
  ['Phạm vi, đối tượng', 'Quy chế này quy định hoạt động của Ban chỉ đạo xây dựng mô hình "Dân vận khéo" của xã Tân Thọ.'],
  ['Nguyên tắc làm việc', 'Ban chỉ đạo làm việc theo nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.'],
  ['Nhiệm vụ của Ban chỉ đạo', 'Chỉ đạo xây dựng, nhân rộng mô hình; theo dõi, đôn đốc, kiểm tra việc thực hiện.'],
  ['Nhiệm vụ của Trưởng ban', 'Chủ trì các cuộc họp, phân công nhiệm vụ cho các thành viên.'],
  ['Nhiệm vụ của các Phó Trưởng ban', 'Giúp Trưởng ban điều hành, thay mặt Trưởng ban khi được ủy quyền.'],
  ['Nhiệm vụ của các thành viên', 'Thực hiện nhiệm vụ được phân công, báo cáo kết quả tại cuộc họp hằng tháng.'],
  ['Chế độ họp', 'Ban chỉ đạo họp thường kỳ mỗi tháng một lần, sơ kết quý, tổng kết năm; họp bất thường khi cần.'],
  ['Chế độ báo cáo', 'Báo cáo tháng, quý, năm gửi Ban Thường vụ Đảng ủy và Ban Dân vận Huyện ủy.'],
  ['Khen thưởng, xử lý vi phạm', 'Hằng năm đánh giá, khen thưởng tập thể, cá nhân có thành tích; xử lý thành viên vi phạm quy chế.'],
] as const;

function appContext(ctx: SeedContext): AppContext {
  const full = ctx as Partial<AppContext> & SeedContext;
  return {
    db: ctx.db,
    clock: ctx.clock,
    config: full.config ?? ({} as Config),
    database: (full.database ?? undefined) as Database,
    log: full.log ?? pino({ level: 'silent' }),
  };
}

const december = 'Họp Ban chỉ đạo tháng 12 và tổng kết năm 2023';
const recent = 'Họp Ban chỉ đạo định kỳ: đôn đốc phản ánh tồn đọng';
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Adds what is missing of: the committee with its regulation, the December 2023 meeting (one
 * decision done, one left open — the follow-up sweep marks it overdue and escalates it to Nông
 * Cống), the archived monthly reports of 2023, the targets of 2023, and a recent meeting whose
 * decision falls due in five days.
 */
export async function seedReports(seed: SeedContext): Promise<void> {
  const ctx = appContext(seed);
  const unit = await resolveUnit(ctx.db, '16285', ctx.clock.now());
  if (!unit) return;
  let id = await committeeIdOfUnit(ctx.db, unit.id);
  if (id === undefined) {
    id = await createCommittee(ctx, actor, { unit, name: 'Ban chỉ đạo xây dựng mô hình "Dân vận khéo" xã Tân Thọ', members });
    await adoptRegulation(ctx, actor, id, {
      title: 'Quy chế hoạt động của Ban chỉ đạo',
      adoptedOn: '2023-01-09',
      articles: articles.map(([title, text], i) => ({ title: `Điều ${i + 1}. ${title}`, text })),
    });
    const ids = await committeeMemberIds(ctx.db, id);
    const { decisionIds } = await recordMeeting(ctx, actor, id, {
      heldOn: '2023-12-28',
      title: december,
      agenda: ['Kết quả tiếp nhận, giải quyết phản ánh tháng 12', 'Tổng kết mô hình "Dân vận khéo" năm 2023', 'Nhiệm vụ tháng 1 năm 2024'],
      minutes: 'Ban chỉ đạo thống nhất đánh giá năm 2023 và giao nhiệm vụ cho các thành viên.',
      attendance: ids.map((m, i) => ({ memberId: m, present: i !== 12 })),
      decisions: [
        { text: 'Hoàn thành báo cáo tổng kết mô hình năm 2023 gửi Ban Dân vận Huyện ủy', ownerMemberId: ids[4], dueOn: '2024-01-10' },
        { text: 'Rà soát các phản ánh tồn đọng về đất đai', ownerMemberId: ids[13], dueOn: '2024-01-31' },
      ],
    });
    await completeDecision(ctx, actor, decisionIds[0], 'Đã gửi báo cáo tổng kết ngày 08/01/2024.');
    for (let m = 1; m <= 12; m++) await archiveReport(ctx, unit, parsePeriod(`2023-${String(m).padStart(2, '0')}`)!);
  }
  if (!(await hasYearTargets(ctx.db, unit.id, 2023))) {
    await setTargets(ctx, actor, { unit, year: 2023, resolutionRate: 0.9, onTimeRate: 0.85, satisfactionRate: 0.8 });
  }
  if (!(await hasMeetingTitled(ctx.db, id, recent))) {
    const ids = await committeeMemberIds(ctx.db, id);
    const now = ctx.clock.now().getTime();
    await recordMeeting(ctx, actor, id, {
      heldOn: day(new Date(now - 7 * 86_400_000)),
      title: recent,
      agenda: ['Tình hình giải quyết phản ánh trong tháng', 'Các việc còn quá hạn'],
      minutes: 'Ban chỉ đạo giao Văn phòng đôn đốc các phản ánh sắp đến hạn.',
      attendance: ids.map((m) => ({ memberId: m, present: true })),
      decisions: [{ text: 'Đôn đốc trả lời các phản ánh sắp đến hạn', ownerMemberId: ids[10], dueOn: day(new Date(now + 5 * 86_400_000)) }],
    });
  }
  // The December decision left open is long past its due day: the sweep marks it overdue and escalates it.
  await sweepFollowUps(ctx);
}
