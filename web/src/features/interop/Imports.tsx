/**
 * Imports of officials, agencies and service points from CSV: paste or upload the file, check
 * it (a dry run lists every row's error with its line), then import; the server writes every
 * row or none.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { Alert, Field } from '../../app/ui.tsx';
import { useSubmission } from '../../app/components.tsx';
import type { ImportResult } from '../../../../server/modules/imports/imports.schema.ts';

const kinds = ['officials', 'agencies', 'service-points'] as const;
type Kind = (typeof kinds)[number];
const headers: Record<Kind, string> = {
  officials: 'username,name,contact,unit,roles,agency,locale',
  agencies: 'unit,kind,name,name_vi,name_zh,name_en,phone,email',
  'service-points': 'unit,kind,name,address',
};

export function Imports() {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('agencies');
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, error, run: send } = useSubmission();
  const run = async (dryRun: boolean) => {
    const sent = await send(async () => setResult(await api.post<ImportResult>(`/imports/${kind}`, { csv, dryRun })));
    if (!sent) setResult(null);
  };
  return (
    <section aria-labelledby="imports-heading">
      <h2 id="imports-heading">{t('imports.title')}</h2>
      <p>{t('imports.lead')}</p>
      <Field label={t('imports.kind')}>
        {({ id }) => (
          <select id={id} value={kind} onChange={(e) => { setKind((e.currentTarget as HTMLSelectElement).value as Kind); setResult(null); }}>
            {kinds.map((k) => (
              <option value={k}>{t(`imports.kinds.${k}`)}</option>
            ))}
          </select>
        )}
      </Field>
      <p class="muted">
        {t('imports.columns')} <code>{headers[kind]}</code>
      </p>
      {kind === 'officials' ? <p class="muted">{t('imports.agencyHint')}</p> : null}
      <Field label={t('imports.file')}>
        {({ id }) => (
          <input id={id} type="file" accept=".csv,text/csv" onChange={async (e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) { setCsv(await file.text()); setResult(null); }
          }} />
        )}
      </Field>
      <Field label={t('imports.text')}>
        {({ id }) => (
          <textarea id={id} name="import-csv" rows={8} spellcheck={false} value={csv} onInput={(e) => { setCsv((e.currentTarget as HTMLTextAreaElement).value); setResult(null); }} />
        )}
      </Field>
      <div class="button-row">
        <button type="button" class="button secondary" disabled={busy || !csv.trim()} onClick={() => run(true)}>
          {t('imports.check')}
        </button>
        <button type="button" class="button primary" disabled={busy || !result || !result.dryRun || result.errors.length > 0} onClick={() => run(false)}>
          {t('imports.import')}
        </button>
      </div>
      <Alert>{error}</Alert>
      {result ? (
        result.errors.length ? (
          <div role="status">
            <Alert>{t('imports.failed', { count: result.errors.length, rows: result.rows })}</Alert>
            <table class="table">
              <thead>
                <tr><th scope="col">{t('imports.line')}</th><th scope="col">{t('imports.problem')}</th></tr>
              </thead>
              <tbody>
                {result.errors.map((e) => (
                  <tr><td>{e.line}</td><td>{e.message}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Alert kind="info">{result.dryRun ? t('imports.checked', { rows: result.rows }) : t('imports.done', { rows: result.written })}</Alert>
        )
      ) : null}
    </section>
  );
}
