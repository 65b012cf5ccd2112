/**
 * Robustness of every /api route of the real app, on both backends: each route is walked as an
 * anonymous caller, a deployment-wide administrator and a resident, with malformed, empty,
 * mistyped, oversized and hostile input built from the route's own schemas. Whatever is sent:
 * never a 5xx; errors are `{ error: { code, message, details? } }` in the caller's language
 * (Vietnamese here) without stack traces or SQL; input the schemas refuse gets a 4xx; and a
 * refused request stores nothing (row counts of every table are compared).
 *
 * Inputs vary with a seeded generator: ZD_FUZZ_SEED=<n> replays a run (failures print the seed);
 * ZD_FUZZ_ROUTE=<part of "METHOD /url"> walks only the matching routes.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RouteOptions } from 'fastify';
import { backends } from '../test/databases.ts';
import { createTestApp, type TestApp } from '../test/server.ts';
import { allows, anonymous, type Access, type Actor } from '../platform/access.ts';
import { resolveSession } from '../platform/sessions.ts';
import { createRandom, seedFromEnv } from '../test/random.ts';
import { answerProblems, type ErrorBody } from './checks.ts';
import { baselineBodies, baselineParams, buildCases, deal, type Case, type RouteInfo } from './cases.ts';
import { declaredPaths, schemaPropertyPaths } from './schema.ts';
import { validatorCompiler } from '../platform/validation.ts';
import { countChanges, rowCounts, tableNames, type RowCounts } from './rowCounts.ts';
import { baselines, callers, createFuzzWorld, type CallerName, type FuzzWorld } from './world.ts';

const seed = seedFromEnv();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-robustness-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * Failures already reported to the module's engineers while the module is being written: each
 * names its route and the problems it covers. Those problems are checked in a subtest of their
 * own marked TODO, so they show in every run without failing it; anything else on the route
 * still fails. Remove an entry once its TODO subtest passes.
 */
const knownFailures: Array<{ route: string; problem: RegExp; reason: string }> = [];

/**
 * Refusals that record something on purpose: a refused sign-in or password setup counts the
 * attempt before anything is checked (server/modules/people/signInAttempts.ts); a wrong
 * access key is counted against its petition.
 */
const countedAttempts = ['sign_in_attempts'];
const storedOnPurpose: Record<string, string[]> = {
  ...Object.fromEntries(
    [
      'invalid_credentials',
      'sign_in_throttled',
      'setup_code_invalid',
      'password_blank',
      'password_control_characters',
      'weak_password',
      'password_personal',
      'password_guessable',
    ].map((code) => [code, countedAttempts]),
  ),
  // A wrong access key counts towards the petition's daily limit of wrong keys.
  invalid_access_key: ['access_key_failures'],
};

// Sign-in keeps its own (low) limit, so argon2 runs only a few times per route; anonymous
// petitions are not held back, so that the walk reaches the intake's handler every time.
const config = { dataDir, rateLimits: { signInPerMinute: 10, anonymousWritesPerMinute: 1_000_000 } };

function routeInfo(r: RouteOptions): RouteInfo {
  const schema = (r.schema ?? {}) as RouteInfo['schema'];
  return {
    method: [r.method].flat()[0],
    url: r.url,
    access: (r.config as { access?: unknown } | undefined)?.access,
    schema: { body: schema.body, querystring: schema.querystring, params: schema.params },
  };
}

/** The status every request of a caller who may not call the route gets, before anything else. */
function refusalFor(access: unknown, name: CallerName): number | undefined {
  const actor: Actor =
    name === 'anonymous'
      ? anonymous
      : name === 'resident'
        ? { kind: 'resident', id: 0, name: '', phone: null, email: null }
        : { kind: 'official', id: 0, name: '', username: '', agencyId: null, grants: [{ unitId: null, unitCode: null, unitPath: '/', role: 'administrator' }] };
  if (allows(access as Access, actor)) return undefined;
  return name === 'anonymous' ? 401 : 403;
}

