/**
 * The routing suggestion for the case's dispatcher: the three most likely categories and
 * agencies learned from the deployment's routed history, each with its confidence; a click
 * applies one. Shown only to those who may route the case (the server answers 403 to others).
 */
import { api } from '../../app/api.ts';
import { useSubmission } from '../../app/components.tsx';
import { tOr, useI18n } from '../../app/i18n.ts';
import type { Petition } from '../../app/apiTypes.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import type { RoutingSuggestion as Suggestion } from '../../../../server/modules/insight/insight.schema.ts';

type Choice = { category?: string; agency?: number };

/** One kind of suggestion (categories or agencies), each a button that applies it, with its confidence. */
function Suggestions(props: {
  heading: string;
  items: Array<{ key: string | number; label: string; confidence: number; current: boolean; choice: Choice }>;
  onApply(choice: Choice, label: string): void;
}) {
  const { t, percent } = useI18n();
  if (!props.items.length) return null;
  return (
    <>
      <h3>{props.heading}</h3>
      <ul class="suggestions">
        {props.items.map((item) => (
          <li key={item.key}>
            <button type="button" class="button secondary" disabled={item.current} onClick={() => props.onApply(item.choice, item.label)}>
              {item.label} <span class="muted small">{percent(item.confidence)}</span>
            </button>
            {item.current ? <span class="muted small"> {t('routing.current')}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function RoutingSuggestion({ petition, onApplied }: { petition: Petition; onApplied(message: string): void }) {
  const { t, locale, percent } = useI18n();
  const suggestion = useAsync(() => api.get<Suggestion>(`/petitions/${petition.id}/routing-suggestion`), [petition.id, petition.version]);
  const { error, run } = useSubmission();
  const s = suggestion.value;
  if (!s || (!s.categories.length && !s.agencies.length)) return null;
  const lang = locale.startsWith('zh') ? 'zh' : locale;
  const apply = (choice: Choice, label: string) =>
    run(async () => {
      await api.post(`/petitions/${petition.id}/routing`, { ...choice, version: s.version });
      onApplied(t('routing.applied', { choice: label }));
    });
  return (
    <section aria-labelledby="routing-heading" class="routing-suggestion" data-testid="routing-suggestion">
      <h2 id="routing-heading">{t('routing.heading')}</h2>
      <p class="hint">{t('routing.lead')}</p>
      <Alert>{error}</Alert>
      <Suggestions
        heading={t('routing.categories')}
        items={s.categories.map((c) => ({ key: c.category, label: tOr(`category.${c.category}`, c.category), confidence: c.confidence, current: s.current.category === c.category, choice: { category: c.category } }))}
        onApply={apply}
      />
      <Suggestions
        heading={t('routing.agencies')}
        items={s.agencies.map((a) => ({ key: a.id, label: a.names[lang] ?? a.name, confidence: a.confidence, current: s.current.agency === a.id, choice: { agency: a.id } }))}
        onApply={apply}
      />
      {s.categories[0] && s.agencies[0] && s.current.category !== s.categories[0].category && s.current.agency !== s.agencies[0].id ? (
        <button
          type="button"
          class="button primary"
          onClick={() =>
            apply(
              { category: s.categories[0].category, agency: s.agencies[0].id },
              `${tOr(`category.${s.categories[0].category}`, s.categories[0].category)} · ${s.agencies[0].names[lang] ?? s.agencies[0].name}`,
            )
          }
        >
          {t('routing.applyBoth')}
        </button>
      ) : null}
      {s.accuracy.category !== null ? <p class="muted small">{t('routing.accuracy', { percent: percent(s.accuracy.category) })}</p> : null}
    </section>
  );
}
