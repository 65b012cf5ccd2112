/**
 * The read paths added after the first bench (article and petition search, the public list and map, Open311, the
 * gathering calendar and its feed, a province's scorecards and report), each with its target.
 * Every path is probed once first: one that does not answer 200 is recorded with its status,
 * not measured, so a broken path shows in the table instead of stopping the run.
 */
import { Pool } from 'undici';
import { loop, type Summary } from './measure.ts';
import { day } from './workload.ts';
import type { BenchContext, Sessions } from './scenarios.ts';

interface PathTarget {
  /** What the table calls it. */
  name: string;
  request: string;
  /** The p95 in milliseconds the path must stay under. */
  p95: number;
  /** A session token for the staff paths. */
  token?: string;
}

export type PathResult = { request: string; targetP95: number; summary: Summary } | { request: string; targetP95: number; status: number; answer: string };

function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The paths to measure over the bench's world: the busiest commune's province, a year back. */
function pathsOf(ctx: BenchContext, sessions: Sessions): PathTarget[] {
  const commune = ctx.world.communes.reduce((a, b) => (b.weight > a.weight ? b : a));
  const province = ctx.world.provinces[commune.province];
  const p = encodeURIComponent(province.code);
  const c = encodeURIComponent(commune.code);
  const lastMonth = monthOf(ctx.meta.now - 31 * day);
  const year = new Date(ctx.meta.now - 31 * day).getUTCFullYear();
  const leader = sessions.provinceLeader.token;
  const handler = sessions.communeHandler.token;
  return [
    { name: 'staff search, Vietnamese words (commune handler)', request: `/api/v1/knowledge/search?q=${encodeURIComponent('đường ngập nước')}&unit=${c}`, p95: 30, token: handler },
    { name: 'staff search, Chinese words (commune handler)', request: `/api/v1/knowledge/search?q=${encodeURIComponent('道路积水')}&unit=${c}`, p95: 30, token: handler },
    { name: "residents' article search in a commune, Vietnamese question", request: `/api/v1/knowledge/articles?q=${encodeURIComponent('thủ tục đăng ký khai sinh cần giấy tờ gì')}&unit=${c}&lang=vi`, p95: 30 },
    { name: "residents' article search in a commune, Chinese question", request: `/api/v1/knowledge/articles?q=${encodeURIComponent('户口迁移需要什么证件')}&unit=${c}&lang=zh`, p95: 30 },
    { name: 'public list of a province, newest', request: `/api/v1/petitions/public?unit=${p}&limit=20`, p95: 30 },
    { name: 'public map of a province: open petitions, 200 at most', request: `/api/v1/petitions/public?unit=${p}&open=true&limit=200`, p95: 50 },
    { name: '"already reported?" words in a commune (duplicate suggestion)', request: `/api/v1/petitions/public?unit=${c}&q=${encodeURIComponent('Đoạn đường qua xóm ngập sâu sau mưa')}&limit=5`, p95: 5 },
    { name: 'Open311 GET requests of a province (JSON)', request: `/open311/v2/requests.json?jurisdiction_id=${p}`, p95: 30 },
    { name: 'Open311 GET requests of a province, one page of 50 (page_size)', request: `/open311/v2/requests.json?jurisdiction_id=${p}&page_size=50`, p95: 30 },
    { name: 'gathering calendar of a province', request: `/api/v1/gatherings/public?unit=${p}`, p95: 30 },
    { name: 'gathering calendar of a commune as an iCalendar feed', request: `/api/v1/units/${c}/gatherings/calendar.ics`, p95: 30 },
    { name: `scorecards of every official of a province, year ${year}`, request: `/api/v1/scorecards/units/${p}/officials?period=${year}`, p95: 2000, token: leader },
    { name: `monthly report of a province (${lastMonth}), staff version`, request: `/api/v1/reports?unit=${p}&period=${lastMonth}&audience=staff`, p95: 1000, token: leader },
    { name: `monthly report of a province (${lastMonth}) as a PDF`, request: `/api/v1/reports/pdf?unit=${p}&period=${lastMonth}&lang=vi`, p95: 2000, token: leader },
  ];
}

async function fetchPath(pool: Pool, target: PathTarget): Promise<{ status: number; text: string }> {
  const res = await pool.request({ method: 'GET', path: target.request, headers: target.token ? { authorization: `Bearer ${target.token}` } : {} });
  // The body is read whole, as a client would, whatever its type (JSON, iCalendar, PDF).
  const text = await res.body.text();
  return { status: res.statusCode, text };
}

export async function measurePaths(ctx: BenchContext, url: string, sessions: Sessions, opts: { seconds: number }): Promise<Record<string, PathResult>> {
  const origin = new URL(url);
  if (origin.hostname !== '127.0.0.1') throw new Error('the bench targets 127.0.0.1 only');
  const pool = new Pool(origin.origin, { connections: 4, pipelining: 1, keepAliveTimeout: 60_000 });
  const out: Record<string, PathResult> = {};
  try {
    for (const target of pathsOf(ctx, sessions)) {
      const probe = await fetchPath(pool, target);
      if (probe.status !== 200) {
        ctx.log(`path: ${target.name}: answered ${probe.status}`);
        out[target.name] = { request: target.request, targetP95: target.p95, status: probe.status, answer: probe.text.slice(0, 200) };
        continue;
      }
      ctx.log(`path: ${target.name}`);
      // Slow paths (a PDF, a province's scorecards) get fewer workers so the machine is not just queueing.
      const concurrency = target.p95 >= 1000 ? 1 : 4;
      const summary = await loop({ concurrency, seconds: opts.seconds, maxOps: 20_000, warmupOps: concurrency * 2 }, async () => {
        const r = await fetchPath(pool, target);
        if (r.status !== 200) throw new Error(`${target.request}: ${r.status}`);
      });
      out[target.name] = { request: target.request, targetP95: target.p95, summary };
    }
    return out;
  } finally {
    await pool.close();
  }
}
