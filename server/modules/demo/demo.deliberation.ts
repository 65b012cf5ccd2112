/**
 * The deliberation of the demo world: a villager group council of 临江村 (Fenggang, article 003)
 * with matters at every stage, and Khối 10's consultation on its cemetery's three candidate sites
 * (Hưng Nguyên, article 004). Added once; a second run finds them and adds nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { addSubunit, resolveUnit } from '../units/index.ts';
import {
  changeConsultationStatus,
  councilMembers,
  createConsultation,
  createCouncil,
  findConsultationId,
  findCouncilId,
  getMatter,
  importElectorate,
  proposeMatters,
  recordPaperBallot,
  runMatterAction,
} from '../deliberation/index.ts';
import { consultationOptionIds, matterTaskIds } from './demo.queries.ts';

const actor = { kind: 'system', label: 'demo' } as const;
const groupCode = '520327101203-01';
const councilName = '临江村一组群众议事会';
const demoConsultationTitle = 'Lấy ý kiến chọn địa điểm di dời nghĩa trang Khối 10';

type Step = Record<string, unknown> & { type: string };

/** The matters of the group council and how far each has gone. */
const matters: Array<{ content: string; title: string; body: string; steps: Step[] }> = [
  {
    content: 'development',
    title: '项目地入股：一组土地以户入股茶叶基地',
    body: '150 亩项目用地“项目地、农户股”，按户入股，年底分红。',
    steps: [
      { type: 'open_evaluation' },
      { type: 'evaluate', member: 0, body: '群众意愿强，收益可预期，建议通过。' },
      { type: 'submit_for_review' },
      { type: 'review', outcome: 'approved' },
      { type: 'resolve', heldOn: '2023-04-12', present: [0, 1, 2, 3, 4], for: 5, against: 0, abstain: 0, minutes: '一组群众议事会会议记录' },
      { type: 'add_task', title: '丈量入股土地并签订入股协议', owner: '组长 张德富', dueOn: '2023-06-30' },
      { type: 'report_progress', task: 0, progress: 100, spent: 12000, note: '已签订协议 46 户' },
      { type: 'submit_for_inspection' },
      { type: 'inspect', verdicts: [{ task: 0, verdict: 'accepted', note: '协议已公示，无异议' }] },
    ],
  },
  {
    content: 'customs',
    title: '红白喜事简办：酒席不超过 20 桌',
    body: '倡导移风易俗，减轻群众负担。',
    steps: [{ type: 'open_evaluation' }],
  },
  {
    content: 'harmony',
    title: '一组人饮水管护公约',
    body: '明确水池管护人和用水纠纷调解办法。',
    steps: [{ type: 'open_evaluation' }, { type: 'submit_for_review' }],
  },
  {
    content: 'law',
    title: '修订村规民约：禁止乱占耕地建房',
    body: '',
    steps: [{ type: 'open_evaluation' }, { type: 'submit_for_review' }, { type: 'review', outcome: 'approved' }],
  },
  {
    content: 'morality',
    title: '评选“好婆婆、好媳妇”',
    body: '',
    steps: [
      { type: 'open_evaluation' },
      { type: 'submit_for_review' },
      { type: 'review', outcome: 'approved' },
      { type: 'resolve', heldOn: '2023-09-02', present: [0, 1, 2, 4], for: 4, against: 0, abstain: 0 },
      { type: 'add_task', title: '组织评选并张榜公布', owner: '妇女小组长 刘秀', dueOn: '2023-12-31' },
    ],
  },
];

