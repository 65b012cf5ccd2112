/**
 * The staff page's own sections: the units below in one sortable table with CSV and XLSX
 * downloads (reports upward), and the unit's steering committee — members, the regulation in
 * force, meetings and the decisions' follow-ups.
 */
import { useState } from 'preact/hooks';
import { api, queryString } from '../../app/api.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import { SortHeader } from '../../app/components.tsx';
import { hasRole, useSession } from '../../app/session.ts';
import { MeetingForm, MemberForms } from './StaffForms.tsx';
import { ReportTable } from './ReportTable.tsx';
import type { Static } from 'typebox';
import type { CommitteeView, UpwardView } from '../../../../server/modules/reports/reports.schema.ts';
import { committeeKeepers } from '../../../../server/contract/roleSets.ts';

type Upward = Static<typeof UpwardView>;
const columns = ['received', 'resolved', 'resolutionRate', 'onTimeRate', 'satisfactionRate'] as const;
type Sort = 'unit' | (typeof columns)[number];

export function UnitsBelow({ params }: { params: Record<string, string> }) {
  const { t, locale, number, percent } = useI18n();
  const [sort, setSort] = useState<Sort>('unit');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const table = useAsync(() => api.get<Upward>('/reports/units', { ...params, sort, order }), [JSON.stringify(params), sort, order]);
  if (table.error || !table.value || table.value.items.length === 0) return null;
  const by = (s: Sort) => {
    if (s === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(s);
      setOrder(s === 'unit' ? 'asc' : 'desc');
    }
  };
  const q = queryString({ ...params, sort, order, lang: serverLanguage(locale) });
  const head = (s: Sort, label: string) => (
    <SortHeader key={s} label={label} sort={sort === s ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} onSort={() => by(s)} buttonClass="link" />
  );
  return (
    <section class="no-print" aria-labelledby="upward-heading">
      <h2 id="upward-heading">{t('reports.upward')}</h2>
      <p>
        <a href={`/api/v1/reports/units.csv${q}`} download>
          CSV
        </a>{' '}
        ·{' '}
        <a href={`/api/v1/reports/units.xlsx${q}`} download>
          XLSX
        </a>
      </p>
      <ReportTable
        data={{ 'data-upward': true }}
        head={
          <>
            {head('unit', t('reports.unit'))}
            {columns.map((c) => head(c, t(`figures.${c}`)))}
          </>
        }
        rows={table.value.items.map((r) => ({
          key: r.unit.code,
          name: unitName(r.unit, locale),
          cells: [number(r.received), number(r.resolved), percent(r.resolutionRate), percent(r.onTimeRate), percent(r.satisfactionRate)],
        }))}
      />
    </section>
  );
}

export function Committee({ unit }: { unit: string }) {
  const { t, date } = useI18n();
  const { me } = useSession();
  const c = useAsync(() => api.get<CommitteeView>('/steering-committees', { unit }).catch(() => null), [unit]);
  if (!c.value) return c.error ? <Alert>{c.error}</Alert> : null;
  const v = c.value;
  const keeper = hasRole(me, committeeKeepers);
  const regulation = v.regulations[0];
  const names = new Map(v.members.map((m) => [m.id, m.name]));
  return (
    <section class="no-print" aria-labelledby="committee-heading" data-committee={v.unit.code}>
      <h2 id="committee-heading">{v.name}</h2>
      <h3>{t('reports.members', { count: v.members.filter((m) => !m.leftOn).length })}</h3>
      <ul>
        {v.members.map((m) => (
          <li key={m.id} class={m.leftOn ? 'muted' : undefined}>
            {m.name} — {t(`reports.memberRole.${m.role}`)}
            {m.position ? `, ${m.position}` : ''}
            {m.leftOn ? ` (${t('reports.committeeForm.leftOn', { day: m.leftOn })})` : ''}
          </li>
        ))}
      </ul>
      {regulation ? (
        <details>
          <summary>
            {regulation.title} ({t('reports.version', { version: regulation.version })}, {regulation.adoptedOn})
          </summary>
          <ol>
            {regulation.articles.map((a) => (
              <li key={a.title}>
                <strong>{a.title}</strong> {a.text}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {v.meetings.map((m) => (
        <article key={m.id}>
          <h3>
            {m.title} · {m.heldOn}
          </h3>
          <ol>
            {m.agenda.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
          <p>{t('reports.present', { present: m.attendance.filter((a) => a.present).length, total: m.attendance.length })}</p>
          {m.minutes ? <p>{m.minutes}</p> : null}
        </article>
      ))}
      {v.decisions.length ? (
        <ReportTable
          data={{ 'data-decisions': true }}
          caption={t('reports.decisions')}
          headers={[t('reports.decision'), t('reports.owner'), t('reports.due'), t('reports.followUp')]}
          rows={v.decisions.map((d) => ({
            key: d.id,
            name: d.text,
            cells: [
              names.get(d.owner.id) ?? d.owner.name,
              date(d.dueAt),
              d.status === 'done' ? t('reports.done') : d.escalatedTo ? t('reports.escalatedTo', { unit: d.escalatedTo.name }) : d.overdue ? t('reports.overdueCases') : t('reports.open'),
            ],
          }))}
        />
      ) : null}
      {keeper ? (
        <>
          <MemberForms committee={v} onChange={c.set} />
          <MeetingForm committee={v} onChange={c.set} />
        </>
      ) : null}
    </section>
  );
}
