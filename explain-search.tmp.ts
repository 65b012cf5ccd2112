import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { queryTerms } from './server/modules/knowledge/knowledge.text.ts';
import { searchArticles } from './server/modules/knowledge/knowledge.queries.ts';
const pool = new pg.Pool({ connectionString: 'postgres://postgres:postgres@127.0.0.1:5432/zd_bench', max: 1 });
const captured: Array<{ sql: string; p: unknown[] }> = [];
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === 'query') captured.push({ sql: e.query.sql, p: [...e.query.parameters] }); } });
const unit = (await sql<{ path: string }>`select path from units where code = '26659'`.execute(db)).rows[0];
const question = process.argv[2] ?? 'thủ tục đăng ký khai sinh cần giấy tờ gì';
const f = { unitPath: unit.path, today: '2026-12-07', limit: 10 };
for (let i = 0; i < 5; i++) { const t = performance.now(); const hits = await searchArticles(db as any, queryTerms(question), f); console.log('ms', (performance.now() - t).toFixed(2), hits.length, hits.slice(0,3).map(h=>h.id).join(',')); }
const last = captured[captured.length - 1];
const r = await pool.query('explain (analyze, buffers, summary) ' + last.sql, last.p);
console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
await pool.end();
