/**
 * A unit's service points against its level's checklist (township 7+N, village 5+N, group 3+N:
 * the required ones and the optional "N"), a form to record one, and the gap view: the units
 * below it that still lack a required service point, counted per kind.
 */
import { useState } from 'preact/hooks';
import { api, messageOf, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Empty, Field, Loading, useAsync } from '../../app/ui.tsx';

type Names = Record<string, string | undefined>;

interface ChecklistItem {
  kind: string;
  names: Names;
  required: boolean;
  present: boolean;
}

interface UnitServicePoints {
  items: Array<{ id: number; kind: string; kindNames: Names; name: string; address?: string }>;
  checklistLevel: string | null;
  checklist: ChecklistItem[];
  missingRequired: string[];
}

interface Gaps extends List<{ unit: string; unitName: string; level: string; requiredCount: number; presentCount: number; missing: string[] }> {
  totals: { units: number; missing: Array<{ kind: string; units: number }> };
}

function useNames() {
  const { locale } = useI18n();
  // A kind's name in the interface's language, else English, else its key made readable.
  return (names: Names | undefined, key: string) =>
    names?.[locale.startsWith('zh') ? 'zh' : locale] ?? names?.en ?? key.split('.').pop()!.replace(/_/g, ' ');
}

function Checklist({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const name = useNames();
  const points = useAsync(() => api.get<UnitServicePoints>(`/units/${encodeURIComponent(unit.code)}/service-points`), [unit.code]);
  const [form, setForm] = useState({ kind: '', name: '', address: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  if (points.loading && !points.value) return <Loading />;
  if (points.error) return <Alert>{points.error}</Alert>;
  const v = points.value!;
  const required = v.checklist.filter((c) => c.required);
  const optional = v.checklist.filter((c) => !c.required);
  const set = (k: keyof typeof form) => (e: Event) => setForm((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));
  return (
    <section aria-labelledby="points-heading">
      <h2 id="points-heading">{t('admin.servicePointsOf', { unit: unitName(unit, locale) })}</h2>
      {v.checklistLevel ? (
        <p>
          {t('admin.checklistSummary', {
            present: required.filter((c) => c.present).length,
            required: required.length,
            optional: v.items.filter((p) => optional.some((o) => o.kind === p.kind)).length,
          })}
        </p>
      ) : (
        <p class="muted">{t('admin.noChecklist')}</p>
      )}
      {v.checklist.length ? (
        <table class="list-table">
          <caption class="sr-only">{t('admin.checklist')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.servicePointKind')}</th>
              <th scope="col">{t('admin.requiredOrOptional')}</th>
              <th scope="col">{t('admin.servicePointsHere')}</th>
            </tr>
          </thead>
          <tbody>
            {[...required, ...optional].map((c) => {
              const here = v.items.filter((p) => p.kind === c.kind);
              return (
                <tr key={c.kind} class={c.required && !c.present ? 'row-overdue' : undefined}>
                  <td data-label={t('admin.servicePointKind')}>{name(c.names, c.kind)}</td>
                  <td data-label={t('admin.requiredOrOptional')}>{t(c.required ? 'admin.required' : 'admin.optional')}</td>
                  <td data-label={t('admin.servicePointsHere')}>
                    {here.length ? (
                      here.map((p) => (
                        <div key={p.id}>
                          {p.name}
                          {p.address ? <span class="muted small"> · {p.address}</span> : null}
                        </div>
                      ))
                    ) : c.required ? (
                      <span class="badge badge-overdue">{t('admin.missing')}</span>
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {v.checklist.length ? (
        <form
          class="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const found: Record<string, string> = {};
            if (!form.kind) found.kind = t('case.errors.required');
            if (!form.name.trim()) found.name = t('case.errors.required');
            setErrors(found);
            if (Object.keys(found).length) return;
            setError(null);
            try {
              await api.post('/service-points', { unit: unit.code, kind: form.kind, name: form.name.trim(), address: form.address.trim() || undefined });
              setForm({ kind: '', name: '', address: '' });
              points.reload();
            } catch (err) {
              setError(messageOf(err));
            }
          }}
        >
          <h3>{t('admin.newServicePoint')}</h3>
          <Alert>{error}</Alert>
          <Field label={t('admin.servicePointKind')} error={errors.kind} required>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form.kind} onChange={set('kind')}>
                <option value="">{t('case.choose')}</option>
                {v.checklist.map((c) => (
                  <option key={c.kind} value={c.kind}>
                    {name(c.names, c.kind)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('admin.servicePointName')} error={errors.name} required>
            {({ id, describedBy, invalid }) => <input id={id} type="text" aria-describedby={describedBy} aria-invalid={invalid} value={form.name} onInput={set('name')} />}
          </Field>
          <Field label={t('case.address')}>
            {({ id }) => <input id={id} type="text" value={form.address} onInput={set('address')} />}
          </Field>
          <button type="submit" class="button primary">
            {t('admin.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function GapView({ unit }: { unit: Unit }) {
  const { t, number, locale } = useI18n();
  const name = useNames();
  const gaps = useAsync(async () => {
    const list = await api.get<Gaps>('/service-points/gaps', { unit: unit.code, limit: 100 });
    // The kinds' names come with each level's checklist: one unit of each level is asked.
    const names = new Map<string, Names>();
    const byLevel = new Map(list.items.map((g) => [g.level, g.unit]));
    for (const code of byLevel.values()) {
      const points = await api.get<UnitServicePoints>(`/units/${encodeURIComponent(code)}/service-points`).catch(() => null);
      for (const c of points?.checklist ?? []) names.set(c.kind, c.names);
    }
    return { list, names };
  }, [unit.code]);
  if (gaps.loading && !gaps.value) return <Loading />;
  if (gaps.error) return <Alert>{gaps.error}</Alert>;
  const { list, names } = gaps.value!;
  return (
    <section aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">{t('admin.gapsUnder', { unit: unitName(unit, locale) })}</h2>
      {list.totals.units === 0 ? (
        <Empty>{t('admin.noGaps')}</Empty>
      ) : (
        <>
          <p>{t('admin.gapsTotal', { count: list.totals.units, units: number(list.totals.units) })}</p>
          <ul class="plain-list">
            {list.totals.missing.map((m) => (
              <li key={m.kind}>
                {name(names.get(m.kind), m.kind)}: {t('admin.gapsKind', { count: m.units, units: number(m.units) })}
              </li>
            ))}
          </ul>
          <table class="list-table">
            <caption class="sr-only">{t('admin.gapsUnder', { unit: unitName(unit, locale) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('track.unit')}</th>
                <th scope="col">{t('admin.requiredPresent')}</th>
                <th scope="col">{t('admin.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((g) => (
                <tr key={g.unit}>
                  <td data-label={t('track.unit')}>
                    {g.unitName} <span class="muted small">({g.unit})</span>
                  </td>
                  <td data-label={t('admin.requiredPresent')}>
                    {number(g.presentCount)} / {number(g.requiredCount)}
                  </td>
                  <td data-label={t('admin.missing')}>{g.missing.map((k) => name(names.get(k), k)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.next ? <p class="muted">{t('admin.gapsMore')}</p> : null}
        </>
      )}
    </section>
  );
}

export function ServicePoints({ unit }: { unit: Unit }) {
  return (
    <>
      <Checklist unit={unit} />
      <GapView unit={unit} />
    </>
  );
}
