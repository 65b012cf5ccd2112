/** The CI's dependency audit: fails on a fixable high advisory, not on an unreachable service. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeAudit } from './dependency-audit.ts';

const report = (vulnerabilities: Record<string, unknown>) => JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: {} });

test('a high or critical advisory with a fix fails; one without a fix is reported but does not', () => {
  const verdict = judgeAudit(report({
    fastify: { name: 'fastify', severity: 'high', fixAvailable: true, via: [{ title: 'Content-type bypass', url: 'https://github.com/advisories/GHSA-x' }] },
    kysely: { name: 'kysely', severity: 'critical', fixAvailable: { name: 'kysely', version: '0.28.9' }, via: ['pg'] },
    pg: { name: 'pg', severity: 'high', fixAvailable: false, via: [{ title: 'Old bug' }] },
    ajv: { name: 'ajv', severity: 'moderate', fixAvailable: true, via: [{ title: 'ReDoS' }] },
  }));
  assert.equal(verdict.outcome, 'vulnerable');
  if (verdict.outcome !== 'vulnerable') return;
  assert.deepEqual(verdict.findings, [
    'high fastify: Content-type bypass https://github.com/advisories/GHSA-x (fix: npm audit fix)',
    'critical kysely: through pg (fix: kysely@0.28.9)',
  ]);
  assert.deepEqual(verdict.unfixable, ['high pg: Old bug (no fix yet)']);
});

test('moderate advisories, or none, pass', () => {
  assert.deepEqual(judgeAudit(report({})), { outcome: 'clean', unfixable: [] });
  assert.equal(judgeAudit(report({ ajv: { name: 'ajv', severity: 'moderate', fixAvailable: true, via: [] } })).outcome, 'clean');
});

test('an audit service that does not answer is said so, and is not a failure', () => {
  // What npm printed on a registry that serves packages but not the audit endpoint.
  const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } });
  assert.deepEqual(judgeAudit(refused), { outcome: 'unreachable', reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
  assert.equal(judgeAudit('').outcome, 'unreachable');
  assert.equal(judgeAudit('npm ERR! network').outcome, 'unreachable');
});
