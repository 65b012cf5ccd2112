import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../app/api.ts';
import { TextField, useSubmission } from '../../app/components.tsx';
import { rememberedUnit, rememberPetition } from '../../app/devicePetitions.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import type { ArticleSummary, CreatedPetition, PublicPetitionItem, Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { fetchPublicPetitions, mapPoints, PublicPetitionList } from '../../app/publicPetitions.tsx';
import { PlaceMap } from '../../app/map/PlaceMap.tsx';
import { petitionKinds, type PetitionKind } from '../../../../server/contract/domain.ts';
import { Alert, CategorySelect, Checkbox, CopyButton, Field, PageTitle, RadioGroup, UnitPicker, useDebounced } from '../../app/ui.tsx';
import { uploadAttachments } from './attachments.ts';
import { ArticleList, fetchArticles } from '../../app/articles.tsx';
import { BreachedNorms, StaffPicker } from './StaffPicker.tsx';

interface Form {
  unit: Unit | null;
  kind: PetitionKind | '';
  category: string;
  title: string;
  body: string;
  address: string;
  lat: number | null;
  lng: number | null;
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  residentAddress: string;
  consentToPublish: boolean;
  files: File[];
  /** A conduct report: the entry of the unit's staff directory it is about. */
  reportedOfficial: number | null;
  /** A conduct report: the norms of the codes of conduct in force that it says were breached. */
  norms: number[];
}

type Errors = Partial<Record<'unit' | 'kind' | 'body' | 'phone' | 'email' | 'contact' | 'files', string>>;

/** Kinds whose law wants to know who is speaking (the server has the final word). */
const identityRequired = new Set(['complaint', 'denunciation']);
const maxFileBytes = 10 * 1024 * 1024;

function validate(form: Form, t: (k: string, o?: Record<string, unknown>) => string): Errors {
  const errors: Errors = {};
  if (!form.unit) errors.unit = t('raise.errors.unit');
  if (!form.kind) errors.kind = t('raise.errors.kind');
  if (form.body.trim().length < 10) errors.body = t('raise.errors.body', { min: 10 });
  if (form.phone && !/^\+?[0-9 ().-]{6,20}$/.test(form.phone.trim())) errors.phone = t('raise.errors.phone');
  if (form.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errors.email = t('raise.errors.email');
  if (!form.anonymous && !form.phone.trim() && !form.email.trim() && form.kind && identityRequired.has(form.kind)) {
    errors.contact = t('raise.errors.identity');
  }
  if (form.files.some((f) => f.size > maxFileBytes)) errors.files = t('raise.errors.fileSize', { mb: 10 });
  return errors;
}

function Success({ created, warnings }: { created: CreatedPetition; warnings: string[] }) {
  const { t, date } = useI18n();
  const link = `${location.origin}/track/${created.trackingCode}`;
  return (
    <section class="success" aria-labelledby="page-title">
      <PageTitle>{t('raise.successTitle')}</PageTitle>
      <p>{t('raise.successText')}</p>
      <p class="tracking-code-label" id="tracking-code-label">
        {t('raise.trackingCode')}
      </p>
      <p class="tracking-code" aria-labelledby="tracking-code-label" data-testid="tracking-code">
        {created.trackingCode}
      </p>
      <p class="tracking-code-label" id="access-key-label">
        {t('raise.accessKey')}
      </p>
      <p class="tracking-code" aria-labelledby="access-key-label" aria-describedby="access-key-text" data-testid="access-key">
        {created.accessKey}
      </p>
      <p class="hint" id="access-key-text">
        {t('raise.accessKeyText')}
      </p>
      <div class="button-row">
        <CopyButton text={created.trackingCode} label={t('raise.copyCode')} />
        <CopyButton text={created.accessKey} label={t('raise.copyKey')} />
        <CopyButton text={link} label={t('raise.copyLink')} />
        <a class="button" href={`/track/${encodeURIComponent(created.trackingCode)}`}>
          {t('raise.followIt')}
        </a>
      </div>
      {created.dueAt ? <p>{t('raise.dueBy', { date: date(created.dueAt) })}</p> : null}
      <p class="hint">{t('raise.keptOnDevice')}</p>
      {warnings.map((w) => (
        <Alert key={w} kind="info">
          {w}
        </Alert>
      ))}
    </section>
  );
}

/**
 * "Is this already reported?": as the resident writes, or once they set the place, the unit's
 * public petitions still being handled near it (of the same category when one is chosen), then
 * those sharing the most words (GET /petitions/public), so they can follow one instead.
 */
function useAlreadyReported(unit: Unit | null, text: string, place: { lat: number; lng: number } | null, category: string): PublicPetitionItem[] {
  const words = useDebounced(text.trim(), 600);
  const [items, setItems] = useState<PublicPetitionItem[]>([]);
  useEffect(() => {
    if (!unit || (words.length < 15 && !place)) return setItems([]);
    let current = true;
    const near = place
      ? fetchPublicPetitions(unit.code, { lat: place.lat, lng: place.lng, radius: 500, category: category || undefined, open: true, limit: 5 })
      : Promise.resolve([]);
    const similar = words.length >= 15 ? fetchPublicPetitions(unit.code, { q: words.slice(0, 500), limit: 3 }) : Promise.resolve([]);
    Promise.all([near, similar]).then(
      ([a, b]) => current && setItems([...a, ...b.filter((x) => !a.some((y) => y.trackingCode === x.trackingCode))]),
      () => current && setItems([]),
    );
    return () => {
      current = false;
    };
  }, [unit?.code, words, place?.lat, place?.lng, category]);
  return items;
}

/** A random name for this draft: the figures count drafts given up after an article answered them, and nothing else. */
function newDraftToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 24);
}

