/** A conduct report names an official from the unit's public staff directory, or nobody. */
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { Field, useAsync } from '../../app/ui.tsx';
import { NormPicker } from '../conduct/NormPicker.tsx';
import type { NormSet, StaffEntry } from '../conduct/types.ts';
import type { StaffDirectory } from '../../../../server/modules/directory/directory.schema.ts';

export function StaffPicker({ unit, value, onChange }: { unit: string; value: number | null; onChange: (id: number | null) => void }) {
  const { t } = useI18n();
  const staff = useAsync(() => api.get<StaffDirectory>(`/units/${encodeURIComponent(unit)}/staff`), [unit]);
  const items = staff.value?.items ?? [];
  const describe = (e: StaffEntry) =>
    [e.name, e.position ?? e.roles.map((r) => t(`role.${r}`)).join(', '), e.agency?.name].filter(Boolean).join(' — ');
  return (
    <Field label={t('raise.reportedOfficial')} hint={items.length || staff.loading ? t('raise.reportedOfficialHint') : t('raise.staffEmpty')}>
      {({ id, describedBy }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          data-testid="reported-official"
          disabled={staff.loading}
          value={value === null ? '' : String(value)}
          onChange={(e) => {
            const picked = (e.currentTarget as HTMLSelectElement).value;
            onChange(picked ? Number(picked) : null);
          }}
        >
          <option value="">{t('raise.reportedOfficialNone')}</option>
          {items.map((e) => (
            <option key={e.id} value={String(e.id)}>
              {describe(e)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The norms of the codes of conduct in force at the unit that the report says were breached. */
export function BreachedNorms({ unit, value, onChange }: { unit: string; value: number[]; onChange: (ids: number[]) => void }) {
  const { t } = useI18n();
  const sets = useAsync(() => api.get<{ items: NormSet[] }>(`/units/${encodeURIComponent(unit)}/norm-sets`).then((l) => l.items, () => []), [unit]);
  return <NormPicker legend={t('raise.breachedNorms')} hint={t('raise.breachedNormsHint')} sets={sets.value ?? []} value={value} onChange={onChange} />;
}
