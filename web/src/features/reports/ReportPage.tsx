/**
 * A unit's report for a month, quarter, year or range: printable (the browser's print, with the
 * print styles of report.css) and as a PDF in vi, zh or en. The staff page (/staff/reports)
 * asks for the staff version, with the overdue and long-standing cases and their leaders.
 */
import { useState } from 'preact/hooks';
import { api, queryString } from '../../app/api.ts';
import { serverLanguage, tOr, useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { hasRole, myUnits, useSession } from '../../app/session.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Loading, PageTitle, UnitPicker, useAsync } from '../../app/ui.tsx';
import { Options } from '../../app/components.tsx';
import { languageChoices, type ServerLanguage } from '../../app/languages.ts';
import type { ReportView } from '../../../../server/modules/reports/reports.schema.ts';
import { scorecardGrades } from '../../../../server/contract/domain.ts';
import { lastClosed, periodValid } from './periods.ts';
import { PeriodPickerForm } from './PeriodPicker.tsx';
import { Archive } from './Archive.tsx';
import { Committee, UnitsBelow } from './StaffSections.tsx';
import { Part, ReportTable } from './ReportTable.tsx';
import { FigureList } from '../../app/FigureList.tsx';
import { TargetsForm } from './StaffForms.tsx';
import './report.css';
import { targetSetters } from '../../../../server/contract/roleSets.ts';

export default function ReportPage({ query }: PageProps) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const staff = location.pathname.startsWith('/staff/');
  const unit = query.get('unit') ?? (staff ? myUnits(me)[0] : '') ?? '';
  const period = query.get('period') ?? (query.get('from') && query.get('to') ? `${query.get('from')}..${query.get('to')}` : lastClosed('month'));
  const audience = staff ? 'staff' : 'public';
  const [lang, setLang] = useState<ServerLanguage>(serverLanguage(locale));
  const range: Record<string, string> = period.includes('..') ? { from: period.split('..')[0], to: period.split('..')[1] } : { period };
  const params = { unit, audience, ...range };
  const report = useAsync(() => (unit ? api.get<ReportView>('/reports', params) : Promise.resolve(null)), [unit, period, audience]);
  const year = Number((range.to ?? range.period ?? '').slice(0, 4)) || new Date().getFullYear();
  const base = staff ? '/staff/reports' : '/reports';
  return (
    <div class="report-page">
      <div class="no-print">
        <PageTitle>{staff ? t('reports.staffTitle') : t('reports.title')}</PageTitle>
        <p class="hint">{staff ? t('reports.staffLead') : t('reports.lead')}</p>
        <ReportForm unit={unit} period={period} onChange={(u, p) => navigate(`${base}?unit=${encodeURIComponent(u)}&period=${encodeURIComponent(p)}`)} />
      </div>
      {!unit ? <p class="muted">{t('reports.pickUnit')}</p> : null}
      {report.loading ? <Loading /> : null}
      <Alert>{report.error}</Alert>
      {report.value ? (
        <>
          <div class="report-actions no-print">
            <button type="button" class="button" onClick={() => window.print()}>
              {t('reports.print')}
            </button>
            <label>
              {t('reports.pdfLanguage')}{' '}
              <select value={lang} onChange={(e) => setLang((e.target as HTMLSelectElement).value as ServerLanguage)}>
                <Options choices={languageChoices} />
              </select>
            </label>
            <a class="button secondary" href={`/api/v1/reports/pdf${queryString({ ...params, lang })}`} download>
              {t('reports.pdf')}
            </a>
          </div>
          <Report report={report.value} />
        </>
      ) : null}
      {unit && staff && report.value && hasRole(me, targetSetters) ? <TargetsForm unit={unit} year={year} onSaved={report.reload} /> : null}
      {/* The table of units below takes the unit and the period only (no audience: it is the staff's own). */}
      {unit && staff && report.value ? <UnitsBelow params={{ unit, ...range }} /> : null}
      {unit && staff ? <Committee unit={unit} /> : null}
      {unit ? <Archive unit={unit} /> : null}
    </div>
  );
}