function tellDraft(token: string, unit: Unit | null, event: 'suggested' | 'opened' | 'submitted', article?: number): void {
  if (!unit) return;
  // Best effort: a draft that cannot be counted must not stop the resident.
  api.post(`/knowledge/drafts/${token}`, { unit: unit.code, event, ...(article ? { article } : {}) }).catch(() => {});
}

/** Articles that may already answer what the resident is writing (GET /knowledge/articles), shown as they type. */
function useSuggestedArticles(unit: Unit | null, text: string, token: string, language: string): ArticleSummary[] {
  const words = useDebounced(text.trim(), 600);
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const told = useRef(false);
  useEffect(() => {
    if (!unit || words.length < 12) return setItems([]);
    let current = true;
    fetchArticles({ q: words.slice(0, 500), unit: unit.code, lang: language, limit: 3 }).then(
      (found) => {
        if (!current) return;
        setItems(found);
        if (found.length && !told.current) {
          told.current = true;
          tellDraft(token, unit, 'suggested');
        }
      },
      () => current && setItems([]),
    );
    return () => {
      current = false;
    };
  }, [unit?.code, words, language]);
  return items;
}

/** What was found for the resident as they write, announced as it changes; nothing while nothing is found. */
function FoundAside(props: { class: string; id: string; heading: string; lead: string; found: number; children: ComponentChildren }) {
  if (!props.found) return null;
  return (
    <section class={props.class} aria-labelledby={props.id} aria-live="polite">
      <h2 id={props.id}>{props.heading}</h2>
      <p class="hint">{props.lead}</p>
      {props.children}
    </section>
  );
}

function SuggestedArticles({ items, onOpen }: { items: ArticleSummary[]; onOpen(a: ArticleSummary): void }) {
  const { t } = useI18n();
  return (
    <FoundAside class="suggested-articles" id="suggested-heading" heading={t('raise.articlesHeading')} lead={t('raise.articlesLead')} found={items.length}>
      <ArticleList items={items} onOpen={onOpen} />
    </FoundAside>
  );
}

function AlreadyReported({ items }: { items: PublicPetitionItem[] }) {
  const { t } = useI18n();
  return (
    <FoundAside class="already-reported" id="already-heading" heading={t('raise.similarHeading')} lead={t('raise.similarLead')} found={items.length}>
      <PublicPetitionList items={items} />
    </FoundAside>
  );
}

