/**
 * The public figures as a file for spreadsheets going up to the district: the unit month by
 * month over the period (with the whole period first), then each unit directly below it over
 * the period. The same numbers as GET /api/v1/figures and /figures/children, no personal data.
 */
import type { ExportRow } from '../../platform/export.ts';
import type { AppContext } from '../../platform/context.ts';
import type { FiguresExportQuery } from './figures.schema.ts';
import type { figuresOf as FiguresOf, childFiguresOf as ChildFiguresOf } from './figures.routes.ts';

export async function* figuresExportPages(
  ctx: AppContext,
  query: FiguresExportQuery,
  fns: { figuresOf: typeof FiguresOf; childFiguresOf: typeof ChildFiguresOf },
): AsyncGenerator<ExportRow[]> {
  const { unit, from, to } = query;
  const own = await fns.figuresOf(ctx, { unit, from, to, interval: 'month' });
  const code = own.unit?.code ?? null;
  const name = own.unit?.name ?? null;
  const figures = (f: Record<string, unknown>): ExportRow =>
    Object.fromEntries(Object.entries(f).filter(([, v]) => typeof v === 'number' || v === null)) as ExportRow;
  const rows: ExportRow[] = [{ unit: code, unitName: name, scope: 'subtree', period: `${own.from}/${own.to}`, from: own.from, to: own.to, ...figures(own) }];
  for (const m of own.series?.items ?? []) rows.push({ unit: code, unitName: name, scope: 'subtree', ...figures(m), period: m.period, from: m.from, to: m.to });
  yield rows;
  if (!unit) return;
  const children = await fns.childFiguresOf(ctx, { unit, from, to });
  yield children.items.map((c) => ({ unit: c.unit.code, unitName: c.unit.name, scope: 'subtree', period: `${children.from}/${children.to}`, from: children.from, to: children.to, ...figures(c) }));
}
