/**
 * Codes of conduct and satisfaction where people are served, for a unit: its norm sets (each
 * edit a new version), the counter tablets (enrol with a one-time code, revoke) and the QR
 * codes to print per counter or per official.
 */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { hasRole, useSession } from '../../app/session.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Empty, Loading, UnitPicker, useAsync } from '../../app/ui.tsx';
import { SelectField, TextField, Form } from '../../app/components.tsx';
import { QrCode } from './QrCode.tsx';
import { CounterDuty } from './CounterDuty.tsx';
import { StaffPhoto } from './StaffPhoto.tsx';
import { localText, type NormSet, type StaffEntry } from './types.ts';
import { conductAdministrators } from '../../../../server/contract/roleSets.ts';
import type { Static } from 'typebox';
import type { DeviceCreated, DeviceList, LinkView } from '../../../../server/modules/conduct/conduct.schema.ts';
import type { UnitServicePoints } from '../../../../server/modules/service-points/service-points.schema.ts';
import { languageNames, type ServerLanguage } from '../../app/languages.ts';

const langs = Object.keys(languageNames) as ServerLanguage[];
type Texts = Record<ServerLanguage, string>;
const emptyTexts = (): Texts => ({ vi: '', zh: '', en: '' });

interface Draft {
  id: number | null;
  key: string;
  names: Texts;
  norms: Array<{ code: string; texts: Texts }>;
}

/** Service points or officials as the choices of a select. */
const choicesOf = (items: ReadonlyArray<{ id: number; name: string }> | undefined) => (items ?? []).map((x) => ({ value: String(x.id), label: x.name }));

function TextsFields({ label, value, onChange }: { label: string; value: Texts; onChange(v: Texts): void }) {
  const { t } = useI18n();
  return (
    <fieldset class="field texts-fields">
      <legend>{label}</legend>
      {langs.map((l) => (
        <TextField key={l} label={t(`conduct.lang.${l}`)} value={value[l]} onInput={(text) => onChange({ ...value, [l]: text })} />
      ))}
    </fieldset>
  );
}

