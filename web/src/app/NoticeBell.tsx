/**
 * The official's notices (assignments, reminders, overdue cases, answers to approve): a bell in
 * the header with the unread count, opening the latest notices. The count is asked for again
 * every minute and whenever the panel opens.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, messageOf, type List } from './api.ts';
import { useI18n } from './i18n.ts';
import { navigate } from './router.ts';
import type { Static } from 'typebox';
import type { NoticeView as Notice, UnreadCount } from '../../../server/modules/notices/notices.schema.ts';

const pollMs = 60_000;

/** Where a notice leads: its petition's page, when it is about one. */
function noticeHref(notice: Notice): string | null {
  return notice.subject?.type === 'petition' ? `/staff/petitions/${encodeURIComponent(notice.subject.id)}` : null;
}

export function NoticeBell() {
  const { t, date } = useI18n();
  const [unread, setUnread] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  const refreshCount = () =>
    api.get<Static<typeof UnreadCount>>('/notices/unread-count').then(
      (c) => setUnread(c.unread),
      () => undefined,
    );

  useEffect(() => {
    void refreshCount();
    const timer = setInterval(refreshCount, pollMs);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!open) return;
    setError(null);
    api.get<List<Notice>>('/notices', { limit: 15 }).then(
      (list) => setNotices(list.items),
      (e: unknown) => setError(messageOf(e)),
    );
    void refreshCount();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  const markRead = async (notice: Notice) => {
    if (notice.read) return;
    try {
      await api.post(`/notices/${notice.id}/actions`, { type: 'read' });
      setNotices((list) => list?.map((n) => (n.id === notice.id ? { ...n, read: true } : n)) ?? null);
      setUnread((n) => (n ? n - 1 : 0));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const label = unread ? t('notices.bellUnread', { count: unread }) : t('notices.bell');
  return (
    <div class="bell" ref={root}>
      <button type="button" class="bell-button" aria-expanded={open} aria-controls={panelId} aria-label={label} onClick={() => setOpen(!open)}>
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread ? (
          <span class="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <div id={panelId} class="bell-panel" hidden={!open} role="region" aria-label={t('notices.title')}>
        <h2>{t('notices.title')}</h2>
        {error ? <p role="alert">{error}</p> : null}
        {notices && !notices.length ? <p class="muted">{t('notices.none')}</p> : null}
        <ul class="notice-list">
          {(notices ?? []).map((n) => {
            const href = noticeHref(n);
            return (
              <li key={n.id} class={n.read ? 'read' : 'unread'}>
                {href ? (
                  <a
                    href={href}
                    onClick={(e) => {
                      e.preventDefault();
                      void markRead(n);
                      setOpen(false);
                      navigate(href);
                    }}
                  >
                    {n.title}
                  </a>
                ) : (
                  <strong>{n.title}</strong>
                )}
                {n.read ? null : <span class="sr-only"> ({t('notices.unread')})</span>}
                <p class="small">{n.text}</p>
                <p class="small muted">
                  <time dateTime={n.createdAt}>{date(n.createdAt, true)}</time>
                  {n.read ? null : (
                    <>
                      {' · '}
                      <button type="button" class="link-button" onClick={() => void markRead(n)}>
                        {t('notices.markRead')}
                      </button>
                    </>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
