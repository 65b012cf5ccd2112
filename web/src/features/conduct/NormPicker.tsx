/** Checkboxes of the norms of the codes of conduct in force, one group per set. */
import { useI18n } from '../../app/i18n.ts';
import { localText, type NormSet } from './types.ts';

export function NormPicker(props: { legend: string; hint?: string; sets: NormSet[]; value: number[]; onChange(ids: number[]): void }) {
  const { locale } = useI18n();
  const toggle = (id: number, on: boolean) => props.onChange(on ? [...props.value, id] : props.value.filter((v) => v !== id));
  if (!props.sets.length) return null;
  return (
    <fieldset class="field norm-picker">
      <legend>{props.legend}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      {props.sets.map((set) => (
        <div key={`${set.id}.${set.version}`} class="norm-set">
          <p class="norm-set-name">{localText(set.names, locale)}</p>
          {set.norms.map((n) => (
            <label key={n.id} class="checkbox-line">
              <input type="checkbox" checked={props.value.includes(n.id)} onChange={(e) => toggle(n.id, (e.currentTarget as HTMLInputElement).checked)} />
              <span>{localText(n.texts, locale)}</span>
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
