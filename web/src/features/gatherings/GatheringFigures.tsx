import { api } from '../../app/api.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import type { GatheringFigures as Figures } from './types.ts';

/** The gatherings' figures of a unit's subtree in a period: sessions by kind, residents received, opinions and what became of them, services, follow-ups. */
export function GatheringFigures({ unit, from, to }: { unit: string; from: string; to: string }) {
  const { t, number } = useI18n();
  const figures = useAsync(() => api.get<Figures>('/gatherings/figures', { unit, from, to }), [unit, from, to]);
  const f = figures.value;
  const byKind = new Map<string, { sessions: number; residents: number }>();
  for (const s of f?.sessions ?? []) {
    const k = byKind.get(s.kind) ?? { sessions: 0, residents: 0 };
    byKind.set(s.kind, { sessions: k.sessions + s.sessions, residents: k.residents + s.residents });
  }
  return (
    <section aria-labelledby="gathering-figures-heading">
      <h2 id="gathering-figures-heading">{t('gatherings.figures.title')}</h2>
      <Alert>{figures.error}</Alert>
      {f ? (
        <>
          <dl class="figures-list">
            <div data-figure="gatherings-sessions">
              <dt>{t('gatherings.figures.sessions')}</dt>
              <dd>{number(f.totals.sessions)}</dd>
            </div>
            <div data-figure="gatherings-residents">
              <dt>{t('gatherings.figures.residents')}</dt>
              <dd>{number(f.totals.residents)}</dd>
            </div>
            <div data-figure="gatherings-raised">
              <dt>{t('gatherings.figures.raised')}</dt>
              <dd>{number(f.opinions.raised)}</dd>
            </div>
            <div data-figure="gatherings-resolved">
              <dt>{t('gatherings.figures.resolved')}</dt>
              <dd>{number(f.opinions.resolved)}</dd>
            </div>
            <div data-figure="gatherings-higher">
              <dt>{t('gatherings.figures.withHigherLevels')}</dt>
              <dd>{number(f.opinions.withHigherLevels)}</dd>
            </div>
            <div data-figure="gatherings-ahead">
              <dt>{t('gatherings.figures.questionsAhead')}</dt>
              <dd>{number(f.opinions.questionsAhead)}</dd>
            </div>
            <div data-figure="gatherings-records">
              <dt>{t('gatherings.figures.records')}</dt>
              <dd>{t('gatherings.figures.recordsValue', { total: f.records.total, done: f.records.done, overdue: f.records.overdue })}</dd>
            </div>
            <div data-figure="gatherings-cancelled">
              <dt>{t('gatherings.figures.cancelled')}</dt>
              <dd>{number(f.totals.cancelled)}</dd>
            </div>
          </dl>
          {byKind.size ? (
            <div class="table-scroll">
              <table>
                <caption>{t('gatherings.figures.byKind')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gatherings.kindLabel')}</th>
                    <th scope="col">{t('gatherings.figures.sessions')}</th>
                    <th scope="col">{t('gatherings.figures.residents')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...byKind].map(([kind, v]) => (
                    <tr key={kind} data-figure={`gatherings-kind-${kind}`}>
                      <th scope="row">{t(`gatherings.kind.${kind}`)}</th>
                      <td>{number(v.sessions)}</td>
                      <td>{number(v.residents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {f.services.length ? (
            <div class="table-scroll">
              <table>
                <caption>{t('gatherings.figures.services')}</caption>
                <tbody>
                  {f.services.map((s) => (
                    <tr key={s.type} data-figure={`gatherings-service-${s.type}`}>
                      <th scope="row">{tOr(`gatherings.service.${s.type}`, s.type)}</th>
                      <td>{number(s.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
