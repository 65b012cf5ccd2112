import type { ComponentChildren } from 'preact';

/** One figure: what tests and styles call it (data-figure), what it is, its value. */
export interface Figure {
  figure: string;
  label: string;
  value: ComponentChildren;
}

/** Figures side by side, each under its name. */
export function FigureList({ figures }: { figures: readonly Figure[] }) {
  return (
    <dl class="figures-list">
      {figures.map((f) => (
        <div key={f.figure} data-figure={f.figure}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
