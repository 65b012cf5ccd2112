/**
 * Download links for a server export (CSV for spreadsheets, JSON for programs). Plain links:
 * the browser streams the file to disk, the session cookie goes with them.
 */
import { useI18n } from './i18n.ts';

export function ExportLinks({ label, path, params }: { label: string; path: string; params: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const href = (format: 'csv' | 'json') => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set('format', format);
    return `/api/v1${path}?${q}`;
  };
  return (
    <p class="button-row export-links">
      <span>{label}</span>
      <a class="button secondary" href={href('csv')} download>
        {t('exports.csv')}
      </a>
      <a class="button secondary" href={href('json')} download>
        {t('exports.json')}
      </a>
    </p>
  );
}
