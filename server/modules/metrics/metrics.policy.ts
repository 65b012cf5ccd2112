import crypto from 'node:crypto';

interface ScrapeRequest {
  /** ZD_METRICS_TOKEN, when set. */
  token: string | undefined;
  authorization: string | undefined;
  /** The caller's address as the server sees it (the forwarded one when ZD_TRUST_PROXY=1). */
  ip: string;
  /** The request carries X-Forwarded-For: it came through a proxy, whatever its socket says. */
  forwarded: boolean;
}

export function isLoopback(ip: string): boolean {
  return ip === '::1' || /^(::ffff:)?127\./.test(ip);
}

/**
 * With a token, only `Authorization: Bearer <token>` may scrape, from anywhere. Without one, only
 * a caller on this machine: a request relayed by a proxy (X-Forwarded-For) is refused even though
 * its socket is local, so a reverse proxy on the same machine never publishes the metrics.
 */
export function mayScrape(request: ScrapeRequest): boolean {
  if (request.token) {
    const given = Buffer.from(request.authorization ?? '');
    const expected = Buffer.from(`Bearer ${request.token}`);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }
  return !request.forwarded && isLoopback(request.ip);
}
