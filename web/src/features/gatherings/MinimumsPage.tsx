import { useState } from 'preact/hooks';
import { api, type List } from '../../app/api.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import { hostRoles, type HostRole } from '../../../../server/contract/domain.ts';
import { Alert, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { DataTable, SelectField, TextField } from '../../app/components.tsx';
import type { Minimum } from './types.ts';
import { useFormSubmission } from './submission.ts';
import { FormEnd } from './FormEnd.tsx';

const levels = ['province', 'city', 'district', 'county', 'commune', 'ward', 'town', 'township'] as const;

const blank = { country: 'VN', level: 'commune', role: 'chairman' as HostRole, days: '1', per: 'week' as 'week' | 'month', validFrom: '', validTo: '', source: '' };

/** Administrators keep the law's minimum reception frequency as data: per level and role, from a day (and until one). */
export default function MinimumsPage() {
  const { t } = useI18n();
  const list = useAsync(() => api.get<List<Minimum>>('/reception-minimums'), []);
  const [form, setForm] = useState(blank);
  const sending = useFormSubmission();
  const set = (patch: Partial<typeof blank>) => setForm({ ...form, ...patch });
  const edit = (m: Minimum) => {
    setForm({ country: m.country, level: m.level, role: m.role as HostRole, days: String(m.days), per: m.per as 'week' | 'month', validFrom: m.validFrom, validTo: m.validTo ?? '', source: m.source });
    sending.setNotice(null);
    document.getElementById('minimum-form')?.scrollIntoView();
  };
  return (
    <>
      <PageTitle>{t('gatherings.minimums.title')}</PageTitle>
      <p class="hint">{t('gatherings.minimums.lead')}</p>
      {list.loading ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {list.value ? (
        <DataTable
          scroll
          caption={t('gatherings.minimums.title')}
          rows={list.value.items}
          rowKey={(m) => m.id}
          rowTestId="minimum"
          columns={[
            { header: t('gatherings.minimums.country'), cell: (m) => m.country },
            { header: t('gatherings.minimums.level'), cell: (m) => tOr(`level.${m.level}`, m.level) },
            { header: t('gatherings.hostRoleLabel'), cell: (m) => t(`gatherings.hostRole.${m.role}`) },
            { header: t('gatherings.minimums.frequency'), cell: (m) => t(`gatherings.minimum.${m.per}`, { count: m.days }) },
            { header: t('gatherings.minimums.validFrom'), cell: (m) => m.validFrom },
            { header: t('gatherings.minimums.validTo'), cell: (m) => m.validTo ?? '—' },
            { header: t('gatherings.minimums.source'), cell: (m) => m.source },
            {
              header: t('gatherings.minimums.edit'),
              hidden: true,
              cell: (m) => (
                <button type="button" class="link-button" onClick={() => edit(m)}>
                  {t('gatherings.minimums.edit')}
                </button>
              ),
            },
          ]}
        />
      ) : null}
      <section aria-labelledby="minimum-form-heading" id="minimum-form">
        <h2 id="minimum-form-heading">{t('gatherings.minimums.set')}</h2>
        <p class="hint">{t('gatherings.minimums.setHint')}</p>
        <form
          class="form"
          onSubmit={sending.submit(async () => {
            await api.post('/reception-minimums', {
              country: form.country.trim().toUpperCase(),
              level: form.level.trim(),
              role: form.role,
              days: Number(form.days),
              per: form.per,
              validFrom: form.validFrom,
              validTo: form.validTo || null,
              source: form.source.trim(),
            });
            setForm(blank);
            list.reload();
            return t('gatherings.minimums.saved');
          })}
        >
          <TextField label={t('gatherings.minimums.country')} refuseEmpty maxLength={2} value={form.country} onInput={(country) => set({ country })} />
          <SelectField
            label={t('gatherings.minimums.level')}
            required
            value={form.level}
            options={[...new Set([...levels, form.level])].map((l) => ({ value: l, label: tOr(`level.${l}`, l) }))}
            onChange={(level) => set({ level })}
          />
          <SelectField
            label={t('gatherings.hostRoleLabel')}
            value={form.role}
            options={hostRoles.map((r) => ({ value: r, label: t(`gatherings.hostRole.${r}`) }))}
            onChange={(role) => set({ role })}
          />
          <TextField label={t('gatherings.minimums.days')} type="number" min={1} max={31} refuseEmpty value={form.days} onInput={(days) => set({ days })} />
          <SelectField
            label={t('gatherings.minimums.per')}
            value={form.per}
            options={[
              { value: 'week', label: t('gatherings.minimums.perWeek') },
              { value: 'month', label: t('gatherings.minimums.perMonth') },
            ]}
            onChange={(per) => set({ per })}
          />
          <TextField label={t('gatherings.minimums.validFrom')} type="date" refuseEmpty value={form.validFrom} onInput={(validFrom) => set({ validFrom })} />
          <TextField label={t('gatherings.minimums.validTo')} hint={t('gatherings.minimums.validToHint')} type="date" value={form.validTo} onInput={(validTo) => set({ validTo })} />
          <TextField label={t('gatherings.minimums.source')} refuseEmpty maxLength={500} value={form.source} onInput={(source) => set({ source })} />
          <FormEnd sending={sending} label={t('gatherings.minimums.save')} />
        </form>
      </section>
    </>
  );
}
