import type { ComponentChildren } from 'preact';
import { useI18n } from '../../app/i18n.ts';
import { TextField } from '../../app/components.tsx';
import { SubmitForm } from './SubmitForm.tsx';

/** The unit a staff page shows, typed by its code; `children` are more choices before the button. */
export function UnitCodeForm({ value, onInput, onShow, children }: { value: string; onInput(code: string): void; onShow(): void; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <SubmitForm class="inline-form" label={t('gatherings.show')} onSend={onShow}>
      <TextField label={t('gatherings.unitCode')} value={value} onInput={onInput} />
      {children}
    </SubmitForm>
  );
}
