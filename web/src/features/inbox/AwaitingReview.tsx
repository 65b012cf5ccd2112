import { api, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PetitionSummary } from '../../app/types.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import { PetitionTable } from './PetitionTable.tsx';

/**
 * Above a leader's own cases: the answers they are to review, oldest due first. Shown only
 * when there are some, so that the list below stays where the eye expects it.
 */
export function AwaitingReview() {
  const { t } = useI18n();
  const answered = useAsync(() => api.get<List<PetitionSummary>>('/petitions', { leader: 'me', status: 'answered', sort: 'due', limit: 50 }), []);
  if (answered.error) return <Alert>{answered.error}</Alert>;
  const items = answered.value?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-labelledby="review-heading" class="inbox-section">
      <h2 id="review-heading">{t('inbox.answeredToReview')}</h2>
      <PetitionTable items={items} caption={t('inbox.answeredToReview')} />
    </section>
  );
}
