/**
 * The steps the browser test files share: the stack a file runs against, the locale strings, the
 * demo accounts, signing in, acting on a case, and the checks every page state goes through
 * (untranslated keys, raw error text, axe).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { Config } from '../../server/platform/config.ts';
import { axeViolations, missingKeys, newContext, phone, repoRoot, screenshot, startStack, watchErrors, type Stack } from './harness.ts';

type Tree = { [key: string]: string | Tree };
type Strings = Record<string, string>;

export function strings(locale: string): Strings {
  const tree = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web', 'locales', `${locale}.json`), 'utf8')) as Tree;
  const out: Strings = {};
  const walk = (node: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string') out[prefix + k] = v;
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(tree, '');
  return out;
}

/** The demo accounts of the README ("Demo sign-ins"). */
export const demo = {
  dispatcher: { username: 'thanhnho.dispatcher', password: 'demo-thanhnho-dispatcher-2023' },
  handler: { username: 'thanhnho.handler', password: 'demo-thanhnho-handler-2023', name: 'Lê Văn Cường' },
  leader: { username: 'thanhnho.leader', password: 'demo-thanhnho-leader-2023', name: 'Nguyễn Văn An' },
  reception: { username: 'thanhchuong.reception', password: 'demo-thanhchuong-reception-2023' },
  fenggang: { username: 'fenggang.dispatcher', password: 'demo-fenggang-dispatcher-2023', name: '李明' },
  fenggangHead: { username: 'fenggang.head', password: 'demo-fenggang-head-2023', name: '陈刚' },
  namDanOneStop: { username: 'namdan.onestop', password: 'demo-namdan-onestop-2023', name: 'Nguyễn Thị Hương' },
  tanThoLeader: { username: 'tantho.leader', password: 'demo-tantho-leader-2023' },
  ngheAnAuditor: { username: 'nghean.auditor', password: 'demo-nghean-auditor-2023' },
  linjiangSecretary: { username: 'linjiang.secretary', password: 'demo-linjiang-secretary-2023' },
  admin: { username: 'demo.admin', password: 'demo-admin-2023' },
};
export const thanhNho = '17719';
/** 临江村, a village of Yong'an town in Fenggang county: its county head is two levels up. */
export const fenggangLinjiang = '520327101203';

/**
 * Browser profiles opened by a test file, and every script error or 5xx any of their pages met.
 * `stack` may be a getter, for a Browsing made before the stack is started (useStack).
 */
export class Browsing {
  readonly contexts: BrowserContext[] = [];
  readonly pageErrors: string[] = [];
  constructor(private readonly stack: Stack | (() => Stack)) {}

  async open(locale: string, viewport = phone): Promise<Page> {
    const stack = typeof this.stack === 'function' ? this.stack() : this.stack;
    const context = await newContext(stack, locale, viewport);
    this.contexts.push(context);
    const page = await context.newPage();
    this.pageErrors.push(...watchErrors(page));
    return page;
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
  }
}

/**
 * The stack of a test file, started before its tests (with `overrides`, or with the configuration
 * a function prepares first) and stopped after them, once the file's browser profiles are closed.
 * `stack()` answers once the file's `before` has run; `browsing` opens profiles on it.
 */
export function useStack(overrides: Partial<Config> | (() => Promise<Partial<Config>>) = {}): { stack(): Stack; browsing: Browsing } {
  let started: Stack | undefined;
  const stack = () => started ?? assert.fail('the stack is not started yet');
  const browsing = new Browsing(stack);
  before(async () => {
    started = await startStack(typeof overrides === 'function' ? await overrides() : overrides);
  });
  after(async () => {
    await browsing.close();
    await started?.stop();
  });
  return { stack, browsing };
}

/** The page shows no untranslated key, no stack trace, and axe finds nothing serious. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await missingKeys(page), [], `${name}: untranslated keys`);
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /\bat \S+\.(ts|js|tsx):\d+|TypeError|ReferenceError|undefined|\[object Object\]/, `${name}: raw error text`);
  assert.deepEqual(await axeViolations(page), [], `${name}: accessibility`);
}

export async function signIn(page: Page, who: { username: string; password: string }, t: Strings): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(t['signIn.username']).fill(who.username);
  await page.getByLabel(t['signIn.password']).fill(who.password);
  await page.getByRole('button', { name: t['signIn.submit'], exact: true }).click();
  await page.waitForURL('**/staff');
  await page.getByRole('heading', { level: 1, name: t['inbox.title'] }).waitFor();
}

/** Picks, in the select with this label, the official of this name (the option also says their role, unit and load). */
export async function chooseOfficial(page: Page, label: string, name: string): Promise<void> {
  const select = page.getByLabel(label);
  const option = select.locator('option', { hasText: new RegExp(`^${name} — `) });
  await option.first().waitFor({ state: 'attached' });
  await select.selectOption((await option.first().getAttribute('value'))!);
}

export async function signOut(page: Page, t: Strings): Promise<void> {
  const button = page.getByRole('button', { name: t['shell.signOut'], exact: true });
  try {
    await button.waitFor();
  } catch {
    // Say where the page was and what its header showed, so a failure can be understood from the log.
    const header = await page.locator('header.header').innerText().catch(() => '(no header)');
    const body = await page.locator('body').innerText().catch(() => '(no body)');
    await screenshot(page, `sign-out-missing-${Date.now()}`).catch(() => undefined);
    throw new Error(`no sign-out button on ${page.url()}; the header reads: ${header.replace(/\s+/g, ' ')}; the page begins: ${body.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  await button.click();
  await page.getByRole('link', { name: t['shell.signIn'] }).waitFor();
}

/** Runs one action from the case page: opens its form, fills it, sends it, waits for the result. */
export async function act(page: Page, t: Strings, action: string, fill?: () => Promise<void>): Promise<void> {
  const label = t[`action.${action}`];
  await page.locator('.action-buttons').getByRole('button', { name: label, exact: true }).click();
  const form = page.locator('form.action-form');
  await form.waitFor();
  await fill?.();
  await form.getByRole('button', { name: label, exact: true }).click();
  // Either the action is done, or the form says why not (and the test says it too).
  const done = page.getByText(t['case.done'].replace('{{action}}', label));
  const refused = form.locator('.alert-error, .field-error');
  await done.or(refused).first().waitFor();
  if (await refused.count()) assert.fail(`${action} refused: ${await refused.allInnerTexts()}`);
}

/** The figure a figures page shows for one measure, as a number. */
export async function figure(page: Page, key: string): Promise<number> {
  const text = await page.locator(`[data-figure="${key}"]`).first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}
