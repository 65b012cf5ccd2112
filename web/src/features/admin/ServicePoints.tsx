/**
 * A unit's service points against its level's checklist (township 7+N, village 5+N, group 3+N:
 * the required ones and the optional "N"), a form to record one, and the gap view: the units
 * below it that still lack a required service point, counted per kind.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Empty, Loading, useAsync } from '../../app/ui.tsx';
import { DataTable, SelectField, TextField, useSubmission, Form } from '../../app/components.tsx';
import type { Static } from 'typebox';
import type { GapList, UnitServicePoints as UnitServicePointsSchema } from '../../../../server/modules/service-points/service-points.schema.ts';

type UnitServicePoints = Static<typeof UnitServicePointsSchema>;
type Names = UnitServicePoints['checklist'][number]['names'];

function useNames() {
  const { locale } = useI18n();
  // A kind's name in the interface's language, else English, else its key made readable.
  return (names: Names | undefined, key: string) =>
    names?.[serverLanguage(locale)] ?? names?.en ?? key.split('.').pop()!.replace(/_/g, ' ');
}

function Checklist({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const name = useNames();
  const points = useAsync(() => api.get<UnitServicePoints>(`/units/${encodeURIComponent(unit.code)}/service-points`), [unit.code]);
  const [form, setForm] = useState({ kind: '', name: '', address: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sending = useSubmission();
  if (points.loading && !points.value) return <Loading />;
  if (points.error) return <Alert>{points.error}</Alert>;
  const v = points.value!;
  const required = v.checklist.filter((c) => c.required);
  const optional = v.checklist.filter((c) => !c.required);
  const set = (k: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
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
        <DataTable
          caption={t('admin.checklist')}
          rows={[...required, ...optional]}
          rowKey={(c) => c.kind}
          rowClass={(c) => (c.required && !c.present ? 'row-overdue' : undefined)}
          columns={[
            { header: t('admin.servicePointKind'), cell: (c) => name(c.names, c.kind) },
            { header: t('admin.requiredOrOptional'), cell: (c) => t(c.required ? 'admin.required' : 'admin.optional') },
            {
              header: t('admin.servicePointsHere'),
              cell: (c) => {
                const here = v.items.filter((p) => p.kind === c.kind);
                if (here.length) {
                  return here.map((p) => (
                    <div key={p.id}>
                      {p.name}
                      {p.address ? <span class="muted small"> · {p.address}</span> : null}
                    </div>
                  ));
                }
                return c.required ? <span class="badge badge-overdue">{t('admin.missing')}</span> : <span class="muted">—</span>;
              },
            },
          ]}
        />
      ) : null}
      {v.checklist.length ? (
        <Form
          class="form"
          onSend={async () => {
            const found: Record<string, string> = {};
            if (!form.kind) found.kind = t('case.errors.required');
            if (!form.name.trim()) found.name = t('case.errors.required');
            setErrors(found);
            if (Object.keys(found).length) return;
            await sending.run(async () => {
              await api.post('/service-points', { unit: unit.code, kind: form.kind, name: form.name.trim(), address: form.address.trim() || undefined });
              setForm({ kind: '', name: '', address: '' });
              points.reload();
            });
          }}
        >
          <h3>{t('admin.newServicePoint')}</h3>
          <Alert>{sending.error}</Alert>
          <SelectField
            label={t('admin.servicePointKind')}
            error={errors.kind}
            required
            none={t('case.choose')}
            value={form.kind}
            options={v.checklist.map((c) => ({ value: c.kind, label: name(c.names, c.kind) }))}
            onChange={set('kind')}
          />
          <TextField label={t('admin.servicePointName')} error={errors.name} required value={form.name} onInput={set('name')} />
          <TextField label={t('case.address')} value={form.address} onInput={set('address')} />
          <button type="submit" class="button primary" disabled={sending.busy}>
            {t('admin.add')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function GapView({ unit }: { unit: Unit }) {
  const { t, number, locale } = useI18n();
  const name = useNames();
  const gaps = useAsync(async () => {
    const list = await api.get<Static<typeof GapList>>('/service-points/gaps', { unit: unit.code, limit: 100 });
    // The kinds' names come with each level's checklist: one unit of each level is asked.
    const names = new Map<string, Names>();
    const byLevel = new Map(list.items.map((g) => [g.level, g.unit.code]));
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
          <DataTable
            caption={t('admin.gapsUnder', { unit: unitName(unit, locale) })}
            rows={list.items}
            rowKey={(g) => g.unit.code}
            columns={[
              {
                header: t('track.unit'),
                cell: (g) => (
                  <>
                    {g.unit.name} <span class="muted small">({g.unit.code})</span>
                  </>
                ),
              },
              { header: t('admin.requiredPresent'), cell: (g) => `${number(g.presentCount)} / ${number(g.requiredCount)}` },
              { header: t('admin.missing'), cell: (g) => g.missing.map((k) => name(names.get(k), k)).join(', ') },
            ]}
          />
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