export function NewPetitionPage({ query }: PageProps) {
  const { t, locale } = useI18n();
  const remembered = rememberedUnit();
  const [form, setForm] = useState<Form>({
    unit: null,
    // A link from the staff directory (?kind=conduct_report&official=ID) starts a report about that official.
    kind: query.get('kind') === 'conduct_report' ? 'conduct_report' : '',
    category: '',
    title: '',
    body: '',
    address: '',
    lat: null,
    lng: null,
    anonymous: false,
    name: '',
    phone: '',
    email: '',
    residentAddress: '',
    consentToPublish: false,
    files: [],
    reportedOfficial: query.get('kind') === 'conduct_report' && Number(query.get('official')) > 0 ? Number(query.get('official')) : null,
    norms: [],
  });
  const [errors, setErrors] = useState<Errors>({});
  const { busy, error: serverError, setError: setServerError, run } = useSubmission();
  const [created, setCreated] = useState<{ created: CreatedPetition; warnings: string[] } | null>(null);
  const [locating, setLocating] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const place = form.lat !== null && form.lng !== null ? { lat: form.lat, lng: form.lng } : null;
  const alreadyReported = useAlreadyReported(form.unit, form.body, place, form.category);
  const [draftToken] = useState(newDraftToken);
  const suggested = useSuggestedArticles(form.unit, `${form.title} ${form.body}`, draftToken, serverLanguage(locale));
  const nearbyPoints = useMemo(() => mapPoints(alreadyReported), [alreadyReported]);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  // After a refused submit the form is checked again as it changes: a corrected field's error goes.
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (tried) setErrors(validate(form, t));
  }, [form, tried]);

  // The unit from the link (?unit=CODE) or the one last looked at on this device.
  useEffect(() => {
    const code = query.get('unit') ?? remembered?.code;
    if (!code) return;
    api.get<Unit>(`/units/${encodeURIComponent(code)}`).then(
      (unit) => setForm((f) => (f.unit ? f : { ...f, unit })),
      () => undefined,
    );
  }, []);

  if (created) return <Success created={created.created} warnings={created.warnings} />;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validate(form, t);
    setErrors(found);
    setServerError(null);
    setTried(true);
    if (Object.keys(found).length) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    await run(async () => {
      const resident = form.anonymous
        ? undefined
        : {
            name: form.name.trim() || undefined,
            phone: form.phone.trim() || undefined,
            email: form.email.trim() || undefined,
            address: form.residentAddress.trim() || undefined,
          };
      const location =
        form.address.trim() || form.lat !== null
          ? {
              address: form.address.trim() || undefined,
              lat: form.lat ?? undefined,
              lng: form.lng ?? undefined,
            }
          : undefined;
      const answer = await api
        .post<CreatedPetition>('/petitions', {
          unit: form.unit!.code,
          kind: form.kind,
          body: form.body.trim(),
          title: form.title.trim() || undefined,
          category: form.category || undefined,
          channel: 'web',
          resident: resident && Object.values(resident).some(Boolean) ? resident : undefined,
          anonymous: form.anonymous,
          location,
          consentToPublish: form.consentToPublish,
          language: serverLanguage(locale),
          reportedOfficial: form.kind === 'conduct_report' && form.reportedOfficial !== null ? form.reportedOfficial : undefined,
          norms: form.kind === 'conduct_report' && form.norms.length ? form.norms : undefined,
        })
        .catch((e: unknown) => {
          // The server's word on a field the form let through: the summary above says which.
          if (e instanceof ApiError && e.code === 'invalid_input') setTimeout(() => summaryRef.current?.focus(), 0);
          throw e;
        });
      tellDraft(draftToken, form.unit, 'submitted');
      rememberPetition({
        trackingCode: answer.trackingCode,
        accessKey: answer.accessKey,
        createdAt: new Date().toISOString(),
        unitName: unitName(form.unit, locale),
        kind: form.kind,
      });
      const warnings = form.files.length ? await uploadAttachments(answer, form.files) : [];
      setCreated({ created: answer, warnings });
      window.scrollTo(0, 0);
    });
  };

  const errorList = Object.values(errors);
  return (
    <>
      <PageTitle>{t('raise.title')}</PageTitle>
      <p class="lead">{t('raise.lead')}</p>
      <div ref={summaryRef} tabIndex={-1} class="summary-anchor">
        {errorList.length ? (
          <Alert>
            <p>{t('raise.errors.summary', { count: errorList.length })}</p>
            <ul>
              {errorList.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <Alert>{serverError}</Alert>
      </div>
      <form class="form" noValidate onSubmit={submit}>
        <UnitPicker
          label={t('raise.unit')}
          value={form.unit}
          onChange={(u) => setForm((f) => (u?.code === f.unit?.code ? f : { ...f, unit: u, reportedOfficial: null, norms: [] }))}
          error={errors.unit}
          required
        />
        <RadioGroup
          legend={t('raise.kind')}
          name="kind"
          value={form.kind}
          onChange={(k) => set('kind', k)}
          error={errors.kind}
          options={petitionKinds.map((k) => ({ value: k, label: t(`kind.${k}`), hint: t(`kindHint.${k}`) }))}
        />
        {form.kind === 'conduct_report' && form.unit ? (
          <>
            <StaffPicker unit={form.unit.code} value={form.reportedOfficial} onChange={(id) => set('reportedOfficial', id)} />
            <BreachedNorms unit={form.unit.code} value={form.norms} onChange={(ids) => set('norms', ids)} />
          </>
        ) : null}
        <CategorySelect value={form.category} onChange={(category) => set('category', category)} />
        <TextField label={t('raise.titleField')} hint={t('raise.titleHint')} maxLength={200} value={form.title} onInput={(v) => set('title', v)} />
        <Field label={t('raise.body')} hint={t('raise.bodyHint')} error={errors.body} required>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={6}
              maxLength={10000}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              aria-required="true"
              value={form.body}
              onInput={(e) => set('body', (e.currentTarget as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <SuggestedArticles items={suggested} onOpen={(a) => tellDraft(draftToken, form.unit, 'opened', a.id)} />
        <fieldset class="group">
          <legend>{t('raise.place')}</legend>
          <TextField label={t('raise.address')} hint={t('raise.addressHint')} maxLength={300} value={form.address} onInput={(v) => set('address', v)} />
          <p class="hint" id="map-hint">
            {t('raise.mapHint')}
          </p>
          <PlaceMap
            label={t('raise.mapLabel')}
            place={place}
            points={nearbyPoints}
            country={form.unit?.country}
            onPick={(p) => setForm((f) => ({ ...f, lat: p.lat, lng: p.lng }))}
          />
          <div class="button-row">
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                if (!navigator.geolocation) return setLocating(t('raise.noLocation'));
                setLocating(t('raise.locating'));
                navigator.geolocation.getCurrentPosition(
                  (pos) => {
                    setForm((f) => ({ ...f, lat: pos.coords.latitude, lng: pos.coords.longitude }));
                    setLocating(null);
                  },
                  () => setLocating(t('raise.noLocation')),
                  { timeout: 10000 },
                );
              }}
            >
              {t('raise.useLocation')}
            </button>
            {form.lat !== null ? (
              <span class="muted" role="status">
                {t('raise.locationSet', { lat: form.lat.toFixed(5), lon: form.lng?.toFixed(5) })}{' '}
                <button type="button" class="link-button" onClick={() => setForm((f) => ({ ...f, lat: null, lng: null }))}>
                  {t('common.remove')}
                </button>
              </span>
            ) : null}
          </div>
          {locating ? (
            <p class="muted" role="status">
              {locating}
            </p>
          ) : null}
        </fieldset>
        <AlreadyReported items={alreadyReported} />
        <Field label={t('raise.photos')} hint={t('raise.photosHint', { mb: 10 })} error={errors.files}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => set('files', Array.from((e.currentTarget as HTMLInputElement).files ?? []))}
            />
          )}
        </Field>
        <fieldset class="group">
          <legend>{t('raise.contact')}</legend>
          <Checkbox label={t('raise.anonymous')} hint={t('raise.anonymousHint')} checked={form.anonymous} onChange={(v) => set('anonymous', v)} />
          {errors.contact ? (
            <p class="field-error" role="alert">
              {errors.contact}
            </p>
          ) : null}
          {!form.anonymous ? (
            <>
              <TextField label={t('raise.name')} autoComplete="name" maxLength={200} value={form.name} onInput={(v) => set('name', v)} />
              <TextField label={t('raise.phone')} hint={t('raise.phoneHint')} error={errors.phone} type="tel" autoComplete="tel" inputMode="tel" value={form.phone} onInput={(v) => set('phone', v)} />
              <TextField label={t('raise.email')} error={errors.email} type="email" autoComplete="email" value={form.email} onInput={(v) => set('email', v)} />
              <TextField label={t('raise.residentAddress')} autoComplete="street-address" maxLength={300} value={form.residentAddress} onInput={(v) => set('residentAddress', v)} />
            </>
          ) : null}
        </fieldset>
        <Checkbox label={t('raise.consent')} hint={t('raise.consentHint')} checked={form.consentToPublish} onChange={(v) => set('consentToPublish', v)} />
        <div class="button-row">
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('common.sending') : t('raise.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
