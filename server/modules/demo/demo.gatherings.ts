/**
 * The gatherings of the demo world, around today so that the calendar has days to come and the
 * figures have sessions held: Anh Sơn's citizen reception days (the district chairman, twice a
 * month, article 000), Thanh Nho's "people ask, officials answer" forums (001), Thanh Thịnh's
 * People's Saturday on the second Saturday of every month (001), and the district land
 * registry's "Saturday for the people" in the remote commune of Phúc Sơn (000), and Thanh Nho's
 * weekly reception day with a date cancelled and one moved, "three sides, one word" follow-ups
 * due and overdue, and the signed minutes of a forum attached. Each block is added once: a second
 * run finds its first title and adds nothing.
 */
import PDFDocument from 'pdfkit';
import { shippedFont } from '../../platform/pdf.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { addDays, localDay } from '../../platform/calendar.ts';
import { resolveUnit } from '../units/index.ts';
import { actOnGathering, addException, attachMinutesFile, planGathering, planSeries, recordEntry, type EntryBody } from '../gatherings/index.ts';
import { agencyOfKind, demoOfficialActor, gatheringsTitled, hasGatheringTitled } from './demo.queries.ts';

const system = { kind: 'system', label: 'demo' } as const;
/** Thanh Nho's forums (their residents' ratings are seeded with the conduct side, demo.conduct.ts). */
export const forumTitle = 'Diễn đàn "Dân hỏi, cán bộ trả lời" xã Thanh Nho';
const zone = 'Asia/Ho_Chi_Minh';
const anyone = () => true;

/** The gathering commands run their own transactions: the database and the clock are all they need. */
interface Ctx {
  db: Kysely<DB>;
  clock: Clock;
}

type Actor = Parameters<typeof recordEntry>[1];
type WithoutKey<T> = T extends unknown ? Omit<T, 'key'> : never;
/** What happened at one held gathering, in the order the console recorded it. */
type Session = { entries: Array<WithoutKey<EntryBody>>; minutes: string; outcomes?: string; summary: string };

const month = (day: string, n: number) => {
  const [y, m] = day.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 10);
};

/** Opens, records and closes a gathering that has taken place, then publishes its summary. */
async function hold(ctx: Ctx, actor: Actor, id: number, session: Session): Promise<void> {
  await actOnGathering(ctx, actor, id, { type: 'open' }, anyone);
  let n = 0;
  for (const entry of session.entries) {
    await recordEntry(ctx, actor, id, { ...entry, key: `demo-${id}-${n++}` } as EntryBody, anyone);
  }
  await actOnGathering(ctx, actor, id, { type: 'close', minutes: session.minutes, ...(session.outcomes ? { outcomes: session.outcomes } : {}) }, anyone);
  await actOnGathering(ctx, actor, id, { type: 'publish', summary: session.summary }, anyone);
}

/** Holds every gathering of a series whose day is before `today`; `session` tells what happened at the i-th, on `day`. */
async function holdPast(
  ctx: Ctx,
  actor: Actor,
  series: { gatherings: number[]; days: string[] },
  today: string,
  session: (i: number, day: string) => Session,
): Promise<void> {
  for (const [i, id] of series.gatherings.entries()) {
    if (series.days[i] < today) await hold(ctx, actor, id, session(i, series.days[i]));
  }
}

/** A one-page PDF of a forum's minutes, as the commune would scan and attach the signed copy. */
function minutesPdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: lines[0], CreationDate: new Date('2023-01-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // The font the server's PDFs ship prints the minutes' Vietnamese and Chinese.
    doc.font(shippedFont);
    doc.fontSize(15).text(lines[0], { align: 'center' }).moveDown();
    doc.fontSize(11);
    for (const line of lines.slice(1)) doc.text(line).moveDown(0.5);
    doc.end();
  });
}

