import type { Role } from '../../contract/domain.ts';

/** Who may import: administrators anywhere they administer, leaders within their units (each row is then checked like the form it replaces). */
export const importers = ['administrator', 'leader'] as const satisfies readonly Role[];

/** Rows one import may carry: enough for a province's agencies, small enough for one transaction. */
export const maxImportRows = 5000;
