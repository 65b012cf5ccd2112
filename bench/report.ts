/** The results as JSON, a markdown table, and the table in docs/PERFORMANCE.md between its markers. */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server.ts';
import type { Summary } from './measure.ts';
import type { Results } from './scenarios.ts';
import type { PathResult } from './paths.ts';

const begin = '<!-- bench:begin (written by npm run bench) -->';
const end = '<!-- bench:end -->';

const isSummary = (x: unknown): x is Summary => !!x && typeof x === 'object' && 'p50' in x && 'throughput' in x;
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '–');
const rate = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '–');

function row(what: string, s: unknown, target = '', verdict = ''): string {
  if (!isSummary(s)) {
    const why = s && typeof s === 'object' && 'reason' in s ? String((s as { reason: unknown }).reason) : s && typeof s === 'object' && 'status' in s ? `endpoint answered ${String((s as { status: unknown }).status)}` : 'not measured';
    return `| ${what} | – | – | – | – | – | ${target} | ${verdict || why} |`;
  }
  return `| ${what} | ${rate(s.throughput)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.count.toLocaleString('en')}${s.errors ? ` (${s.errors} errors)` : ''} | ${target} | ${verdict} |`;
}

const met = (ok: boolean) => (ok ? 'met' : '**missed**');

interface FiguresLevel {
  unit: string;
  endpoint: unknown;
  naive?: unknown;
}

function section(title: string, r: Results['postgres'], targets: boolean, petitions = 0): string[] {
  const lines = [`### ${title}`, '', '| measurement | per second | p50 ms | p95 ms | p99 ms | samples | target | verdict |', '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |'];
  const intake = r.intake as (Summary & { statuses?: Record<string, number> }) | undefined;
  const limit = r.limit as Summary | undefined;
  if (intake || limit) {
    const intakeOk = isSummary(intake) && intake.throughput >= 1000 && intake.p99 <= 50;
    lines.push(row('intake: POST /api/v1/petitions, 32 connections', intake, targets ? '≥ 1,000/s, p99 ≤ 50 ms' : '', targets && isSummary(intake) ? met(intakeOk) : ''));
    lines.push(row('limit: the same command in-process, 32 at once', limit));
    if (isSummary(intake) && isSummary(limit)) {
      const ratio = intake.throughput / limit.throughput;
      lines.push(`| intake / limit | ${(ratio * 100).toFixed(0)}% | | | | | ${targets ? '≥ 70%' : ''} | ${targets ? met(ratio >= 0.7) : ''} |`);
    }
  }
  const reads = r.reads as { tracking: Summary; inbox: Record<string, { request: string; summary: Summary; items: number }> } | undefined;
  if (reads) {
    lines.push(row('tracking lookup, 8 connections', reads.tracking, targets ? 'p99 ≤ 5 ms' : '', targets ? met(reads.tracking.p99 <= 5) : ''));
    for (const [name, v] of Object.entries(reads.inbox)) {
      lines.push(row(`inbox, ${name} (4 connections)`, v.summary, targets ? 'p95 ≤ 20 ms' : '', targets ? met(v.summary.p95 <= 20) : ''));
    }
  }
  const figures = r.figures as Record<string, FiguresLevel> | undefined;
  if (figures) {
    // These targets are over 1e7 petitions: a smaller data set says how it did there, not "met".
    const limits: Record<string, number> = { country: 50, commune: 20 };
    for (const [level, v] of Object.entries(figures)) {
      const limit = limits[level];
      const target = targets && limit ? `p95 ≤ ${limit} ms (over 1e7)` : '';
      const verdict = !target || !isSummary(v.endpoint)
        ? ''
        : petitions >= 1e7
          ? met(v.endpoint.p95 <= limit)
          : `${v.endpoint.p95 <= limit ? `under ${limit} ms` : `over ${limit} ms`} over ${petitions.toLocaleString('en')}; 1e7 not run`;
      lines.push(row(`/api/v1/figures, ${level} (${v.unit}), one year`, v.endpoint, target, verdict));
      if (v.naive !== undefined) lines.push(row(`naive GROUP BY, ${level}`, v.naive, 'reference'));
    }
  }
  const paths = r.paths as Record<string, PathResult> | undefined;
  for (const [name, v] of Object.entries(paths ?? {})) {
    const target = targets ? `p95 ≤ ${v.targetP95.toLocaleString('en')} ms` : '';
    const summary = 'summary' in v ? v.summary : { status: v.status };
    lines.push(row(`${name} (${v.request.split('?')[0]})`, summary, target, targets && 'summary' in v ? met(v.summary.p95 <= v.targetP95) : ''));
  }
  const check = r.check as { identical: boolean; petitions: number } | undefined;
  if (check) lines.push(`| figures fast path = naive GROUP BY on ${check.petitions.toLocaleString('en')} petitions | | | | | | identical | ${met(check.identical)} |`);
  const sweep = r.sweep as Record<string, unknown> | undefined;
  if (sweep) {
    if ('nothingDue' in sweep) {
      const nothing = sweep.nothingDue as Summary;
      lines.push(row(`deadline sweep, nothing due (${Number(sweep.openPetitions).toLocaleString('en')} open petitions)`, nothing, targets ? '≤ 5 ms' : '', targets ? met(nothing.p95 <= 5) : ''));
      const due = sweep.onePercentDue as { falling: number; seconds: number; perSecond: number; result: { overdue: number; failed: number }; secondSweep: { overdue: number } };
      lines.push(
        `| deadline sweep, 1% falls due: ${due.falling.toLocaleString('en')} of ${Number(sweep.openPetitions).toLocaleString('en')} open petitions, one sweep | ${rate(due.perSecond)} | | | | ${due.result.overdue.toLocaleString('en')} handled in ${due.seconds} s${due.result.failed ? `, ${due.result.failed} failed` : ''}; the next sweep: ${due.secondSweep.overdue} | | |`,
      );
    } else lines.push(row('deadline sweep', sweep, targets ? 'nothing due ≤ 5 ms' : ''));
  }
  return lines;
}

