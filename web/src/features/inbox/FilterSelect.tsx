/**
 * A choice of the inbox's filter form. Uncontrolled: the form reads it by `name` when applied, so
 * that changing it does nothing until then.
 */
import { useI18n } from '../../app/i18n.ts';
import { Field } from '../../app/ui.tsx';
import { Options } from '../../app/components.tsx';

export function FilterSelect({ label, name, value, options }: { label: string; name: string; value: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      {({ id }) => (
        <select id={id} name={name} defaultValue={value}>
          <option value="">{t('inbox.any')}</option>
          <Options choices={options} />
        </select>
      )}
    </Field>
  );
}
