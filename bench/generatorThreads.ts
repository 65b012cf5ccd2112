/**
 * Worker threads that make the load's batches of petitions (bench/generator.worker.ts): the
 * batches come back in order, with a few being made ahead while the loading thread writes.
 */
import { Worker } from 'node:worker_threads';
import type { BatchBytes, BatchRequest } from './generator.worker.ts';
import type { GeneratorOptions, World } from './workload.ts';

// Node 20 does not hand the TypeScript loader to worker threads: each registers it first.
const workerEntry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./generator.worker.ts', import.meta.url).href)}); })`;

interface Waiting {
  resolve(batch: BatchBytes): void;
  reject(error: Error): void;
}

export class GeneratorThreads {
  readonly #workers: Worker[];
  readonly #waiting = new Map<number, Waiting>();
  #failure: Error | null = null;

  constructor(world: World, options: GeneratorOptions, threads: number) {
    this.#workers = Array.from({ length: Math.max(1, threads) }, () => {
      const worker = new Worker(workerEntry, { eval: true, workerData: { world, options } });
      worker.on('message', (batch: BatchBytes) => {
        this.#waiting.get(batch.from)?.resolve(batch);
        this.#waiting.delete(batch.from);
      });
      worker.on('error', (e) => this.#fail(e));
      worker.on('exit', (code) => {
        if (this.#waiting.size) this.#fail(new Error(`a generator thread stopped (exit code ${code}) before its batches were made`));
      });
      return worker;
    });
  }

  #fail(e: Error): void {
    this.#failure ??= e;
    for (const w of this.#waiting.values()) w.reject(e);
    this.#waiting.clear();
  }

  #request(index: number, from: number, to: number): Promise<BatchBytes> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#waiting.set(from, { resolve, reject });
      const request: BatchRequest = { from, to };
      this.#workers[index % this.#workers.length].postMessage(request);
    });
  }

  /** Petitions from..to-1 in batches of `size`, in id order. */
  async *batches(from: number, to: number, size: number): AsyncGenerator<BatchBytes> {
    const starts: number[] = [];
    for (let s = from; s < to; s += size) starts.push(s);
    const ahead: Array<Promise<BatchBytes>> = [];
    let next = 0;
    const requestNext = () => {
      if (next >= starts.length) return;
      const start = starts[next];
      const made = this.#request(next++, start, Math.min(start + size, to));
      made.catch(() => {}); // awaited in order below; a failure surfaces there
      ahead.push(made);
    };
    for (let i = 0; i < this.#workers.length * 2; i++) requestNext();
    while (ahead.length) {
      const batch = await ahead.shift()!;
      requestNext();
      yield batch;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
