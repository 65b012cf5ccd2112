/** What the server and other modules may use of the figures module. */
export { figuresModule, figuresOf, childFiguresOf } from './figures.routes.ts';
export type { FiguresView, ChildFiguresView } from './figures.schema.ts';