function ReportForm({ unit, period, onChange }: { unit: string; period: string; onChange(unit: string, period: string): void }) {
  const { t } = useI18n();
  const initial = useAsync(() => (unit ? api.get<Unit>(`/units/${encodeURIComponent(unit)}`).catch(() => null) : Promise.resolve(null)), [unit]);
  const [picked, setPicked] = useState<Unit | null>(null);
  const chosen = picked ?? initial.value ?? null;
  return (
    <PeriodPickerForm
      period={period}
      check={(p) => (!chosen ? t('reports.errors.unit') : !periodValid(p) ? t('reports.errors.period') : null)}
      onShow={(p) => chosen && onChange(chosen.code, p)}
    >
      <UnitPicker label={t('reports.unit')} value={chosen} onChange={setPicked} required />
    </PeriodPickerForm>
  );
}

function Verdict({ value, target }: { value: number | null; target: number | null | undefined }) {
  const { t } = useI18n();
  if (value === null || target === null || target === undefined) return <>—</>;
  return value >= target ? <span class="met">{t('reports.met')}</span> : <span class="not-met">{t('reports.notMet')}</span>;
}

function Bar({ value, target }: { value: number | null; target?: number | null }) {
  return (
    <span class="report-bar" aria-hidden="true">
      <span class="report-bar-fill" style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      {target !== null && target !== undefined ? <span class="report-bar-target" style={{ left: `${Math.round(target * 100)}%` }} /> : null}
    </span>
  );
}

