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
import type { ReportView } from '../../../../server/modules/reports/reports.schema.ts';
import { scorecardGrades } from '../../../../server/contract/domain.ts';
import { lastClosed, periodValid } from './periods.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { Archive } from './Archive.tsx';
import { Committee, UnitsBelow } from './StaffSections.tsx';
import { TargetsForm } from './StaffForms.tsx';
import './report.css';

type Lang = 'vi' | 'zh' | 'en';

export default function ReportPage({ query }: PageProps) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const staff = location.pathname.startsWith('/staff/');
  const unit = query.get('unit') ?? (staff ? myUnits(me)[0] : '') ?? '';
  const period = query.get('period') ?? (query.get('from') && query.get('to') ? `${query.get('from')}..${query.get('to')}` : lastClosed('month'));
  const audience = staff ? 'staff' : 'public';
  const [lang, setLang] = useState<Lang>(serverLanguage(locale));
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
              <select value={lang} onChange={(e) => setLang((e.target as HTMLSelectElement).value as Lang)}>
                <option value="vi">Tiếng Việt</option>
                <option value="zh">中文</option>
                <option value="en">English</option>
              </select>
            </label>
            <a class="button secondary" href={`/api/v1/reports/pdf${queryString({ ...params, lang })}`} download>
              {t('reports.pdf')}
            </a>
          </div>
          <Report report={report.value} />
        </>
      ) : null}
      {unit && staff && report.value && hasRole(me, ['leader', 'administrator']) ? <TargetsForm unit={unit} year={year} onSaved={report.reload} /> : null}
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
  const [value, setValue] = useState(period);
  const [error, setError] = useState<string | null>(null);
  const chosen = picked ?? initial.value ?? null;
  return (
    <form
      class="form report-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) return setError(t('reports.errors.unit'));
        if (!periodValid(value)) return setError(t('reports.errors.period'));
        setError(null);
        onChange(chosen.code, value);
      }}
    >
      <UnitPicker label={t('reports.unit')} value={chosen} onChange={setPicked} required />
      <PeriodPicker value={value} onChange={setValue} />
      <Alert>{error}</Alert>
      <button type="submit" class="button">
        {t('reports.show')}
      </button>
    </form>
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

      <section aria-labelledby="r-petitions">
        <h3 id="r-petitions">{t('reports.petitions')}</h3>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('figures.measure')}</th>
                <th scope="col">{t('reports.thisPeriod')}</th>
                <th scope="col">{t('reports.lastYear')}</th>
                <th scope="col">{t('figures.targetName')}</th>
                <th scope="col">{t('reports.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {rates.map((k) => (
                <tr key={k} data-rate={k}>
                  <th scope="row">
                    {t(`figures.${k}`)} <Bar value={r.petitions[k]} target={r.targets?.[k]} />
                  </th>
                  <td>{percent(r.petitions[k])}</td>
                  <td>{percent(r.lastYear.figures[k])}</td>
                  <td>{percent(r.targets?.[k] ?? null)}</td>
                  <td>
                    <Verdict value={r.petitions[k]} target={r.targets?.[k]} />
                  </td>
                </tr>
              ))}
              {counts.map((k) => (
                <tr key={k} data-figure={k}>
                  <th scope="row">{t(`figures.${k}`)}</th>
                  <td>{number(r.petitions[k])}</td>
                  <td>{number(r.lastYear.figures[k])}</td>
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {r.targets ? (
          <p class="hint" data-targets-set-by={r.targets.setBy}>
            {r.targets.year === null ? t('reports.targetsSetBy', { unit: r.targets.setBy }) : t('reports.targetsOfYear', { unit: r.targets.setBy, year: r.targets.year })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="r-categories">
        <h3 id="r-categories">{t('reports.topCategories')}</h3>
        {r.topCategories.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('figures.byCategory')}</th>
                  <th scope="col">{t('figures.received')}</th>
                  <th scope="col">{t('figures.resolved')}</th>
                  <th scope="col">{t('figures.resolutionRate')}</th>
                </tr>
              </thead>
              <tbody>
                {r.topCategories.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{tOr(`category.${c.category}`, c.category)}</th>
                    <td>{number(c.received)}</td>
                    <td>{number(c.resolved)}</td>
                    <td>{percent(c.resolutionRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="muted">{t('figures.none')}</p>
        )}
      </section>

      <section aria-labelledby="r-hotspots">
        <h3 id="r-hotspots">{t('reports.hotspots')}</h3>
        {r.hotspots.length ? (
          <div class="table-wrap">
            <table data-table="hotspots">
              <thead>
                <tr>
                  <th scope="col">{t('reports.unit')}</th>
                  <th scope="col">{t('figures.byCategory')}</th>
                  <th scope="col">{t('reports.weekEnd')}</th>
                  <th scope="col">{t('reports.weekCount')}</th>
                  <th scope="col">{t('reports.baseline')}</th>
                </tr>
              </thead>
              <tbody>
                {r.hotspots.map((h) => (
                  <tr key={`${h.unit.code}:${h.category}:${h.weekEnd}`} data-hotspot={`${h.unit.code}:${h.category}`}>
                    <th scope="row">{h.unit.name}</th>
                    <td>{tOr(`category.${h.category}`, h.category)}</td>
                    <td>{date(h.weekEnd)}</td>
                    <td>{number(h.count)}</td>
                    <td>{number(h.baseline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="muted">{t('reports.hotspotsNone')}</p>
        )}
      </section>

      {r.children.length ? (
        <section aria-labelledby="r-children">
          <h3 id="r-children">{t('reports.children')}</h3>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('reports.unit')}</th>
                  <th scope="col">{t('figures.received')}</th>
                  {rates.map((k) => (
                    <th scope="col" key={k}>
                      {t(`figures.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.children.map((c) => (
                  <tr key={c.unit.code}>
                    <th scope="row">{name(c.unit)}</th>
                    <td>{number(c.received)}</td>
                    {rates.map((k) => (
                      <td key={k}>{percent(c[k])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {r.cases ? (
        <section aria-labelledby="r-cases">
          <h3 id="r-cases">{t('reports.cases')}</h3>
          {(['overdue', 'longStanding'] as const).map((list) => (
            <div key={list}>
              <h4>{list === 'overdue' ? t('reports.overdueCases') : t('reports.longStandingCases', { days: r.cases!.longStandingDays })}</h4>
              {r.cases![list].length ? (
                <div class="table-wrap">
                  <table data-cases={list}>
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.code')}</th>
                        <th scope="col">{t('reports.unit')}</th>
                        <th scope="col">{t('reports.due')}</th>
                        <th scope="col">{t('reports.leader')}</th>
                        <th scope="col">{t('reports.handler')}</th>
                        <th scope="col">{list === 'overdue' ? t('reports.daysLate') : t('reports.daysOpen')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.cases![list].map((c) => (
                        <tr key={c.trackingCode}>
                          <th scope="row">{c.trackingCode}</th>
                          <td>{c.unit.name}</td>
                          <td>{c.dueOn}</td>
                          <td>{c.leader ?? '—'}</td>
                          <td>{c.handler ?? '—'}</td>
                          <td>{number(list === 'overdue' ? c.daysOverdue : c.daysOpen)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p class="muted">{t('figures.none')}</p>
              )}
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="r-gatherings">
        <h3 id="r-gatherings">{t('reports.gatherings')}</h3>
        <dl class="figures-list">
          <div data-figure="gatherings-sessions">
            <dt>{t('reports.sessions')}</dt>
            <dd>{number(r.gatherings.sessions)}</dd>
          </div>
          <div>
            <dt>{t('reports.residents')}</dt>
            <dd>{number(r.gatherings.residents)}</dd>
          </div>
          <div>
            <dt>{t('reports.opinionsRaised')}</dt>
            <dd>{number(r.gatherings.opinions.raised)}</dd>
          </div>
          <div>
            <dt>{t('reports.opinionsResolved')}</dt>
            <dd>{number(r.gatherings.opinions.resolved)}</dd>
          </div>
        </dl>
        {r.gatherings.minimum.length ? (
          <div class="table-wrap">
            <table>
              <caption>{t('reports.minimum')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.unit')}</th>
                  <th scope="col">{t('reports.monthsMet')}</th>
                  <th scope="col">{t('reports.daysHeld')}</th>
                </tr>
              </thead>
              <tbody>
                {r.gatherings.minimum.map((m) => (
                  <tr key={`${m.unit}:${m.role}`}>
                    <th scope="row">{m.unitName}</th>
                    <td>
                      {number(m.monthsMet)}/{number(m.months)}
                    </td>
                    <td>
                      {number(m.heldDays)}/{number(m.requiredDays)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="r-deliberation">
        <h3 id="r-deliberation">{t('reports.deliberation')}</h3>
        <dl class="figures-list">
          <div>
            <dt>{t('reports.councils')}</dt>
            <dd>{number(r.deliberation.councils)}</dd>
          </div>
          <div data-figure="deliberation-matters">
            <dt>{t('reports.matters')}</dt>
            <dd>{number(r.deliberation.matters)}</dd>
          </div>
          <div>
            <dt>{t('reports.resolutionsPassed')}</dt>
            <dd>{number(r.deliberation.resolutionsPassed)}</dd>
          </div>
        </dl>
        <div class="table-wrap">
          <table>
            <caption>{t('reports.byContent')}</caption>
            <tbody>
              {Object.entries(r.deliberation.byContent).map(([k, n]) => (
                <tr key={k}>
                  <th scope="row">{tOr(`delib.content.${k}`, k)}</th>
                  <td>{number(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="r-points">
        <h3 id="r-points">{t('reports.servicePoints')}</h3>
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
      </section>

      {r.scorecards ? (
        <section aria-labelledby="r-grades">
          <h3 id="r-grades">{t('reports.scorecardGrades')}</h3>
          <div class="table-wrap">
            <table data-table="grades">
              <thead>
                <tr>
                  <th scope="col">{t('reports.gradeColumn')}</th>
                  <th scope="col">{t('reports.officials')}</th>
                </tr>
              </thead>
              <tbody>
                {scorecardGrades.map((g) => (
                  <tr key={g} data-grade={g}>
                    <th scope="row">{t(`scorecards.grade.${g}`)}</th>
                    <td>{number(r.scorecards!.grades[g])}</td>
                  </tr>
                ))}
                <tr data-grade="none">
                  <th scope="row">{t('reports.ungraded')}</th>
                  <td>{number(r.scorecards.ungraded)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </article>
  );
}
