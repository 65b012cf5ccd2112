/** The frame around every page: header, navigation, language switcher, and the routed page. */
import { useEffect, useState } from 'preact/hooks';
import { localeNames, uiLocales, useI18n, type UiLocale } from './i18n.ts';
import { matchRoute, navItems, navigate, onLinkClick, useLocation, type PageComponent, type Route } from './router.ts';
import { signOut, useSession } from './session.ts';
import { Alert, Loading, PageTitle } from './ui.tsx';
import { messageOf } from './api.ts';
import { NoticeBell } from './NoticeBell.tsx';

const loadedPages = new Map<Route, PageComponent>();

function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div class="language">
      <label for="language-select">{t('shell.language')}</label>
      <select
        id="language-select"
        value={locale}
        onChange={(e) => setLocale((e.currentTarget as HTMLSelectElement).value as UiLocale)}
      >
        {uiLocales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

function Navigation({ area }: { area: 'public' | 'staff' }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { pathname } = useLocation();
  const items = navItems().filter(
    (item) =>
      item.area === area &&
      (!item.roles || (me?.kind === 'official' && me.grants.some((g) => item.roles!.includes(g.role)))),
  );
  // The item whose path is the longest prefix of the address is the current one.
  const within = (href: string) => {
    const path = href.split('?')[0];
    if (path === '/') return pathname === '/' || pathname.startsWith('/units/');
    return pathname === path || pathname.startsWith(`${path}/`);
  };
  const currentHref = items
    .filter((item) => within(item.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={t(area === 'staff' ? 'shell.staffNav' : 'shell.mainNav')}>
      <ul class="nav">
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href}>
              <a href={item.href} aria-current={current ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Account() {
  const { t } = useI18n();
  const { me } = useSession();
  if (!me) {
    return (
      <a class="account-link" href="/sign-in">
        {t('shell.signIn')}
      </a>
    );
  }
  return (
    <div class="account">
      <span class="account-name">{me.name || me.username || me.phone || me.email}</span>
      <button
        type="button"
        class="link-button"
        onClick={async () => {
          await signOut().catch(() => undefined);
          navigate('/');
        }}
      >
        {t('shell.signOut')}
      </button>
    </div>
  );
}

function RoutedPage() {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const { me, loaded } = useSession();
  const matched = matchRoute(pathname);
  const route = matched?.route;
  const [, setLoadedTick] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);

  const Page = route ? (route.page ?? loadedPages.get(route)) : undefined;
  useEffect(() => {
    if (route && !Page && route.load) {
      setLoadError(null);
      route.load().then(
        (m) => {
          loadedPages.set(route, m.default);
          setLoadedTick((n) => n + 1);
        },
        (e: unknown) => setLoadError(messageOf(e)),
      );
    }
  }, [route, Page]);

  useEffect(() => {
    document.title = `${route ? t(route.title) : t('notFound.title')} · ${t('shell.product')}`;
  });

  // After a navigation, focus the new page's heading (not on the first load).
  const [first, setFirst] = useState(true);
  useEffect(() => {
    if (first) {
      setFirst(false);
      return;
    }
    window.scrollTo(0, 0);
    const timer = setTimeout(() => document.getElementById('page-title')?.focus({ preventScroll: true }), 50);
    return () => clearTimeout(timer);
  }, [pathname]);

  if (!route) {
    return (
      <>
        <PageTitle>{t('notFound.title')}</PageTitle>
        <p>{t('notFound.text')}</p>
        <p>
          <a href="/">{t('notFound.home')}</a>
        </p>
      </>
    );
  }
  if (route.area === 'staff') {
    if (!loaded) return <Loading />;
    if (!me || me.kind !== 'official') {
      return (
        <>
          <PageTitle>{t(route.title)}</PageTitle>
          <Alert kind="info">{t('shell.staffOnly')}</Alert>
          <p>
            <a class="button" href={`/sign-in?next=${encodeURIComponent(pathname + search)}`}>
              {t('shell.signIn')}
            </a>
          </p>
        </>
      );
    }
  }
  if (loadError) return <Alert>{loadError}</Alert>;
  if (!Page) return <Loading />;
  return <Page params={matched.params} query={new URLSearchParams(search)} />;
}

export function Shell() {
  const { t } = useI18n();
  const { me } = useSession();
  const { pathname } = useLocation();
  const staff = pathname.startsWith('/staff');
  if (matchRoute(pathname)?.route.bare) {
    // Nothing to wander off to: no header, navigation, sign-in link or footer.
    return (
      <div class="app app-bare" onClick={onLinkClick}>
        <main id="main" class="main" tabIndex={-1}>
          <RoutedPage />
        </main>
      </div>
    );
  }
  return (
    <div class={`app ${staff ? 'area-staff' : 'area-public'}`} onClick={onLinkClick}>
      <a class="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header class="header">
        <div class="header-row">
          <a class="brand" href={staff ? '/staff' : '/'}>
            <span class="brand-mark" aria-hidden="true">
              0
            </span>
            <span>{t('shell.product')}</span>
          </a>
          <div class="header-tools">
            <LanguageSwitcher />
            {me?.kind === 'official' ? <NoticeBell /> : null}
            <Account />
          </div>
        </div>
        <Navigation area="public" />
        {me?.kind === 'official' ? <Navigation area="staff" /> : null}
      </header>
      <main id="main" class="main" tabIndex={-1}>
        <RoutedPage />
      </main>
      <footer class="footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </div>
  );
}
