/**
 * A unit's rule that answers wait for the responsible leader's approval before the resident is
 * told. It holds for the unit and the units below it; a rule set above is shown, not editable here.
 */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Checkbox, Loading, useAsync } from '../../app/ui.tsx';
import type { Static } from 'typebox';
import type { ApprovalView } from '../../../../server/modules/petitions/petitions.schema.ts';

type Approval = Static<typeof ApprovalView>;

export function ApprovalSetting({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const current = useAsync(() => api.get<Approval>('/answer-approval', { unit: unit.code }), [unit.code]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The box shows what was asked for while the server saves it, instead of springing back.
  const [asked, setAsked] = useState<boolean | null>(null);
  const value = current.value;
  const inherited = !!value?.setAt && value.setAt.code !== unit.code;
  return (
    <section aria-labelledby="approval-heading">
      <h2 id="approval-heading">{t('admin.approvalOf', { unit: unitName(unit, locale) })}</h2>
      <p>{t('admin.approvalLead')}</p>
      {current.loading && !value ? <Loading /> : null}
      <Alert>{current.error ?? error}</Alert>
      {saved ? <Alert kind="success">{saved}</Alert> : null}
      {value ? (
        inherited ? (
          <p class="alert alert-info" role="status">
            {t('admin.approvalInherited', { unit: value.setAt!.name })}
          </p>
        ) : (
          <fieldset class="field" disabled={asked !== null}>
            <legend class="sr-only">{t('admin.approvalOf', { unit: unitName(unit, locale) })}</legend>
            <Checkbox
              label={t('admin.approvalRequired')}
              checked={asked ?? value.required}
              onChange={async (required) => {
                setAsked(required);
                setError(null);
                setSaved(null);
                try {
                  current.set(await api.put<Approval>(`/answer-approval/${encodeURIComponent(unit.code)}`, { required }));
                  setSaved(t(required ? 'admin.approvalOn' : 'admin.approvalOff'));
                } catch (e) {
                  setError(messageOf(e));
                } finally {
                  setAsked(null);
                }
              }}
            />
          </fieldset>
        )
      ) : null}
    </section>
  );
}
