import { api, type List, type Query } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PetitionSummary } from '../../app/apiTypes.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import { PetitionTable } from './PetitionTable.tsx';

/**
 * Above a leader's own cases: answers waiting for their approval, then answered cases to
 * review, each oldest due first. Shown only
 * when there are some, so that the list below stays where the eye expects it.
 */
export function AwaitingReview() {
  return (
    <>
      <ReviewList id="approve" title="inbox.toApprove" query={{ leader: 'me', awaitingApproval: true }} />
      <ReviewList id="answered" title="inbox.answeredToReview" query={{ leader: 'me', status: 'answered' }} all="/staff?view=leading&status=answered" />
    </>
  );
}

/** A few at a time: the oldest due first, with a link to all of them when there are more. */
const shown = 10;

function ReviewList({ id, title, query, all }: { id: string; title: string; query: Query; all?: string }) {
  const { t } = useI18n();
  const list = useAsync(() => api.get<List<PetitionSummary>>('/petitions', { ...query, sort: 'due', limit: shown }), []);
  if (list.error) return <Alert>{list.error}</Alert>;
  const items = list.value?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-labelledby={`review-${id}`} class="inbox-section">
      <h2 id={`review-${id}`}>{t(title)}</h2>
      <PetitionTable items={items} caption={t(title)} />
      {all && list.value?.next ? (
        <p>
          <a href={all}>{t('inbox.showAll')}</a>
        </p>
      ) : null}
    </section>
  );
}
