import { useState } from 'preact/hooks';
import { api, ApiError, messageOf, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import type { Agency, OfficialSummary, Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import type { Role } from '../../../../server/contract/domain.ts';
import { Alert, Empty, Field, Loading, PageTitle, RoleSelect, UnitPicker, useAsync } from '../../app/ui.tsx';
import { DeadlinePolicies } from './DeadlinePolicies.tsx';
import { ApprovalSetting } from './ApprovalSetting.tsx';
import { ManageOfficial } from './ManageOfficial.tsx';
import { ServicePoints } from './ServicePoints.tsx';
import { Backups } from './Backups.tsx';
import { sectionsFor, type AdminSection as Section } from './sections.ts';
import { useSession } from '../../app/session.ts';

/** A capability whose API this server does not offer yet reads as such, not as a failure. */
function unavailable(error: unknown): string {
  return error instanceof ApiError && error.missingRoute ? 'missing' : messageOf(error);
}

function UnitsImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  // A few rows are quicker pasted than saved to a file first.
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file && !pasted.trim()) return setError(t('admin.errors.file'));
        setBusy(true);
        setError(null);
        setResult(null);
        try {
          const csv = pasted.trim() ? pasted : await file!.text();
          const answer = await api.post<{ created: number; updated: number; unchanged: number; total: number }>('/units/import', { csv });
          setResult(t('admin.imported', { created: answer.created, updated: answer.updated, unchanged: answer.unchanged }));
        } catch (err) {
          const why = unavailable(err);
          setError(why === 'missing' ? t('admin.importUnavailable') : why);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2>{t('admin.unitsImport')}</h2>
      <p>{t('admin.unitsImportLead')}</p>
      <pre class="sample">code,name,level,parent_code,name_vi,name_zh,name_en</pre>
      <Alert>{error}</Alert>
      {result ? <Alert kind="success">{result}</Alert> : null}
      <Field label={t('admin.csvFile')}>
        {({ id }) => <input id={id} type="file" accept=".csv,text/csv" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />}
      </Field>
      <Field label={t('admin.csvText')} hint={t('admin.csvTextHint')}>
        {({ id, describedBy }) => (
          <textarea id={id} rows={6} spellcheck={false} aria-describedby={describedBy} value={pasted} onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} />
        )}
      </Field>
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t('common.sending') : t('admin.import')}
      </button>
    </form>
  );
}

interface AgencyKind {
  key: string;
  names: Record<string, string | undefined>;
}

