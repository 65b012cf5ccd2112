/**
 * Each module's index.ts is what other modules may use of it: a module that imports another's
 * file directly (`../petitions/petitions.queries.ts`) reaches past that surface. This reads the
 * import lines of every module file (tests and their fixtures aside) and lists such imports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const modulesDir = path.dirname(fileURLToPath(import.meta.url));
const isFixture = (file: string) => /\.(test|testing)\.ts$|test-support\.ts$/.test(file);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** `from '…'` specifiers of import and export statements. */
const specifiers = (code: string) => [...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1]);

/** The imports of one file that enter another module other than through its index.ts. */
function deepImports(file: string, code: string): string[] {
  const own = path.relative(modulesDir, file).split(path.sep)[0];
  return specifiers(code).filter((spec) => {
    if (!spec.startsWith('.')) return false;
    const target = path.relative(modulesDir, path.resolve(path.dirname(file), spec));
    const [module, ...rest] = target.split(path.sep);
    if (module.startsWith('..') || rest.length === 0 || module === own) return false;
    return rest.join('/') !== 'index.ts';
  });
}

test('modules use one another only through their index.ts', () => {
  const found = sourceFiles(modulesDir)
    .filter((file) => !isFixture(file))
    .flatMap((file) => deepImports(file, fs.readFileSync(file, 'utf8')).map((spec) => `${path.relative(modulesDir, file)}: ${spec}`));
  assert.deepEqual(found, []);
});

test('the rule finds an import past a module\'s index.ts, and allows the index and the module\'s own files', () => {
  const file = path.join(modulesDir, 'deadlines', 'deadlines.sweep.ts');
  const code = [
    "import { officialsAtUnit } from '../petitions/petitions.queries.ts';",
    "import {\n  escalatePetition,\n} from '../petitions/commands/escalatePetition.ts';",
    "import { pickPolicy } from '../petitions/index.ts';",
    "import { stages } from './deadlines.policy.ts';",
    "import type { Module } from '../index.ts';",
    "import { appendAudit } from '../../platform/audit.ts';",
  ].join('\n');
  assert.deepEqual(deepImports(file, code), ['../petitions/petitions.queries.ts', '../petitions/commands/escalatePetition.ts']);
});

/** The imports of a file outside the modules (the command line) that enter a module other than through its index.ts. */
function entriesPastIndex(file: string, code: string): string[] {
  return specifiers(code).filter((spec) => {
    const target = path.relative(modulesDir, path.resolve(path.dirname(file), spec));
    const [module, ...rest] = target.split(path.sep);
    return spec.startsWith('.') && !module.startsWith('..') && rest.length > 0 && rest.join('/') !== 'index.ts';
  });
}

// The bench builds its data set below the modules' surfaces, as the modules' own tests do; the
// command line is a client of the modules like the server, and takes them through their index.ts.
test('the command line uses the modules only through their index.ts', () => {
  const cliDir = path.resolve(modulesDir, '../../cli');
  const found = sourceFiles(cliDir)
    .filter((file) => !isFixture(file))
    .flatMap((file) => entriesPastIndex(file, fs.readFileSync(file, 'utf8')).map((spec) => `cli/${path.relative(cliDir, file)}: ${spec}`));
  assert.deepEqual(found, []);
  const example = path.join(cliDir, 'x.ts');
  assert.deepEqual(
    entriesPastIndex(example, "import { a } from '../server/modules/units/units.csv.ts';\nimport { b } from '../server/modules/units/index.ts';\nimport { c } from '../server/modules/index.ts';"),
    ['../server/modules/units/units.csv.ts'],
  );
});
