/** What the server and other modules may use of the knowledge module. */
export { knowledgeModule } from './knowledge.routes.ts';
export { createArticle } from './commands/createArticle.ts';
export { submitArticle } from './commands/submitArticle.ts';
export { approveArticle } from './commands/approveArticle.ts';
export { termsOf } from './knowledge.text.ts';
