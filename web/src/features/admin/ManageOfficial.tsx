/**
 * What an administrator (or a unit's leader) does to an existing official: grant a role in a
 * unit, revoke one, reset the password (a setup code goes to the official's own phone or
 * e-mail: nobody else learns a password), disable the account (sessions end, sign-in refused)
 * and enable it again.
 * The server checks every change against the caller's own units and answers why it refuses.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useSubmission, Form } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.ts';
import type { OfficialSummary, Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import type { Role } from '../../../../server/contract/domain.ts';
import { Alert, RoleSelect, UnitPicker } from '../../app/ui.tsx';

type OfficialAction = { type: 'grant' | 'revoke'; unit: string | null; role: Role } | { type: 'disable' | 'enable' | 'reset_password' };

export function ManageOfficial({ official, unit, onChanged }: { official: OfficialSummary; unit: Unit; onChanged(o: OfficialSummary): void }) {
  const { t, locale } = useI18n();
  const [role, setRole] = useState<Role>('handler');
  const [grantUnit, setGrantUnit] = useState<Unit | null>(unit);
  const { busy, error, setError, run } = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  const act = async (action: OfficialAction, message: string | ((updated: OfficialSummary) => string)) => {
    setDone(null);
    await run(async () => {
      const updated = await api.post<OfficialSummary>(`/officials/${official.id}/actions`, action);
      setDone(typeof message === 'string' ? message : message(updated));
      onChanged(updated);
    });
  };

  const who = official.name || official.username;
  return (
    <details class="manage-official">
      <summary>{t('admin.manage', { name: who })}</summary>
      <div class="manage-body">
        <Alert>{error}</Alert>
        {done ? <Alert kind="success">{done}</Alert> : null}
        <h4>{t('admin.grants')}</h4>
        <ul class="plain-list">
          {official.grants.map((g) => {
            const where = g.unit?.name ?? t('admin.everywhere');
            return (
              <li key={`${g.unit?.code}:${g.role}`}>
                {t(`role.${g.role}`)} · {where}{' '}
                <button
                  type="button"
                  class="link-button"
                  disabled={busy}
                  aria-label={t('admin.revokeLabel', { role: t(`role.${g.role}`), unit: where, name: who })}
                  onClick={() => act({ type: 'revoke', unit: g.unit?.code ?? null, role: g.role }, t('admin.revoked', { role: t(`role.${g.role}`), unit: where }))}
                >
                  {t('admin.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
        <Form
          class="form grant-form"
          onSend={() => {
            if (!grantUnit) return setError(t('admin.pickUnit'));
            void act(
              { type: 'grant', unit: grantUnit.code, role },
              t('admin.granted', { role: t(`role.${role}`), unit: unitName(grantUnit, locale) }),
            );
          }}
        >
          <RoleSelect label={t('admin.grantRole', { name: who })} value={role} onChange={setRole} />
          <UnitPicker label={t('admin.grantUnit', { name: who })} value={grantUnit} onChange={setGrantUnit} />
          <button type="submit" class="button secondary" disabled={busy}>
            {t('admin.grant')}
          </button>
        </Form>
        <h4>{t('admin.account')}</h4>
        <p>
          {official.awaitingSetup ? <span class="muted">{t('admin.awaitingSetup')} </span> : null}
          <button
            type="button"
            class="button secondary"
            disabled={busy}
            aria-label={t('admin.resetPasswordOf', { name: who })}
            onClick={() => act({ type: 'reset_password' }, (updated) => t('admin.resetDone', { name: who, contact: updated.contact ?? '—' }))}
          >
            {t('admin.resetPassword')}
          </button>
        </p>
        {official.disabled ? (
          <p>
            {t('admin.disabledText')}{' '}
            <button type="button" class="button secondary" disabled={busy} onClick={() => act({ type: 'enable' }, t('admin.enabled', { name: who }))}>
              {t('admin.enable')}
            </button>
          </p>
        ) : (
          <p>
            <button
              type="button"
              class="button secondary danger"
              disabled={busy}
              onClick={() => {
                if (confirm(t('admin.disableConfirm', { name: who }))) void act({ type: 'disable' }, t('admin.disabledDone', { name: who }));
              }}
            >
              {t('admin.disable')}
            </button>
          </p>
        )}
      </div>
    </details>
  );
}
