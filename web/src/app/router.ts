/**
 * The route table. Each feature registers its pages here (see features/index.ts); a page is
 * either bundled with the first load (resident pages) or loaded when first visited.
 */
import type { ComponentType } from 'preact';
import { changeSignal } from './changes.ts';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

export type PageComponent = ComponentType<PageProps>;

export interface Route {
  /** '/track/:code' style; ':name' matches one path segment. */
  path: string;
  /** Title key in the locale files. */
  title: string;
  /** 'public' pages are open to all; 'staff' pages need an official's session. */
  area: 'public' | 'staff';
  /** Shown without the site's header, navigation and footer (the counter tablet's kiosk). */
  bare?: boolean;
  page?: PageComponent;
  load?: () => Promise<{ default: PageComponent }>;
  /** A link to the page in its area's navigation. */
  nav?: {
    /** Label key in the locale files. */
    label: string;
    /** Where the link stands among the area's links. */
    order: number;
    /** Roles of which the official needs one to see the link (any official when absent). */
    roles?: readonly string[];
  };
}

/** A link of the navigation: a page's path, in its area. */
interface NavItem extends NonNullable<Route['nav']> {
  href: string;
  area: Route['area'];
}

interface Feature {
  name: string;
  routes: Route[];
}

const routes: Route[] = [];
const nav: NavItem[] = [];

export function registerFeature(feature: Feature): void {
  routes.push(...feature.routes);
  for (const r of feature.routes) if (r.nav) nav.push({ href: r.path, area: r.area, ...r.nav });
  nav.sort((a, b) => a.order - b.order);
}

export const navItems = (): readonly NavItem[] => nav;

function compile(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = path
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}/?$`), names };
}

export function matchRoute(pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    const { regex, names } = compile(route.path);
    const m = regex.exec(pathname);
    if (m) {
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { route, params };
    }
  }
  return null;
}

const { emit, useChanges } = changeSignal();

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  emit();
}

window.addEventListener('popstate', emit);

export function useLocation(): { pathname: string; search: string } {
  useChanges();
  return { pathname: location.pathname, search: location.search };
}

/** Same-origin links are followed without a page load; modified clicks keep their meaning. */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