async function seedGroupCouncil(db: Kysely<DB>, now: Date): Promise<void> {
  const village = await resolveUnit(db, '520327101203', now);
  if (!village) return;
  let group = await resolveUnit(db, groupCode, now);
  if (!group) {
    await addSubunit(db, actor, { parent: village, name: '临江村一组', level: 'group', names: { en: 'Linjiang Group 1' }, code: groupCode }, now);
    group = (await resolveUnit(db, groupCode, now))!;
  }
  if ((await findCouncilId(db, group.id, councilName)) !== undefined) return;
  const names = ['张德富', '王芳', '李国强', '刘秀', '陈大山'];
  const councilId = await createCouncil(
    db,
    actor,
    group,
    {
      unit: groupCode,
      kind: 'group_council',
      name: councilName,
      cosignersRequired: 5,
      members: names.map((name, i) => ({ name, role: i === 0 ? 'chair' : i === 1 ? 'secretary' : 'member', partyMember: i < 3, electedOn: '2021-03-01', termUntil: '2026-02-28' })),
    },
    now,
  );
  const memberIds = (await councilMembers(db, [councilId])).map((m) => Number(m.id));
  const ids = await proposeMatters(
    db,
    actor,
    councilId,
    matters.map((m, i) => ({ content: m.content as 'development', title: m.title, body: m.body, proposer: 'member', member: memberIds[i % memberIds.length] })),
    now,
  );
  for (const [i, m] of matters.entries()) {
    const taskIds: number[] = [];
    for (const step of m.steps) {
      const matter = (await getMatter(db, ids[i]))!;
      const body: Record<string, unknown> = { ...step };
      if (typeof step.member === 'number') body.member = memberIds[step.member];
      if (Array.isArray(step.present)) body.present = (step.present as number[]).map((n) => memberIds[n]);
      if (typeof step.task === 'number') body.task = taskIds[step.task];
      if (Array.isArray(step.verdicts)) body.verdicts = (step.verdicts as Array<{ task: number }>).map((v) => ({ ...v, task: taskIds[v.task] }));
      await runMatterAction({ db, actor, now }, matter, body as Parameters<typeof runMatterAction>[2], true);
      if (step.type === 'add_task') {
        
        taskIds.splice(0, taskIds.length, ...(await matterTaskIds(db, ids[i])));
      }
    }
  }
}

async function seedConsultation(db: Kysely<DB>, now: Date): Promise<void> {
  const block = await resolveUnit(db, '18001-K10', now);
  if (!block || (await findConsultationId(db, block.id, demoConsultationTitle)) !== undefined) return;
  const id = await createConsultation(
    db,
    actor,
    block,
    {
      unit: '18001-K10',
      title: demoConsultationTitle,
      body: 'Ba địa điểm được đề xuất để di dời nghĩa trang Khối 10; mỗi hộ chọn một địa điểm.',
      electorate: 'household',
      closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      options: [
        { title: 'Vùng Cồn Mồ', body: 'Cách khu dân cư 1,2 km, đất đồi.', placeName: 'Cồn Mồ', lat: 18.6785, lng: 105.6412 },
        { title: 'Đồng Bàu Sen', body: 'Gần đường liên xã, phải san lấp.', placeName: 'Bàu Sen', lat: 18.6721, lng: 105.6508 },
        { title: 'Rú Cồn Trăng', body: 'Xa khu dân cư, đường vào hẹp.', placeName: 'Cồn Trăng', lat: 18.6849, lng: 105.6333 },
      ],
    },
    now,
  );
  const households = Array.from({ length: 12 }, (_, i) => `H${String(i + 1).padStart(2, '0')},Hộ số ${i + 1},${i < 8 ? `09120100${String(i + 1).padStart(2, '0')}` : ''}`);
  await importElectorate(db, actor, id, ['ref,name,phone', ...households].join('\n'), now);
  await changeConsultationStatus(db, actor, id, 'open', now);
  
  const options = await consultationOptionIds(db, id);
  for (const [ref, option] of [['H09', 0], ['H10', 0], ['H11', 1], ['H12', 2]] as const) {
    await recordPaperBallot(db, actor, id, { voter: ref, option: options[option] }, now);
  }
}

/** Adds the demo's councils, matters and consultation where they are missing. */
export async function seedDeliberation(ctx: { db: Kysely<DB>; clock: Clock }): Promise<void> {
  const now = ctx.clock.now();
  await seedGroupCouncil(ctx.db, now);
  await seedConsultation(ctx.db, now);
}
