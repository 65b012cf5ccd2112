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

const levelNames: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
/** Fields every pino line carries, or that the short form shows in its own way. */
const shownApart = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err']);

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * Short lines for a person at a terminal: "16:50:03 expired sessions removed sessions=3". Requests
 * are one line each ("GET /api/v1/units 200 4 ms") and only when `requests` is set (LOG_LEVEL
 * debug), so that the demo sign-ins and the console's SMS codes stay in view.
 */
export function prettyDestination(opts: { requests: boolean; write?: (text: string) => void }): DestinationStream {
  const write = opts.write ?? ((text: string) => void process.stdout.write(text));
  const pending = new Map<string, string>();
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        write(line);
        return;
      }
      const reqId = typeof entry.reqId === 'string' ? entry.reqId : undefined;
      const req = entry.req as { method?: string; url?: string } | undefined;
      const res = entry.res as { statusCode?: number } | undefined;
      const level = Number(entry.level);
      if (reqId && req && entry.msg === 'incoming request') {
        if (opts.requests) pending.set(reqId, `${req.method} ${req.url}`);
        return;
      }
      if (reqId && res && entry.msg === 'request completed') {
        const request = pending.get(reqId);
        pending.delete(reqId);
        if (opts.requests) write(`${clock(entry.time)} ${request ?? ''} ${res.statusCode} ${Math.round(Number(entry.responseTime))} ms\n`);
        return;
      }
      // Fastify's "Server listening at …", one per address: the serve command says where once.
      if (typeof entry.msg === 'string' && entry.msg.startsWith('Server listening at') && !opts.requests) return;
      const fields = Object.entries(entry)
        .filter(([key, value]) => !shownApart.has(key) && value !== undefined)
        .map(([key, value]) => `${key}=${shortValue(value)}`);
      const err = entry.err as { message?: string; stack?: string } | undefined;
      const parts = [
        clock(entry.time),
        level >= 40 || level < 30 ? (levelNames[level] ?? String(level)).toUpperCase() : '',
        String(entry.msg ?? ''),
        ...fields,
        err?.message && err.message !== entry.msg ? `: ${err.message}` : '',
      ].filter(Boolean);
      write(`${parts.join(' ')}\n`);
      if (err?.stack && level >= 50) write(`${err.stack}\n`);
    },
  };
}

function clock(time: unknown): string {
  const date = new Date(typeof time === 'number' ? time : Date.now());
  return date.toTimeString().slice(0, 8);
}

/** The server's logger as configured: short lines at a terminal, JSON otherwise. */
export function createConfiguredLogger(config: { logLevel: string; logFormat: 'pretty' | 'json' }): Logger {
  if (config.logFormat === 'json') return createLogger(config.logLevel);
  const requests = ['debug', 'trace'].includes(config.logLevel);
  return createLogger(config.logLevel, prettyDestination({ requests }));
}
