/**
 * Who may write, review and read articles, and which states follow which. Pure: no I/O.
 */
import { hasRoleAt, unitScope, type Actor } from '../../platform/access.ts';
import { articleReviewers, articleWriters } from '../../contract/roleSets.ts';
import { articleActions, type ArticleAction, type ArticleState } from '../../contract/domain.ts';


interface ArticleSubject {
  unit_path: string;
  state: ArticleState;
  author_id: number;
}

export function canWriteAt(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, articleWriters);
}

/** The subtrees whose articles the actor may see while they are written and reviewed. */
export function editorScope(actor: Actor): string[] {
  return unitScope(actor, articleWriters);
}

export function canSeeDraft(actor: Actor, a: Pick<ArticleSubject, 'unit_path'>): boolean {
  return canWriteAt(actor, a.unit_path);
}

/**
 * May the actor take this action on the article now? 'forbidden' when their roles or their
 * authorship do not allow it, 'state' when the article's state does not.
 */
export function decideArticle(actor: Actor, a: ArticleSubject, action: ArticleAction): { ok: true } | { ok: false; code: string; status: number } {
  if (!canWriteAt(actor, a.unit_path)) return { ok: false, code: 'not_found', status: 404 };
  const no = (code: string, status = 409) => ({ ok: false as const, code, status });
  switch (action) {
    case 'revise':
      return a.state === 'withdrawn' ? no('article_withdrawn') : { ok: true };
    case 'submit':
      return a.state === 'draft' ? { ok: true } : no('article_not_draft');
    case 'approve':
    case 'return':
      if (!hasRoleAt(actor, a.unit_path, articleReviewers)) return no('forbidden', 403);
      // Publication needs a second pair of eyes: the author of the version never approves it.
      if (actor.kind === 'official' && actor.id === a.author_id) return no('article_own_review', 403);
      return a.state === 'in_review' ? { ok: true } : no('article_not_in_review');
    case 'withdraw':
      if (!hasRoleAt(actor, a.unit_path, articleReviewers)) return no('forbidden', 403);
      return a.state === 'withdrawn' ? no('article_withdrawn') : { ok: true };
  }
}

/** The actions the actor may take on the article now: the web shows only these. */
export function articleAbilities(actor: Actor, a: ArticleSubject): ArticleAction[] {
  return articleActions.filter((action) => decideArticle(actor, a, action).ok);
}
