import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

/**
 * Query parameters whose values are personal data or grant access (`?phone=` on the inbox,
 * `?q=` words that may name someone, an attachment's file name): logged as [redacted].
 */
const sensitiveQuery = new Set(['phone', 'email', 'q', 'destination', 'code', 'token', 'accesskey', 'access_key', 'key', 'password', 'filename']);

/** The URL as logged: the path as it came, sensitive query values replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const pairs = url.slice(at + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    let key = rawKey;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    } catch {
      // A key that does not decode is logged as it came; its value is dropped below.
      return `${rawKey}=[redacted]`;
    }
    return sensitiveQuery.has(key.trim().toLowerCase()) && eq >= 0 ? `${rawKey}=[redacted]` : pair;
  });
  return `${url.slice(0, at)}?${pairs.join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Structured logs; every request line carries its request id (reqId). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'], remove: true },
      serializers: {
        req: (req: LoggedRequest) => ({
          method: req.method,
          url: redactUrl(req.url),
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort,
        }),
        // PostgreSQL's `detail` quotes the values of the failing row ("Key (phone)=(+84…)").
        err: (err: Error) => {
          const out = stdSerializers.err(err) as ReturnType<typeof stdSerializers.err> & { detail?: unknown };
          if (out && out.detail !== undefined) out.detail = '[redacted]';
          return out;
        },
      },
    },
    destination,
  );
}
