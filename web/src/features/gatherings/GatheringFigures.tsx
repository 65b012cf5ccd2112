import { api } from '../../app/api.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import { ColumnHeads } from '../../app/components.tsx';
import type { GatheringFigures as Figures } from './types.ts';
import { FigureList } from '../../app/FigureList.tsx';

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
          <FigureList
            figures={[
              { figure: 'gatherings-sessions', label: t('gatherings.figures.sessions'), value: number(f.totals.sessions) },
              { figure: 'gatherings-residents', label: t('gatherings.figures.residents'), value: number(f.totals.residents) },
              { figure: 'gatherings-raised', label: t('gatherings.figures.raised'), value: number(f.opinions.raised) },
              { figure: 'gatherings-resolved', label: t('gatherings.figures.resolved'), value: number(f.opinions.resolved) },
              { figure: 'gatherings-higher', label: t('gatherings.figures.withHigherLevels'), value: number(f.opinions.withHigherLevels) },
              { figure: 'gatherings-ahead', label: t('gatherings.figures.questionsAhead'), value: number(f.opinions.questionsAhead) },
              {
                figure: 'gatherings-records',
                label: t('gatherings.figures.records'),
                value: t('gatherings.figures.recordsValue', { total: f.records.total, done: f.records.done, overdue: f.records.overdue }),
              },
              { figure: 'gatherings-cancelled', label: t('gatherings.figures.cancelled'), value: number(f.totals.cancelled) },
            ]}
          />
          {byKind.size ? (
            <div class="table-scroll">
              <table>
                <caption>{t('gatherings.figures.byKind')}</caption>
                <ColumnHeads labels={[t('gatherings.kindLabel'), t('gatherings.figures.sessions'), t('gatherings.figures.residents')]} />
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
