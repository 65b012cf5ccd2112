/**
 * A photo in the public staff directory: an official gives or removes their own; an
 * administrator of the unit may do it for anyone placed there. JPEG, PNG or WebP, at most 2 MB.
 */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { hasRole, useSession } from '../../app/session.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { Alert, Field, useAsync } from '../../app/ui.tsx';
import { SelectField, Form } from '../../app/components.tsx';
import type { StaffEntry } from './types.ts';
import { photoKeepers } from '../../../../server/contract/roleSets.ts';

export function StaffPhoto({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const { me } = useSession();
  const staff = useAsync(() => api.get<{ items: StaffEntry[] }>(`/units/${encodeURIComponent(unit.code)}/staff`), [unit.code]);
  const [whose, setWhose] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!me || me.kind !== 'official') return null;
  const admin = hasRole(me, photoKeepers);
  const items = staff.value?.items ?? [];
  const choices = admin ? items : items.filter((s) => s.id === me.id);
  if (!choices.length) return null;
  const target = whose ? Number(whose) : (choices.find((s) => s.id === me.id) ?? choices[0]).id;
  const current = items.find((s) => s.id === target)?.photo ?? null;
  const act = async (run: () => Promise<unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await run();
      setDone(message);
      staff.reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section aria-labelledby="photo-heading">
      <h2 id="photo-heading">{t('conduct.photoTitle')}</h2>
      <p class="hint">{t('conduct.photoLead')}</p>
      <Alert>{error}</Alert>
      {done ? (
        <p class="alert alert-info" role="status">
          {done}
        </p>
      ) : null}
      <Form
        class="form"
        onSend={() => {
          if (!file) return setError(t('conduct.photoMissing'));
          void act(() => api.putFile(`/officials/${target}/photo`, file), t('conduct.photoSaved'));
        }}
      >
        {choices.length > 1 ? (
          <SelectField label={t('conduct.photoWhose')} value={String(target)} options={choices.map((s) => ({ value: String(s.id), label: s.name }))} onChange={setWhose} />
        ) : null}
        {current ? <img class="staff-photo" src={current} alt={t('conduct.photoOf', { name: items.find((s) => s.id === target)?.name ?? '' })} width={96} height={96} /> : null}
        <Field label={t('conduct.photoFile')} hint={t('conduct.photoHint')}>
          {({ id, describedBy }) => (
            <input id={id} type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={describedBy} onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
          )}
        </Field>
        <div class="actions">
          <button type="submit" class="button primary">
            {t('conduct.photoUpload')}
          </button>
          {current ? (
            <button type="button" class="button secondary" onClick={() => void act(() => api.delete(`/officials/${target}/photo`), t('conduct.photoRemoved'))}>
              {t('conduct.photoRemove')}
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
