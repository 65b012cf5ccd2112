import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import { PageTitle, useAsync } from '../../app/ui.tsx';
import { ListTable, SelectField } from '../../app/components.tsx';
import type { FollowUps } from './types.ts';
import { UnitCodeForm } from './UnitCodeForm.tsx';

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
      <UnitCodeForm value={unitText} onInput={setUnitText} onShow={() => go(unitText.trim(), within)}>
        <SelectField
          label={t('gatherings.followUps.within')}
          value={String(within)}
          options={horizons.map((n) => ({ value: String(n), label: t('gatherings.followUps.days', { count: n }) }))}
          onChange={(n) => go(unitText.trim() || unit, Number(n))}
        />
      </UnitCodeForm>
      <ListTable
        list={list}
        empty={t('gatherings.followUps.none')}
        scroll
        caption={t('gatherings.followUps.title')}
        rowKey={(r) => r.id}
        rowClass={(r) => (r.overdue ? 'row-overdue' : undefined)}
        rowTestId="follow-up"
        columns={[
          {
            header: t('gatherings.console.dueOn'),
            cell: (r) => (
              <>
                {day.format(new Date(`${r.dueOn}T00:00:00Z`))}
                {r.overdue ? <strong> · {t('gatherings.console.overdue')}</strong> : null}
              </>
            ),
          },
          { header: t('gatherings.console.responsible'), cell: (r) => r.responsible },
          { header: t('gatherings.console.conclusion'), cell: (r) => r.conclusion },
          {
            header: t('gatherings.gathering'),
            cell: (r) => (
              <>
                <a href={`/staff/gatherings/${r.gathering}`}>{r.gatheringTitle}</a>
                <span class="small muted">
                  {' '}
                  · {r.unit.name} · {new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(r.gatheringStartsAt))}
                </span>
                {r.petition ? <span class="small muted"> · {r.petition}</span> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
