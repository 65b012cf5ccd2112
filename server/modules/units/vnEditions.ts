/**
 * The Vietnamese unit lists the project ships in data/vn-units (with their MIT notice and
 * SOURCE.md), found from this file rather than the working directory so that every command,
 * test and bench reads them from the repository wherever it is started.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const vnUnitsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/vn-units');

/** Each published list, by the name `units import --edition` takes. */
export const vnEditions = {
  /** Before the 2025 reform: province, district, commune (the articles' world). */
  '2023-04-15': 'vn_units_2023-04-15.csv',
  /** The last list before the 2025 reform (1 March 2025). */
  pre2025: 'vn_units_pre2025_2025-03-01.csv',
  /** After the reform of 1 July 2025: province and commune. */
  post2025: 'vn_units_post2025_2025-07-01.csv',
  /** The newest published list (30 April 2026). */
  latest: 'vn_units_post2025_latest_2026-04-30.csv',
} as const;

export type VnEdition = keyof typeof vnEditions;

/** What `units import` reads when given no file. */
export const defaultVnEdition: VnEdition = 'latest';

export function isVnEdition(name: string): name is VnEdition {
  return Object.hasOwn(vnEditions, name);
}

export function vnEditionFile(edition: VnEdition): string {
  return path.join(vnUnitsDir, vnEditions[edition]);
}
