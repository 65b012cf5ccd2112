/**
 * A conduct report's side of the case page, for its responsible leader and the auditors: the
 * official it names, the norms the resident said were breached, and the finding (upheld or
 * not, the norms breached, the reasons), recorded once by the leader. Others never see it.
 */
import { useState } from 'preact/hooks';
import { ApiError, api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { Alert, Field, RadioGroup, useAsync } from '../../app/ui.tsx';
import { Form } from '../../app/components.tsx';
import { NormPicker } from '../conduct/NormPicker.tsx';
import { localText } from '../conduct/types.ts';
import type { Static } from 'typebox';
import type { ReportedNormsView } from '../../../../server/modules/conduct/conduct.schema.ts';

type ConductView = Static<typeof ReportedNormsView>;
type CitedNorm = ConductView['reported'][number];

function Norms({ norms }: { norms: CitedNorm[] }) {
  const { t, locale } = useI18n();
  if (!norms.length) return <p class="muted">{t('conduct.noNormsNamed')}</p>;
  return (
    <ul class="plain-list">
      {norms.map((n) => (
        <li key={n.id}>
          <span class="code">{n.code}</span> {localText(n.texts, locale)} <span class="muted small">({t('conduct.versionShort', { version: n.version })})</span>
        </li>
      ))}
    </ul>
  );
}

export function ConductFinding({ petitionId }: { petitionId: number }) {
  const { t, date } = useI18n();
  // 404 for everyone but the case's leader and the auditors: the section stays away.
  const view = useAsync(
    () => api.get<ConductView>(`/conduct/reports/${petitionId}`).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    [petitionId],
  );
  const [outcome, setOutcome] = useState<'upheld' | 'not_upheld' | ''>('');
  const [norms, setNorms] = useState<number[]>([]);
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string | null>(null);
  const v = view.value;
  if (!v) return view.error ? <Alert>{view.error}</Alert> : null;
  return (
    <section aria-labelledby="conduct-heading" class="conduct-finding">
      <h2 id="conduct-heading">{t('conduct.findingHeading')}</h2>
      <p class="muted small">{t('conduct.confidential')}</p>
      <dl class="facts">
        <div>
          <dt>{t('conduct.reportedOfficial')}</dt>
          <dd>{v.official?.name ?? '—'}</dd>
        </div>
      </dl>
      <h3>{t('conduct.normsNamed')}</h3>
      <Norms norms={v.reported} />
      {v.finding ? (
        <div class="finding" data-testid="finding">
          <h3>{t('conduct.finding')}</h3>
          <p>
            <strong>{t(`conduct.outcome.${v.finding.outcome}`)}</strong> <span class="muted small">· {date(v.finding.recordedAt, true)}</span>
          </p>
          <Norms norms={v.finding.norms} />
          <p class="answer-text">{v.finding.reasons}</p>
        </div>
      ) : v.canRecord ? (
        <Form
          class="form"
          onSend={async () => {
            if (!outcome || !reasons.trim()) return setError(t('conduct.findingMissing'));
            setError(null);
            try {
              view.set(await api.post<ConductView>('/conduct/findings', { petition: petitionId, outcome, norms: outcome === 'upheld' && norms.length ? norms : undefined, reasons: reasons.trim() }));
            } catch (err) {
              setError(messageOf(err));
            }
          }}
        >
          <h3>{t('conduct.recordFinding')}</h3>
          <Alert>{error}</Alert>
          <RadioGroup
            legend={t('conduct.finding')}
            name="outcome"
            value={outcome}
            onChange={(o) => setOutcome(o)}
            options={[
              { value: 'upheld' as const, label: t('conduct.outcome.upheld'), hint: t('conduct.upheldHint') },
              { value: 'not_upheld' as const, label: t('conduct.outcome.not_upheld') },
            ]}
          />
          {outcome === 'upheld' ? <NormPicker legend={t('conduct.normsBreached')} sets={v.normSets} value={norms} onChange={setNorms} /> : null}
          <Field label={t('conduct.reasons')} required>
            {({ id }) => <textarea id={id} rows={4} maxLength={4000} value={reasons} onInput={(e) => setReasons((e.currentTarget as HTMLTextAreaElement).value)} />}
          </Field>
          <button type="submit" class="button primary">
            {t('conduct.recordFinding')}
          </button>
        </Form>
      ) : (
        <p class="muted">{t('conduct.noFindingYet')}</p>
      )}
    </section>
  );
}
