/**
 * What the browser tests share: one build of the web app per run, a real server on a fresh
 * embedded database with the demo world, and Debian's Chromium driven by playwright-core.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer, type RunningServer } from '../../server/main.ts';
import { testConfig, type Config } from '../../server/platform/config.ts';
import { ensureWebBuild } from '../build.ts';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const screenshotDir = path.join(repoRoot, 'test-results', 'web');

/**
 * Builds dist/web when it is missing or older than web/src. Test files run in parallel
 * processes, so the build is guarded by a lock directory (mkdir is atomic).
 */
export async function buildOnce(): Promise<void> {
  const lock = path.join(os.tmpdir(), 'zerodistance-web-build.lock');
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      // A lock left by a killed run is taken over after five minutes.
      if (stat && Date.now() - stat.mtimeMs > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await ensureWebBuild({ quiet: true });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A grey 1×1 PNG: every map tile of the browser tests. */
const tilePng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGO4e/cuAAUyApjDDfqPAAAAAElFTkSuQmCC', 'base64');

interface TileServer {
  /** The tile URL template to give the app (ZD_MAP_TILES_URL). */
  url: string;
  /** Tiles asked for so far. */
  requests: number;
  close(): Promise<void>;
}

/** Map tiles for the browser tests, served on this machine: the tests never reach the network. */
async function startTileServer(): Promise<TileServer> {
  const server = http.createServer((req, res) => {
    tiles.requests++;
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' }).end(tilePng);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tiles: TileServer = {
    url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    requests: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return tiles;
}

export interface Stack {
  server: RunningServer;
  /** The local tile server the app's maps draw from. */
  tiles: TileServer;
  browser: Browser;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** overrides: configuration a test file needs besides the usual (e.g. an SMS gateway to read codes from). */
export async function startStack(overrides: Partial<Config> = {}): Promise<Stack> {
  await buildOnce();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-web-test-'));
  const tiles = await startTileServer();
  const server = await startServer(
    testConfig({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      demo: true,
      jobPollMs: 200,
      rateLimits: { signInPerMinute: 1000, anonymousWritesPerMinute: 1000 },
      mapTiles: { url: tiles.url, attribution: 'Test tiles' },
      ...overrides,
    }),
  );
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (e) {
    await server.stop();
    await tiles.close();
    throw e;
  }
  return {
    server,
    tiles,
    browser,
    url: server.url,
    dataDir,
    async stop() {
      await browser.close();
      await server.stop();
      await tiles.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const phone = { width: 360, height: 740 };
export const desktop = { width: 1280, height: 900 };

/**
 * Where the people who speak each language live: a browser's "today" is theirs (after 17:00 UTC
 * it is already tomorrow in Viet Nam, and the figures' default period ends on the browser's day).
 */
const timeZones: Record<string, string> = { vi: 'Asia/Ho_Chi_Minh', zh: 'Asia/Shanghai' };

/** A fresh browser profile (new cookies and storage) speaking the given language. */
export async function newContext(stack: Stack, locale: string, viewport = phone): Promise<BrowserContext> {
  const timezoneId = timeZones[locale.split('-')[0]];
  const context = await stack.browser.newContext({ locale, viewport, baseURL: stack.url, ...(timezoneId ? { timezoneId } : {}) });
  context.setDefaultTimeout(30_000);
  return context;
}

/** Serious and critical accessibility violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Translation keys the page asked for that its locale lacks. */
export async function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __zdMissingKeys?: string[] }).__zdMissingKeys ?? []);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Page errors and failed API calls are collected so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return errors;
}
