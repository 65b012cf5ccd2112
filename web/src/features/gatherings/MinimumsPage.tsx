import { useState } from 'preact/hooks';
import { api, type List } from '../../app/api.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import { hostRoles, type HostRole } from '../../../../server/contract/domain.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import type { Minimum } from './types.ts';
import { useSubmission } from './submission.ts';

const levels = ['province', 'city', 'district', 'county', 'commune', 'ward', 'town', 'township'] as const;

const blank = { country: 'VN', level: 'commune', role: 'chairman' as HostRole, days: '1', per: 'week' as 'week' | 'month', validFrom: '', validTo: '', source: '' };

/** Administrators keep the law's minimum reception frequency as data: per level and role, from a day (and until one). */
export default function MinimumsPage() {
  const { t } = useI18n();
  const list = useAsync(() => api.get<List<Minimum>>('/reception-minimums'), []);
  const [form, setForm] = useState(blank);
  const { busy, error, notice, setNotice, submit } = useSubmission();
  const set = (patch: Partial<typeof blank>) => setForm({ ...form, ...patch });
  const edit = (m: Minimum) => {
    setForm({ country: m.country, level: m.level, role: m.role as HostRole, days: String(m.days), per: m.per as 'week' | 'month', validFrom: m.validFrom, validTo: m.validTo ?? '', source: m.source });
    setNotice(null);
    document.getElementById('minimum-form')?.scrollIntoView();
  };
  return (
    <>
      <PageTitle>{t('gatherings.minimums.title')}</PageTitle>
      <p class="hint">{t('gatherings.minimums.lead')}</p>
      {list.loading ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {list.value ? (
        <div class="table-scroll">
          <table>
            <caption class="sr-only">{t('gatherings.minimums.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gatherings.minimums.country')}</th>
                <th scope="col">{t('gatherings.minimums.level')}</th>
                <th scope="col">{t('gatherings.hostRoleLabel')}</th>
                <th scope="col">{t('gatherings.minimums.frequency')}</th>
                <th scope="col">{t('gatherings.minimums.validFrom')}</th>
                <th scope="col">{t('gatherings.minimums.validTo')}</th>
                <th scope="col">{t('gatherings.minimums.source')}</th>
                <th scope="col">
                  <span class="sr-only">{t('gatherings.minimums.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.value.items.map((m) => (
                <tr key={m.id} data-testid="minimum">
                  <td>{m.country}</td>
                  <td>{tOr(`level.${m.level}`, m.level)}</td>
                  <td>{t(`gatherings.hostRole.${m.role}`)}</td>
                  <td>{t(`gatherings.minimum.${m.per}`, { count: m.days })}</td>
                  <td>{m.validFrom}</td>
                  <td>{m.validTo ?? '—'}</td>
                  <td>{m.source}</td>
                  <td>
                    <button type="button" class="link-button" onClick={() => edit(m)}>
                      {t('gatherings.minimums.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section aria-labelledby="minimum-form-heading" id="minimum-form">
        <h2 id="minimum-form-heading">{t('gatherings.minimums.set')}</h2>
        <p class="hint">{t('gatherings.minimums.setHint')}</p>
        <form
          class="form"
          onSubmit={submit(async () => {
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
          <Field label={t('gatherings.minimums.country')} required>
            {(f) => <input id={f.id} value={form.country} required maxLength={2} onInput={(e) => set({ country: e.currentTarget.value })} />}
          </Field>
          <Field label={t('gatherings.minimums.level')} required>
            {(f) => (
              <select id={f.id} value={form.level} onChange={(e) => set({ level: e.currentTarget.value })}>
                {[...new Set([...levels, form.level])].map((l) => (
                  <option key={l} value={l}>
                    {tOr(`level.${l}`, l)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('gatherings.hostRoleLabel')}>
            {(f) => (
              <select id={f.id} value={form.role} onChange={(e) => set({ role: e.currentTarget.value as HostRole })}>
                {hostRoles.map((r) => (
                  <option key={r} value={r}>
                    {t(`gatherings.hostRole.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('gatherings.minimums.days')} required>
            {(f) => <input id={f.id} type="number" min={1} max={31} value={form.days} required onInput={(e) => set({ days: e.currentTarget.value })} />}
          </Field>
          <Field label={t('gatherings.minimums.per')}>
            {(f) => (
              <select id={f.id} value={form.per} onChange={(e) => set({ per: e.currentTarget.value as 'week' | 'month' })}>
                <option value="week">{t('gatherings.minimums.perWeek')}</option>
                <option value="month">{t('gatherings.minimums.perMonth')}</option>
              </select>
            )}
          </Field>
          <Field label={t('gatherings.minimums.validFrom')} required>
            {(f) => <input id={f.id} type="date" value={form.validFrom} required onInput={(e) => set({ validFrom: e.currentTarget.value })} />}
          </Field>
          <Field label={t('gatherings.minimums.validTo')} hint={t('gatherings.minimums.validToHint')}>
            {(f) => <input id={f.id} type="date" aria-describedby={f.describedBy} value={form.validTo} onInput={(e) => set({ validTo: e.currentTarget.value })} />}
          </Field>
          <Field label={t('gatherings.minimums.source')} required>
            {(f) => <input id={f.id} value={form.source} required maxLength={500} onInput={(e) => set({ source: e.currentTarget.value })} />}
          </Field>
          <Alert>{error}</Alert>
          {notice ? <Alert kind="success">{notice}</Alert> : null}
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.sending') : t('gatherings.minimums.save')}
          </button>
        </form>
      </section>
    </>
  );
}