function NormSetEditor({ unit, draft, onSaved, onCancel }: { unit: Unit; draft: Draft; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [d, setD] = useState(draft);
  const [error, setError] = useState<string | null>(null);
  const setNorm = (i: number, n: Draft['norms'][number]) => setD({ ...d, norms: d.norms.map((m, j) => (j === i ? n : m)) });
  return (
    <Form
      class="form norm-set-editor"
      onSend={async () => {
        setError(null);
        const body = { names: d.names, norms: d.norms.filter((n) => n.code.trim()).map((n) => ({ code: n.code.trim(), texts: n.texts })) };
        try {
          if (d.id === null) await api.post('/norm-sets', { unit: unit.code, key: d.key.trim(), ...body });
          else await api.put(`/norm-sets/${d.id}`, body);
          onSaved();
        } catch (err) {
          setError(messageOf(err));
        }
      }}
    >
      <h3>{d.id === null ? t('conduct.newSet') : t('conduct.editSet', { key: d.key })}</h3>
      <p class="hint">{t('conduct.versionHint')}</p>
      <Alert>{error}</Alert>
      {d.id === null ? (
        <TextField label={t('conduct.setKey')} hint={t('conduct.setKeyHint')} value={d.key} onInput={(key) => setD({ ...d, key })} />
      ) : null}
      <TextsFields label={t('conduct.setName')} value={d.names} onChange={(names) => setD({ ...d, names })} />
      {d.norms.map((n, i) => (
        <fieldset class="field norm-editor" key={i}>
          <legend>{t('conduct.normN', { n: i + 1 })}</legend>
          <TextField label={t('conduct.normCode')} value={n.code} onInput={(code) => setNorm(i, { ...n, code })} />
          <TextsFields label={t('conduct.normText')} value={n.texts} onChange={(texts) => setNorm(i, { ...n, texts })} />
          <button type="button" class="button secondary" onClick={() => setD({ ...d, norms: d.norms.filter((_, j) => j !== i) })}>
            {t('conduct.removeNorm')}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" class="button secondary" onClick={() => setD({ ...d, norms: [...d.norms, { code: '', texts: emptyTexts() }] })}>
          {t('conduct.addNorm')}
        </button>
      </p>
      <button type="submit" class="button primary">
        {t('conduct.saveSet')}
      </button>{' '}
      <button type="button" class="button secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </Form>
  );
}

function toDraft(set: NormSet): Draft {
  const texts = (r: Record<string, string>): Texts => ({ vi: r.vi ?? '', zh: r.zh ?? '', en: r.en ?? '' });
  return { id: set.id, key: set.key, names: texts(set.names), norms: set.norms.map((n) => ({ code: n.code, texts: texts(n.texts) })) };
}

function NormSets({ unit, admin }: { unit: Unit; admin: boolean }) {
  const { t, locale, date } = useI18n();
  const sets = useAsync(() => api.get<{ items: NormSet[] }>(`/units/${encodeURIComponent(unit.code)}/norm-sets`), [unit.code]);
  const [editing, setEditing] = useState<Draft | null>(null);
  return (
    <section aria-labelledby="norms-heading">
      <h2 id="norms-heading">{t('conduct.normSetsOf', { unit: unitName(unit, locale) })}</h2>
      <p class="hint">{t('conduct.normSetsLead')}</p>
      {sets.loading && !sets.value ? <Loading /> : null}
      <Alert>{sets.error}</Alert>
      {sets.value && !sets.value.items.length ? <Empty>{t('conduct.noSets')}</Empty> : null}
      {sets.value?.items.map((s) => (
        <details key={s.id} class="norm-set-view">
          <summary>
            {localText(s.names, locale)} <span class="muted small">· {t('conduct.versionOf', { version: s.version, date: date(s.validFrom) })} · {unitName(s.unit, locale)}</span>
          </summary>
          <ol>
            {s.norms.map((n) => (
              <li key={n.id}>
                <span class="code">{n.code}</span> {localText(n.texts, locale)}
              </li>
            ))}
          </ol>
          {admin && s.unit.code === unit.code && !editing ? (
            <button type="button" class="button secondary" onClick={() => setEditing(toDraft(s))}>
              {t('conduct.editSetButton')}
            </button>
          ) : null}
        </details>
      ))}
      {admin && !editing ? (
        <p>
          <button type="button" class="button secondary" onClick={() => setEditing({ id: null, key: '', names: emptyTexts(), norms: [{ code: '', texts: emptyTexts() }] })}>
            {t('conduct.newSet')}
          </button>
        </p>
      ) : null}
      {editing ? (
        <NormSetEditor
          key={editing.id ?? 'new'}
          unit={unit}
          draft={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            sets.reload();
          }}
        />
      ) : null}
    </section>
  );
}

type Points = Pick<Static<typeof UnitServicePoints>, 'items'>;

function Kiosks({ unit }: { unit: Unit }) {
  const { t, locale, date } = useI18n();
  const points = useAsync(() => api.get<Points>(`/units/${encodeURIComponent(unit.code)}/service-points`), [unit.code]);
  const devices = useAsync(() => api.get<Static<typeof DeviceList>>('/satisfaction/devices', { unit: unit.code }), [unit.code]);
  const [form, setForm] = useState({ point: '', name: '' });
  const [created, setCreated] = useState<Static<typeof DeviceCreated> | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="kiosks-heading">
      <h2 id="kiosks-heading">{t('conduct.kiosksOf', { unit: unitName(unit, locale) })}</h2>
      <p class="hint">{t('conduct.kiosksLead')}</p>
      <p>
        <a href="/kiosk">{t('conduct.kioskOpen')}</a>
      </p>
      <Alert>{devices.error}</Alert>
      {devices.value?.items.length ? (
        <table class="list-table">
          <caption class="sr-only">{t('conduct.kiosksOf', { unit: unitName(unit, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conduct.kioskName')}</th>
              <th scope="col">{t('conduct.servicePoint')}</th>
              <th scope="col">{t('conduct.kioskState')}</th>
              <th scope="col">
                <span class="sr-only">{t('conduct.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.value.items.map((d) => (
              <tr key={d.id}>
                <td data-label={t('conduct.kioskName')}>{d.name}</td>
                <td data-label={t('conduct.servicePoint')}>{d.servicePoint.name}</td>
                <td data-label={t('conduct.kioskState')}>{t(`conduct.state.${d.state}`)}</td>
                <td>
                  {d.state !== 'revoked' ? (
                    <button
                      type="button"
                      class="button secondary"
                      aria-label={`${t('conduct.revoke')}: ${d.name}`}
                      onClick={async () => {
                        if (!confirm(t('conduct.revokeConfirm', { name: d.name }))) return;
                        try {
                          await api.delete(`/satisfaction/devices/${d.id}`);
                          devices.reload();
                        } catch (err) {
                          setError(messageOf(err));
                        }
                      }}
                    >
                      {t('conduct.revoke')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : devices.value ? (
        <Empty>{t('conduct.noKiosks')}</Empty>
      ) : null}
      {created ? (
        <div class="alert alert-success enrolment-code" role="status">
          <p>{t('conduct.codeShownOnce', { date: date(created.expiresAt, true) })}</p>
          <p class="code big-code" data-testid="enrolment-code">
            {created.enrolmentCode}
          </p>
        </div>
      ) : null}
      {points.value && !points.value.items.length ? <p class="muted">{t('conduct.noServicePoints')}</p> : null}
      {points.value?.items.length ? (
        <Form
          class="form"
          onSend={async () => {
            setError(null);
            if (!form.point || !form.name.trim()) return setError(t('conduct.kioskFormMissing'));
            try {
              setCreated(await api.post('/satisfaction/devices', { servicePoint: Number(form.point), name: form.name.trim() }));
              setForm({ point: '', name: '' });
              devices.reload();
            } catch (err) {
              setError(messageOf(err));
            }
          }}
        >
          <h3>{t('conduct.newKiosk')}</h3>
          <Alert>{error}</Alert>
          <SelectField label={t('conduct.servicePoint')} value={form.point} none={t('case.choose')} options={choicesOf(points.value.items)} onChange={(point) => setForm({ ...form, point })} />
          <TextField label={t('conduct.kioskName')} hint={t('conduct.kioskNameHint')} value={form.name} onInput={(name) => setForm({ ...form, name })} />
          <button type="submit" class="button primary">
            {t('conduct.enrolKiosk')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function QrCodes({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const points = useAsync(() => api.get<Points>(`/units/${encodeURIComponent(unit.code)}/service-points`), [unit.code]);
  const staff = useAsync(() => api.get<{ items: StaffEntry[] }>(`/units/${encodeURIComponent(unit.code)}/staff`), [unit.code]);
  const [point, setPoint] = useState('');
  const [official, setOfficial] = useState('');
  const [link, setLink] = useState<{ path: string; point: string; official: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = link ? `${location.origin}${link.path}` : '';
  return (
    <section aria-labelledby="qr-heading">
      <h2 id="qr-heading">{t('conduct.qrOf', { unit: unitName(unit, locale) })}</h2>
      <p class="hint">{t('conduct.qrLead')}</p>
      <Form
        class="form no-print"
        onSend={async () => {
          setError(null);
          if (!point) return setError(t('conduct.qrPointMissing'));
          try {
            const answer = await api.get<Static<typeof LinkView>>('/satisfaction/links', { servicePoint: point, official: official || undefined });
            const p = points.value?.items.find((x) => String(x.id) === point)?.name ?? '';
            const o = staff.value?.items.find((x) => String(x.id) === official)?.name ?? '';
            setLink({ path: answer.path, point: p, official: o });
          } catch (err) {
            setError(messageOf(err));
          }
        }}
      >
        <Alert>{error}</Alert>
        <SelectField label={t('conduct.servicePoint')} value={point} none={t('case.choose')} options={choicesOf(points.value?.items)} onChange={setPoint} />
        <SelectField label={t('conduct.qrOfficial')} hint={t('conduct.qrOfficialHint')} value={official} none={t('conduct.qrWholeCounter')} options={choicesOf(staff.value?.items)} onChange={setOfficial} />
        <button type="submit" class="button primary">
          {t('conduct.makeQr')}
        </button>
      </Form>
      {link ? (
        <div class="qr-sheet">
          <p class="lead">{t('conduct.qrSheetTitle')}</p>
          <QrCode text={url} label={t('conduct.qrAlt', { place: link.official ? `${link.point} — ${link.official}` : link.point })} />
          <p>
            <strong>{link.point}</strong>
            {link.official ? ` — ${link.official}` : ''}
          </p>
          <p class="small">
            <a href={link.path} data-testid="rating-link">
              {url}
            </a>
          </p>
          <button type="button" class="button secondary no-print" onClick={() => print()}>
            {t('conduct.print')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

export default function ConductAdminPage({ query }: PageProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const [unit, setUnit] = useState<Unit | null>(null);
  const code = query.get('unit');
  useAsync(async () => {
    if (code && !unit) setUnit(await api.get<Unit>(`/units/${encodeURIComponent(code)}`));
  }, [code]);
  const admin = hasRole(me, conductAdministrators);
  return (
    <>
      <p class="lead">{t('conduct.adminLead')}</p>
      <div class="no-print">
        <UnitPicker label={t('conduct.unit')} value={unit} onChange={setUnit} />
      </div>
      {unit ? (
        <>
          <div class="no-print">
            <NormSets unit={unit} admin={admin} />
            {admin ? <Kiosks unit={unit} /> : null}
            <CounterDuty unit={unit} />
            <StaffPhoto unit={unit} />
          </div>
          <QrCodes unit={unit} />
        </>
      ) : null}
    </>
  );
}
