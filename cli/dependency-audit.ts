/**
 * The dependency audit CI runs (.ci/run): `npm audit --omit=dev`, failing on a high or
 * critical advisory of a production dependency that has a fix. When the audit service cannot
 * be reached (an offline mirror, a registry that serves packages only) it says so plainly
 * and does not fail: no answer is not a vulnerability, and the next run with the service asks
 * again.
 *
 *   node --import tsx cli/dependency-audit.ts      exit 0 clean or unreachable, 1 on a fixable finding
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

interface Advisory {
  name: string;
  severity: Severity;
  /** true, or the upgrade that fixes it; false when no fixed version exists. */
  fixAvailable: boolean | { name: string; version: string; isSemVerMajor?: boolean };
  via: Array<string | { title?: string; url?: string }>;
}

type AuditVerdict =
  | { outcome: 'clean'; unfixable: string[] }
  | { outcome: 'vulnerable'; findings: string[]; unfixable: string[] }
  | { outcome: 'unreachable'; reason: string };

const blocking: Severity[] = ['high', 'critical'];

function describe(a: Advisory): string {
  const titles = a.via.map((v) => (typeof v === 'string' ? `through ${v}` : [v.title, v.url].filter(Boolean).join(' '))).join('; ');
  const fix = a.fixAvailable === true ? 'fix: npm audit fix' : typeof a.fixAvailable === 'object' ? `fix: ${a.fixAvailable.name}@${a.fixAvailable.version}` : 'no fix yet';
  return `${a.severity} ${a.name}: ${titles} (${fix})`;
}

/** What `npm audit --json` printed, judged. */
export function judgeAudit(stdout: string): AuditVerdict {
  let report: { vulnerabilities?: Record<string, Advisory>; error?: unknown; message?: string; statusCode?: number };
  try {
    report = JSON.parse(stdout);
  } catch {
    return { outcome: 'unreachable', reason: `npm audit printed no report: ${stdout.trim().slice(0, 200) || '(nothing)'}` };
  }
  if (!report.vulnerabilities) {
    return { outcome: 'unreachable', reason: report.message ?? JSON.stringify(report.error ?? report).slice(0, 200) };
  }
  const serious = Object.values(report.vulnerabilities).filter((a) => blocking.includes(a.severity));
  const findings = serious.filter((a) => a.fixAvailable !== false).map(describe);
  const unfixable = serious.filter((a) => a.fixAvailable === false).map(describe);
  return findings.length ? { outcome: 'vulnerable', findings, unfixable } : { outcome: 'clean', unfixable };
}

function main(): number {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: 120_000 });
  const verdict = run.error ? { outcome: 'unreachable' as const, reason: run.error.message } : judgeAudit(run.stdout);
  switch (verdict.outcome) {
    case 'unreachable':
      console.log(`dependency audit: NOT CHECKED, the npm audit service could not be reached (${verdict.reason}). Not failing the build for that alone; run \`npm audit --omit=dev\` where the service is reachable.`);
      return 0;
    case 'clean':
      console.log('dependency audit: no high or critical advisory with a fix in production dependencies');
      for (const line of verdict.unfixable) console.log(`  known, no fix yet: ${line}`);
      return 0;
    case 'vulnerable':
      console.log('dependency audit: FAILED, production dependencies have high or critical advisories with a fix:');
      for (const line of verdict.findings) console.log(`  ${line}`);
      for (const line of verdict.unfixable) console.log(`  known, no fix yet: ${line}`);
      return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
