/**
 * The pieces the report's sections repeat: a titled section, a table of figures that scrolls on
 * narrow screens (and prints whole), and a short list of named counts.
 */
import type { ComponentChildren } from 'preact';
import { RowTable } from '../../app/components.tsx';

/** A section of the report, named by its heading (`id` ties the two). */
export function Part({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** A RowTable in its scrolling box; with `empty`, a quiet line says so when there are no rows. */
export function ReportTable(props: Parameters<typeof RowTable>[0] & { empty?: string }) {
  const { empty, ...table } = props;
  if (empty !== undefined && !table.rows.length) return <p class="muted">{empty}</p>;
  return (
    <div class="table-wrap">
      <RowTable {...table} />
    </div>
  );
}
