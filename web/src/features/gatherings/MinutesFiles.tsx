import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { Checkbox, Field } from '../../app/ui.tsx';
import type { MinutesFile } from './types.ts';
import { useFormSubmission } from './submission.ts';
import { FormEnd } from './FormEnd.tsx';

/** The files of a gathering's minutes as links (photos with a thumbnail). */
export function MinutesFileLinks({ gathering, files }: { gathering: number; files: MinutesFile[] }) {
  const { t } = useI18n();
  return (
    <ul class="attachments" data-testid="minutes-files">
      {files.map((a) => {
        const href = `/api/v1/gatherings/${gathering}/attachments/${a.id}`;
        return (
          <li key={a.id}>
            <a href={href} target="_blank" rel="noopener">
              {a.contentType.startsWith('image/') ? <img class="thumbnail" src={href} alt={a.filename} loading="lazy" /> : null}
              <span>{a.filename}</span>
            </a>
            {'public' in a && !a.public ? <span class="small muted"> · {t('gatherings.files.staffOnly')}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Staff attach photos and the PDF of the signed minutes once the gathering has closed. */
export function MinutesFilesBox({ gathering, files, onAttached }: { gathering: number; files: MinutesFile[]; onAttached(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [shown, setShown] = useState(true);
  const sending = useFormSubmission();
  const [input, setInput] = useState(0);
  return (
    <section class="card" aria-labelledby="minutes-files-heading">
      <h2 id="minutes-files-heading">{t('gatherings.files.title')}</h2>
      <p class="hint">{t('gatherings.files.lead')}</p>
      {files.length ? <MinutesFileLinks gathering={gathering} files={files} /> : null}
      <form
        class="form"
        onSubmit={sending.submit(async () => {
          if (!file) return;
          await api.sendFile(`/gatherings/${gathering}/attachments`, file, { filename: file.name, public: shown });
          setFile(null);
          setInput((n) => n + 1);
          onAttached();
        })}
      >
        <Field label={t('gatherings.files.file')} hint={t('gatherings.files.fileHint')}>
          {(f) => (
            <input
              key={input}
              id={f.id}
              type="file"
              accept="image/jpeg,image/png,image/webp,application/pdf"
              aria-describedby={f.describedBy}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Checkbox label={t('gatherings.files.public')} hint={t('gatherings.files.publicHint')} checked={shown} onChange={setShown} />
        <FormEnd sending={sending} label={t('gatherings.files.attach')} disabled={!file} />
      </form>
    </section>
  );
}