export async function seedGatherings(seed: Ctx): Promise<void> {
  const ctx: Ctx = { db: seed.db, clock: seed.clock };
  const now = ctx.clock.now();
  const today = localDay(now, zone);
  const past = (day: string) => day < today;
  const unit = async (code: string) => (await resolveUnit(ctx.db, code, now))!;
  const admin = (await demoOfficialActor(ctx.db, 'demo.admin')) ?? system;

  // Anh Sơn: the district chairman receives citizens on the 10th and the 25th of every month.
  const anhSon = await unit('424');
  const anhSonTitle = 'Tiếp công dân định kỳ của Chủ tịch UBND huyện Anh Sơn';
  if (anhSon && !(await hasGatheringTitled(ctx.db, anhSon.id, anhSonTitle))) {
    const reception = await agencyOfKind(ctx.db, anhSon.id, 'citizen_reception');
    const land = await agencyOfKind(ctx.db, anhSon.id, 'land_registry');
    const series = await planSeries(ctx, system, anhSon, {
      unit: '424',
      kind: 'reception_day',
      title: anhSonTitle,
      hostRole: 'chairman',
      agencies: [reception, land].filter((a): a is number => a !== undefined),
      place: 'Trụ sở Tiếp công dân huyện Anh Sơn, thị trấn Anh Sơn',
      point: { lat: 18.9262, lng: 105.0797 },
      capacity: 20,
      topics: ['Đất đai', 'Chính sách', 'Vụ việc tồn đọng'],
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=10,25',
      firstDay: month(today, -3),
      untilDay: addDays(month(today, 4), -1),
      startTime: '07:30',
      minutes: 240,
      holidayRule: 'next_day',
    });
    await holdPast(ctx, admin, series, today, (i, day) => {
      const names = [['Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Văn Tâm'], ['Hoàng Thị Mai', 'Phan Văn Đức'], ['Đặng Văn Sơn', 'Ngô Thị Hoa', 'Vũ Văn Nam', 'Bùi Thị Thu']][i % 3];
      return {
        entries: [
          { type: 'attendance', names },
          {
            type: 'opinion',
            kind: 'complaint',
            body: 'Gia đình tôi chưa được cấp giấy chứng nhận quyền sử dụng đất dù đã nộp hồ sơ từ năm 2019.',
            resident: { name: names[0], address: 'Thị trấn Anh Sơn, huyện Anh Sơn' },
            consentToPublish: true,
          },
          {
            type: 'record',
            residentAccount: 'Hồ sơ cấp giấy chứng nhận nộp từ năm 2019, nhiều lần hỏi chưa được trả lời.',
            agencyAccount: 'Chi nhánh Văn phòng Đăng ký đất đai: hồ sơ thiếu trích đo, chưa thông báo cho gia đình.',
            conclusion: 'Chi nhánh đo đạc bổ sung và trình cấp giấy; thông báo kết quả cho gia đình.',
            responsible: 'Giám đốc Chi nhánh Văn phòng Đăng ký đất đai huyện',
            dueOn: addDays(day, 30),
          },
        ],
        minutes: `Chủ tịch UBND huyện tiếp ${names.length} công dân; ghi nhận ý kiến về cấp giấy chứng nhận quyền sử dụng đất.`,
        outcomes: 'Giao Chi nhánh Văn phòng Đăng ký đất đai giải quyết trong 30 ngày, báo cáo kết quả.',
        summary: `Buổi tiếp công dân định kỳ: ${names.length} lượt công dân được tiếp, 1 vụ việc được thống nhất "ba mặt một lời" và giao thời hạn giải quyết.`,
      };
    });
  }

  // Thanh Nho: "people ask, officials answer" forums, the commune's leader answering on the spot.
  const thanhNho = await unit('17719');
  if (thanhNho && !(await hasGatheringTitled(ctx.db, thanhNho.id, forumTitle))) {
    const leader = await demoOfficialActor(ctx.db, 'thanhnho.leader');
    const committee = await agencyOfKind(ctx.db, thanhNho.id, 'people_committee');
    const onStop = await agencyOfKind(ctx.db, thanhNho.id, 'one_stop_shop');
    const base = {
      unit: '17719',
      kind: 'forum' as const,
      title: forumTitle,
      ...(leader ? { host: leader.id } : {}),
      hostRole: 'chairman' as const,
      agencies: [committee, onStop].filter((a): a is number => a !== undefined),
      place: 'Hội trường UBND xã Thanh Nho',
      point: { lat: 18.7338, lng: 105.3316 },
    };
    const forums: Array<{ offset: number; session?: Session }> = [
      {
        offset: -56,
        session: {
          entries: [
            { type: 'attendance', count: 64 },
            { type: 'opinion', kind: 'question', body: 'Tôi muốn san lấp đất rừng để làm nhà ở có được không, cần thủ tục gì?', answerNow: 'Đất rừng sản xuất phải chuyển mục đích sử dụng sang đất ở trước khi xây dựng; hồ sơ nộp tại Bộ phận Một cửa xã.', consentToPublish: true },
            { type: 'opinion', kind: 'suggestion', body: 'Đề nghị sửa đoạn đường liên thôn bị sạt lở sau mưa lũ.', consentToPublish: true },
            { type: 'opinion', kind: 'question', body: 'Thủ tục tách hộ khẩu cần những giấy tờ gì?', answerNow: 'Đơn đề nghị, giấy tờ chứng minh chỗ ở hợp pháp; nộp tại Công an xã, giải quyết trong 7 ngày làm việc.', consentToPublish: true },
          ],
          minutes: 'Diễn đàn lần thứ nhất: 64 người dân tham dự, 3 ý kiến.',
          summary: 'Diễn đàn "Dân hỏi, cán bộ trả lời": 64 người dân tham dự, 3 ý kiến, 2 ý kiến được trả lời ngay tại diễn đàn, 1 ý kiến được chuyển xử lý.',
        },
      },
      {
        offset: -21,
        session: {
          entries: [
            { type: 'attendance', count: 58 },
            { type: 'opinion', kind: 'question', body: 'Cách cài đặt và dùng ứng dụng VssID bảo hiểm xã hội số?', answerNow: 'Tải VssID trên điện thoại, đăng ký bằng số định danh; cán bộ xã hướng dẫn tại Bộ phận Một cửa.', consentToPublish: true },
            { type: 'opinion', kind: 'suggestion', body: 'Đề nghị lắp thêm đèn chiếu sáng ở ngã ba xóm 5.', consentToPublish: true },
          ],
          minutes: 'Diễn đàn lần thứ hai: 58 người dân tham dự, 2 ý kiến.',
          summary: 'Diễn đàn lần thứ hai: 58 người dân tham dự, 2 ý kiến; hướng dẫn dùng ứng dụng VssID tại chỗ.',
        },
      },
      { offset: 14 },
    ];
    for (const f of forums) {
      const day = addDays(today, f.offset);
      const g = await planGathering(ctx, system, thanhNho, {
        ...base,
        ...(f.session ? {} : { capacity: 80, topics: ['Đất đai, xây dựng', 'Bảo hiểm xã hội', 'Đường giao thông nông thôn'] }),
        start: `${day}T19:30`,
        end: `${day}T21:30`,
      });
      if (f.session) await hold(ctx, leader ?? admin, g, f.session);
    }
  }

  // Thanh Thịnh: People's Saturday, the second Saturday of every month.
  const thanhThinh = await unit('17770');
  const saturdayTitle = 'Ngày thứ Bảy vì dân xã Thanh Thịnh';
  if (thanhThinh && !(await hasGatheringTitled(ctx.db, thanhThinh.id, saturdayTitle))) {
    const oneStop = await agencyOfKind(ctx.db, thanhThinh.id, 'one_stop_shop');
    const police = await agencyOfKind(ctx.db, thanhThinh.id, 'police');
    const series = await planSeries(ctx, system, thanhThinh, {
      unit: '17770',
      kind: 'outreach_day',
      title: saturdayTitle,
      agencies: [oneStop, police].filter((a): a is number => a !== undefined),
      place: 'Nhà văn hóa xóm, luân phiên các xóm',
      point: { lat: 18.7446, lng: 105.3561 },
      topics: ['Giải quyết thủ tục hành chính tại chỗ', 'Lắng nghe ý kiến người dân'],
      rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2',
      firstDay: month(today, -4),
      untilDay: addDays(month(today, 7), -1),
      startTime: '07:30',
      minutes: 240,
      holidayRule: 'skip',
    });
    await holdPast(ctx, admin, series, today, (i) => ({
      entries: [
        { type: 'attendance', count: 40 + 7 * i },
        { type: 'service', serviceType: 'procedures_received', count: 12 + i },
        { type: 'service', serviceType: 'people_guided', count: 25 + 3 * i },
        { type: 'opinion', kind: 'suggestion', body: 'Đề nghị nạo vét kênh tưới tiêu trước vụ hè thu.', consentToPublish: true },
      ],
      minutes: 'Cán bộ xã làm việc tại nhà văn hóa xóm, tiếp nhận hồ sơ và ý kiến của người dân.',
      summary: `Ngày thứ Bảy vì dân: ${40 + 7 * i} người dân đến, ${12 + i} hồ sơ được tiếp nhận tại chỗ, ${25 + 3 * i} lượt được hướng dẫn.`,
    }));
  }

  // The district land registry's "Saturday for the people" in Phúc Sơn, twice a month (first and third Saturdays).
  const phucSon = await unit('17374');
  const landTitle = 'Thứ Bảy vì dân: Văn phòng Đăng ký đất đai tại xã Phúc Sơn';
  if (phucSon && anhSon && !(await hasGatheringTitled(ctx.db, phucSon.id, landTitle))) {
    const land = await agencyOfKind(ctx.db, anhSon.id, 'land_registry');
    const series = await planSeries(ctx, system, phucSon, {
      unit: '17374',
      kind: 'service_day',
      title: landTitle,
      ...(land !== undefined ? { agencies: [land] } : {}),
      place: 'UBND xã Phúc Sơn',
      point: { lat: 19.0127, lng: 104.9528 },
      topics: ['Trao giấy chứng nhận quyền sử dụng đất', 'Đo đạc, hướng dẫn thủ tục đất đai'],
      rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1,3',
      firstDay: month(today, -3),
      untilDay: addDays(month(today, 3), -1),
      startTime: '07:00',
      minutes: 300,
      holidayRule: 'skip',
    });
    await holdPast(ctx, admin, series, today, (i) => ({
      entries: [
        { type: 'attendance', count: 90 + 5 * i },
        { type: 'service', serviceType: 'certificates_handed_over', count: 40 + 3 * i },
        { type: 'service', serviceType: 'people_measured', count: 120 + 10 * i },
        { type: 'service', serviceType: 'people_guided', count: 60 + 4 * i },
      ],
      minutes: 'Tổ công tác của Chi nhánh Văn phòng Đăng ký đất đai làm việc tại xã Phúc Sơn.',
      summary: `Trao ${40 + 3 * i} giấy chứng nhận quyền sử dụng đất, đo đạc cho ${120 + 10 * i} người, hướng dẫn ${60 + 4 * i} người.`,
    }));
  }

  const receptionTitle = 'Tiếp công dân định kỳ của Chủ tịch UBND xã Thanh Nho';
  if (thanhNho && !(await hasGatheringTitled(ctx.db, thanhNho.id, receptionTitle))) {
    const leader = await demoOfficialActor(ctx.db, 'thanhnho.leader');
    const series = await planSeries(ctx, system, thanhNho, {
      unit: '17719',
      kind: 'reception_day',
      title: receptionTitle,
      ...(leader ? { host: leader.id } : {}),
      hostRole: 'chairman',
      place: 'Phòng tiếp công dân, UBND xã Thanh Nho',
      point: { lat: 18.7338, lng: 105.3316 },
      capacity: 15,
      topics: ['Đất đai', 'Chính sách xã hội'],
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      firstDay: addDays(today, -28),
      untilDay: addDays(month(today, 3), -1),
      startTime: '07:30',
      minutes: 210,
      holidayRule: 'next_day',
    });
    const who = leader ?? admin;
    await holdPast(ctx, who, series, today, (i, day) => ({
      entries: [
        { type: 'attendance', names: i % 2 ? ['Nguyễn Thị Hằng', 'Lê Văn Bình'] : ['Trần Văn Quang'] },
        {
          type: 'record',
          residentAccount: i % 2 ? 'Ranh giới thửa đất với nhà bên cạnh bị lấn 1,5 m.' : 'Chưa nhận được tiền hỗ trợ hộ nghèo quý trước.',
          agencyAccount: i % 2 ? 'Công chức địa chính: bản đồ năm 2015 chưa chỉnh lý sau lần đo gần nhất.' : 'Bộ phận lao động – thương binh và xã hội: hồ sơ đang chờ huyện phê duyệt.',
          conclusion: i % 2 ? 'Đo đạc lại ranh giới có mặt hai hộ, lập biên bản.' : 'Đôn đốc huyện phê duyệt và chi trả cho gia đình.',
          responsible: i % 2 ? 'Công chức địa chính – xây dựng xã' : 'Công chức văn hóa – xã hội xã',
          dueOn: addDays(day, 14),
        },
      ],
      minutes: 'Chủ tịch UBND xã tiếp công dân định kỳ; nội dung ghi trong biên bản "ba mặt một lời".',
      summary: 'Buổi tiếp công dân định kỳ của Chủ tịch UBND xã; các vụ việc đã được thống nhất "ba mặt một lời" và giao thời hạn.',
    }));
    // One date to come is cancelled (the chairman attends the district's conference), the next moved to the Friday.
    const coming = series.days.filter((d) => !past(d));
    if (coming.length > 3) {
      await addException(ctx, who, series.id, { day: coming[1] }, anyone);
      await addException(ctx, who, series.id, { day: coming[2], moveTo: addDays(coming[2], 1) }, anyone);
    }

    // The signed minutes of the forum held three weeks ago, shown on its public page.
    const forum = (await gatheringsTitled(ctx.db, thanhNho.id, forumTitle)).filter((g) => g.state === 'published').pop();
    if (forum) {
      const pdf = await minutesPdf([
        'BIÊN BẢN DIỄN ĐÀN "DÂN HỎI, CÁN BỘ TRẢ LỜI" – XÃ THANH NHO',
        'Thành phần: Chủ tịch UBND xã (chủ trì), Bộ phận Một cửa, đại diện các xóm; 58 người dân tham dự.',
        '1. Hướng dẫn cài đặt và sử dụng ứng dụng VssID: cán bộ xã hướng dẫn trực tiếp tại Bộ phận Một cửa.',
        '2. Đề nghị lắp đèn chiếu sáng ở ngã ba xóm 5: giao UBND xã khảo sát, bố trí kinh phí.',
        'Biên bản đã được các bên thống nhất và ký.',
      ]);
      await attachMinutesFile(ctx, who, forum.id, { data: pdf, filename: 'bien-ban-dien-dan.pdf', public: true }, anyone);
    }
  }
}
