/** A logger that keeps every line it writes, for the tests that read the log. */
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../platform/log.ts';

export function keptLog(level: string): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}
