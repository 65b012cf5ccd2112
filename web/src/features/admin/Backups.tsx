/**
 * The deployment's backups (ZD_BACKUP_DIR): the newest first, and "Back up now" for an
 * administrator of the whole deployment. Restoring is done with `zerodistance restore`
 * (docs/OPERATIONS.md), never from the browser.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useSubmission, ColumnHeads } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.ts';
import type { BackupList, BackupTaken } from '../../../../server/modules/backups/backups.schema.ts';
import { Alert, Empty, Loading, useAsync } from '../../app/ui.tsx';

const megabytes = (bytes: number) => Math.max(0.1, Math.round(bytes / 104857.6) / 10);

export function Backups() {
  const { t, date, number } = useI18n();
  const list = useAsync(() => api.get<BackupList>('/backups'), []);
  const { busy, error, run } = useSubmission();
  const [done, setDone] = useState<string | null>(null);
  const value = list.value;
  return (
    <section aria-labelledby="backups-heading">
      <h2 id="backups-heading">{t('admin.backups.title')}</h2>
      <p>{t('admin.backups.lead')}</p>
      {list.loading && !value ? <Loading /> : null}
      <Alert>{list.error ?? error}</Alert>
      {done ? <Alert kind="success">{done}</Alert> : null}
      {value && !value.configured ? <p class="alert alert-info" role="status">{t('admin.backups.notConfigured')}</p> : null}
      {value?.configured ? (
        <>
          <p class="muted">{t('admin.backups.schedule', { hours: number(value.everyHours), keep: value.keep })}</p>
          <button
            type="button"
            class="button primary"
            disabled={busy}
            onClick={async () => {
              setDone(null);
              await run(async () => {
                const taken = await api.post<BackupTaken>('/backups');
                setDone(t('admin.backups.taken', { name: taken.name, rows: number(taken.rows), attachments: number(taken.attachments), megabytes: number(megabytes(taken.bytes)) }));
                list.reload();
              });
            }}
          >
            {busy ? t('admin.backups.taking') : t('admin.backups.now')}
          </button>
          {value.items.length === 0 ? (
            <Empty>{t('admin.backups.none')}</Empty>
          ) : (
            <table class="list-table">
              <caption class="sr-only">{t('admin.backups.title')}</caption>
              <ColumnHeads labels={[t('admin.backups.file'), t('admin.backups.takenAt'), t('admin.backups.size')]} />
              <tbody>
                {value.items.map((b) => (
                  <tr key={b.name}>
                    <td><code>{b.name}</code></td>
                    <td>{date(b.takenAt, true)}</td>
                    <td>{t('admin.backups.megabytes', { megabytes: number(megabytes(b.bytes)) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}
