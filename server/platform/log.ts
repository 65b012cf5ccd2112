import { pino, type Logger } from 'pino';

/** Structured logs; every request line carries its request id (reqId). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'], remove: true },
  });
}