export function Report({ report: r }: { report: ReportView }) {
  const { t, locale, number, percent, date } = useI18n();
  const name = (u: { code: string; name: string; names?: Record<string, string> }) => unitName(u, locale);
  const rates = ['resolutionRate', 'onTimeRate', 'satisfactionRate'] as const;
  const counts = ['received', 'answered', 'resolved', 'resolvedOnTime', 'overdue', 'escalated', 'transferred', 'rated'] as const;
  const periodName = r.period.kind === 'custom' ? `${r.period.from} – ${r.period.to}` : `${t(`reports.kinds.${r.period.kind}`)} ${r.period.key}`;
  return (
    <article class="report" data-report={r.unit.code}>
      <header class="report-header">
        <h2>{t('reports.heading', { unit: name(r.unit) })}</h2>
        <p>
          {periodName} ({r.period.from} – {r.period.to}) · {r.audience === 'staff' ? t('reports.staffVersion') : t('reports.publicVersion')}
        </p>
        <p class="muted">{t('reports.asOf', { at: new Date(r.asOf).toLocaleString(locale) })}</p>
      </header>

      <Part id="r-petitions" title={t('reports.petitions')}>
        <ReportTable
          headers={[t('figures.measure'), t('reports.thisPeriod'), t('reports.lastYear'), t('figures.targetName'), t('reports.verdict')]}
          rows={[
            ...rates.map((k) => ({
              key: k,
              data: { 'data-rate': k },
              name: (
                <>
                  {t(`figures.${k}`)} <Bar value={r.petitions[k]} target={r.targets?.[k]} />
                </>
              ),
              cells: [percent(r.petitions[k]), percent(r.lastYear.figures[k]), percent(r.targets?.[k] ?? null), <Verdict value={r.petitions[k]} target={r.targets?.[k]} />],
            })),
            ...counts.map((k) => ({ key: k, data: { 'data-figure': k }, name: t(`figures.${k}`), cells: [number(r.petitions[k]), number(r.lastYear.figures[k]), null, null] })),
          ]}
        />
        {r.targets ? (
          <p class="hint" data-targets-set-by={r.targets.setBy.code}>
            {r.targets.year === null ? t('reports.targetsSetBy', { unit: r.targets.setBy.name }) : t('reports.targetsOfYear', { unit: r.targets.setBy.name, year: r.targets.year })}
          </p>
        ) : null}
      </Part>

      <Part id="r-categories" title={t('reports.topCategories')}>
        <ReportTable
          empty={t('figures.none')}
          headers={[t('figures.byCategory'), t('figures.received'), t('figures.resolved'), t('figures.resolutionRate')]}
          rows={r.topCategories.map((c) => ({
            key: c.category,
            name: tOr(`category.${c.category}`, c.category),
            cells: [number(c.received), number(c.resolved), percent(c.resolutionRate)],
          }))}
        />
      </Part>

      <Part id="r-hotspots" title={t('reports.hotspots')}>
        <ReportTable
          empty={t('reports.hotspotsNone')}
          data={{ 'data-table': 'hotspots' }}
          headers={[t('reports.unit'), t('figures.byCategory'), t('reports.weekEnd'), t('reports.weekCount'), t('reports.baseline')]}
          rows={r.hotspots.map((h) => ({
            key: `${h.unit.code}:${h.category}:${h.weekEnd}`,
            data: { 'data-hotspot': `${h.unit.code}:${h.category}` },
            name: h.unit.name,
            cells: [tOr(`category.${h.category}`, h.category), date(h.weekEnd), number(h.count), number(h.baseline)],
          }))}
        />
      </Part>

      {r.children.length ? (
        <Part id="r-children" title={t('reports.children')}>
          <ReportTable
            headers={[t('reports.unit'), t('figures.received'), ...rates.map((k) => t(`figures.${k}`))]}
            rows={r.children.map((c) => ({ key: c.unit.code, name: name(c.unit), cells: [number(c.received), ...rates.map((k) => percent(c[k]))] }))}
          />
        </Part>
      ) : null}

      {r.cases ? (
        <Part id="r-cases" title={t('reports.cases')}>
          {(['overdue', 'longStanding'] as const).map((list) => (
            <div key={list}>
              <h4>{list === 'overdue' ? t('reports.overdueCases') : t('reports.longStandingCases', { days: r.cases!.longStandingDays })}</h4>
              <ReportTable
                empty={t('figures.none')}
                data={{ 'data-cases': list }}
                headers={[t('reports.code'), t('reports.unit'), t('reports.due'), t('reports.leader'), t('reports.handler'), list === 'overdue' ? t('reports.daysLate') : t('reports.daysOpen')]}
                rows={r.cases![list].map((c) => ({
                  key: c.trackingCode,
                  name: c.trackingCode,
                  cells: [c.unit.name, c.dueOn, c.leader ?? '—', c.handler ?? '—', number(list === 'overdue' ? c.daysOverdue : c.daysOpen)],
                }))}
              />
            </div>
          ))}
        </Part>
      ) : null}

      <Part id="r-gatherings" title={t('reports.gatherings')}>
        <FigureList
          figures={[
            { label: t('reports.sessions'), value: number(r.gatherings.sessions), figure: 'gatherings-sessions' },
            { label: t('reports.residents'), value: number(r.gatherings.residents) },
            { label: t('reports.opinionsRaised'), value: number(r.gatherings.opinions.raised) },
            { label: t('reports.opinionsResolved'), value: number(r.gatherings.opinions.resolved) },
          ]}
        />
        {r.gatherings.minimum.length ? (
          <ReportTable
            caption={t('reports.minimum')}
            headers={[t('reports.unit'), t('reports.monthsMet'), t('reports.daysHeld')]}
            rows={r.gatherings.minimum.map((m) => ({
              key: `${m.unit.code}:${m.role}`,
              name: m.unit.name,
              cells: [`${number(m.monthsMet)}/${number(m.months)}`, `${number(m.heldDays)}/${number(m.requiredDays)}`],
            }))}
          />
        ) : null}
      </Part>

      <Part id="r-deliberation" title={t('reports.deliberation')}>
        <FigureList
          figures={[
            { label: t('reports.councils'), value: number(r.deliberation.councils) },
            { label: t('reports.matters'), value: number(r.deliberation.matters), figure: 'deliberation-matters' },
            { label: t('reports.resolutionsPassed'), value: number(r.deliberation.resolutionsPassed) },
          ]}
        />
        <ReportTable
          caption={t('reports.byContent')}
          rows={Object.entries(r.deliberation.byContent).map(([k, n]) => ({ key: k, name: tOr(`delib.content.${k}`, k), cells: [number(n)] }))}
        />
      </Part>

      <Part id="r-points" title={t('reports.servicePoints')}>
        <p>{t('reports.unitsLacking', { count: r.servicePoints.unitsLacking })}</p>
        {r.servicePoints.missing.length ? (
          <ul>
            {r.servicePoints.missing.map((m) => (
              <li key={m.kind}>
                {m.names[serverLanguage(locale)] ?? m.kind}: {number(m.units)}
              </li>
            ))}
          </ul>
        ) : null}
      </Part>

      {r.scorecards ? (
        <Part id="r-grades" title={t('reports.scorecardGrades')}>
          <ReportTable
            data={{ 'data-table': 'grades' }}
            headers={[t('reports.gradeColumn'), t('reports.officials')]}
            rows={[
              ...scorecardGrades.map((g) => ({ key: g, data: { 'data-grade': g }, name: t(`scorecards.grade.${g}`), cells: [number(r.scorecards!.grades[g])] })),
              { key: 'none', data: { 'data-grade': 'none' }, name: t('reports.ungraded'), cells: [number(r.scorecards.ungraded)] },
            ]}
          />
        </Part>
      ) : null}
    </article>
  );
}
