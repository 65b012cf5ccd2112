/**
 * The console's local queue: every entry is kept on the device (localStorage) with its
 * idempotency key before it is sent, and sent again until the server has it. The server records
 * a key once, so an entry sent twice (an answer lost on the way back) still counts once.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../app/api.ts';
import type { Entry, EntryOutcome } from './types.ts';

export interface QueuedEntry {
  gathering: number;
  body: Entry;
  queuedAt: string;
}

interface RefusedEntry extends QueuedEntry {
  message: string;
}

const queueKey = 'zd.console.queue';
const refusedKey = 'zd.console.refused';
const listeners = new Set<() => void>();

function read<T>(key: string): T[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]') as T[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function write<T>(key: string, list: T[]): void {
  localStorage.setItem(key, JSON.stringify(list));
  listeners.forEach((l) => l());
}

const queuedEntries = (gathering?: number) => read<QueuedEntry>(queueKey).filter((e) => gathering === undefined || e.gathering === gathering);
const refusedEntries = (gathering: number) => read<RefusedEntry>(refusedKey).filter((e) => e.gathering === gathering);

export function dismissRefused(gathering: number): void {
  write(refusedKey, read<RefusedEntry>(refusedKey).filter((e) => e.gathering !== gathering));
}

/** Keeps the entry on the device, then tries to send everything waiting. */
export function enqueue(gathering: number, body: Entry): Promise<FlushResult> {
  write(queueKey, [...read<QueuedEntry>(queueKey), { gathering, body, queuedAt: new Date().toISOString() }]);
  return flush();
}

interface FlushResult {
  sent: EntryOutcome[];
  waiting: number;
  offline: boolean;
}

let running: Promise<FlushResult> | null = null;

/**
 * Sends the waiting entries in the order they were made. A network failure or a server error
 * stops the round (the entry waits for the next); a refusal (4xx) takes the entry out of the
 * queue and keeps it, with the server's message, for the official to see.
 */
function flush(): Promise<FlushResult> {
  running ??= (async () => {
    const sent: EntryOutcome[] = [];
    let offline = false;
    try {
      for (;;) {
        const next = read<QueuedEntry>(queueKey)[0];
        if (!next) break;
        try {
          sent.push(await api.post<EntryOutcome>(`/gatherings/${next.gathering}/entries`, next.body));
        } catch (e) {
          if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
            write(refusedKey, [...read<RefusedEntry>(refusedKey), { ...next, message: e.message }]);
          } else {
            offline = e instanceof ApiError && e.status === 0;
            break;
          }
        }
        write(queueKey, read<QueuedEntry>(queueKey).filter((q) => q.body.key !== next.body.key));
      }
    } finally {
      running = null;
    }
    return { sent, waiting: read<QueuedEntry>(queueKey).length, offline };
  })();
  return running;
}

/** The waiting and refused entries of a gathering; sends again when the network returns and every 20 seconds. */
export function useQueue(gathering: number, onSent: () => void): { waiting: QueuedEntry[]; refused: RefusedEntry[]; online: boolean } {
  const [, setTick] = useState(0);
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const changed = () => setTick((n) => n + 1);
    listeners.add(changed);
    const retry = () => {
      if (queuedEntries().length) void flush().then((r) => r.sent.length && onSent());
    };
    const up = () => {
      setOnline(true);
      retry();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    // Another tab of the same console wrote the queue.
    window.addEventListener('storage', changed);
    const timer = setInterval(retry, 20_000);
    retry();
    return () => {
      listeners.delete(changed);
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.removeEventListener('storage', changed);
      clearInterval(timer);
    };
  }, [gathering]);
  return { waiting: queuedEntries(gathering), refused: refusedEntries(gathering), online };
}
