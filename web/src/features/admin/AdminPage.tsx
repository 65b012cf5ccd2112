import { useState } from 'preact/hooks';
import { api, ApiError, type List } from '../../app/api.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import type { Agency, OfficialSummary, Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import type { Role } from '../../../../server/contract/domain.ts';
import type { Static } from 'typebox';
import type { AgencyKindList } from '../../../../server/modules/agencies/agencies.schema.ts';
import type { ImportSummary } from '../../../../server/modules/units/units.schema.ts';
import { Alert, Empty, Field, Loading, PageTitle, RoleSelect, UnitPicker, useAsync } from '../../app/ui.tsx';
import { ListTable, SelectField, TextField, useSubmission, type Column, Form } from '../../app/components.tsx';
import { DeadlinePolicies } from './DeadlinePolicies.tsx';
import { ApprovalSetting } from './ApprovalSetting.tsx';
import { ManageOfficial } from './ManageOfficial.tsx';
import { ServicePoints } from './ServicePoints.tsx';
import { Backups } from './Backups.tsx';
import { sectionsFor, type AdminSection as Section } from './sections.ts';
import { useSession } from '../../app/session.ts';

function UnitsImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  // A few rows are quicker pasted than saved to a file first.
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmission();
  return (
    <Form
      class="form"
      onSend={async () => {
        if (!file && !pasted.trim()) return setError(t('admin.errors.file'));
        setResult(null);
        await run(async () => {
          const csv = pasted.trim() ? pasted : await file!.text();
          try {
            const answer = await api.post<Static<typeof ImportSummary>>('/units/import', { csv });
            setResult(t('admin.imported', { created: answer.created, updated: answer.updated, unchanged: answer.unchanged }));
          } catch (err) {
            // A server without the import reads as such, not as a failure.
            if (err instanceof ApiError && err.missingRoute) setError(t('admin.importUnavailable'));
            else throw err;
          }
        });
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
    </Form>
  );
}

function Agencies({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const list = useAsync(() => api.get<List<Agency>>('/agencies', { unit: unit.code, limit: 200 }), [unit.code]);
  const kinds = useAsync(() => api.get<Static<typeof AgencyKindList>>('/agency-kinds').then((l) => l.items), []);
  const kindName = (key: string) => {
    const names = kinds.value?.find((k) => k.key === key)?.names;
    return names?.[serverLanguage(locale)] ?? names?.en ?? key;
  };
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [kindError, setKindError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const sending = useSubmission();
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
      <Form
        class="form"
        onSend={async () => {
          setFieldError(name.trim() ? null : t('case.errors.required'));
          setKindError(kind ? null : t('case.errors.required'));
          if (!name.trim() || !kind) return;
          await sending.run(async () => {
            await api.post('/agencies', { unit: unit.code, name: name.trim(), kind });
            setName('');
            setKind('');
            list.reload();
          });
        }}
      >
        <h3>{t('admin.newAgency')}</h3>
        <Alert>{sending.error}</Alert>
        <TextField label={t('admin.agencyName')} error={fieldError} required value={name} onInput={setName} />
        <SelectField
          label={t('admin.agencyKind')}
          error={kindError}
          required
          none={t('case.choose')}
          value={kind}
          options={(kinds.value ?? []).map((k) => ({ value: k.key, label: kindName(k.key) }))}
          onChange={setKind}
        />
        <button type="submit" class="button primary" disabled={sending.busy}>
          {t('admin.add')}
        </button>
      </Form>
    </section>
  );
}

function Officials({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const list = useAsync(() => api.get<List<OfficialSummary>>('/officials', { unit: unit.code, limit: 200 }), [unit.code]);
  const agencies = useAsync(() => api.get<List<Agency>>('/agencies', { unit: unit.code, limit: 200 }), [unit.code]);
  const [form, setForm] = useState({ username: '', contact: '', name: '', agency: '', role: 'handler' as Role });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sending = useSubmission();
  const [created, setCreated] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
  const columns: Column<OfficialSummary>[] = [
    { header: t('admin.name'), cell: (o) => o.name },
    { header: t('signIn.username'), cell: (o) => o.username },
    {
      header: t('admin.grants'),
      cell: (o) => (
        <>
          {(o.grants ?? []).map((g) => `${t(`role.${g.role}`)} @ ${g.unit?.name ?? t('admin.everywhere')}`).join(', ')}
          {o.disabled ? <span class="badge badge-overdue"> {t('admin.disabledBadge')}</span> : null}
          {o.awaitingSetup ? <span class="muted"> {t('admin.awaitingSetup')}</span> : null}
        </>
      ),
    },
    {
      header: t('admin.manageColumn'),
      cell: (o) => (
        <ManageOfficial
          official={o}
          unit={unit}
          onChanged={(updated) => list.set({ ...list.value!, items: list.value!.items.map((x) => (x.id === updated.id ? updated : x)) })}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby="officials-heading">
      <h2 id="officials-heading">{t('admin.officialsOf', { unit: unitName(unit, locale) })}</h2>
      <ListTable list={list} empty={t('admin.noOfficials')} caption={t('admin.officials')} columns={columns} rowKey={(o) => o.id} />
      <Form
        class="form"
        onSend={async () => {
          const found: Record<string, string> = {};
          if (!form.username.trim()) found.username = t('case.errors.required');
          if (!/^(\+?[0-9 ().-]{6,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/.test(form.contact.trim())) found.contact = t('admin.errors.contact');
          if (!form.name.trim()) found.name = t('case.errors.required');
          setErrors(found);
          if (Object.keys(found).length) return;
          await sending.run(async () => {
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
          });
        }}
      >
        <h3>{t('admin.newOfficial')}</h3>
        <Alert>{sending.error}</Alert>
        {created ? <Alert kind="success">{created}</Alert> : null}
        <TextField label={t('admin.name')} error={errors.name} required value={form.name} onInput={set('name')} />
        <TextField label={t('signIn.username')} error={errors.username} required autoComplete="off" value={form.username} onInput={set('username')} />
        <TextField label={t('admin.contact')} hint={t('admin.contactHint')} error={errors.contact} required inputMode="email" autoComplete="off" value={form.contact} onInput={set('contact')} />
        <SelectField
          label={t('case.agency')}
          none={t('case.none')}
          value={form.agency}
          options={(agencies.value?.items ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
          onChange={set('agency')}
        />
        <RoleSelect label={t('admin.role')} value={form.role} onChange={(role) => setForm((f) => ({ ...f, role }))} />
        <button type="submit" class="button primary" disabled={sending.busy}>
          {t('admin.add')}
        </button>
      </Form>
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
