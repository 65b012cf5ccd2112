/**
 * Building the web app and weighing it. Used by `npm run build:web`, by `npm start` when the
 * build is missing or older than its sources, and by the browser tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
export const webDist = path.resolve(webRoot, '../dist/web');
const manifestPath = path.join(webDist, '.vite', 'manifest.json');

/** What the resident pages may weigh on first load: JavaScript, gzipped. */
export const firstLoadBudgetBytes = 150 * 1024;

function newestSourceTime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ['src', 'locales', 'public', 'index.html', 'vite.config.ts']) visit(path.join(webRoot, p));
  return newest;
}

/** Missing, or older than a source file (when the sources are there at all). */
export function webBuildIsStale(): boolean {
  const built = fs.statSync(manifestPath, { throwIfNoEntry: false });
  if (!built) return true;
  return newestSourceTime() > built.mtimeMs;
}

async function buildWeb(opts: { quiet?: boolean } = {}): Promise<void> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error('the web app is not built and Vite is not installed: run `npm install`, then `npm run build:web`');
  }
  await vite.build({ configFile: path.join(webRoot, 'vite.config.ts'), logLevel: opts.quiet ? 'error' : 'info' });
  compressAssets();
}

/** Brotli and gzip copies of the text assets, served as they are (no compression per request). */
function compressAssets(): void {
  const assets = path.join(webDist, 'assets');
  for (const name of fs.readdirSync(assets)) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const file = path.join(assets, name);
    const content = fs.readFileSync(file);
    if (content.length < 1024) continue;
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

const lockPath = path.resolve(webRoot, '../dist/.web-build.lock');

/** True when this process took the build lock; false when another live process holds it. */
function takeBuildLock(): boolean {
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const holder = Number(fs.readFileSync(lockPath, { encoding: 'utf8', flag: 'a+' }));
  if (holder > 0 && processIsAlive(holder)) return false;
  // A builder that died left its lock behind: take it over.
  fs.rmSync(lockPath, { force: true });
  return takeBuildLock();
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Builds when the build is missing or stale; answers whether it built. Test files run in
 * parallel processes and each may ask for the build: one builds while the others wait for it,
 * since a second Vite build would empty dist/web under the first one's feet.
 */
export async function ensureWebBuild(opts: { quiet?: boolean } = {}): Promise<boolean> {
  const hasSources = fs.existsSync(path.join(webRoot, 'src'));
  if (!hasSources) return false;
  while (!takeBuildLock()) await new Promise((resolve) => setTimeout(resolve, 250));
  try {
    if (!webBuildIsStale()) return false;
    await buildWeb(opts);
    return true;
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  src?: string;
}

interface FirstLoad {
  files: Array<{ file: string; gzipBytes: number }>;
  gzipBytes: number;
}

/**
 * The JavaScript a first visit downloads: the entry chunk, everything it imports statically,
 * and the largest locale's strings (one locale is always loaded before the first paint).
 */
export function firstLoadWeight(): FirstLoad {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('the Vite manifest has no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(entry);
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(webDist, file)), { level: 9 }).length;
  const files = [...seen].map((key) => ({ file: manifest[key].file, gzipBytes: gz(manifest[key].file) }));
  const locales = Object.values(manifest)
    .filter((c) => c.src?.startsWith('locales/'))
    .map((c) => ({ file: c.file, gzipBytes: gz(c.file) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  if (locales[0]) files.push(locales[0]);
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

export function describeFirstLoad(weight: FirstLoad): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = weight.files.map((f) => `  ${f.file.padEnd(40)} ${kb(f.gzipBytes).padStart(9)}`);
  return [
    `resident pages, JavaScript on first load (gzip): ${kb(weight.gzipBytes)} of ${kb(firstLoadBudgetBytes)} allowed`,
    ...lines,
  ].join('\n');
}

// `tsx web/build.ts`: build, then print what the first load weighs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWeb();
  const weight = firstLoadWeight();
  console.log(describeFirstLoad(weight));
  if (weight.gzipBytes > firstLoadBudgetBytes) {
    console.error('over budget');
    process.exit(1);
  }
}