function loadLine(label: string, load: unknown): string {
  if (!load || typeof load !== 'object') return '';
  const l = load as { petitions: number; rows: Record<string, number>; copySeconds: number; indexSeconds: number; rollupSeconds?: number; totalSeconds: number; unitsSeconds?: number };
  const rows = Object.values(l.rows).reduce((a, b) => a + b, 0);
  return `- ${label}: ${l.petitions.toLocaleString('en')} petitions (${rows.toLocaleString('en')} rows with petitioners, timeline events, ratings and audit events) in ${l.totalSeconds.toFixed(0)} s: COPY ${l.copySeconds.toFixed(0)} s, indexes and constraints ${l.indexSeconds.toFixed(0)} s, figures' rollups rebuilt ${(l.rollupSeconds ?? 0).toFixed(0)} s (${Math.round(l.petitions / l.totalSeconds).toLocaleString('en')} petitions/s); unit tree ${l.unitsSeconds?.toFixed(1) ?? '?'} s.`;
}

/**
 * Two cores are easily shared: say when other work was running during the measurements. The
 * bench's own steps (a server, its client, PostgreSQL; the direct writes' 32 writers) keep the
 * 1-minute load average between 1.5 and 5, and it is read just after the step before: above
 * 5.5 means other work too.
 */
function busyLine(loadAverage: Record<string, number> | undefined): string {
  const entries = Object.entries(loadAverage ?? {});
  if (!entries.length) return '';
  const busy = entries.filter(([, v]) => v > 5.5);
  const list = entries.map(([k, v]) => `${k} ${v}`).join(', ');
  return busy.length
    ? `**The machine was busy with other work during this run** (1-minute load average before each step: ${list}; the bench's own steps account for up to 5); on 2 cores that slows every figure below.\n`
    : `1-minute load average before each step: ${list} (the bench's own server, client and database; nothing else ran).\n`;
}

export function markdown(results: Results): string {
  const m = results.machine;
  const o = results.options;
  const lines = [
    `Run ${results.startedAt} → ${results.finishedAt ?? '?'}; ${Number(o.petitions).toLocaleString('en')} petitions on PostgreSQL, ${Number(o.embedded).toLocaleString('en')} on the embedded database; seed \`${String(o.seed)}\`.`,
    '',
    `Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB memory, Node ${m.node}, PostgreSQL ${m.postgres ?? '?'} (${m.postgresSettings ?? 'settings not read'}; reached over ${String(o.via ?? 'TCP')}, ${String(o.pool ?? 10)} connections per process), ${m.os}.`,
    '',
    busyLine(results.loadAverage),
    loadLine('Load, PostgreSQL', results.postgres.load),
    loadLine('Load, embedded', results.embedded.load),
    '',
    ...section(`PostgreSQL, ${Number(o.petitions).toLocaleString('en')} petitions`, results.postgres, true, Number(o.petitions)),
    '',
  ];
  if (Object.keys(results.embedded).length) lines.push(...section(`Embedded (PGlite), ${Number(o.embedded).toLocaleString('en')} petitions`, results.embedded, false), '');
  if (results.embedded.error) lines.push(`The embedded part stopped: ${String(results.embedded.error).split('\n')[0]}`, '');
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}

export function writeReport(results: Results, opts: { dir: string; docs: boolean }): { json: string; markdown: string; docs?: string } {
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const json = path.join(opts.dir, `${stamp}.json`);
  const md = path.join(opts.dir, `${stamp}.md`);
  fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const table = markdown(results);
  fs.writeFileSync(md, `${table}\n`);
  if (!opts.docs) return { json, markdown: md };
  const docs = path.join(repoRoot, 'docs/PERFORMANCE.md');
  const text = fs.existsSync(docs) ? fs.readFileSync(docs, 'utf8') : `# Performance\n\n${begin}\n${end}\n`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  const next = a >= 0 && b > a ? `${text.slice(0, a + begin.length)}\n${table}\n${text.slice(b)}` : `${text}\n${begin}\n${table}\n${end}\n`;
  fs.writeFileSync(docs, next);
  return { json, markdown: md, docs };
}
