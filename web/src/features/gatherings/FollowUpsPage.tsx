import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import { Alert, Empty, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import type { FollowUps } from './types.ts';

const horizons = [7, 30, 90] as const;

/** The browser's day in n days, 'YYYY-MM-DD'. */
function dayIn(n: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Leaders see the "three sides, one word" follow-ups of their unit and the units below that are due soon or overdue. */
export default function FollowUpsPage({ query }: PageProps) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const unit = query.get('unit') ?? myUnits(me)[0] ?? '';
  const within = Number(query.get('within')) || horizons[0];
  const [unitText, setUnitText] = useState(unit);
  const list = useAsync(async () => (unit ? api.get<FollowUps>('/gatherings/records', { unit, dueBy: dayIn(within) }) : null), [unit, within]);
  const go = (u: string, w: number) => navigate(`/staff/gathering-follow-ups?unit=${encodeURIComponent(u)}&within=${w}`);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (
    <>
      <PageTitle>{t('gatherings.followUps.title')}</PageTitle>
      <p class="hint">{t('gatherings.followUps.lead')}</p>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          go(unitText.trim(), within);
        }}
      >
        <Field label={t('gatherings.unitCode')}>{(f) => <input id={f.id} value={unitText} onInput={(e) => setUnitText(e.currentTarget.value)} />}</Field>
        <Field label={t('gatherings.followUps.within')}>
          {(f) => (
            <select id={f.id} value={String(within)} onChange={(e) => go(unitText.trim() || unit, Number(e.currentTarget.value))}>
              {horizons.map((n) => (
                <option key={n} value={String(n)}>
                  {t('gatherings.followUps.days', { count: n })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="button">
          {t('gatherings.show')}
        </button>
      </form>
      {list.loading ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {list.value && list.value.items.length === 0 ? <Empty>{t('gatherings.followUps.none')}</Empty> : null}
      {list.value && list.value.items.length ? (
        <div class="table-scroll">
          <table>
            <caption class="sr-only">{t('gatherings.followUps.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gatherings.console.dueOn')}</th>
                <th scope="col">{t('gatherings.console.responsible')}</th>
                <th scope="col">{t('gatherings.console.conclusion')}</th>
                <th scope="col">{t('gatherings.gathering')}</th>
              </tr>
            </thead>
            <tbody>
              {list.value.items.map((r) => (
                <tr key={r.id} class={r.overdue ? 'row-overdue' : undefined} data-testid="follow-up">
                  <td>
                    {day.format(new Date(`${r.dueOn}T00:00:00Z`))}
                    {r.overdue ? <strong> · {t('gatherings.console.overdue')}</strong> : null}
                  </td>
                  <td>{r.responsible}</td>
                  <td>{r.conclusion}</td>
                  <td>
                    <a href={`/staff/gatherings/${r.gathering}`}>{r.gatheringTitle}</a>
                    <span class="small muted">
                      {' '}
                      · {r.unitName} · {new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(r.gatheringStartsAt))}
                    </span>
                    {r.petition ? <span class="small muted"> · {r.petition}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
