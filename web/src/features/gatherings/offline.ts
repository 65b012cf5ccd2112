/**
 * Registers the service worker (web/public/sw.js) that lets the console load and show its
 * gathering without a network, and fills its cache at once with what this page already loaded
 * (the app shell, the app's files, the session, the gathering): the page was fetched before the
 * worker existed, and a tablet may lose the network before it loads anything again.
 */

/** The cache the service worker answers from; sw.js names it too. */
const cacheName = 'zd-offline-v1';

export function registerOffline(apiPaths: string[]): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || typeof caches === 'undefined') return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(
    () => void warm(apiPaths).catch(() => undefined),
    () => {
      /* no service worker (private window, old browser): the queue still keeps entries */
    },
  );
}

async function warm(apiPaths: string[]): Promise<void> {
  const cache = await caches.open(cacheName);
  const assets = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
    .map((u) => u.pathname);
  await cache.addAll([...new Set(assets)]);
  const keep = async (url: string, key = url) => {
    const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json, text/html' } });
    if (response.ok) await cache.put(key, response);
  };
  await keep(location.pathname, '/__shell');
  await Promise.all(['/api/v1/auth/session', '/api/v1/config', ...apiPaths].map((p) => keep(p)));
}