function Agencies({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const list = useAsync(() => api.get<List<Agency>>('/agencies', { unit: unit.code, limit: 200 }), [unit.code]);
  const kinds = useAsync(() => api.get<{ items: AgencyKind[] }>('/agency-kinds').then((l) => l.items), []);
  const kindName = (key: string) => {
    const names = kinds.value?.find((k) => k.key === key)?.names;
    return names?.[locale.startsWith('zh') ? 'zh' : locale] ?? names?.en ?? key;
  };
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [kindError, setKindError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  return (
    <section aria-labelledby="agencies-heading">
      <h2 id="agencies-heading">{t('admin.agenciesOf', { unit: unit.name })}</h2>
      {list.loading ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {list.value && !list.value.items.length ? <Empty>{t('admin.noAgencies')}</Empty> : null}
      <ul class="plain-list">
        {list.value?.items.map((a) => (
          <li key={a.id}>
            {a.name} <span class="muted small">({kindName(a.kind)})</span>
          </li>
        ))}
      </ul>
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setFieldError(name.trim() ? null : t('case.errors.required'));
          setKindError(kind ? null : t('case.errors.required'));
          if (!name.trim() || !kind) return;
          setError(null);
          try {
            await api.post('/agencies', { unit: unit.code, name: name.trim(), kind });
            setName('');
            setKind('');
            list.reload();
          } catch (err) {
            setError(messageOf(err));
          }
        }}
      >
        <h3>{t('admin.newAgency')}</h3>
        <Alert>{error}</Alert>
        <Field label={t('admin.agencyName')} error={fieldError} required>
          {({ id, describedBy, invalid }) => <input id={id} type="text" aria-describedby={describedBy} aria-invalid={invalid} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />}
        </Field>
        <Field label={t('admin.agencyKind')} error={kindError} required>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('case.choose')}</option>
              {(kinds.value ?? []).map((k) => (
                <option key={k.key} value={k.key}>
                  {kindName(k.key)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="button primary">
          {t('admin.add')}
        </button>
      </form>
    </section>
  );
}

function Officials({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const list = useAsync(() => api.get<List<OfficialSummary>>('/officials', { unit: unit.code, limit: 200 }), [unit.code]);
  const agencies = useAsync(() => api.get<List<Agency>>('/agencies', { unit: unit.code, limit: 200 }), [unit.code]);
  const [form, setForm] = useState({ username: '', contact: '', name: '', agency: '', role: 'handler' as Role });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: Event) => setForm((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));
  return (
    <section aria-labelledby="officials-heading">
      <h2 id="officials-heading">{t('admin.officialsOf', { unit: unitName(unit, locale) })}</h2>
      {list.loading ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {list.value && !list.value.items.length ? <Empty>{t('admin.noOfficials')}</Empty> : null}
      {list.value?.items.length ? (
        <table class="list-table">
          <caption class="sr-only">{t('admin.officials')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('signIn.username')}</th>
              <th scope="col">{t('admin.grants')}</th>
              <th scope="col">{t('admin.manageColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {list.value.items.map((o) => (
              <tr key={o.id}>
                <td data-label={t('admin.name')}>{o.name}</td>
                <td data-label={t('signIn.username')}>{o.username}</td>
                <td data-label={t('admin.grants')}>
                  {(o.grants ?? [])
                    .map((g) => `${t(`role.${g.role}`)} @ ${g.unitName ?? g.unit ?? t('admin.everywhere')}`)
                    .join(', ')}
                  {o.disabled ? <span class="badge badge-overdue"> {t('admin.disabledBadge')}</span> : null}
                  {o.awaitingSetup ? <span class="muted"> {t('admin.awaitingSetup')}</span> : null}
                </td>
                <td data-label={t('admin.manageColumn')}>
                  <ManageOfficial
                    official={o}
                    unit={unit}
                    onChanged={(updated) => list.set({ ...list.value!, items: list.value!.items.map((x) => (x.id === updated.id ? updated : x)) })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const found: Record<string, string> = {};
          if (!form.username.trim()) found.username = t('case.errors.required');
          if (!/^(\+?[0-9 ().-]{6,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/.test(form.contact.trim())) found.contact = t('admin.errors.contact');
          if (!form.name.trim()) found.name = t('case.errors.required');
          setErrors(found);
          if (Object.keys(found).length) return;
          setError(null);
          try {
            const answer = await api.post<OfficialSummary>('/officials', {
              username: form.username.trim(),
              contact: form.contact.trim(),
              name: form.name.trim(),
              agency: form.agency ? Number(form.agency) : undefined,
              grants: [{ unit: unit.code, role: form.role }],
            });
            setCreated(t('admin.officialCreated', { name: form.name.trim(), contact: answer.contact ?? '—' }));
            setForm({ username: '', contact: '', name: '', agency: '', role: 'handler' });
            list.reload();
          } catch (err) {
            setError(messageOf(err));
          }
        }}
      >
        <h3>{t('admin.newOfficial')}</h3>
        <Alert>{error}</Alert>
        {created ? <Alert kind="success">{created}</Alert> : null}
        <Field label={t('admin.name')} error={errors.name} required>
          {({ id, describedBy, invalid }) => <input id={id} type="text" aria-describedby={describedBy} aria-invalid={invalid} value={form.name} onInput={set('name')} />}
        </Field>
        <Field label={t('signIn.username')} error={errors.username} required>
          {({ id, describedBy, invalid }) => <input id={id} type="text" autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid} value={form.username} onInput={set('username')} />}
        </Field>
        <Field label={t('admin.contact')} hint={t('admin.contactHint')} error={errors.contact} required>
          {({ id, describedBy, invalid }) => <input id={id} type="text" inputMode="email" autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid} value={form.contact} onInput={set('contact')} />}
        </Field>
        <Field label={t('case.agency')}>
          {({ id }) => (
            <select id={id} value={form.agency} onChange={set('agency')}>
              <option value="">{t('case.none')}</option>
              {agencies.value?.items.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <RoleSelect label={t('admin.role')} value={form.role} onChange={(role) => setForm((f) => ({ ...f, role }))} />
        <button type="submit" class="button primary">
          {t('admin.add')}
        </button>
      </form>
    </section>
  );
}

export default function AdminPage({ query }: PageProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const sections = sectionsFor(me?.grants ?? []);
  const section = (sections.includes(query.get('section') as Section) ? query.get('section') : 'agencies') as Section;
  const [unit, setUnit] = useState<Unit | null>(null);
  return (
    <>
      <PageTitle>{t('admin.title')}</PageTitle>
      <nav aria-label={t('admin.sections')}>
        <ul class="tabs">
          {sections.map((s) => (
            <li key={s}>
              <a href={`/staff/admin?section=${s}`} aria-current={s === section ? 'page' : undefined} onClick={(e) => { e.preventDefault(); navigate(`/staff/admin?section=${s}`); }}>
                {t(`admin.section.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'units' ? <UnitsImport /> : null}
      {section === 'backups' ? <Backups /> : null}
      {section !== 'units' && section !== 'backups' ? (
        <UnitPicker label={t('admin.unit')} value={unit} onChange={setUnit} />
      ) : null}
      {section === 'agencies' && unit ? <Agencies unit={unit} /> : null}
      {section === 'officials' && unit ? <Officials unit={unit} /> : null}
      {section === 'deadlines' ? <DeadlinePolicies unit={unit} /> : null}
      {section === 'approval' && unit ? <ApprovalSetting unit={unit} /> : null}
      {section === 'servicePoints' && unit ? <ServicePoints unit={unit} /> : null}
      {section !== 'units' && section !== 'deadlines' && section !== 'backups' && !unit ? <p class="muted">{t('admin.pickUnit')}</p> : null}
    </>
  );
}
