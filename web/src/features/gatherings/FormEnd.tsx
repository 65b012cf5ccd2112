import { useI18n } from '../../app/i18n.ts';
import { Alert } from '../../app/ui.tsx';

/** The end of a form that sends to the API: why it failed, what it did, and its button, busy while it sends. */
export function FormEnd({ sending, label, disabled }: { sending: { busy: boolean; error: string | null; notice?: string | null }; label: string; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Alert>{sending.error}</Alert>
      {sending.notice ? <Alert kind="success">{sending.notice}</Alert> : null}
      <button type="submit" class="button" disabled={sending.busy || disabled}>
        {sending.busy ? t('common.sending') : label}
      </button>
    </>
  );
}
