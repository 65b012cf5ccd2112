import type { ComponentChildren } from 'preact';

/** One entry of a list of facts (dl): what it is, then its value. */
export function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
