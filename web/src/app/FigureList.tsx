import type { ComponentChildren } from 'preact';

/** One figure: what it is, its value, and what tests and styles call it (data-figure), if anything. */
export interface Figure {
  label: string;
  value: ComponentChildren;
  figure?: string;
}

/** Figures side by side, each under its name. */
export function FigureList({ figures }: { figures: readonly Figure[] }) {
  return (
    <dl class="figures-list">
      {figures.map((f) => (
        <div key={f.figure ?? f.label} data-figure={f.figure}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