for (const backend of backends) {
  describe(`robustness: every /api route [${backend}]`, () => {
    let t: TestApp;
    let world: FuzzWorld;
    let tables: string[];
    const registered: RouteInfo[] = [];

    before(async () => {
      t = await createTestApp(backend, { config, onRoute: (r) => void registered.push(routeInfo(r)) });
      world = await createFuzzWorld(t);
      tables = await tableNames(t.ctx.database);
    });
    after(async () => {
      await t?.close();
    });

    test('the walk sees the modules’ routes and every table', () => {
      const api = registered.filter((r) => r.url.startsWith('/api/'));
      assert.ok(api.some((r) => r.url === '/api/v1/petitions' && r.method === 'POST'), 'petition intake is walked');
      assert.ok(api.some((r) => r.url === '/api/v1/officials/:id/actions'), 'officials actions are walked');
      assert.ok(tables.includes('petitions') && tables.includes('audit_events'), `tables: ${tables.join(', ')}`);
      assert.deepEqual(
        api.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`),
        [],
        'every route declares who may call it',
      );
      const stale = knownFailures.map((k) => k.route).filter((key) => !api.some((r) => `${r.method} ${r.url}` === key));
      assert.deepEqual(stale, [], 'known failures name routes that exist');
    });

    test('the valid requests the walk starts from pass their routes’ schemas', () => {
      // A baseline that drifted from its schema is refused by the validator, and every case
      // built from it stops there instead of reaching the handler.
      const fixtures = baselines(world);
      const drifted: string[] = [];
      for (const route of registered.filter((r) => r.method !== 'HEAD')) {
        const baseline = fixtures[`${route.method} ${route.url}`];
        if (!baseline) continue;
        const check = (part: 'body' | 'querystring' | 'params', value: unknown) => {
          const schema = route.schema[part];
          if (!schema) return;
          const validate = validatorCompiler({ schema, httpPart: part, method: route.method, url: route.url }) as ((v: unknown) => boolean) & { errors?: unknown };
          if (!validate(structuredClone(value))) drifted.push(`${route.method} ${route.url} ${part}: ${JSON.stringify(validate.errors)}`);
        };
        for (const body of baseline.bodies ?? []) check('body', body);
        check('querystring', baseline.query ?? {});
        check('params', baselineParams(route, baseline));
      }
      assert.deepEqual(drifted, []);
    });

    test('the walk reaches every field every route declares, in every variant', () => {
      // Broken values are sent field by field from the baselines: a field no baseline carries
      // would never be walked (deep nesting, long arrays, wrong types …).
      const fixtures = baselines(world);
      const unreached: string[] = [];
      for (const route of registered.filter((r) => r.url.startsWith('/api/') && r.schema.body)) {
        const body = route.schema.body!;
        const key = `${route.method} ${route.url}`;
        const reached = new Set(baselineBodies(route, fixtures[key] ?? {}).flatMap((b) => declaredPaths(body, b).map((d) => d.path.join('.'))));
        for (const field of schemaPropertyPaths(body)) if (!reached.has(field)) unreached.push(`${key}: ${field}`);
      }
      assert.deepEqual(unreached, [], 'give the route a baseline body that carries these fields (world.ts)');
    });

    test('a path no route claims, or that does not decode, answers 4xx in the one error shape', async () => {
      for (const url of ['/api/v1/nope', '/api/v1/petitions/1/nope', '/api/v2/units', '/api/v1/%ZZ', '/api/v1/units/%00/service-points/x', `/api/v1/${'a'.repeat(5000)}`]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'vi' } });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
        assert.deepEqual(answerProblems(res), [], `${url}: ${res.body}`);
      }
    });

    test('an unknown unit is 400 unknown_unit on every route that takes a unit in its query or body, and 404 in its path', async () => {
      const fixtures = baselines(world);
      const headers = { ...(await world.headersFor('administrator')), 'accept-language': 'vi' };
      const drift: string[] = [];
      let tried = 0;
      for (const route of registered.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')) {
        const baseline = fixtures[`${route.method} ${route.url}`];
        if (!baseline) continue;
        const params = baselineParams(route, baseline);
        const url = (p: Record<string, string>, query: Record<string, string> = {}) => {
          const path = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(p[name] ?? ''));
          const qs = new URLSearchParams(query).toString();
          return qs ? `${path}?${qs}` : path;
        };
        const send = async (where: string, expected: [number, string], p: Record<string, string>, query?: Record<string, string>, payload?: unknown) => {
          tried++;
          const res = await t.app.inject({ method: route.method as 'GET', url: url(p, query), headers, ...(payload === undefined ? {} : { payload: payload as object }) });
          const code = res.json().error?.code;
          if (res.statusCode !== expected[0] || code !== expected[1]) drift.push(`${route.method} ${route.url} (${where}): ${res.statusCode} ${code}`);
        };
        const body = baseline.bodies?.[0];
        if (baseline.query?.unit !== undefined) await send('query', [400, 'unknown_unit'], params, { ...baseline.query, unit: 'ZZ0000404' }, body);
        if (body && typeof body === 'object' && 'unit' in body && typeof (body as { unit: unknown }).unit === 'string') {
          await send('body', [400, 'unknown_unit'], params, baseline.query, { ...body, unit: 'ZZ0000404' });
        }
        if (route.url.startsWith('/api/v1/units/:code') && route.method === 'GET') await send('path', [404, 'not_found'], { ...params, code: 'ZZ0000404' }, baseline.query);
      }
      assert.ok(tried > 20, `only ${tried} routes take a unit`);
      assert.deepEqual(drift, []);
    });

    test('every route, every caller, broken input', async (tt) => {
      const fixtures = baselines(world);
      // ZD_FUZZ_ROUTE=<part of "METHOD /url"> walks only the matching routes, to replay one.
      const only = process.env.ZD_FUZZ_ROUTE;
      const routes = registered.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && (!only || `${r.method} ${r.url}`.includes(only)));
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        const known = knownFailures.filter((k) => k.route === key);
        let failures: string[] = [];
        await tt.test(key, async () => {
          failures = await walkRoute(t, world, tables, route, fixtures[key] ?? {});
          const unknown = failures.filter((f) => !known.some((k) => k.problem.test(f)));
          assert.ok(
            unknown.length === 0,
            `${unknown.length} problem(s) on ${key} (ZD_FUZZ_SEED=${seed}):\n${unknown.slice(0, 200).join('\n')}`,
          );
        });
        for (const k of known) {
          await tt.test(`${key}: known failure, ${k.reason}`, { todo: k.reason }, () => {
            const still = failures.filter((f) => k.problem.test(f));
            assert.ok(still.length === 0, `still failing (ZD_FUZZ_SEED=${seed}):\n${still.join('\n')}`);
          });
        }
      }
      const unwalked = Object.keys(fixtures).filter((k) => !registered.some((r) => `${r.method} ${r.url}` === k));
      assert.deepEqual(unwalked, [], 'every baseline names a route that exists');
    });
  });
}

/**
 * Every caller meets every kind of broken input on every route. Callers who may call the route
 * share the cases of each kind between them (dealt by the seeded generator), so that the walk
 * stays short while each case is sent at least once; callers turned away at the door get one
 * case of each broad kind, and must be turned away whatever they send.
 */
async function walkRoute(t: TestApp, world: FuzzWorld, tables: string[], route: RouteInfo, baseline: Parameters<typeof buildCases>[1]): Promise<string[]> {
  const failures: string[] = [];
  const isWrite = route.method !== 'GET';
  // One generator per route: a route's inputs do not depend on which routes came before it.
  const random = createRandom(seed ^ hash(`${route.method} ${route.url}`));
  const cases = buildCases(route, baseline, random);
  const allowed = callers.filter((name) => refusalFor(route.access, name) === undefined);
  const dealt = deal(cases, allowed, random);
  // Kinds broadly: wrong types, edge values, path, query, malformed JSON … (the group's first word).
  const oneOfEachKind = [...new Map(random.sample(cases, cases.length).map((c) => [c.group.split(' ')[0], c])).values()];
  let enChecked = false;

  for (const caller of callers) {
    let headers = await world.headersFor(caller);
    const refusal = refusalFor(route.access, caller);
    const mine = refusal === undefined ? cases.filter((c) => dealt.get(c)?.includes(caller)) : oneOfEachKind;
    const refused = mine.filter((c) => c.phase === 'refused');
    const edge = mine.filter((c) => c.phase === 'edge');
    const fail = (c: Case, status: number, body: string, why: string) =>
      failures.push(`  as ${caller}, ${c.label}: ${why} [${status}] ${body.slice(0, 300)}`);

    const send = (c: Case, locale = 'vi') =>
      t.app.inject({
        method: route.method as 'GET',
        url: c.url,
        headers: { 'accept-language': locale, ...headers, ...c.headers },
        payload: c.payload,
      });

    const judge = async (c: Case, res: Awaited<ReturnType<typeof send>>) => {
      for (const problem of answerProblems(res)) fail(c, res.statusCode, res.body, problem);
      if (!c.mayReroute && refusal !== undefined && res.statusCode !== refusal) {
        fail(c, res.statusCode, res.body, `expected ${refusal}: this caller may not call the route`);
      } else if (!c.mayReroute && refusal === undefined && c.expect && !c.expect.includes(res.statusCode)) {
        fail(c, res.statusCode, res.body, `expected ${c.expect.join(' or ')}`);
      }
      if (c.phase === 'refused' && res.statusCode < 400) fail(c, res.statusCode, res.body, 'accepted input it must refuse');
      // The same validation error in English must read differently.
      if (!enChecked && refusal === undefined && res.statusCode === 400) {
        const code = safeCode(res.body);
        if (code === 'invalid_input' || code === 'malformed_json') {
          enChecked = true;
          const en = await send(c, 'en');
          if (en.statusCode !== 400 || messageOf(en.body) === messageOf(res.body)) {
            fail(c, en.statusCode, en.body, 'the English message is the same as the Vietnamese one');
          }
          for (const problem of answerProblems(en, 'en')) fail(c, en.statusCode, en.body, `in English: ${problem}`);
        }
      }
    };

    // A caller signed out by the route itself (sign-out) gets a new session for the next case.
    const keepSignedIn = async () => {
      const token = headers.authorization?.slice('Bearer '.length);
      if (token && !(await resolveSession(t.ctx.db, token, t.clock.now()))) headers = await world.headersFor(caller);
    };

    // Input the schemas refuse: all of it together must leave every table as it was.
    const before = await rowCounts(t.ctx.database, tables);
    for (const c of refused) await judge(c, await send(c));
    const changed = countChanges(before, await rowCounts(t.ctx.database, tables));
    if (changed.length) failures.push(`  as ${caller}, refused input stored rows: ${changed.join('; ')}`);

    // Edge values may be accepted; each one a handler refuses must have stored nothing. (A
    // refusal by the schema validator never reaches a handler; the phase above shows it.)
    let counts: RowCounts = await rowCounts(t.ctx.database, tables);
    for (const c of edge) {
      const res = await send(c);
      await judge(c, res);
      if (res.statusCode < 400) {
        await keepSignedIn();
        if (isWrite) counts = await rowCounts(t.ctx.database, tables);
      } else if (isWrite && refusal === undefined && !refusedBeforeHandler(res.body)) {
        const now = await rowCounts(t.ctx.database, tables);
        const diff = countChanges(counts, now, storedOnPurpose[safeCode(res.body)] ?? []);
        if (diff.length) fail(c, res.statusCode, res.body, `refused but stored rows: ${diff.join('; ')}`);
        counts = now;
      }
    }
    // Reads, and callers turned away at the door, change nothing at all.
    if (!isWrite || refusal !== undefined) {
      const diff = countChanges(counts, await rowCounts(t.ctx.database, tables));
      if (diff.length) failures.push(`  as ${caller}, ${isWrite ? 'turned-away requests' : 'a read'} changed rows: ${diff.join('; ')}`);
    }
  }
  return failures;
}

/** Refusals the platform gives before any handler runs: the schema validator, the body parser, routing. */
function refusedBeforeHandler(body: string): boolean {
  try {
    const { error } = JSON.parse(body) as ErrorBody;
    if (error.code === 'invalid_input') return Array.isArray(error.details);
    return ['malformed_json', 'body_too_large', 'route_not_found', 'too_many_requests', 'sign_in_required'].includes(error.code);
  } catch {
    return false;
  }
}

function messageOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as ErrorBody).error?.message;
  } catch {
    return undefined;
  }
}

function safeCode(body: string): string {
  try {
    return (JSON.parse(body) as ErrorBody).error?.code ?? '';
  } catch {
    return '';
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
