/** Open petitions of the same unit that look like this one: the dispatcher follows one, or merges this one into it. */
import { api } from '../../app/api.ts';
import { useSubmission } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.ts';
import type { Petition } from '../../app/apiTypes.ts';
import { Alert, StatusBadge, useAsync } from '../../app/ui.tsx';
import type { ActionOutcome, SimilarList } from '../../../../server/modules/petitions/petitions.schema.ts';
import type { Static } from 'typebox';

export function MergeCandidates({ petition, onMerged }: { petition: Petition; onMerged(outcome: Static<typeof ActionOutcome>): void }) {
  const { t, date, number } = useI18n();
  const similar = useAsync(() => api.get<Static<typeof SimilarList>>(`/petitions/${petition.id}/similar`), [petition.id, petition.version]);
  const { error, run } = useSubmission();
  if (!similar.value?.items.length) return null;
  const merge = (into: number) =>
    run(async () => onMerged(await api.post<Static<typeof ActionOutcome>>(`/petitions/${petition.id}/actions`, { type: 'merge', into, version: petition.version })));
  return (
    <section aria-labelledby="similar-heading" class="merge-candidates" data-testid="merge-candidates">
      <h2 id="similar-heading">{t('case.similarHeading')}</h2>
      <p class="hint">{t('case.similarLead')}</p>
      <Alert>{error}</Alert>
      <ul class="unit-results">
        {similar.value.items.map((s) => (
          <li key={s.id}>
            <a href={`/staff/petitions/${s.id}`}>
              <strong>{s.title ?? s.excerpt}</strong> <StatusBadge status={s.status} />
              <span class="muted small">
                {[s.trackingCode, date(s.submittedAt), s.metres !== null ? t('case.metresAway', { metres: number(s.metres) }) : null].filter(Boolean).join(' · ')}
              </span>
            </a>
            {similar.value!.mayMerge && petition.status !== 'merged' ? (
              <button type="button" class="button secondary" onClick={() => merge(s.id)}>
                {t('case.mergeHere')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
